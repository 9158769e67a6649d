#!/usr/bin/env bash
# Figure 4: footprint, JVM mode, beside PostGraphile 5 (Node 22), both over the dataset of dataset.sh:
# - time to first successful GraphQL response: from starting the process to the first 200 with data (our app: a
#   `licenses` query with a bearer token; PostGraphile: `allSkus`), RUNS times each, nothing else running;
# - RSS after the load: each server gets the same load (the three operations of query.sh, wrk, CONCURRENCY
#   connections, LOAD_SECONDS seconds each), then its resident set size is read from /proc.
# Our app runs with the heap limit of the sync benchmark (-Xmx512m, APP_HEAP) and no other JVM tuning. With
# AOT_CACHE=path/app.aot (the JDK 25 AOT cache of the same build, `./mvnw verify -Daot`: docs/operations.md) a third
# system, ours-aot, is the same app started with -XX:AOTCache, measured in the same run.
source "$(dirname "$0")/lib.sh"
conditions footprint
DB=${DATASET_DB:-m365_bench_year}
CONCURRENCY=${CONCURRENCY:-16}
LOAD_SECONDS=${LOAD_SECONDS:-20}
OUT=$WORK/results/footprint.txt
mkdir -p "$WORK/results"
: >"$OUT"
DAYS=${DAYS:-365} "$BENCH_DIR/dataset.sh"
pg_up
sim_start 1 28
trap 'pg_pin 0-1 || true; app_stop; pgl_stop; sim_stop' EXIT
pgl_prepare "$DB"
make_bodies "$DB"
[ -n "$SERVER_CPU" ] && pg_pin "$SERVER_CPU"
TOKEN=$(token)
export TOKEN

for i in $(seq 1 "$RUNS"); do
    sync; sleep 1
    app_start "$DB"
    ms=$(app_wait_ready)
    echo "first_response system=ours run=$i ms=$ms" | tee -a "$OUT"
    app_stop
    if [ -n "${AOT_CACHE:-}" ]; then
        sync; sleep 1
        APP_JVM_OPTS="-XX:AOTCache=$AOT_CACHE" app_start "$DB"
        ms=$(app_wait_ready)
        echo "first_response system=ours-aot run=$i ms=$ms" | tee -a "$OUT"
        app_stop
    fi
    sync; sleep 1
    pgl_start "$DB"
    ms=$(pgl_wait_ready)
    echo "first_response system=postgraphile run=$i ms=$ms" | tee -a "$OUT"
    pgl_stop
done

load() { # url body-prefix
    for op in usage users licenses; do
        BODY_FILE=$WORK/$2-$op.json pinned "$LOAD_CPU" wrk -t1 -c"$CONCURRENCY" -d"${LOAD_SECONDS}s" --timeout 60s \
            -s "$BENCH_DIR/tools/post.lua" "$1" >/dev/null
    done
}
for s in ours ${AOT_CACHE:+ours-aot}; do
    APP_JVM_OPTS="${APP_JVM_OPTS:-}${AOT_CACHE:+$([ $s = ours-aot ] && echo " -XX:AOTCache=$AOT_CACHE")}" app_start "$DB"
    app_wait_ready >/dev/null
    echo "rss_idle_kb system=$s kb=$(rss_kb "$APP_PID")" | tee -a "$OUT"
    load "$APP_URL" body-ours
    echo "rss_after_load_kb system=$s kb=$(rss_kb "$APP_PID") peak_kb=$(awk '/VmHWM/ {print $2}' "/proc/$APP_PID/status")" | tee -a "$OUT"
    app_stop
done
pgl_start "$DB"
pgl_wait_ready >/dev/null
echo "rss_idle_kb system=postgraphile kb=$(rss_kb "$PGL_PID")" | tee -a "$OUT"
TOKEN= load "$PGL_URL" body-pgl
echo "rss_after_load_kb system=postgraphile kb=$(rss_kb "$PGL_PID") peak_kb=$(awk '/VmHWM/ {print $2}' "/proc/$PGL_PID/status")" | tee -a "$OUT"
pgl_stop

for s in ours ${AOT_CACHE:+ours-aot} postgraphile; do
    echo "$s: first response ms (median min max n): $(grep "first_response system=$s " "$OUT" | sed 's/.*ms=//' | stats)"
done
python3 - "$OUT" <<'EOF'
import re, statistics, sys
t = open(sys.argv[1]).read()
first = lambda s: statistics.median(float(x) for x in re.findall(rf"first_response system={s} run=\d+ ms=(\d+)", t))
rss = lambda s: float(re.search(rf"rss_after_load_kb system={s} kb=(\d+)", t).group(1))
for s in ("ours", "ours-aot"):
    if f"system={s} " not in t:
        continue
    print(f"{s}: time to first response / PostGraphile = {first(s) / first('postgraphile'):.2f}; "
          f"RSS after load / PostGraphile = {rss(s) / rss('postgraphile'):.2f} ({rss(s) / 1024:.0f} MiB vs {rss('postgraphile') / 1024:.0f} MiB)")
# issue #17's targets: the first response with the AOT cache <= 1.5x PostGraphile's, RSS after the load <= 2x
s = "ours-aot" if "system=ours-aot " in t else "ours"
start, mem = first(s) / first("postgraphile"), rss(s) / rss("postgraphile")
print(f"{s}: time to first response / PostGraphile = {start:.2f} (target <= 1.5 with the AOT cache: "
      f"{'met' if start <= 1.5 and s == 'ours-aot' else 'missed'}); RSS after load / PostGraphile = {mem:.2f} "
      f"(target <= 2: {'met' if mem <= 2 else 'missed'})")
EOF
