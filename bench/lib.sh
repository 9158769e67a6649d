# Shared by the bench/*.sh scripts (sourced, not run). Everything runs on this machine: Debian's PostgreSQL 15 on
# localhost:5432, the Microsoft Graph simulator, the packaged app, PostGraphile 5 (Node 22), wrk, hey and pgbench.
# Ports and names are fixed below so that the scripts can find each other's processes; override them by environment.

set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
WORK=${BENCH_WORK:-$BENCH_DIR/work}
mkdir -p "$WORK"

JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export JAVA_HOME
JAVA=$JAVA_HOME/bin/java
USERS=${USERS:-100000}
RUNS=${RUNS:-5}
SIM_PORT=${SIM_PORT:-18601}
APP_PORT=${APP_PORT:-18680}
PGL_PORT=${PGL_PORT:-18690}
MGMT_PORT=${MGMT_PORT:-$((APP_PORT + 1))} # the app's management interface (health, metrics; 9000 by default)
PG_HOST=localhost
PG_PORT=5432
PG_ROLE=m365bench
PG_READER=m365bench_reader
PG_PASSWORD=m365bench
CLIENT_SECRET=bench-secret
APP_HEAP=${APP_HEAP:--Xmx512m}
# Server and PostgreSQL on one core, the load generator on the other (2 cores here); empty to switch off.
SERVER_CPU=${SERVER_CPU-0}
LOAD_CPU=${LOAD_CPU-1}

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
now_ms() { date +%s%3N; }
port_free() { # port: dies when something already listens there (a process left from an earlier run?)
    if ss -ltnH "sport = :$1" | grep -q .; then die "port $1 is in use: $(ss -ltnpH "sport = :$1")"; fi
}
pinned() { # pinned CPU command...: runs on that core when pinning is on
    local cpu=$1; shift
    if [ -n "$cpu" ]; then taskset -c "$cpu" "$@"; else "$@"; fi
}

# ---- PostgreSQL ----
pg_up() {
    pg_ctlcluster 15 main status >/dev/null 2>&1 || pg_ctlcluster 15 main start
    su postgres -c "psql -qAtX -v ON_ERROR_STOP=1" <<SQL >/dev/null
do \$\$ begin
  if not exists (select 1 from pg_roles where rolname = '$PG_ROLE') then
    create role $PG_ROLE login createdb password '$PG_PASSWORD';
  end if;
  if not exists (select 1 from pg_roles where rolname = '$PG_READER') then
    create role $PG_READER login password '$PG_PASSWORD';
  end if;
end \$\$;
SQL
}
db_fresh() { # name
    PGPASSWORD=$PG_PASSWORD dropdb -h $PG_HOST -U $PG_ROLE --if-exists "$1"
    PGPASSWORD=$PG_PASSWORD createdb -h $PG_HOST -U $PG_ROLE "$1"
}
db_exists() {
    [ "$(PGPASSWORD=$PG_PASSWORD psql -h $PG_HOST -U $PG_ROLE -d postgres -qAtX -c \
        "select 1 from pg_database where datname = '$1'")" = 1 ]
}
psql_db() { # name psql-args...
    local db=$1; shift
    PGPASSWORD=$PG_PASSWORD psql -h $PG_HOST -U $PG_ROLE -d "$db" -qAtX -v ON_ERROR_STOP=1 "$@"
}
# PostgreSQL's processes (postmaster and every backend it forks later) on the server core, or back on all cores.
pg_pin() { # cpu-list
    local pm
    pm=$(head -1 /var/lib/postgresql/15/main/postmaster.pid)
    taskset -a -p -c "$1" "$pm" >/dev/null
    for p in $(pgrep -P "$pm"); do taskset -a -p -c "$1" "$p" >/dev/null 2>&1 || true; done
}

# ---- the application ----
app_build() {
    [ -n "${APP_JAR:-}" ] && return 0 # a given build (APP_JAR=.../quarkus-run.jar) is run as it is
    if [ ! -f "$ROOT/target/quarkus-app/quarkus-run.jar" ] || [ "${REBUILD:-0}" = 1 ]; then
        log "packaging the application"
        (cd "$ROOT" && ./mvnw -B -q package -DskipTests -DskipNativeSources=true)
    fi
    # the benchmarks run a copy, so that a build in the repository meanwhile cannot change a running app's jars
    if [ ! -f "$WORK/app/quarkus-run.jar" ] || [ "$ROOT/target/quarkus-app/quarkus-run.jar" -nt "$WORK/app/quarkus-run.jar" ]; then
        rm -rf "$WORK/app" && cp -r "$ROOT/target/quarkus-app" "$WORK/app"
    fi
}

# ---- the Microsoft Graph simulator, as its own process ----
# It is not in the packaged app (docs/simulator-packaging.md): it runs from a copy of target/classes, where it is
# compiled beside the product, with the project's classpath (dependency:build-classpath: Jackson, jose4j).
sim_prepare() {
    [ -d "$ROOT/target/classes/io/m365insights/simulator" ] || REBUILD=1 app_build
    if [ ! -f "$WORK/sim/classpath.txt" ] || [ "$ROOT/target/quarkus-app/quarkus-run.jar" -nt "$WORK/sim/classpath.txt" ]; then
        rm -rf "$WORK/sim" && mkdir -p "$WORK/sim" && cp -r "$ROOT/target/classes" "$WORK/sim/classes"
        (cd "$ROOT" && ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile="$WORK/sim/classpath.txt")
    fi
}
sim_start() { # users [report-days]
    sim_stop
    sim_prepare
    local days=${2:-28}
    log "simulator: $1 users, reports $days days back, port $SIM_PORT"
    rm -f "$WORK/sim.log"
    port_free "$SIM_PORT"
    nohup "$JAVA" -Xmx2g -cp "$WORK/sim/classes:$(cat "$WORK/sim/classpath.txt")" \
        io.m365insights.simulator.http.GraphSimulator --port "$SIM_PORT" --users "$1" \
        --client-secret "$CLIENT_SECRET" --report-days "$days" >"$WORK/sim.log" 2>&1 &
    echo $! >"$WORK/sim.pid"
    for _ in $(seq 1 300); do
        grep -q '^M365_TOKEN_URL=' "$WORK/sim.log" 2>/dev/null && break
        sleep 0.2
    done
    grep -q '^M365_TOKEN_URL=' "$WORK/sim.log" || die "simulator did not start: $(tail -5 "$WORK/sim.log")"
    SIM_TENANT=$(sed -n 's/^M365_TENANT_ID=//p' "$WORK/sim.log")
    SIM_URL=http://localhost:$SIM_PORT
}
sim_stop() { stop_pid_file "$WORK/sim.pid"; }
sim_attach() { # an already running simulator (started by sim_start)
    SIM_TENANT=$(sed -n 's/^M365_TENANT_ID=//p' "$WORK/sim.log")
    SIM_URL=http://localhost:$SIM_PORT
}
sim() { # method path [json]
    curl -sf -X "$1" "$SIM_URL$2" ${3:+-d "$3"}
}
token() {
    sim POST /_simulator/api-tokens '{"roles":["m365-insights.reader","m365-insights.admin"],"expiresInSeconds":86400}' \
        | jq -r '.access_token // .token // .'
}

# app_start db [VAR=value ...]: the packaged jar, prod profile, on the server core. Sets APP_PID, APP_STARTED_MS.
app_start() {
    local db=$1; shift
    app_stop
    port_free "$APP_PORT"
    APP_STARTED_MS=$(now_ms)
    env QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$db" \
        QUARKUS_DATASOURCE_USERNAME=$PG_ROLE QUARKUS_DATASOURCE_PASSWORD=$PG_PASSWORD \
        M365_TENANT_ID="$SIM_TENANT" M365_CLIENT_ID=5b0d7a3e-6c1f-4c55-9d8e-3f2a1b0c9d8e \
        M365_CLIENT_SECRET=$CLIENT_SECRET M365_GRAPH_BASE_URL="$SIM_URL/v1.0" \
        M365_TOKEN_URL="$SIM_URL/$SIM_TENANT/oauth2/v2.0/token" \
        QUARKUS_OIDC_AUTH_SERVER_URL="$SIM_URL/$SIM_TENANT/v2.0" \
        QUARKUS_OIDC_CLIENT_ID=0f3c2b1a-9d8e-4f7a-b6c5-d4e3f2a1b0c9 \
        QUARKUS_HTTP_PORT=$APP_PORT QUARKUS_MANAGEMENT_PORT=$MGMT_PORT M365_SYNC_CRON=off M365_SYNC_ON_START=false \
        M365_REPORTS_RATE_LIMIT=100000 M365_REPORTS_RATE_WINDOW=1s "$@" \
        nohup ${SERVER_CPU:+taskset -c $SERVER_CPU} "$JAVA" $APP_HEAP ${APP_JVM_OPTS:-} \
        -jar "${APP_JAR:-$WORK/app/quarkus-run.jar}" >"$WORK/app.log" 2>&1 &
    APP_PID=$!
    echo $APP_PID >"$WORK/app.pid"
}
# stop_pid_file file: stops the process whose pid the file holds (TERM, KILL after 10 s) and removes the file
stop_pid_file() {
    if [ -f "$1" ]; then
        local pid
        pid=$(cat "$1")
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true # it did not stop within 10 s
        rm -f "$1"
    fi
}
app_stop() { stop_pid_file "$WORK/app.pid"; }
APP_URL=http://localhost:$APP_PORT/graphql
gql() { # query-json-body (already JSON) -> response
    curl -s "$APP_URL" -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" --data-binary "$1"
}
gql_q() { # graphql query text -> response
    gql "$(jq -cn --arg q "$1" '{query: $q}')"
}
# Waits for the first successful GraphQL response; prints the ms since app_start.
app_wait_ready() {
    local body='{"query":"{ licenses { skuPartNumber } }"}'
    for _ in $(seq 1 3000); do
        if gql "$body" 2>/dev/null | grep -q '"licenses"'; then
            echo $(( $(now_ms) - APP_STARTED_MS ))
            return 0
        fi
        kill -0 "$APP_PID" 2>/dev/null || die "app exited: $(tail -20 "$WORK/app.log")"
        sleep 0.01
    done
    die "app not ready: $(tail -20 "$WORK/app.log")"
}
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }

# pgl_quiet DB: cancels PostGraphile's statements still running after its load has stopped, and waits (at most 60 s)
# until none is active. A series it cannot answer within a run keeps PostgreSQL's backends busy for many seconds
# after wrk has gone, and they would fall on the next system's run (query.sh interleaves the systems).
pgl_quiet() {
    local i n
    for i in $(seq 1 60); do
        n=$(su postgres -c "psql -qAtX -d $1 -c \"select count(pg_cancel_backend(pid)) from pg_stat_activity
            where usename = '$PG_READER' and state = 'active'\"")
        [ "${n:-0}" = 0 ] && return 0
        sleep 1
    done
    log "PostGraphile's statements still running after 60 s"
}

# ---- warming our JVM until its JIT compilers have settled ----
# On the core the app shares with PostgreSQL, C2 gets little time and the code it compiles last comes in late: a
# fixed warm-up of 40-60 s left C2 at 15-17% of the JVM's CPU and our throughput well below its steady state
# (bench/RESULTS.md, 2026-12-07 20:00). jvm_ticks pid -> "compiler-ticks all-ticks" of that JVM, from /proc.
jvm_ticks() {
    for t in /proc/$1/task/*; do
        # a thread may end between the listing and the reads: it counts as 0 (the redirection's error is silenced)
        printf '%s %s\n' "$({ tr ' ' _ <"$t/comm"; } 2>/dev/null)" "$(awk '{print $14 + $15}' "$t/stat" 2>/dev/null || echo 0)"
    done | awk '$1 ~ /^C[12]_Compiler/ {c += $2} {a += $2} END {print c + 0, a + 0}'
}
# warm_jvm pid load-function: runs "load-function SECONDS" in steps of WARM_STEP seconds, at least WARMUP seconds,
# until a step's compiler threads took under JIT_SETTLED percent of the JVM's CPU (or WARMUP_MAX seconds have passed).
# Logs each step (what load-function printed, and the compilers' share); prints the seconds warmed.
warm_jvm() {
    local pid=$1 fn=$2 step=${WARM_STEP:-15} min=${WARMUP:-60} max=${WARMUP_MAX:-600} settled=${JIT_SETTLED:-3}
    local t=0 share=100 before after out
    while :; do
        before=$(jvm_ticks "$pid")
        out=$("$fn" "$step")
        after=$(jvm_ticks "$pid")
        t=$((t + step))
        share=$(awk -v b="$before" -v a="$after" 'BEGIN {split(b, x, " "); split(a, y, " ");
            d = y[2] - x[2]; printf "%.1f", (d > 0 ? (y[1] - x[1]) * 100 / d : 0)}')
        log "warm-up ${t}s: the step's load gave ${out}; compilers ${share}% of the JVM's CPU"
        if [ "$t" -ge "$min" ] && awk -v s="$share" -v l="$settled" 'BEGIN {exit !(s < l)}'; then break; fi
        if [ "$t" -ge "$max" ]; then log "warm-up: the compilers had not settled after ${t}s"; break; fi
    done
    echo "$t"
}

# Starts a sync and waits for it (polling: a 365-day backfill outlasts syncNow's 10-minute wait). Prints the run JSON.
RUN_FIELDS='id status startedAt finishedAt error parts { part status startedAt finishedAt itemsRead created updated deleted detail }'
sync_run() {
    local id r
    # after a run, its follow-ups (offboarding policy, seat decision) still hold the sync lock for a while: until they
    # are done, syncNow starts nothing (alreadyRunning, no run); ask again for up to 10 minutes
    for _ in $(seq 1 2400); do
        id=$(gql_q 'mutation { syncNow(input: {wait: false}) { run { id } } }' | jq -r .data.syncNow.run.id)
        [ -n "$id" ] && [ "$id" != null ] && break
        sleep 0.25
    done
    [ -n "$id" ] && [ "$id" != null ] || die "syncNow started no run"
    for _ in $(seq 1 100000); do
        r=$(gql_q "{ syncStatus { running lastRun { $RUN_FIELDS } } }")
        [ "$(jq -r .data.syncStatus.lastRun.id <<<"$r")" = "$id" ] \
            && [ "$(jq -r .data.syncStatus.lastRun.finishedAt <<<"$r")" != null ] && break
        sleep 0.25
    done
    jq -c .data.syncStatus.lastRun <<<"$r"
}
# Wall time of a run (and of each part) in ms from its JSON.
run_ms() { python3 "$BENCH_DIR/tools/runtimes.py" <<<"$1"; }

# median and spread of numbers on stdin (one per line): "median min max n"
stats() { python3 "$BENCH_DIR/tools/stats.py"; }

# ---- the SQL our app runs for one request, as a pgbench script (bench/tools/capture_sql.py) ----
PG_LOG=/var/log/postgresql/postgresql-15-main.log
sql_logging() { # db on|off: log every statement of that database (new sessions only)
    local v=none; [ "$2" = on ] && v=all
    su postgres -c "psql -qAtX -c \"alter database $1 set log_statement = '$v'\""
}
capture_op() { # db body-file -> statements on stdout (the app must have been started after sql_logging on)
    local db=$1 body=$2 marker offset
    gql "$(cat "$body")" >/dev/null # the first request may load more than the rest
    marker=capture-$RANDOM$RANDOM
    offset=$(stat -c %s "$PG_LOG")
    psql_db "$db" -c "select 'start-$marker'" >/dev/null
    gql "$(cat "$body")" >/dev/null
    sleep 0.3
    psql_db "$db" -c "select 'end-$marker'" >/dev/null
    sleep 0.3
    tail -c +"$((offset + 1))" "$PG_LOG" | python3 "$BENCH_DIR/tools/capture_sql.py" "$db" "start-$marker" "end-$marker"
}

# ---- PostGraphile 5 on Node 22 (installed by setup.sh into bench/postgraphile/node_modules) ----
PGL_DIR=$BENCH_DIR/postgraphile
PGL_URL=http://127.0.0.1:$PGL_PORT/graphql
pgl_prepare() { # db: the functions and grants PostGraphile's queries need (postgraphile/functions.py)
    python3 "$PGL_DIR/functions.py" "$PG_READER" | psql_db "$1" >/dev/null 2>&1 || die "could not create the PostGraphile functions"
}
pgl_start() { # db; sets PGL_PID, PGL_STARTED_MS
    pgl_stop
    port_free "$PGL_PORT"
    PGL_STARTED_MS=$(now_ms)
    # "cd ...; env ... &" (not "&&"): only the server goes to the background, so $! is its pid (env, nohup and
    # taskset exec it) and pgl_stop can stop it
    (cd "$PGL_DIR" || exit 1; env DATABASE_URL="postgres://$PG_READER:$PG_PASSWORD@$PG_HOST:$PG_PORT/$1" PORT=$PGL_PORT \
        NODE_ENV=production PG_POOL_MAX=20 \
        nohup ${SERVER_CPU:+taskset -c $SERVER_CPU} node_modules/.bin/node node_modules/postgraphile/dist/cli-run.js \
        -C graphile.config.mjs >"$WORK/pgl.log" 2>&1 & echo $! >"$WORK/pgl.pid")
    PGL_PID=$(cat "$WORK/pgl.pid")
}
pgl_stop() { stop_pid_file "$WORK/pgl.pid"; }
pgl_wait_ready() { # prints ms since pgl_start of the first successful GraphQL response
    for _ in $(seq 1 3000); do
        if curl -s "$PGL_URL" -H 'content-type: application/json' \
            -d '{"query":"{ allSkus { nodes { skuPartNumber } } }"}' 2>/dev/null | grep -q '"allSkus"'; then
            echo $(( $(now_ms) - PGL_STARTED_MS ))
            return 0
        fi
        kill -0 "$PGL_PID" 2>/dev/null || die "PostGraphile exited: $(tail -20 "$WORK/pgl.log")"
        sleep 0.01
    done
    die "PostGraphile not ready: $(tail -20 "$WORK/pgl.log")"
}

# ---- the three operations' request bodies: ours and PostGraphile's (variables: the 90 days ending on the latest day) ----
make_bodies() { # db
    local last from
    last=$(psql_db "$1" -c "select max(report_date) from usage_report_day")
    from=$(date -d "$last -89 days" +%F)
    for op in usage users licenses; do
        jq -Rs --arg from "$from" --arg to "$last" '{query: ., variables: {from: $from, to: $to}}' \
            "$BENCH_DIR/queries/$op.graphql" >"$WORK/body-ours-$op.json"
        jq -Rs --arg from "$from" --arg to "$last" '{query: ., variables: {from: $from, to: $to}}' \
            "$PGL_DIR/queries/$op.graphql" >"$WORK/body-pgl-$op.json"
    done
    log "operations: usage WEEK series $from .. $last, users(first: 100), licenses"
}

# Records how busy the machine was when a figure was taken (bench/work/results/conditions.txt): the load average and
# every java, maven or node process that is not this benchmark's.
conditions() { # figure-name
    mkdir -p "$WORK/results"
    local others
    others=$(ps -eo pid=,args= | grep -E 'java|mvn|node' | grep -v -E "grep|$WORK|bench/postgraphile" \
        | awk '{print $1}' | tr '\n' ' ' || true)
    echo "$(date -u +%FT%TZ) $1: load average $(cut -d' ' -f1-3 /proc/loadavg); other java/maven/node processes: ${others:-none}" \
        | tee -a "$WORK/results/conditions.txt" >&2
}
