#!/usr/bin/env bash
# Two builds of our app compared on one operation, interleaved (A B A B ...) so that a drift of the machine's speed
# during the comparison falls on both: ROUNDS rounds, each a fresh start of each jar, at least WARMUP seconds of load
# (until the JIT has settled: lib.sh warm_jvm), then
# DURATION seconds measured (wrk, CONCURRENCY connections, the same pinning as query.sh). For a change's effect while
# working on it; the figures of RESULTS.md come from query.sh (ours, PostGraphile and pgbench side by side).
#   JAR_A=.../quarkus-run.jar JAR_B=.../quarkus-run.jar bench/ab.sh users
# OPTS_A / OPTS_B: JVM options of each side (the same jar twice with two settings, e.g. OPTS_B=-XX:TieredStopAtLevel=1).
source "$(dirname "$0")/lib.sh"
OP=${1:-users}
DB=${DATASET_DB:-m365_bench_year}
CONCURRENCY=${CONCURRENCY:-16}
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-60}
ROUNDS=${ROUNDS:-3}
[ -f "${JAR_A:-}" ] && [ -f "${JAR_B:-}" ] || die "set JAR_A and JAR_B to two quarkus-run.jar files"
conditions "ab $OP"
pg_up
sim_start 1 28 # only as the identity provider of our API's tokens (JWKS)
trap 'pg_pin 0-1 || true; app_stop; sim_stop' EXIT
make_bodies "$DB"
[ -n "$SERVER_CPU" ] && pg_pin "$SERVER_CPU"
OUT=$WORK/results/ab-$OP.txt
mkdir -p "$WORK/results"
: >"$OUT"
load() { BODY_FILE=$WORK/body-ours-$OP.json TOKEN=$TOKEN pinned "$LOAD_CPU" wrk -t1 -c"$CONCURRENCY" -d"$1s" \
    --timeout 60s -s "$BENCH_DIR/tools/post.lua" "$APP_URL" | awk '/Requests\/sec/ {print $2}'; }
for round in $(seq 1 "$ROUNDS"); do
    for build in A B; do
        jar=JAR_$build
        opts=OPTS_$build
        APP_JAR=${!jar} APP_JVM_OPTS=${!opts:-} app_start "$DB"
        TOKEN=$(token)
        app_wait_ready >/dev/null
        warm_jvm "$APP_PID" load >/dev/null # at least WARMUP seconds, until the JIT has settled (lib.sh)
        echo "ab op=$OP build=$build round=$round rps=$(load "$DURATION")" | tee -a "$OUT"
        app_stop
    done
done
for build in A B; do
    echo "build $build ($(eval echo \$JAR_$build) $(eval echo \${OPTS_$build:-})): median $(grep "build=$build " "$OUT" | sed 's/.*rps=//' | stats) req/s" | tee -a "$OUT"
done
