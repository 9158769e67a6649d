#!/usr/bin/env bash
# GraphQL execution model: throughput and p99 against concurrency, and the latency of a light operation beside slow
# ones, with our execution (each request on a worker thread, api/http/GraphQLHttpRoute) and with the one before it
# (the request on the event loop: SmallRye GraphQL hands each blocking resolver to Vert.x's *ordered* executeBlocking
# of the event loop's context). The "before" variant is this revision with that change reversed, packaged into
# bench/work/app-before. Same dataset, pinning and load generator as query.sh.
source "$(dirname "$0")/lib.sh"
conditions graphql-exec
DB=${DATASET_DB:-m365_bench_year}
DURATION=${DURATION:-10}
LEVELS=${LEVELS:-1 2 4 8 16 32 64}
# the light operation's fixed rate beside slow ones: below what one core serves of it alone (licenses with inactive
# counts over 365 days: ~6 req/s), or the figure measures a queue, not head-of-line blocking
MIX_RATE=${MIX_RATE:-2}
OPS=${OPS:-users licenses usage}
OUT=$WORK/results/graphql-exec.txt
mkdir -p "$WORK/results"
: >"$OUT"
"$BENCH_DIR/dataset.sh"
app_build
# "before" = this revision with the request executed on the event loop again (SmallRye GraphQL's default): the route
# handler not blocking, and the handler telling SmallRye that it does not run blocking. Two edits, checked.
if [ ! -f "$WORK/app-before/quarkus-run.jar" ] || [ "${REBUILD:-0}" = 1 ]; then
    log "packaging the execution before the change (requests on the event loop)"
    rm -rf "$WORK/before-src" "$WORK/app-before"
    mkdir -p "$WORK/before-src"
    git -C "$ROOT" archive HEAD | tar -x -C "$WORK/before-src"
    http=$WORK/before-src/src/main/java/io/m365insights/api/http
    perl -0pi -e 's/\.blockingHandler\((new GraphQLOverHttpHandler\(.*?null\)), false\)/.handler($1)/s' "$http/GraphQLHttpRoute.java"
    sed -i 's/super(identity, request, true);/super(identity, request, false);/' "$http/GraphQLOverHttpHandler.java"
    grep -q 'blockingHandler' "$http/GraphQLHttpRoute.java" && die "could not switch GraphQLHttpRoute back to the event loop"
    grep -q 'super(identity, request, false);' "$http/GraphQLOverHttpHandler.java" || die "could not edit GraphQLOverHttpHandler"
    (cd "$WORK/before-src" && ./mvnw -B -q package -DskipTests -DskipNativeSources=true)
    mv "$WORK/before-src/target/quarkus-app" "$WORK/app-before"
    rm -rf "$WORK/before-src"
fi
pg_up
sim_start 1 28
trap 'pg_pin 0-1 || true; app_stop; sim_stop' EXIT
make_bodies "$DB"
[ -n "$SERVER_CPU" ] && pg_pin "$SERVER_CPU"
for variant in before ours; do
    jar=$WORK/app/quarkus-run.jar
    [ $variant = before ] && jar=$WORK/app-before/quarkus-run.jar
    APP_JAR=$jar app_start "$DB"
    TOKEN=$(token)
    app_wait_ready >/dev/null
    for op in $OPS; do
        BODY_FILE=$WORK/body-ours-$op.json TOKEN=$TOKEN pinned "$LOAD_CPU" wrk -t1 -c8 -d5s --timeout 60s \
            -s "$BENCH_DIR/tools/post.lua" "$APP_URL" >/dev/null # warm-up
        for c in $LEVELS; do
            r=$(BODY_FILE=$WORK/body-ours-$op.json TOKEN=$TOKEN pinned "$LOAD_CPU" wrk -t1 -c"$c" -d"${DURATION}s" \
                --timeout 60s --latency -s "$BENCH_DIR/tools/post.lua" "$APP_URL" \
                | awk '/Requests\/sec/ {rps=$2} /^ +99%/ {p99=$2} END {print rps, p99}')
            line="variant=$variant op=$op concurrency=$c rps=${r% *} p99=${r#* }"
            log "$line"
            echo "$line" >>"$OUT"
        done
    done
    # Head-of-line blocking: the licenses operation at a fixed rate while slow usage series run beside it.
    for bg in 0 8; do
        if [ "$bg" -gt 0 ]; then
            BODY_FILE=$WORK/body-ours-usage.json TOKEN=$TOKEN pinned "$LOAD_CPU" wrk -t1 -c"$bg" -d"$((DURATION + 4))s" \
                --timeout 120s -s "$BENCH_DIR/tools/post.lua" "$APP_URL" >"$WORK/bg-usage.txt" &
            bgpid=$!
            sleep 2
        fi
        r=$(pinned "$LOAD_CPU" "$PGL_DIR/node_modules/.bin/node" "$BENCH_DIR/tools/openloop.mjs" "$APP_URL" \
            "$WORK/body-ours-licenses.json" "$MIX_RATE" "$DURATION" "$TOKEN")
        [ "$bg" -gt 0 ] && wait $bgpid
        line="variant=$variant mixed licenses_at=${MIX_RATE}/s beside_usage_connections=$bg p50_ms=$(cut -d' ' -f1 <<<"$r") p99_ms=$(cut -d' ' -f2 <<<"$r") failed=$(cut -d' ' -f4 <<<"$r")"
        log "$line"
        echo "$line" >>"$OUT"
    done
    app_stop
done
grep mixed "$OUT"
python3 - "$OUT" <<'EOF'
import re, sys
rows = [dict(re.findall(r"(\w+)=(\S+)", l)) for l in open(sys.argv[1]) if "mixed" not in l]
ops = list(dict.fromkeys(r["op"] for r in rows))
levels = list(dict.fromkeys(r["concurrency"] for r in rows))
for op in ops:
    print(f"\n{op}: requests/s (p99) by concurrency")
    print("| execution | " + " | ".join(f"c={c}" for c in levels) + " |")
    print("|---|" + "---|" * len(levels))
    for v in ("before", "ours"):
        cells = [next((f"{r['rps']} ({r['p99']})" for r in rows if r["op"] == op and r["variant"] == v
                       and r["concurrency"] == c), "") for c in levels]
        print(f"| {v} | " + " | ".join(cells) + " |")
EOF
