#!/usr/bin/env bash
# Pins the Dockerfile's base images by digest: asks the registry for the digest each tag points to now and
# rewrites the ARG lines to tag@sha256:.... Needs Docker with buildx and access to Docker Hub.
#   docker/pin-images.sh && git diff docker/Dockerfile
set -euo pipefail
cd "$(dirname "$0")"
for arg in BUILD_IMAGE RUN_IMAGE; do
    image=$(sed -n "s/^ARG $arg=//p" Dockerfile)
    tag=${image%@*}
    digest=$(docker buildx imagetools inspect "$tag" --format '{{json .Manifest.Digest}}' | tr -d '"')
    [[ "$digest" =~ ^sha256:[0-9a-f]{64}$ ]] || { echo "pin-images: no digest for $tag" >&2; exit 1; }
    sed -i "s|^ARG $arg=.*|ARG $arg=$tag@$digest|" Dockerfile
    echo "$arg=$tag@$digest"
done
