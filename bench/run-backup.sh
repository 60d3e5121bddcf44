#!/usr/bin/env bash
# Backup benchmark (issue 13): how long `ijwi backup` takes over 1,000,000 reports while the server runs, and
# `ijwi restore` of that file into a new data dir (initdb, migrations and the load included). Fresh data dir;
# seeds COUNT reports; server on CPU 0 (-Xmx256m); backup and restore commands on CPU 1 with -Xmx256m (a
# streamed backup must not need the heap to grow with the rows). Reports wall time and CPU seconds of the
# command's JVM and of PostgreSQL. Writes bench/results/<date>-backup.txt. Run alone:
#   flock /tmp/ijwi-bench.lock bash bench/run-backup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-1000000}
PORT=7084
command -v taskset >/dev/null || { echo "bench/run-backup.sh needs taskset (Debian: util-linux)" >&2; exit 1; }
[ -f target/ijwi.jar ] || mvn -q -DskipTests package
DATA=$(mktemp -d /tmp/ijwi-bench.XXXX)
KEYDIR=$(mktemp -d /tmp/ijwi-bench-key.XXXX)
OUT=bench/results/$(date -u +%Y-%m-%dT%H%MZ)-backup.txt
head -c 32 /dev/urandom | base64 > "$KEYDIR/backup.key"

. bench/lib.sh
seconds() { awk "BEGIN {printf \"%.1f\", ($(date +%s%N) - $1) / 1e9}"; }
# cpu_of CMD...: runs the command on CPU 1, prints its output, then "wall W s, JVM CPU C s" on stderr.
timed() {
    local t0 out; t0=$(date +%s%N)
    /usr/bin/time -f "%U %S %M" -o "$KEYDIR/time" taskset -c 1 java -Xmx256m "$@"
    read -r user sys maxrss < "$KEYDIR/time"
    echo "  wall $(seconds "$t0") s, command JVM CPU $(awk "BEGIN {print $user + $sys}") s, max RSS $((maxrss / 1024)) MB"
}

{
echo "commit: $(git rev-parse --short HEAD)"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT"

IJWI_DATA_DIR=$DATA IJWI_PORT=$PORT taskset -c 0 java -Xmx256m -Xms256m -jar target/ijwi.jar > "$DATA/../$(basename "$DATA").log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$DATA" "$DATA.log" "$KEYDIR" /tmp/ijwi-bench-restored.*' EXIT
wait_health $PORT 600
echo "seed: $(IJWI_DATA_DIR=$DATA taskset -c 1 java -jar target/ijwi.jar seed reports --count "$COUNT" --seed 1 2>/dev/null)" | tee -a "$OUT"
sleep 5
echo "database size: $(du -sh "$DATA/postgres" | cut -f1)" | tee -a "$OUT"

PG0=$(pg_ticks "$DATA/postgres")
echo "backup (server running, joined):" | tee -a "$OUT"
IJWI_DATA_DIR=$DATA timed -jar target/ijwi.jar backup "$KEYDIR/ijwi.backup" --key-file "$KEYDIR/backup.key" 2>&1 | tee -a "$OUT"
echo "  PostgreSQL CPU $(awk "BEGIN {print ($(pg_ticks "$DATA/postgres") - $PG0) / 100}") s (server and backends)" | tee -a "$OUT"
echo "  file: $(stat -c '%s bytes, mode %a' "$KEYDIR/ijwi.backup")" | tee -a "$OUT"

RESTORED=$(mktemp -u /tmp/ijwi-bench-restored.XXXX)
echo "restore (new data dir: initdb, migrations, load, counts):" | tee -a "$OUT"
IJWI_DATA_DIR=$RESTORED timed -jar target/ijwi.jar restore "$KEYDIR/ijwi.backup" --key-file "$KEYDIR/backup.key" 2>&1 | tee -a "$OUT"
echo "restored database size: $(du -sh "$RESTORED/postgres" | cut -f1)" | tee -a "$OUT"
