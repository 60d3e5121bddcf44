#!/usr/bin/env bash
# Memory under the whole load (issue 6: "the whole USSD + SMS load runs in -Xmx256m without a full GC storm"):
# Ijwi pinned to CPU 0 with -Xmx256m -Xms256m and a GC log, a radio poll on air, and wrk on CPU 1 driving USSD
# sessions (bench/ussd.lua) and SMS callbacks (bench/sms.lua) at the same time, 16 connections each, after a
# warm-up of the same mix. Prints both wrk lines, the peak RSS, and the collections of the measured part (young
# and full, with the longest pause and the heap left after the last one). Writes bench/results/<date>-mixed.txt.
#   bash bench/run-mixed.sh [seconds] [warm-up seconds]
# Run it under flock /tmp/ijwi-bench.lock so that benchmarks on a shared machine do not overlap.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-60}
WARMUP=${2:-30}
PORT=7083
command -v wrk >/dev/null || { echo "bench/run-mixed.sh needs wrk (Debian: apt-get install -y wrk)" >&2; exit 1; }
[ -f target/ijwi.jar ] || mvn -q -DskipTests package
DATA=$(mktemp -d /tmp/ijwi-bench-mixed.XXXX)
OUT=bench/results/$(date -u +%Y-%m-%dT%H%MZ)-mixed.txt
PID=
trap '[ -z "$PID" ] || { kill $PID 2>/dev/null; wait $PID 2>/dev/null; }; rm -rf "$DATA"' EXIT
. bench/lib.sh

IJWI_DATA_DIR=$DATA IJWI_PORT=$PORT taskset -c 0 java -Xmx256m -Xms256m -Xlog:gc:file="$DATA/gc.log" \
    -jar target/ijwi.jar > "$DATA/serve.log" 2>&1 &
PID=$!; wait_health $PORT
API=$(admin_token "$DATA")
open_poll $PORT "$API"
TOKEN=$(cat "$DATA/webhook.token")

mix() { # mix SECONDS TAG: both loads at once; prints their two lines
    TOKEN=$TOKEN LABEL=ussd RUN="u$2$RANDOM" taskset -c 1 wrk -t16 -c16 -d"$1s" -s bench/ussd.lua "http://127.0.0.1:$PORT" > "$DATA/ussd.out" &
    local u=$!
    TOKEN=$TOKEN LABEL=sms RUN="s$2$RANDOM" taskset -c 1 wrk -t16 -c16 -d"$1s" -s bench/sms.lua "http://127.0.0.1:$PORT" > "$DATA/sms.out"
    wait $u
    grep -h '^label=' "$DATA/ussd.out" "$DATA/sms.out"
}

{
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "run: USSD and SMS at once, 16 + 16 connections, warm-up ${WARMUP} s, measured ${SECONDS_PER_RUN} s; server on CPU 0 (-Xmx256m -Xms256m), wrk on CPU 1; commit ${JAR_COMMIT:-$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo +changes)}$(env | grep -E '^IJWI_(HTTP_THREADS|DATABASE_POOL|SMS_[A-Z_]+)=' | sort | sed 's/^/; /' | tr -d '\n')"
} | tee "$OUT"
mix "$WARMUP" w > /dev/null
MARK=$(wc -l < "$DATA/gc.log")
mix "$SECONDS_PER_RUN" m | tee -a "$OUT"
tail -n +"$((MARK + 1))" "$DATA/gc.log" > "$DATA/gc-measured.log"
YOUNG=$(grep -c 'Pause Young' "$DATA/gc-measured.log" || true)
FULL=$(grep -c 'Pause Full' "$DATA/gc-measured.log" || true)
LONGEST=$(grep -o '[0-9.]*ms$' "$DATA/gc-measured.log" | tr -d 'ms' | sort -g | tail -1)
AFTER=$(grep 'Pause' "$DATA/gc-measured.log" | tail -1 | sed 's/.*->\([0-9]*M\)(.*/\1/')
echo "gc_measured young=$YOUNG full=$FULL longest_pause_ms=${LONGEST:-0} heap_after_last=${AFTER:-?} (of 256M)" | tee -a "$OUT"
echo "gc_whole_run young=$(grep -c 'Pause Young' "$DATA/gc.log" || true) full=$(grep -c 'Pause Full' "$DATA/gc.log" || true)" | tee -a "$OUT"
echo "ijwi_peak_rss_mb=$(( $(grep VmHWM /proc/$PID/status | awk '{print $2}') / 1024 ))" | tee -a "$OUT"
curl -sf -H "Authorization: Bearer $API" http://127.0.0.1:$PORT/api/v1/stats | sed 's/^/stats: /' | tee -a "$OUT"; echo | tee -a "$OUT"
