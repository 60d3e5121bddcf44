#!/usr/bin/env bash
# Inbound SMS benchmark (issue 6: >= 3,000 messages per second committed, each acknowledged only after commit):
# Ijwi pinned to CPU 0 (-Xmx256m) on a fresh data dir with a radio poll on air, wrk pinned to CPU 1 driving 32
# connections of AT incoming-message callbacks (bench/sms.lua: votes and comments, 10 % repeated ids). Warmed up
# first (W seconds of the same load, not counted), then measured for S seconds. Besides wrk's figures it records
# the CPU time per acknowledged message (JVM and embedded PostgreSQL), callbacks per commit (from /metrics),
# peak RSS, and checks that PostgreSQL holds every acknowledged new id; and for the inbound router (issue 15),
# the messages it routed per second during the measured run, how many still waited when the load stopped and
# how long it took to route them (psql reads these from the embedded database). Writes bench/results/<date>-sms.txt.
#   bash bench/run-sms.sh [seconds] [warm-up seconds]
# PROFILE=file.jfr records the measured run with JFR; ASPROF=file.txt with async-profiler (python3 bench/fold.py). EXTRA_JVM_OPTS is added to the server's command line (e.g. a JFR recording to profile it).
# Run it under flock /tmp/ijwi-bench.lock so that benchmarks on a shared machine do not overlap.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-20}
WARMUP=${2:-30}
CLIENTS=32
PORT=7082
command -v wrk >/dev/null || { echo "bench/run-sms.sh needs wrk (Debian: apt-get install -y wrk)" >&2; exit 1; }
command -v taskset >/dev/null || { echo "bench/run-sms.sh needs taskset (Debian: util-linux)" >&2; exit 1; }
JAR=${IJWI_JAR:-target/ijwi.jar}
[ -f "$JAR" ] || mvn -q -DskipTests package
DATA=$(mktemp -d /tmp/ijwi-bench-sms.XXXX)
OUT=bench/results/$(date -u +%Y-%m-%dT%H%MZ)-sms.txt
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$DATA"' EXIT

. bench/lib.sh
METRICS_PORT=$((PORT + 1000))
metric() { curl -sf "http://127.0.0.1:$METRICS_PORT/metrics" | awk -v m="$1" '$1 == m {print $2}'; }
field() { echo "$1" | sed "s/.* $2=\([0-9.]*\).*/\1/"; }

IJWI_DATA_DIR=$DATA IJWI_PORT=$PORT IJWI_METRICS_PORT=$METRICS_PORT taskset -c 0 java -Xmx256m -Xms256m ${EXTRA_JVM_OPTS:-} -jar "$JAR" > "$DATA/serve.log" 2>&1 &
PID=$!; wait_health $PORT
API=$(admin_token "$DATA")
open_poll $PORT "$API"
TOKEN=$(cat "$DATA/webhook.token")

{
echo "machine: $(nproc) cores, $(grep MemTotal /proc/meminfo | awk '{printf "%.1f GiB", $2/1024/1024}'), $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "run: $CLIENTS connections, warm-up ${WARMUP} s, measured ${SECONDS_PER_RUN} s; server on CPU 0 (-Xmx256m), wrk on CPU 1; commit ${JAR_COMMIT:-$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo +changes)}$(env | grep -E '^IJWI_(HTTP_THREADS|DATABASE_POOL|SMS_[A-Z_]+)=' | sort | sed 's/^/; /' | tr -d '\n')"
} | tee "$OUT"

# One value from Ijwi's embedded PostgreSQL (psql: Debian's postgresql-client), for the router's figures.
command -v psql >/dev/null || { echo "bench/run-sms.sh needs psql (Debian: apt-get install -y postgresql-client)" >&2; exit 1; }
sql() {
    PGPASSWORD=$(cat "$DATA/postgres.password") psql -h 127.0.0.1 -p "$(sed -n 4p "$DATA/postgres/postmaster.pid")" \
        -U postgres -d ijwi -Atqc "$1"
}

WARM=$(TOKEN=$TOKEN LABEL=warm-up RUN="w$RANDOM" taskset -c 1 wrk -t$CLIENTS -c$CLIENTS -d"${WARMUP}s" -s bench/sms.lua "http://127.0.0.1:$PORT" | grep '^label=')
echo "$WARM" | tee -a "$OUT"
COMMITS0=$(metric ijwi_sms_group_callbacks_count || true); GROUPED0=$(metric ijwi_sms_group_callbacks_sum || true)
# PROFILE=file.jfr records the measured run with JFR (settings=profile) for `jfr print`/`jfr summary`.
[ -z "${PROFILE:-}" ] || jcmd $PID JFR.start name=bench settings=profile duration=${SECONDS_PER_RUN}s filename="$(realpath -m "$PROFILE")" >/dev/null
# ASPROF=file.txt profiles the measured run with async-profiler (bench/lib.sh; python3 bench/fold.py FILE).
[ -z "${ASPROF:-}" ] || asprof_start $PID
T0=$(sql "SELECT now()")
JVM0=$(ticks $PID); PG0=$(pg_ticks "$DATA/postgres"); thread_cpu $PID > "$DATA/threads0"
LINE=$(TOKEN=$TOKEN LABEL=ijwi RUN="m$RANDOM" taskset -c 1 wrk -t$CLIENTS -c$CLIENTS -d"${SECONDS_PER_RUN}s" -s bench/sms.lua "http://127.0.0.1:$PORT" | grep '^label=')
JVM1=$(ticks $PID); PG1=$(pg_ticks "$DATA/postgres"); thread_cpu $PID > "$DATA/threads1"
T1=$(sql "SELECT now()")
[ -z "${ASPROF:-}" ] || asprof_stop $PID "$ASPROF"
COMMITS1=$(metric ijwi_sms_group_callbacks_count || true); GROUPED1=$(metric ijwi_sms_group_callbacks_sum || true)
ACKED=$(field "$LINE" acknowledged)
CPU=$(awk "BEGIN {printf \"%.0f\", ($JVM1 - $JVM0 + $PG1 - $PG0) * 10000 / $ACKED}")
echo "$LINE cpu_us_per_message=$CPU jvm_us=$(awk "BEGIN {printf \"%.0f\", ($JVM1 - $JVM0) * 10000 / $ACKED}") postgres_us=$(awk "BEGIN {printf \"%.0f\", ($PG1 - $PG0) * 10000 / $ACKED}")" | tee -a "$OUT"
if [ -n "$COMMITS1" ]; then
    echo "callbacks_per_commit=$(awk "BEGIN {printf \"%.1f\", ($GROUPED1 - ${GROUPED0:-0}) / ($COMMITS1 - ${COMMITS0:-0})}") commits=$(awk "BEGIN {printf \"%.0f\", $COMMITS1 - ${COMMITS0:-0}}")" | tee -a "$OUT"
else
    echo "callbacks_per_commit=1 (no group commit in this build: one commit per callback)" | tee -a "$OUT"
fi
echo "ijwi_peak_rss_mb=$(( $(grep VmHWM /proc/$PID/status | awk '{print $2}') / 1024 ))" | tee -a "$OUT"
STATS=$(curl -sf -H "Authorization: Bearer $API" http://127.0.0.1:$PORT/api/v1/stats)
COMMITTED=$(echo "$STATS" | sed 's/.*"inbound":\([0-9]*\).*/\1/')
EXPECTED=$(( $(field "$WARM" acknowledged_new_ids) + $(field "$LINE" acknowledged_new_ids) ))
# Committed may exceed acknowledged by the requests in flight when each wrk run stops (at most 2 x 32): those were
# committed but their answers were not counted. Fewer committed than acknowledged would be a lost message.
VERDICT=$([ "$COMMITTED" -ge "$EXPECTED" ] && [ "$COMMITTED" -le $((EXPECTED + 2 * CLIENTS)) ] && echo ok || echo MISMATCH)
echo "inbound_committed=$COMMITTED acknowledged_new_ids=$EXPECTED (warm-up and measured) check=$VERDICT" | tee -a "$OUT"
echo "stats: $STATS" | tee -a "$OUT"
# The inbound router (issue 15): how many stored messages it routed while the measured load ran, how many were
# still waiting when the load stopped, and how long it then took to route them all.
ROUTED=$(sql "SELECT count(*) FROM sms_inbound WHERE processed_at > '$T0' AND processed_at <= '$T1'")
WAITING=$(sql "SELECT count(*) FROM sms_inbound WHERE processed_at IS NULL")
DRAIN_START=$(date +%s%N)
while [ "$(sql "SELECT count(*) FROM sms_inbound WHERE processed_at IS NULL")" -gt 0 ]; do
    [ $(( ($(date +%s%N) - DRAIN_START) / 1000000000 )) -lt 600 ] || break
    sleep 0.2
done
echo "router_routed_per_second=$(awk "BEGIN {printf \"%.0f\", $ROUTED / $SECONDS_PER_RUN}") waiting_when_load_stopped=$WAITING drained_after_s=$(awk "BEGIN {printf \"%.1f\", ($(date +%s%N) - $DRAIN_START) / 1e9}") left=$(sql "SELECT count(*) FROM sms_inbound WHERE processed_at IS NULL") errors=$(sql "SELECT count(*) FROM sms_inbound WHERE outcome = 'error'")" | tee -a "$OUT"
echo "thread_cpu_per_message (JVM threads, measured run):" | tee -a "$OUT"
thread_cpu_diff "$DATA/threads0" "$DATA/threads1" "$ACKED" | tee -a "$OUT"
# Summary (one table row; the lead compares rows across commits on a quiet machine)
printf '\nSummary\n| bench | date | commit | acknowledged | p50 | p99 | load average | CPU per message | errors | every acknowledged id stored |\n|---|---|---|---|---|---|---|---|---|---|\n' | tee -a "$OUT"
echo "| sms | $(date -u +%Y-%m-%d) | ${JAR_COMMIT:-$(git rev-parse --short HEAD)} | $(field "$LINE" acked_per_second)/s acknowledged | p50 $(field "$LINE" p50_ms) ms | p99 $(field "$LINE" p99_ms) ms | $(uptime | sed 's/.*load average: //') load | $CPU us CPU/message (JVM $(awk "BEGIN {printf \"%.0f\", ($JVM1 - $JVM0) * 10000 / $ACKED}")) | $(field "$LINE" errors) errors | check $VERDICT |" | tee -a "$OUT"
