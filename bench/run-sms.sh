#!/usr/bin/env bash
# Inbound SMS benchmark (issue 6): Ijwi pinned to CPU 0 (-Xmx256m), a radio poll on air, 32 callers pinned to
# CPU 1 posting votes and comments (10 % repeated ids) for S seconds. Writes bench/results/<date>-sms.txt.
#   bash bench/run-sms.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-20}
[ -f target/ijwi.jar ] || mvn -q -DskipTests package
DATA=$(mktemp -d /tmp/ijwi-bench-sms.XXXX)
OUT=bench/results/$(date -u +%Y-%m-%dT%H%MZ)-sms.txt
wait_health() { for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$1/health" >/dev/null && return 0; sleep 0.1; done; return 1; }
IJWI_DATA_DIR=$DATA IJWI_PORT=7082 taskset -c 0 java -Xmx256m -Xms256m -jar target/ijwi.jar > "$DATA/serve.log" 2>&1 &
PID=$!; wait_health 7082
printf '%s\n' "bench password long enough" | IJWI_DATA_DIR=$DATA java -jar target/ijwi.jar users add --username bench --role admin >/dev/null 2>&1
API=$(IJWI_DATA_DIR=$DATA java -jar target/ijwi.jar users token --username bench 2>/dev/null)
OPENS=$(date -u -d '-1 hour' +%Y-%m-%dT%H:%M:%SZ); CLOSES=$(date -u -d '+1 hour' +%Y-%m-%dT%H:%M:%SZ)
curl -sf -H "Authorization: Bearer $API" -H 'Content-Type: application/json' http://127.0.0.1:7082/api/v1/campaigns -d "{
  \"name\":\"Bench show\",\"station\":\"Radio Bench\",\"keyword\":\"RADIO\",
  \"question\":{\"rw\":\"Yego cyangwa oya?\",\"en\":\"Yes or no?\",\"fr\":\"Oui ou non?\"},
  \"options\":[{\"code\":\"A\",\"labels\":{\"rw\":\"Yego\",\"en\":\"Yes\",\"fr\":\"Oui\"},\"aliases\":[\"1\"]},
               {\"code\":\"B\",\"labels\":{\"rw\":\"Oya\",\"en\":\"No\",\"fr\":\"Non\"},\"aliases\":[\"2\"]}],
  \"opensAt\":\"$OPENS\",\"closesAt\":\"$CLOSES\"}" > /dev/null
TOKEN=$(cat "$DATA/webhook.token")
echo "machine: $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), $(java -version 2>&1 | head -1)" | tee "$OUT"
taskset -c 1 java bench/SmsLoad.java http://127.0.0.1:7082 "$TOKEN" 32 "$SECONDS_PER_RUN" RADIO | tee -a "$OUT"
echo "ijwi_peak_rss_mb=$(( $(grep VmHWM /proc/$PID/status | awk '{print $2}') / 1024 ))" | tee -a "$OUT"
sleep 3
curl -sf -H "Authorization: Bearer $API" http://127.0.0.1:7082/api/v1/stats | tee -a "$OUT"; echo | tee -a "$OUT"
kill $PID; wait $PID 2>/dev/null || true
rm -rf "$DATA"
