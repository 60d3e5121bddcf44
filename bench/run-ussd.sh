#!/usr/bin/env bash
# USSD hop benchmark (issues 6 and 15): Ijwi, the floor and, where node and npm are present, two npm USSD menu
# libraries (ussd-menu-builder, ussd-builder: bench/peers/peer.js, installed into bench/peers/node_modules on
# first use), each alone on CPU 0 (-Xmx256m for the JVMs), wrk on CPU 1 driving 32 connections of bench/ussd.lua.
# MIX=full (the default): every Ijwi session is a full 10-hop report (consent, district, sector, service, gap,
# comment, quote consent, send) whose report is committed before its END; MIX=present: the issue-6 mix (5-9 hops,
# some abandon). Each server is warmed up first (W seconds of the same load, not counted), then measured for S
# seconds. Besides wrk's figures it records reports committed per second, the CPU time the server used per hop
# (the JVM plus, for Ijwi, its embedded PostgreSQL; node for the peers), Ijwi's threads' CPU per hop, and ends
# with a summary table whose ratios are to the floor and the peers of the same run.
# Writes bench/results/<date>-ussd.txt. Runs unattended; run it under flock /tmp/ijwi-bench.lock.
#   bash bench/run-ussd.sh [seconds] [warm-up seconds]
# Environment: MIX=full|present, IJWI_JAR (default target/ijwi.jar), PROFILE=file.jfr (JFR of Ijwi's measured
# run), ASPROF=file.txt (async-profiler CPU samples of Ijwi's measured run, collapsed stacks: python3 bench/fold.py),
# PEERS=0 (skip the npm peers), STARTUP=0 (skip the start-up timings), EXTRA_JVM_OPTS (Ijwi's JVM).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-30}
WARMUP=${2:-30}
CLIENTS=32
command -v wrk >/dev/null || { echo "bench/run-ussd.sh needs wrk (Debian: apt-get install -y wrk)" >&2; exit 1; }
command -v taskset >/dev/null || { echo "bench/run-ussd.sh needs taskset (Debian: util-linux)" >&2; exit 1; }
JAR=${IJWI_JAR:-target/ijwi.jar}
[ -f "$JAR" ] || mvn -q -DskipTests package
export MIX=${MIX:-full}
DATA=$(mktemp -d /tmp/ijwi-bench.XXXX)
OUT=bench/results/$(date -u +%Y-%m-%dT%H%MZ)-ussd.txt
JVM="-Xmx256m -Xms256m -Xlog:gc:file=$DATA/gc-%p.log"
COMMIT=${JAR_COMMIT:-$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo +changes)}

peak_rss_kb() { grep VmHWM "/proc/$1/status" | awk '{print $2}'; }
. bench/lib.sh
# load LABEL PORT PID [PGDATA]: warm up, then measure; prints wrk's line and the CPU per request (JVM, PostgreSQL).
load() {
    TOKEN=$TOKEN LABEL=warm-up RUN="$1w$RANDOM" taskset -c 1 wrk -t$CLIENTS -c$CLIENTS -d"${WARMUP}s" -s bench/ussd.lua "http://127.0.0.1:$2" >/dev/null
    local jvm0 pg0 jvm1 pg1 line requests
    if [ "$1" = ijwi ] && [ -n "${PROFILE:-}" ]; then
        jcmd "$3" JFR.start name=bench settings=profile duration=${SECONDS_PER_RUN}s filename="$(realpath -m "$PROFILE")" >/dev/null
    fi
    [ "$1" != ijwi ] || [ -z "${ASPROF:-}" ] || asprof_start "$3"
    [ "$1" != ijwi ] || thread_cpu "$3" > "$DATA/threads0"
    jvm0=$(ticks "$3"); pg0=$(pg_ticks "${4:-}")
    line=$(TOKEN=$TOKEN LABEL=$1 RUN="$1m$RANDOM" taskset -c 1 wrk -t$CLIENTS -c$CLIENTS -d"${SECONDS_PER_RUN}s" -s bench/ussd.lua "http://127.0.0.1:$2" | grep '^label=')
    jvm1=$(ticks "$3"); pg1=$(pg_ticks "${4:-}")
    [ "$1" != ijwi ] || [ -z "${ASPROF:-}" ] || asprof_stop "$3" "$ASPROF"
    requests=$(echo "$line" | sed 's/.* requests=\([0-9]*\).*/\1/')
    [ "$1" != ijwi ] || thread_cpu "$3" > "$DATA/threads1"
    echo "$line cpu_us_per_request=$(awk "BEGIN {printf \"%.0f\", ($jvm1 - $jvm0 + $pg1 - $pg0) * 10000 / $requests}") jvm_us=$(awk "BEGIN {printf \"%.0f\", ($jvm1 - $jvm0) * 10000 / $requests}") postgres_us=$(awk "BEGIN {printf \"%.0f\", ($pg1 - $pg0) * 10000 / $requests}")"
}

{
echo "machine: $(nproc) cores, $(grep MemTotal /proc/meminfo | awk '{printf "%.1f GiB", $2/1024/1024}'), $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "run: MIX=$MIX, $CLIENTS connections, warm-up ${WARMUP} s, measured ${SECONDS_PER_RUN} s; server on CPU 0 (-Xmx256m), wrk on CPU 1; commit $COMMIT$(env | grep -E '^IJWI_(HTTP_THREADS|DATABASE_POOL|SMS_[A-Z_]+)=' | sort | sed 's/^/; /' | tr -d '\n')"
} | tee "$OUT"

# Ijwi: the first start initialises the embedded database (timed separately) and records a class-data archive
# at exit; then start-up on the existing data dir is timed three times without the archive and three times
# with it (README, "Faster start-up"); the last start serves the load.
START=$(date +%s%N)
IJWI_DATA_DIR=$DATA IJWI_PORT=7081 taskset -c 0 java $JVM -XX:ArchiveClassesAtExit="$DATA/ijwi.jsa" -jar "$JAR" > "$DATA/init.log" 2>&1 &
PID=$!; wait_health 7081
echo "first_start_ms_initialising_database_one_core=$(( ($(date +%s%N) - START) / 1000000 ))" | tee -a "$OUT"
kill $PID; wait $PID 2>/dev/null || true
startup() { # startup LABEL JVM-OPTIONS...: three timed starts, leaving the last one running as $PID
    local label=$1 times=() start; shift
    for i in 1 2 3; do
        [ "$i" = 1 ] || { kill $PID; wait $PID 2>/dev/null || true; }
        start=$(date +%s%N)
        IJWI_DATA_DIR=$DATA IJWI_PORT=7081 taskset -c 0 java $JVM "$@" -jar "$JAR" > "$DATA/serve.log" 2>&1 &
        PID=$!; wait_health 7081
        times+=($(( ($(date +%s%N) - start) / 1000000 )))
    done
    echo "startup_ms_existing_data_dir_one_core_$label=${times[*]}" | tee -a "$OUT"
}
if [ "${STARTUP:-1}" = 0 ]; then
    IJWI_DATA_DIR=$DATA IJWI_PORT=7081 taskset -c 0 java $JVM ${EXTRA_JVM_OPTS:-} -XX:SharedArchiveFile="$DATA/ijwi.jsa" -jar "$JAR" > "$DATA/serve.log" 2>&1 &
    PID=$!; wait_health 7081
else
    startup plain -Xshare:auto
    kill $PID; wait $PID 2>/dev/null || true
    startup class_archive -XX:SharedArchiveFile="$DATA/ijwi.jsa" ${EXTRA_JVM_OPTS:-}
fi
TOKEN=$(cat "$DATA/webhook.token")
load ijwi 7081 $PID "$DATA/postgres" | tee -a "$OUT"
HOPS=$(grep '^label=ijwi' "$OUT" | sed 's/.* requests=\([0-9]*\).*/\1/')
echo "ijwi_thread_cpu_per_hop (JVM threads, measured run):" | tee -a "$OUT"
thread_cpu_diff "$DATA/threads0" "$DATA/threads1" "$HOPS" | tee -a "$OUT"
echo "ijwi_peak_rss_mb=$(( $(peak_rss_kb $PID) / 1024 ))" | tee -a "$OUT"
echo "ijwi_gc_pauses young=$(grep -c 'Pause Young' "$DATA/gc-$PID.log" || true) full=$(grep -c 'Pause Full' "$DATA/gc-$PID.log" || true)" | tee -a "$OUT"
REPORTS=$(IJWI_DATA_DIR=$DATA java -jar "$JAR" export reports 2>/dev/null | tail -n +2 | wc -l)
echo "reports_committed=$REPORTS" | tee -a "$OUT"
kill $PID; wait $PID 2>/dev/null || true

# The floor
taskset -c 0 java $JVM -cp "$JAR" bench/Floor.java 7090 > "$DATA/floor.log" 2>&1 &
FPID=$!; wait_health 7090
TOKEN=none
load floor 7090 $FPID | tee -a "$OUT"
echo "floor_peak_rss_mb=$(( $(peak_rss_kb $FPID) / 1024 ))" | tee -a "$OUT"
kill $FPID; wait $FPID 2>/dev/null || true


# The npm peers: node on CPU 0, the same wrk load (full 10-screen sessions; nothing stored).
if [ "${PEERS:-1}" != 0 ] && command -v node >/dev/null && command -v npm >/dev/null; then
    for lib in ussd-menu-builder ussd-builder; do
        [ -d "bench/peers/node_modules/$lib" ] || (cd bench/peers && npm install --no-audit --no-fund --no-save "$lib" >/dev/null 2>&1) || true
        if [ -d "bench/peers/node_modules/$lib" ]; then
            taskset -c 0 node bench/peers/peer.js "$lib" 7091 > "$DATA/$lib.log" 2>&1 &
            NPID=$!; wait_health 7091
            echo "${lib}_version=$(node -p "require('./bench/peers/node_modules/$lib/package.json').version") node=$(node --version)" | tee -a "$OUT"
            load "$lib" 7091 $NPID | tee -a "$OUT"
            echo "${lib}_peak_rss_mb=$(( $(peak_rss_kb $NPID) / 1024 ))" | tee -a "$OUT"
            kill $NPID; wait $NPID 2>/dev/null || true
        else
            echo "$lib: not installed (npm install failed: offline?); skipped" | tee -a "$OUT"
        fi
    done
else
    echo "peers: skipped (PEERS=0, or node/npm not installed)" | tee -a "$OUT"
fi

val() { grep "^label=$1 " "$OUT" | sed "s/.* $2=\([0-9.]*\).*/\1/"; }
ratio() { [ -n "$(val "$2" rps)" ] && awk "BEGIN {printf \"%.2f\", $(val "$1" "$3") / $(val "$2" "$3")}" || echo "-"; }
cpu_ratio() { [ -n "$(val "$2" cpu_us_per_request)" ] && awk "BEGIN {printf \"%.2f\", $(val "$2" cpu_us_per_request) / $(val "$1" cpu_us_per_request)}" || echo "-"; }
echo "ratio_of_floor_rps=$(ratio ijwi floor rps) ratio_of_floor_cpu_per_request=$(cpu_ratio ijwi floor)" | tee -a "$OUT"
{
echo
echo "Summary ($(date -u +%Y-%m-%d), commit $COMMIT, MIX=$MIX, load average at start $(head -1 "$OUT" | sed 's/.*load average //'))"
echo "| server | hops/s | reports/s | p50 ms | p99 ms | errors | CPU us/hop | Ijwi hops/s as a share of it | by CPU per hop |"
echo "|---|---|---|---|---|---|---|---|---|"
for label in ijwi floor ussd-menu-builder ussd-builder; do
    [ -n "$(val $label rps)" ] || continue
    echo "| $label | $(val $label rps) | $(val $label reports_per_second) | $(val $label p50_ms) | $(val $label p99_ms) | $(val $label errors) | $(val $label cpu_us_per_request) | $(ratio ijwi $label rps) | $(cpu_ratio ijwi $label) |"
done
echo "Ijwi reports committed (whole run, in the database): $REPORTS"
} | tee -a "$OUT"
rm -rf "$DATA"
