#!/usr/bin/env bash
# USSD hop benchmark (issue 6): Ijwi and the floor, each pinned to CPU 0 with -Xmx256m, the load generator
# pinned to CPU 1, 32 concurrent clients. Writes bench/results/<date>-ussd.txt and prints the figures.
#   bash bench/run-ussd.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-30}
CLIENTS=32
[ -f target/ijwi.jar ] || mvn -q -DskipTests package
DATA=$(mktemp -d /tmp/ijwi-bench.XXXX)
OUT=bench/results/$(date -u +%Y-%m-%dT%H%MZ)-ussd.txt
JVM="-Xmx256m -Xms256m"
PIN_SERVER="taskset -c 0"
PIN_LOAD="taskset -c 1"
command -v taskset >/dev/null || { PIN_SERVER=""; PIN_LOAD=""; echo "taskset missing: not pinning" >&2; }

peak_rss_kb() { grep VmHWM "/proc/$1/status" | awk '{print $2}'; }
wait_health() { for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$1/health" >/dev/null && return 0; sleep 0.1; done; return 1; }

echo "machine: $(nproc) cores, $(grep MemTotal /proc/meminfo | awk '{print $2/1024/1024 " GiB"}'), $(java -version 2>&1 | head -1)" | tee "$OUT"

# Ijwi (first start initialises the embedded database; then restart to measure start-up on an existing data dir)
IJWI_DATA_DIR=$DATA IJWI_PORT=7081 $PIN_SERVER java $JVM -jar target/ijwi.jar > "$DATA/init.log" 2>&1 &
PID=$!; wait_health 7081; kill $PID; wait $PID 2>/dev/null || true
START=$(date +%s%N)
IJWI_DATA_DIR=$DATA IJWI_PORT=7081 $PIN_SERVER java $JVM -jar target/ijwi.jar > "$DATA/serve.log" 2>&1 &
PID=$!; wait_health 7081
echo "startup_ms_existing_data_dir=$(( ($(date +%s%N) - START) / 1000000 ))" | tee -a "$OUT"
TOKEN=$(cat "$DATA/webhook.token")
$PIN_LOAD java bench/UssdLoad.java http://127.0.0.1:7081 "$TOKEN" $CLIENTS "$SECONDS_PER_RUN" ijwi | tee -a "$OUT"
echo "ijwi_peak_rss_mb=$(( $(peak_rss_kb $PID) / 1024 ))" | tee -a "$OUT"
REPORTS=$(IJWI_DATA_DIR=$DATA java -jar target/ijwi.jar export reports 2>/dev/null | tail -n +2 | wc -l)
echo "reports_committed=$REPORTS" | tee -a "$OUT"
kill $PID; wait $PID 2>/dev/null || true

# The floor
$PIN_SERVER java $JVM -cp target/ijwi.jar bench/Floor.java 7090 > "$DATA/floor.log" 2>&1 &
FPID=$!; wait_health 7090
$PIN_LOAD java bench/UssdLoad.java http://127.0.0.1:7090 none $CLIENTS "$SECONDS_PER_RUN" floor | tee -a "$OUT"
echo "floor_peak_rss_mb=$(( $(peak_rss_kb $FPID) / 1024 ))" | tee -a "$OUT"
kill $FPID; wait $FPID 2>/dev/null || true

IJWI_RPS=$(grep '^label=ijwi' "$OUT" | sed 's/.* rps=\([0-9]*\).*/\1/')
FLOOR_RPS=$(grep '^label=floor' "$OUT" | sed 's/.* rps=\([0-9]*\).*/\1/')
echo "ratio_of_floor=$(awk "BEGIN {printf \"%.2f\", $IJWI_RPS / $FLOOR_RPS}")" | tee -a "$OUT"
rm -rf "$DATA"
