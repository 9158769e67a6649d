#!/usr/bin/env bash
# Where one operation's CPU goes, per request: our app's JVM (by thread kind) and PostgreSQL's backends, counted in
# /proc ticks over DURATION seconds of wrk load (after at least WARMUP seconds, until the JIT has settled), on the
# core they share (SERVER_CPU); then the
# same core's busy ticks per transaction while pgbench replays the operation's SQL (its backends exit with it, so the
# core is counted instead). Uses the pgbench script query.sh captured (bench/work/pgbench-OP.sql).
#   DATASET_DB=m365_bench_100 bench/cpu-split.sh usage
source "$(dirname "$0")/lib.sh"
OP=${1:-usage}
DB=${DATASET_DB:-m365_bench_year}
CONCURRENCY=${CONCURRENCY:-16}
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-40}
[ -f "$WORK/pgbench-$OP.sql" ] || die "no $WORK/pgbench-$OP.sql: run OPS=$OP bench/query.sh once first"
conditions "cpu-split $OP"
pg_up
app_build
sim_start 1 28
trap 'pg_pin 0-1 || true; app_stop; sim_stop' EXIT
make_bodies "$DB"
CORE=${SERVER_CPU:-0}
pg_pin "$CORE"
app_start "$DB"
TOKEN=$(token)
app_wait_ready >/dev/null
load() { BODY_FILE=$WORK/body-ours-$OP.json TOKEN=$TOKEN pinned "$LOAD_CPU" wrk -t1 -c"$CONCURRENCY" -d"$1s" \
    --timeout 60s -s "$BENCH_DIR/tools/post.lua" "$APP_URL" | awk '/ requests in / {print $1}'; }
threads() { for t in /proc/$APP_PID/task/*; do echo "$(tr ' ' _ <"$t/comm") $(awk '{print $14 + $15}' "$t/stat")"; done \
    | awk '{sub(/[0-9]+$/, "N", $1); s[$1] += $2} END {for (k in s) print k, s[k]}' | sort; }
backends() { for p in $(pgrep -x postgres); do awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null; done | awk '{s += $1} END {print s + 0}'; }
core_busy() { awk -v c="cpu$CORE" '$1 == c {print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
HZ=$(getconf CLK_TCK)
mkdir -p "$WORK/results"
warm_jvm "$APP_PID" load >/dev/null # at least WARMUP seconds, until the JIT has settled (lib.sh)
# the process's own ticks count threads that ended meanwhile too (the per-kind split below only those still alive)
proc_ticks() { awk '{print $14 + $15}' "/proc/$APP_PID/stat"; }
threads >"$WORK/cpu-threads.0"; p0=$(backends); j0=$(proc_ticks)
n=$(load "$DURATION")
threads >"$WORK/cpu-threads.1"; p1=$(backends); j1=$(proc_ticks)
c0=$(core_busy)
tx=$(PGPASSWORD=$PG_PASSWORD pinned "$LOAD_CPU" pgbench -h $PG_HOST -U $PG_ROLE -n -M prepared -c "$CONCURRENCY" -j 1 \
    -T "$DURATION" -f "$WORK/pgbench-$OP.sql" "$DB" 2>/dev/null | sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p')
c1=$(core_busy)
{
    jvm=$((j1 - j0))
    echo "operation $OP: $n requests in ${DURATION}s; pgbench: $tx transactions in ${DURATION}s"
    awk -v j="$jvm" -v p="$((p1 - p0))" -v n="$n" -v hz="$HZ" 'BEGIN {
        printf "per request: JVM %.2f ms, PostgreSQL backends %.2f ms\n", j * 1000 / hz / n, p * 1000 / hz / n }'
    awk -v c="$((c1 - c0))" -v n="$tx" -v hz="$HZ" 'BEGIN {
        printf "per pgbench transaction: %.2f ms of the server core (PostgreSQL alone runs there)\n", c * 1000 / hz / n }'
    echo "JVM ticks by thread kind:"
    join "$WORK/cpu-threads.0" "$WORK/cpu-threads.1" | awk -v j="$jvm" '$3 > $2 {printf "  %5.1f%% %s\n", ($3 - $2) * 100 / j, $1}' | sort -rn
} | tee "$WORK/results/cpu-split-$OP.txt"
