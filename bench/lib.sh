# Shared by the bench scripts (source it after `cd` to the project root): waiting for a server, CPU accounting
# from /proc, the admin token and radio poll the SMS loads need, and the staff tokens of the summary loads.

# wait_health PORT [seconds]: until GET /health answers 200 (every 0.1 s; 180 s by default, as a first start on a
# busy machine initialises the embedded database slowly); says so on stderr when it gives up.
wait_health() {
    local until=$((SECONDS + ${2:-180}))
    while [ $SECONDS -lt $until ]; do curl -sf -m 2 "http://127.0.0.1:$1/health" >/dev/null && return 0; sleep 0.1; done
    echo "no answer from /health on port $1 within ${2:-180} s" >&2; return 1
}

# CPU ticks (1/100 s) used so far by a process, and by the postmaster and backends of a PostgreSQL data dir
# (0 without one: the floor has no database).
ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
pg_ticks() {
    [ -n "${1:-}" ] || { echo 0; return; }
    local pm total=0; pm=$(head -1 "$1/postmaster.pid")
    for p in $pm $(pgrep -P "$pm"); do total=$((total + $(awk '{print $14+$15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done
    echo "$total"
}

# admin_token DATA: adds the admin "bench" to the data dir's database and prints an API token for it.
admin_token() {
    printf '%s\n' "bench password long enough" | IJWI_DATA_DIR=$1 java -jar "${IJWI_JAR:-target/ijwi.jar}" users add --username bench --role admin >/dev/null 2>&1
    IJWI_DATA_DIR=$1 java -jar "${IJWI_JAR:-target/ijwi.jar}" users token --username bench 2>/dev/null
}

# staff_tokens: with ijwi() defined (the data dir's command line), adds an admin, a coordinator of Rusizi and a
# viewer, and sets ADMIN, COORD and VIEWER to their API tokens.
staff_tokens() {
    printf '%s\n' "bench password long enough" | ijwi users add --username admin1 --role admin >/dev/null 2>&1
    printf '%s\n' "bench password long enough" | ijwi users add --username coord1 --role coordinator --district Rusizi >/dev/null 2>&1
    printf '%s\n' "bench password long enough" | ijwi users add --username viewer1 --role viewer >/dev/null 2>&1
    ADMIN=$(ijwi users token --username admin1 2>/dev/null)
    COORD=$(ijwi users token --username coord1 2>/dev/null)
    VIEWER=$(ijwi users token --username viewer1 2>/dev/null)
}

# open_poll PORT TOKEN: puts a radio poll with the keyword RADIO (A/1 yes, B/2 no) on air for the next hour.
open_poll() {
    local opens closes
    opens=$(date -u -d '-1 hour' +%Y-%m-%dT%H:%M:%SZ); closes=$(date -u -d '+1 hour' +%Y-%m-%dT%H:%M:%SZ)
    curl -sf -H "Authorization: Bearer $2" -H 'Content-Type: application/json' "http://127.0.0.1:$1/api/v1/campaigns" -d "{
  \"name\":\"Bench show\",\"station\":\"Radio Bench\",\"keyword\":\"RADIO\",
  \"question\":{\"rw\":\"Yego cyangwa oya?\",\"en\":\"Yes or no?\",\"fr\":\"Oui ou non?\"},
  \"options\":[{\"code\":\"A\",\"labels\":{\"rw\":\"Yego\",\"en\":\"Yes\",\"fr\":\"Oui\"},\"aliases\":[\"1\"]},
               {\"code\":\"B\",\"labels\":{\"rw\":\"Oya\",\"en\":\"No\",\"fr\":\"Non\"},\"aliases\":[\"2\"]}],
  \"opensAt\":\"$opens\",\"closesAt\":\"$closes\"}" > /dev/null
}

# thread_cpu PID: the CPU ticks of each of the process's threads, summed by name (digits folded), largest first,
# as "name ticks" lines; diff two of them to see who used the core during a run.
thread_cpu() {
    for t in /proc/$1/task/*; do
        printf '%s %s\n' "$(tr ' ' '_' < "$t/comm" | sed 's/[0-9][0-9]*/N/g')" "$(awk '{print $14+$15}' "$t/stat" 2>/dev/null || echo 0)"
    done | awk '{s[$1]+=$2} END {for (n in s) print n, s[n]}' | sort -k2 -nr
}
# thread_cpu_diff BEFORE AFTER PER: threads' CPU between two thread_cpu snapshots in microseconds per unit of work
thread_cpu_diff() {
    awk -v per="$3" 'NR==FNR {b[$1]=$2; next} {d=$2-b[$1]; if (d>0) printf "  %-28s %6.0f us\n", $1, d*10000/per}' "$1" "$2" | sort -k2 -nr | head -12
}

# async-profiler (Maven Central's tools.profiler:async-profiler, whose jar carries the Linux agent): CPU samples of
# every thread, Java and native frames alike, where JFR sees only threads running Java and took too few samples.
# asprof_start PID / asprof_stop PID FILE (collapsed stacks, one line per stack; bench/fold.py sums them).
ASPROF_VERSION=4.1
asprof_lib() {
    local dir=${TMPDIR:-/tmp}/ijwi-async-profiler-$ASPROF_VERSION jar
    if [ ! -f "$dir/linux-x64/libasyncProfiler.so" ]; then
        jar=$HOME/.m2/repository/tools/profiler/async-profiler/$ASPROF_VERSION/async-profiler-$ASPROF_VERSION.jar
        [ -f "$jar" ] || mvn -q dependency:get -Dartifact=tools.profiler:async-profiler:$ASPROF_VERSION >&2
        mkdir -p "$dir" && (cd "$dir" && unzip -q -o "$jar" 'linux-x64/*')
    fi
    echo "$dir/linux-x64/libasyncProfiler.so"
}
# jcmd splits an unquoted argument at '=', so the agent's options go inside double quotes.
asprof_start() { jcmd "$1" JVMTI.agent_load "$(asprof_lib)" "\"start,event=cpu,interval=1ms\"" >/dev/null; }
asprof_stop() { jcmd "$1" JVMTI.agent_load "$(asprof_lib)" "\"stop,file=$(realpath -m "$2"),collapsed\"" >/dev/null; }
