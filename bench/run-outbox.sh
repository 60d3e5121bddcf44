#!/usr/bin/env bash
# Outbox benchmark (issue 6: >= 5,000 recipients per second handed to AT, batched, none twice). The AT stub
# (bench/AtStub.java, WireMock) runs pinned to CPU 1, Ijwi pinned to CPU 0 (-Xmx256m) on a fresh data dir; N JOIN
# subscribers of Rusizi are seeded, a coordinator (bearer token) previews and confirms a broadcast of a commitment
# update, and the stub counts what it receives. Writes bench/results/<UTC date>-outbox.txt (appends a run).
#   flock /tmp/ijwi-bench.lock bash bench/run-outbox.sh [N recipients, 100000] [stub delay ms, 0]
# IJWI_SMS_IN_FLIGHT (default 2) is passed through; IJWI_JAR runs another build (e.g. main's) with this
# branch's jar still doing the seeding; LABEL names the run in the results.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
DELAY=${2:-0}
IN_FLIGHT=${IJWI_SMS_IN_FLIGHT:-2}
JAR=${IJWI_JAR:-target/ijwi.jar}
LABEL=${LABEL:-$(git rev-parse --abbrev-ref HEAD)@$(git rev-parse --short HEAD)}
[ -f target/ijwi.jar ] || mvn -q -B -DskipTests package
[ -f target/test-classpath.txt ] || mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
DATA=$(mktemp -d /tmp/ijwi-bench-outbox.XXXX)
OUT=bench/results/$(date -u +%Y-%m-%d)-outbox.txt
PORT=${BENCH_PORT:-17083}; STUB=${BENCH_STUB_PORT:-17093}
for p in $PORT $STUB; do ! curl -s -o /dev/null "http://127.0.0.1:$p/" || { echo "port $p is already taken" >&2; exit 1; }; done
STUB_PID=; PID=
cleanup() { rc=$?; [ $rc -ne 0 ] && { echo "failed ($rc); last lines of the logs:" >&2; tail -n 5 "$DATA"/*.log >&2 || true; }; [ -n "$PID" ] && kill "$PID" 2>/dev/null; [ -n "$STUB_PID" ] && kill "$STUB_PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$DATA"; }
trap cleanup EXIT
wait_url() { for _ in $(seq 1 600); do curl -sf "$1" >/dev/null && return 0; sleep 0.1; done; echo "no answer from $1" >&2; return 1; }

taskset -c 1 java -Xmx512m -cp "$(cat target/test-classpath.txt)" bench/AtStub.java $STUB "$DELAY" > "$DATA/stub.log" 2>&1 &
STUB_PID=$!
wait_url "http://127.0.0.1:$STUB/stats"
IJWI_DATA_DIR=$DATA IJWI_PORT=$PORT IJWI_AT_USERNAME=bench IJWI_AT_API_KEY=bench-api-key-0123456789 \
    IJWI_AT_BASE_URL=http://127.0.0.1:$STUB IJWI_SMS_IN_FLIGHT=$IN_FLIGHT \
    taskset -c 0 java -Xmx256m -Xms256m -jar "$JAR" > "$DATA/serve.log" 2>&1 &
PID=$!
wait_url "http://127.0.0.1:$PORT/health"
printf '%s\n' "bench password long enough" | IJWI_DATA_DIR=$DATA java -jar target/ijwi.jar users add --username bench --role admin >/dev/null 2>&1
API=$(IJWI_DATA_DIR=$DATA java -jar target/ijwi.jar users token --username bench 2>/dev/null)
IJWI_DATA_DIR=$DATA taskset -c 1 java -jar target/ijwi.jar seed subscribers --district Rusizi --count "$N" | tee "$DATA/seed.txt"

auth=(-H "Authorization: Bearer $API")
COMMITMENT=$(curl -sf "${auth[@]}" -H 'Content-Type: application/json' "http://127.0.0.1:$PORT/api/v1/commitments" -d '{
  "district":"Rusizi","sector":null,"actor":"National Police","promise":"Two officers at Bugarama station",
  "service":"police","dueDate":"2027-03-31","status":"pledged"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
curl -sf "${auth[@]}" "http://127.0.0.1:$PORT/broadcasts/preview" --data-urlencode district=Rusizi \
    --data-urlencode "commitment=$COMMITMENT" --data-urlencode language=rw -o "$DATA/preview.html"
FORM=$(python3 - "$DATA/preview.html" <<'PY'
import html, re, sys, urllib.parse
page = open(sys.argv[1], encoding="utf-8").read()
form = page[page.index('id="confirm"'):]
form = form[:form.index("</form>")]
fields = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form)
print(urllib.parse.urlencode([(k, html.unescape(v)) for k, v in fields if k != "_csrf"]))
PY
)
STATS0=$(curl -sf "http://127.0.0.1:$STUB/stats")
CONFIRMED_MS=$(date +%s%3N)
STATUS=$(curl -s -o /dev/null -w '%{http_code}' "${auth[@]}" "http://127.0.0.1:$PORT/broadcasts" -d "$FORM")
ENQUEUED_MS=$(date +%s%3N)
[ "$STATUS" = 303 ] || { echo "broadcast not confirmed: HTTP $STATUS" >&2; exit 1; }

# Wait until the stub has every recipient, or nothing has arrived for 60 s.
last=-1; still=0
while :; do
    got=$(curl -sf "http://127.0.0.1:$STUB/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["recipients"])')
    [ "$got" -ge "$N" ] && break
    if [ "$got" = "$last" ]; then still=$((still + 1)); [ $still -ge 120 ] && break; else still=0; fi
    last=$got; sleep 0.5
done
sleep 1
STATS=$(curl -sf "http://127.0.0.1:$STUB/stats")
curl -sf "http://127.0.0.1:$PORT/metrics" > "$DATA/metrics.txt" || true
RSS_MB=$(( $(grep VmHWM /proc/$PID/status | awk '{print $2}') / 1024 ))
OUTBOX=$(curl -sf "${auth[@]}" "http://127.0.0.1:$PORT/api/v1/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["outbound"])')

python3 - "$N" "$DELAY" "$IN_FLIGHT" "$LABEL" "$CONFIRMED_MS" "$ENQUEUED_MS" "$STATS0" "$STATS" "$RSS_MB" "$OUTBOX" "$DATA/metrics.txt" <<'PY' | tee -a "$OUT"
import json, re, subprocess, sys
n, delay, in_flight, label, confirmed, enqueued = sys.argv[1:7]
before, after = json.loads(sys.argv[7]), json.loads(sys.argv[8])
rss, outbox = sys.argv[9], sys.argv[10]
metrics = open(sys.argv[11]).read()
def q(quantile):
    m = re.search(r'ijwi_sms_provider_requests_seconds\{outcome="per_recipient",quantile="%s"\} ([0-9.eE+-]+)' % quantile, metrics)
    return "%.1f" % (float(m.group(1)) * 1000) if m else "n/a"
recipients = after["recipients"] - before["recipients"]
window = max(after["last_ms"] - after["first_ms"], 1)
print("machine: %s cores, load %s, %s" % (subprocess.getoutput("nproc"), open("/proc/loadavg").read().split()[0],
      subprocess.getoutput("java -version 2>&1 | head -1")))
print("label=%s recipients=%s delay_ms=%s in_flight=%s received=%d requests=%d per_request=%.1f "
      "per_second=%.0f per_second_from_confirm=%.0f enqueue_ms=%d at_p50_ms=%s at_p99_ms=%s duplicates=%d "
      "distinct=%d ijwi_peak_rss_mb=%s outbox=%s" % (
      label, n, delay, in_flight, recipients, after["requests"], recipients / max(after["requests"], 1),
      recipients * 1000.0 / window, recipients * 1000.0 / max(after["last_ms"] - int(confirmed), 1),
      int(enqueued) - int(confirmed), q("0.5"), q("0.99"), after["duplicates"], after["distinct"], rss, outbox))
PY
