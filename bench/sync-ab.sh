#!/usr/bin/env bash
# Two builds of our app compared on the full sync of figure 1, interleaved (A B A B ...) so that a drift of the
# machine's speed falls on both: ROUNDS rounds of `RUNS=1 bench/sync.sh` per jar (a fresh database each: the full sync,
# the unchanged re-sync, the \copy comparisons). For a change's effect while working on it; one line per run in
# bench/work/results/sync-ab.txt (total and parts in ms, the raw rows' \copy).
#   JAR_A=.../quarkus-run.jar JAR_B=.../quarkus-run.jar bench/sync-ab.sh
source "$(dirname "$0")/lib.sh"
ROUNDS=${ROUNDS:-2}
[ -f "${JAR_A:-}" ] && [ -f "${JAR_B:-}" ] || die "set JAR_A and JAR_B to two quarkus-run.jar files"
OUT=$WORK/results/sync-ab.txt
mkdir -p "$WORK/results"
: >"$OUT"
for round in $(seq 1 "$ROUNDS"); do
    for build in A B; do
        jar=JAR_$build
        APP_JAR=${!jar} RUNS=1 bash "$BENCH_DIR/sync.sh" >"$WORK/sync-ab-run.log" 2>&1 \
            || die "sync.sh failed with $build: $(tail -3 "$WORK/sync-ab-run.log")"
        line="round=$round build=$build $(grep -o 'first: [^|]*' "$WORK/sync-ab-run.log") | $(grep -o 'resync: [^|]*' \
            "$WORK/sync-ab-run.log") | $(grep -o 'raw_copy_ms=[0-9]*' "$WORK/sync-ab-run.log")"
        log "$line"
        echo "$line" >>"$OUT"
    done
done
for build in A B; do
    echo "$build full sync ms (median min max n): $(grep "build=$build" "$OUT" | sed 's/.*first: total=\([0-9]*\).*/\1/' | stats)"
done
