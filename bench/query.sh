#!/usr/bin/env bash
# Figure 3: query throughput and tail latency of three operations over the 100,000-user / 365-day dataset
# (dataset.sh): a 90-day weekly usage series by app and platform, users(first: 100) with licenses and last activity,
# and licenses with inactive counts. Side by side: our app (packaged jar), PostGraphile 5 on the same database, and
# the same SQL our app runs through pgbench (-M prepared).
# - Responses are checked equal (ours vs PostGraphile) before anything is timed; the pgbench scripts are the SQL our
#   app ran for the same request, captured from PostgreSQL's statement log.
# - Throughput: closed loop, CONCURRENCY connections (wrk for HTTP, pgbench -c), RUNS runs of DURATION seconds,
#   interleaved (run 1 of each system, then run 2, ...) after each system's warm-up.
# - Tail latency: a fixed offered rate (RATE_SHARE of PostGraphile's median throughput, the same rate for all three),
#   open loop: tools/openloop.mjs for HTTP, pgbench -R; latency counted from each request's scheduled start.
# - The server under test and PostgreSQL run on core SERVER_CPU, the load generator on core LOAD_CPU.
source "$(dirname "$0")/lib.sh"
conditions query
DB=${DATASET_DB:-m365_bench_year}
CONCURRENCY=${CONCURRENCY:-16}
DURATION=${DURATION:-15}
RATE_SHARE=${RATE_SHARE:-0.5}
WARMUP=${WARMUP:-20} # seconds of the same load before each system's runs, at least (5 s was too short); our app is
# warmed until its JIT compilers have settled (lib.sh warm_jvm: JIT_SETTLED, WARMUP_MAX), PostGraphile (V8's JIT) as
# long as ours was
OPS=${OPS:-usage users licenses}
SYSTEMS=${SYSTEMS:-ours postgraphile pgbench}
OUT=$WORK/results/query.txt
mkdir -p "$WORK/results"
: >"$OUT"
"$BENCH_DIR/dataset.sh"
pg_up
sim_start 1 28 # only as the identity provider of our API's tokens (JWKS); no sync runs here
trap 'pg_pin 0-1 || true; app_stop; pgl_stop; sim_stop' EXIT
pgl_prepare "$DB"
make_bodies "$DB"

# The SQL our app runs per operation, as pgbench scripts.
sql_logging "$DB" on
SERVER_CPU= app_start "$DB"
TOKEN=$(token)
app_wait_ready >/dev/null
for op in $OPS; do
    capture_op "$DB" "$WORK/body-ours-$op.json" >"$WORK/pgbench-$op.sql"
    log "pgbench-$op.sql: $(wc -l <"$WORK/pgbench-$op.sql") statements"
done
app_stop
sql_logging "$DB" off

[ -n "$SERVER_CPU" ] && pg_pin "$SERVER_CPU"
app_start "$DB"
TOKEN=$(token)
export TOKEN
app_wait_ready >/dev/null
pgl_start "$DB"
pgl_wait_ready >/dev/null

url_of() { case $1 in ours) echo "$APP_URL" ;; postgraphile) echo "$PGL_URL" ;; esac; }
auth_of() { [ "$1" = ours ] && echo "$TOKEN" || echo ""; }

# Equal answers first.
for op in $OPS; do
    gql "$(cat "$WORK/body-ours-$op.json")" >"$WORK/resp-ours-$op.json"
    curl -s "$PGL_URL" -H 'content-type: application/json' --data-binary @"$WORK/body-pgl-$op.json" >"$WORK/resp-pgl-$op.json"
    python3 "$BENCH_DIR/tools/compare.py" "$op" "$WORK/resp-ours-$op.json" "$WORK/resp-pgl-$op.json" | tee -a "$OUT"
    psql_db "$DB" -f "$WORK/pgbench-$op.sql" >/dev/null || die "the captured SQL of $op does not run"
done

throughput() { # system op -> requests (transactions) per second
    local s=$1 op=$2
    if [ "$s" = pgbench ]; then
        PGPASSWORD=$PG_PASSWORD pinned "$LOAD_CPU" pgbench -h $PG_HOST -U $PG_ROLE -n -M prepared -c "$CONCURRENCY" \
            -j 1 -T "$DURATION" -f "$WORK/pgbench-$op.sql" "$DB" 2>/dev/null | sed -n 's/^tps = \([0-9.]*\) .*/\1/p'
    else
        BODY_FILE=$WORK/body-$([ "$s" = ours ] && echo ours || echo pgl)-$op.json TOKEN=$(auth_of "$s") \
            pinned "$LOAD_CPU" wrk -t1 -c"$CONCURRENCY" -d"${DURATION}s" --timeout 60s -s "$BENCH_DIR/tools/post.lua" "$(url_of "$s")" \
            | awk '/Requests\/sec/ {print $2} /Non-2xx/ {print "non-2xx: " $0 > "/dev/stderr"}'
    fi
}
latency() { # system op rate -> "p50_ms p99_ms achieved_rps"
    local s=$1 op=$2 rate=$3
    # long enough for about 5 requests at a low rate (0.2 req/s: 25 s), the same for every system
    local DURATION
    DURATION=$(python3 -c "import math; print(max(${DURATION_BASE}, math.ceil(5 / $rate)))")
    if [ "$s" = pgbench ]; then
        rm -f "$WORK"/pgblog.*
        PGPASSWORD=$PG_PASSWORD pinned "$LOAD_CPU" pgbench -h $PG_HOST -U $PG_ROLE -n -M prepared -c "$CONCURRENCY" \
            -j 1 -T "$DURATION" -R "$rate" -l --log-prefix="$WORK/pgblog" -f "$WORK/pgbench-$op.sql" "$DB" >/dev/null 2>&1
        cat "$WORK"/pgblog.* | python3 "$BENCH_DIR/tools/pgbench_latency.py" "$DURATION"
    else
        local body=$WORK/body-$([ "$s" = ours ] && echo ours || echo pgl)-$op.json r
        r=$(pinned "$LOAD_CPU" "$PGL_DIR/node_modules/.bin/node" "$BENCH_DIR/tools/openloop.mjs" "$(url_of "$s")" "$body" \
            "$rate" "$DURATION" "$(auth_of "$s")")
        [ "$(cut -d' ' -f4 <<<"$r")" = 0 ] || log "$s $op: $(cut -d' ' -f4 <<<"$r") requests failed (not 200)"
        cut -d' ' -f1-3 <<<"$r"
    fi
}

DURATION_BASE=$DURATION
ours_load() { DURATION=$1 throughput ours "$op" | sed 's|$| req/s|'; }
for op in $OPS; do
    warmed=
    for s in $SYSTEMS; do
        # warm-up (JIT, caches, PostgreSQL buffers)
        case $s in
            ours) warmed=$(warm_jvm "$APP_PID" ours_load) ;;
            postgraphile) DURATION=${warmed:-$WARMUP} throughput "$s" "$op" >/dev/null; pgl_quiet "$DB" ;;
            *) DURATION=$WARMUP throughput "$s" "$op" >/dev/null ;;
        esac
    done
    # the runs interleaved (run 1 of every system, then run 2, ...): the machine's speed drifts over minutes, and a
    # ratio of medians should not depend on which system happened to run in the fast minutes
    for i in $(seq 1 "$RUNS"); do
        for s in $SYSTEMS; do
            r=$(throughput "$s" "$op")
            [ "$s" = postgraphile ] && pgl_quiet "$DB" # what it could not answer must not fall on the next run
            echo "throughput op=$op system=$s run=$i rps=$r" | tee -a "$OUT"
        done
    done
    pgl_rps=$(grep "throughput op=$op system=postgraphile" "$OUT" | sed 's/.*rps=//' | stats | cut -d' ' -f1)
    rate=$(python3 -c "print(max(0.2, round(${pgl_rps:-10} * $RATE_SHARE, 1)))")
    for i in $(seq 1 "$RUNS"); do
        for s in $SYSTEMS; do
            r=$(latency "$s" "$op" "$rate")
            [ "$s" = postgraphile ] && pgl_quiet "$DB"
            echo "latency op=$op system=$s run=$i rate=$rate p50_ms=$(cut -d' ' -f1 <<<"$r") p99_ms=$(cut -d' ' -f2 <<<"$r") offered_rps=$(cut -d' ' -f3 <<<"$r")" | tee -a "$OUT"
        done
    done
done
echo "rss_after_load_kb ours=$(rss_kb "$APP_PID") postgraphile=$(rss_kb "$PGL_PID")" | tee -a "$OUT"
python3 "$BENCH_DIR/tools/summary.py" "$OUT"
