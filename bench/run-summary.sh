#!/usr/bin/env bash
# Summary benchmark (issue 6: p95 under 50 ms for a district-by-service table of a year over 1,000,000 reports).
# Fresh data dir; measures what the roll-up trigger costs per insert (seeding and single-row statements, with and
# without it); seeds 1,000,000 reports; times the old one-scan cube query for reference; then drives
# GET /api/v1/summary?groupBy=district,service for the last year as admin, coordinator and viewer (ROUNDS each,
# cold and warm), first alone and then while ReportInserts adds reports at a steady rate. Ijwi (and so its
# embedded PostgreSQL) on CPU 0 with -Xmx256m; the clients on CPU 1. Writes bench/results/<date>-summary.txt.
# Run under the bench lock so benchmarks never overlap on this 2-core machine:
#   flock /tmp/ijwi-bench.lock bash bench/run-summary.sh [rounds] [inserts per second]
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-200}
RATE=${2:-50}
COUNT=${COUNT:-1000000}
PORT=7082
command -v taskset >/dev/null || { echo "bench/run-summary.sh needs taskset (Debian: util-linux)" >&2; exit 1; }
command -v psql >/dev/null || { echo "bench/run-summary.sh needs psql (Debian: postgresql-client)" >&2; exit 1; }
[ -f target/ijwi.jar ] || mvn -q -DskipTests package
DATA=$(mktemp -d /tmp/ijwi-bench.XXXX)
OUT=bench/results/$(date -u +%Y-%m-%dT%H%MZ)-summary.txt
JVM="-Xmx256m -Xms256m"
SUMMARY="/api/v1/summary?groupBy=district,service"

. bench/lib.sh
ijwi() { IJWI_DATA_DIR=$DATA taskset -c 1 java -jar target/ijwi.jar "$@"; }
seconds() { awk "BEGIN {printf \"%.1f\", ($(date +%s%N) - $1) / 1e9}"; }

{
echo "machine: $(nproc) cores, $(grep MemTotal /proc/meminfo | awk '{printf "%.1f GiB", $2/1024/1024}'), $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "run: $COUNT reports, $ROUNDS requests per role and kind, inserts at $RATE/s; Ijwi + PostgreSQL on CPU 0 (-Xmx256m), clients on CPU 1; commit ${JAR_COMMIT:-$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo +changes)}"
} | tee "$OUT"

IJWI_DATA_DIR=$DATA IJWI_PORT=$PORT taskset -c 0 java $JVM -jar target/ijwi.jar > "$DATA/serve.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$DATA"' EXIT
wait_health $PORT 600
PGPORT=$(sed -n 4p "$DATA/postgres/postmaster.pid")
JDBC="jdbc:postgresql://127.0.0.1:$PGPORT/ijwi"
sql() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d ijwi -qAtX "$@"; }

# What the trigger costs per insert. 1) 20,000 single-row INSERT statements inside one DO block (no network, no
# commit per row), without and with the roll-up triggers. 2) Seeding 100,000 reports (JDBC batches of 1,000,
# one commit each), without and with. The measured rows are removed with the triggers off.
single_rows() {
    local t0; t0=$(date +%s%N)
    sql -c "DO \$\$ BEGIN FOR i IN 1..20000 LOOP
              INSERT INTO report (ref, channel, phone_hash, district_id, service, gap, language)
              VALUES ('S9' || lpad(i::text, 6, '0'), 'ussd', '\\x01'::bytea, 1 + i % 30, 'police', 'other', 'rw');
            END LOOP; END \$\$"
    awk "BEGIN {printf \"%.1f\", ($(date +%s%N) - $t0) / 1e3 / 20000}"
}
clear() { sql -c "ALTER TABLE report DISABLE TRIGGER USER" -c "DELETE FROM report" -c "ALTER TABLE report ENABLE TRIGGER USER" \
              -c "TRUNCATE report_rollup, report_rollup_pending" -c "VACUUM ANALYZE report"; }
sql -c "ALTER TABLE report DISABLE TRIGGER USER"
WITHOUT=$(single_rows); clear
WITH=$(single_rows); clear
echo "insert_statement_us_without_trigger=$WITHOUT insert_statement_us_with_trigger=$WITH (20,000 single-row INSERTs in one DO block)" | tee -a "$OUT"
sql -c "ALTER TABLE report DISABLE TRIGGER USER"
echo "seed_100k_without_trigger: $(ijwi seed reports --count 100000 --seed 2 2>/dev/null)" | tee -a "$OUT"
sql -c "ALTER TABLE report ENABLE TRIGGER USER"; clear
echo "seed_100k_with_trigger:    $(ijwi seed reports --count 100000 --seed 2 2>/dev/null)" | tee -a "$OUT"
clear

T0=$(date +%s%N)
echo "seed_${COUNT}: $(ijwi seed reports --count "$COUNT" --seed 1 2>/dev/null) (wall $(seconds "$T0") s, folds included)" | tee -a "$OUT"
sql -c "VACUUM ANALYZE report" -c "VACUUM ANALYZE report_rollup"
echo "reports_stored=$(sql -c 'SELECT count(*) FROM report') rollup_rows=$(sql -c 'SELECT count(*) FROM report_rollup') rollup_size=$(sql -c "SELECT pg_size_pretty(pg_total_relation_size('report_rollup'))") report_size=$(sql -c "SELECT pg_size_pretty(pg_total_relation_size('report'))") pending_rows=$(sql -c 'SELECT count(*) FROM report_rollup_pending')" | tee -a "$OUT"

# Before: the one-scan GROUPING SETS query the summary ran until now (AggregateDao.scan), for the last year.
FROM=$(TZ=Africa/Kigali date -d '363 days ago' +%F); TO=$(TZ=Africa/Kigali date +%F)
SCAN="SELECT count(*) FROM (SELECT district_id, sector_id, service, gap, channel, week,
          GROUPING(district_id, sector_id, service, gap, channel, week), count(*)
      FROM report WHERE created_at >= '$FROM 00:00+02' AND created_at < '$TO 00:00+02'::timestamptz + interval '1 day'
      GROUP BY GROUPING SETS ((district_id, sector_id), (district_id, service), (district_id, gap), (district_id, channel),
          (district_id, week), (service, gap), (service, channel), (service, week))) s"
SCANS=$(for _ in 1 2 3 4 5; do sql -c '\timing on' -c "$SCAN" | grep '^Time' | awk '{printf "%.0f ", $2}'; done)
echo "before_scan_query_ms (SQL only, 5 runs, last year): $SCANS" | tee -a "$OUT"

staff_tokens
latency() { PATHS=$SUMMARY taskset -c 1 java bench/DashboardLatency.java "http://127.0.0.1:$PORT" "$ROUNDS" \
    admin="$ADMIN" coordinator="$COORD" viewer="$VIEWER"; }

echo "after: summary of the last year, alone" | tee -a "$OUT"
latency | tee -a "$OUT"

echo "after: summary of the last year while reports are inserted at $RATE/s (one transaction each)" | tee -a "$OUT"
DURATION=$((ROUNDS * 6 / 10 + 20))
taskset -c 1 java -cp target/ijwi.jar bench/ReportInserts.java "$JDBC" "$RATE" "$DURATION" > "$DATA/inserts.txt" &
IPID=$!
sleep 3
latency | tee -a "$OUT"
wait $IPID
cat "$DATA/inserts.txt" | tee -a "$OUT"
# Freshness: right after the last insert, before any fold can be relied on, the API counts every report.
STATS=$(curl -sf -H "Authorization: Bearer $ADMIN" "http://127.0.0.1:$PORT/api/v1/stats" | sed 's/.*"reports":\([0-9]*\).*/\1/')
echo "fresh: api_stats_reports=$STATS select_count=$(sql -c 'SELECT count(*) FROM report') pending_rows_now=$(sql -c 'SELECT count(*) FROM report_rollup_pending')" | tee -a "$OUT"
echo "ijwi_peak_rss_mb=$(( $(grep VmHWM /proc/$PID/status | awk '{print $2}') / 1024 )) rollup_rows=$(sql -c 'SELECT count(*) FROM report_rollup') rollup_size=$(sql -c "SELECT pg_size_pretty(pg_total_relation_size('report_rollup'))")" | tee -a "$OUT"
