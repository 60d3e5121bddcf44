#!/usr/bin/env bash
# Release benchmark (issue 10): over 1,000,000 reports, how long issuing and auditing a month's release takes, and
# the summary API's latency for readers of releases (viewer, a coordinator beyond their district) beside an admin's
# exact answer. Fresh data dir; seeds COUNT reports over 52 weeks; drops the release the first start made of an
# empty month; times `ijwi releases` (every month, on CPU 1); then drives GET /api/v1/summary?groupBy=district,service
# for the last closed month, quarter and year, ROUNDS requests each. Ijwi (and its embedded PostgreSQL) on CPU 0 with
# -Xmx256m. Writes bench/results/<date>-release.txt. Run alone:  flock /tmp/ijwi-bench.lock bash bench/run-release.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-200}
COUNT=${COUNT:-1000000}
PORT=7083
command -v taskset >/dev/null || { echo "bench/run-release.sh needs taskset (Debian: util-linux)" >&2; exit 1; }
command -v psql >/dev/null || { echo "bench/run-release.sh needs psql (Debian: postgresql-client)" >&2; exit 1; }
[ -f target/ijwi.jar ] || mvn -q -DskipTests package
DATA=$(mktemp -d /tmp/ijwi-bench.XXXX)
OUT=bench/results/$(date -u +%Y-%m-%dT%H%MZ)-release.txt

. bench/lib.sh
ijwi() { IJWI_DATA_DIR=$DATA taskset -c 1 java -jar target/ijwi.jar "$@"; }
seconds() { awk "BEGIN {printf \"%.1f\", ($(date +%s%N) - $1) / 1e9}"; }

{
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "run: $COUNT reports, $ROUNDS requests per role and period; Ijwi + PostgreSQL on CPU 0 (-Xmx256m), clients and the releases command on CPU 1; commit ${JAR_COMMIT:-$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo +changes)}"
} | tee "$OUT"

IJWI_DATA_DIR=$DATA IJWI_PORT=$PORT taskset -c 0 java -Xmx256m -Xms256m -jar target/ijwi.jar > "$DATA/serve.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$DATA"' EXIT
wait_health $PORT 600
PGPORT=$(sed -n 4p "$DATA/postgres/postmaster.pid")
sql() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d ijwi -qAtX "$@"; }

echo "seed: $(ijwi seed reports --count "$COUNT" --seed 1 2>/dev/null)" | tee -a "$OUT"
sql -c "VACUUM ANALYZE report" -c "DELETE FROM release"
echo "reports per month (min, median, max): $(sql -c "SELECT min(n), percentile_disc(0.5) WITHIN GROUP (ORDER BY n), max(n) FROM (SELECT count(*) n FROM report GROUP BY date_trunc('month', created_at AT TIME ZONE 'Africa/Kigali')) m")" | tee -a "$OUT"

T0=$(date +%s%N)
ijwi releases 2>/dev/null | tee -a "$OUT"
echo "releases command wall time: $(seconds "$T0") s (every month since the first report, with their audits)" | tee -a "$OUT"

staff_tokens
MONTH=$(TZ=Africa/Kigali date -d "$(date +%Y-%m-01) -1 month" +%Y-%m)
Y=$(TZ=Africa/Kigali date +%Y); M=$((10#$(TZ=Africa/Kigali date +%m)))
Q=$(( (M - 1) / 3 )); if [ "$Q" -eq 0 ]; then QUARTER="$((Y - 1))-Q4"; else QUARTER="$Y-Q$Q"; fi
YEAR=$((Y - 1))
for period in "$MONTH" "$QUARTER" "$YEAR"; do
    echo "summary groupBy=district,service period=$period" | tee -a "$OUT"
    PATHS="/api/v1/summary?groupBy=district,service&period=$period" taskset -c 1 java bench/DashboardLatency.java \
        "http://127.0.0.1:$PORT" "$ROUNDS" admin="$ADMIN" coordinator="$COORD" viewer="$VIEWER" | tee -a "$OUT"
done
echo "ijwi_peak_rss_mb=$(( $(grep VmHWM /proc/$PID/status | awk '{print $2}') / 1024 ))" | tee -a "$OUT"
