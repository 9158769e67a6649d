#!/usr/bin/env bash
# Time to first successful GraphQL response of one jar under several start settings, in interleaved rounds: for
# each of ROUNDS (3) rounds, every variant starts once (fresh process, the same dataset), and the script records the
# milliseconds from process start to the first `licenses` answer and Quarkus's own "started in". For finding what a
# setting is worth before it goes into application.properties; footprint.sh gives the figure beside PostGraphile.
#
#   APP_JAR=…/quarkus-run.jar AOT_CACHE=…/app.aot \
#   VARIANTS='base=;plain-logs=QUARKUS_LOG_CONSOLE_JSON_ENABLED=false' bench/start.sh
#
# VARIANTS: `name=VAR=value VAR2=value2` entries separated by `;` (an empty list after `=` is the jar as it is); each
# variant's settings go to the app's environment. AOT_CACHE, when given, is used by every variant. SERVER_CPU pins the
# app to one core as footprint.sh does (empty: unpinned).
source "$(dirname "$0")/lib.sh"
conditions start
DB=${DATASET_DB:-m365_bench_year}
ROUNDS=${ROUNDS:-3}
VARIANTS=${VARIANTS:-base=}
OUT=$WORK/results/start.txt
mkdir -p "$WORK/results"
: >"$OUT"
[ -n "${APP_JAR:-}" ] || die "APP_JAR=…/quarkus-run.jar: the build to start"
pg_up
db_exists "$DB" || die "no database $DB (bench/dataset.sh)"
sim_start 1 28
trap 'app_stop; sim_stop' EXIT
TOKEN=$(token)
export TOKEN

# TRAIN=1 with an AOT_CACHE that does not exist yet: one training start first (-XX:AOTCacheOutput: start, the
# `licenses`, `users` and `usage` documents of query.sh a few times, a normal stop, when the JVM writes the cache).
# The cache must be made from the jar files as they are: a copy with new timestamps no longer matches it.
if [ "${TRAIN:-0}" = 1 ] && [ -n "${AOT_CACHE:-}" ] && [ ! -f "$AOT_CACHE" ]; then
    make_bodies "$DB"
    APP_JVM_OPTS="-XX:AOTCacheOutput=$AOT_CACHE" app_start "$DB"
    app_wait_ready >/dev/null
    for _ in $(seq 1 20); do
        for op in licenses users usage; do gql "$(cat "$WORK/body-ours-$op.json")" >/dev/null; done
    done
    kill "$APP_PID" # and wait: writing the cache at exit takes minutes, longer than app_stop waits
    for _ in $(seq 1 6000); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
    rm -f "$WORK/app.pid"
    [ -f "$AOT_CACHE" ] || die "no AOT cache written: $(tail -5 "$WORK/app.log")"
    log "trained $AOT_CACHE ($(du -h "$AOT_CACHE" | cut -f1))"
fi

IFS=';' read -r -a variants <<<"$VARIANTS"
for round in $(seq 1 "$ROUNDS"); do
    for v in "${variants[@]}"; do
        name=${v%%=*}
        settings=${v#*=}
        sync; sleep 1
        # shellcheck disable=SC2086 # the settings are words on purpose
        APP_JVM_OPTS="${AOT_CACHE:+-XX:AOTCache=$AOT_CACHE}" app_start "$DB" $settings
        ms=$(app_wait_ready)
        started=$(grep -o 'started in [0-9.]*s' "$WORK/app.log" | head -1 | tr -dc '0-9.')
        echo "start variant=$name round=$round first_response_ms=$ms quarkus_started_s=$started" | tee -a "$OUT"
        app_stop
    done
done

for v in "${variants[@]}"; do
    name=${v%%=*}
    echo "$name: first response ms (median min max n): $(grep "variant=$name " "$OUT" \
        | sed 's/.*first_response_ms=\([0-9]*\).*/\1/' | stats); Quarkus started in s: $(grep "variant=$name " "$OUT" \
        | sed 's/.*quarkus_started_s=//' | stats)"
done
