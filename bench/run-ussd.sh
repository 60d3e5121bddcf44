#!/usr/bin/env bash
# USSD hop benchmark (issue 6): Ijwi and the floor, each pinned to CPU 0 with -Xmx256m, wrk pinned to CPU 1
# driving 32 connections of realistic report sessions (bench/ussd.lua). Each server is warmed up first (W
# seconds of the same load, not counted: on one core the JIT needs most of half a minute), then measured for
# S seconds. Besides wrk's figures it records the CPU time the server used per request (the JVM plus, for
# Ijwi, its embedded PostgreSQL), which drifts less than requests per second on a shared machine.
# Writes bench/results/<date>-ussd.txt.
#   bash bench/run-ussd.sh [seconds] [warm-up seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-30}
WARMUP=${2:-30}
CLIENTS=32
command -v wrk >/dev/null || { echo "bench/run-ussd.sh needs wrk (Debian: apt-get install -y wrk)" >&2; exit 1; }
command -v taskset >/dev/null || { echo "bench/run-ussd.sh needs taskset (Debian: util-linux)" >&2; exit 1; }
[ -f target/ijwi.jar ] || mvn -q -DskipTests package
DATA=$(mktemp -d /tmp/ijwi-bench.XXXX)
OUT=bench/results/$(date -u +%Y-%m-%dT%H%MZ)-ussd.txt
JVM="-Xmx256m -Xms256m -Xlog:gc:file=$DATA/gc-%p.log"

peak_rss_kb() { grep VmHWM "/proc/$1/status" | awk '{print $2}'; }
. bench/lib.sh
# load LABEL PORT PID [PGDATA]: warm up, then measure; prints wrk's line and the CPU per request (JVM, PostgreSQL).
load() {
    TOKEN=$TOKEN LABEL=warm-up RUN="$1w$RANDOM" taskset -c 1 wrk -t$CLIENTS -c$CLIENTS -d"${WARMUP}s" -s bench/ussd.lua "http://127.0.0.1:$2" >/dev/null
    local jvm0 pg0 jvm1 pg1 line requests
    jvm0=$(ticks "$3"); pg0=$(pg_ticks "${4:-}")
    line=$(TOKEN=$TOKEN LABEL=$1 RUN="$1m$RANDOM" taskset -c 1 wrk -t$CLIENTS -c$CLIENTS -d"${SECONDS_PER_RUN}s" -s bench/ussd.lua "http://127.0.0.1:$2" | grep '^label=')
    jvm1=$(ticks "$3"); pg1=$(pg_ticks "${4:-}")
    requests=$(echo "$line" | sed 's/.* requests=\([0-9]*\).*/\1/')
    echo "$line cpu_us_per_request=$(awk "BEGIN {printf \"%.0f\", ($jvm1 - $jvm0 + $pg1 - $pg0) * 10000 / $requests}") jvm_us=$(awk "BEGIN {printf \"%.0f\", ($jvm1 - $jvm0) * 10000 / $requests}") postgres_us=$(awk "BEGIN {printf \"%.0f\", ($pg1 - $pg0) * 10000 / $requests}")"
}

{
echo "machine: $(nproc) cores, $(grep MemTotal /proc/meminfo | awk '{printf "%.1f GiB", $2/1024/1024}'), $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "run: $CLIENTS connections, warm-up ${WARMUP} s, measured ${SECONDS_PER_RUN} s; server on CPU 0 (-Xmx256m), wrk on CPU 1"
} | tee "$OUT"

# Ijwi: the first start initialises the embedded database (timed separately) and records a class-data archive
# at exit; then start-up on the existing data dir is timed three times without the archive and three times
# with it (README, "Faster start-up"); the last start serves the load.
START=$(date +%s%N)
IJWI_DATA_DIR=$DATA IJWI_PORT=7081 taskset -c 0 java $JVM -XX:ArchiveClassesAtExit="$DATA/ijwi.jsa" -jar target/ijwi.jar > "$DATA/init.log" 2>&1 &
PID=$!; wait_health 7081
echo "first_start_ms_initialising_database_one_core=$(( ($(date +%s%N) - START) / 1000000 ))" | tee -a "$OUT"
kill $PID; wait $PID 2>/dev/null || true
startup() { # startup LABEL JVM-OPTIONS...: three timed starts, leaving the last one running as $PID
    local label=$1 times=() start; shift
    for i in 1 2 3; do
        [ "$i" = 1 ] || { kill $PID; wait $PID 2>/dev/null || true; }
        start=$(date +%s%N)
        IJWI_DATA_DIR=$DATA IJWI_PORT=7081 taskset -c 0 java $JVM "$@" -jar target/ijwi.jar > "$DATA/serve.log" 2>&1 &
        PID=$!; wait_health 7081
        times+=($(( ($(date +%s%N) - start) / 1000000 )))
    done
    echo "startup_ms_existing_data_dir_one_core_$label=${times[*]}" | tee -a "$OUT"
}
startup plain -Xshare:auto
kill $PID; wait $PID 2>/dev/null || true
startup class_archive -XX:SharedArchiveFile="$DATA/ijwi.jsa"
TOKEN=$(cat "$DATA/webhook.token")
load ijwi 7081 $PID "$DATA/postgres" | tee -a "$OUT"
echo "ijwi_peak_rss_mb=$(( $(peak_rss_kb $PID) / 1024 ))" | tee -a "$OUT"
echo "ijwi_gc_pauses young=$(grep -c 'Pause Young' "$DATA/gc-$PID.log" || true) full=$(grep -c 'Pause Full' "$DATA/gc-$PID.log" || true)" | tee -a "$OUT"
REPORTS=$(IJWI_DATA_DIR=$DATA java -jar target/ijwi.jar export reports 2>/dev/null | tail -n +2 | wc -l)
echo "reports_committed=$REPORTS" | tee -a "$OUT"
kill $PID; wait $PID 2>/dev/null || true

# The floor
taskset -c 0 java $JVM -cp target/ijwi.jar bench/Floor.java 7090 > "$DATA/floor.log" 2>&1 &
FPID=$!; wait_health 7090
TOKEN=none
load floor 7090 $FPID | tee -a "$OUT"
echo "floor_peak_rss_mb=$(( $(peak_rss_kb $FPID) / 1024 ))" | tee -a "$OUT"
kill $FPID; wait $FPID 2>/dev/null || true

rps() { grep "^label=$1" "$OUT" | sed 's/.* rps=\([0-9]*\).*/\1/'; }
cpu() { grep "^label=$1" "$OUT" | sed 's/.* cpu_us_per_request=\([0-9]*\).*/\1/'; }
echo "ratio_of_floor_rps=$(awk "BEGIN {printf \"%.2f\", $(rps ijwi) / $(rps floor)}") ratio_of_floor_cpu_per_request=$(awk "BEGIN {printf \"%.2f\", $(cpu floor) / $(cpu ijwi)}")" | tee -a "$OUT"
rm -rf "$DATA"
