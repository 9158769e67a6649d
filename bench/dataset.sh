#!/usr/bin/env bash
# The query benchmarks' data: a USERS-user tenant with DAYS (default 365) days of usage, synced by our app from the
# simulator (in benchmark mode: it serves reports DAYS days back) into database m365_bench_year. Kept between runs;
# FORCE=1 rebuilds it. Prints the sync's wall time and parts (it is the 365-day figure of the sync benchmark too).
source "$(dirname "$0")/lib.sh"
DAYS=${DAYS:-365}
DB=${DATASET_DB:-m365_bench_year}
mkdir -p "$WORK/results"
pg_up
app_build
if db_exists "$DB" && [ "${FORCE:-0}" != 1 ] \
    && [ "$(psql_db "$DB" -c "select count(*) from usage_report_day" 2>/dev/null || echo 0)" -ge "$DAYS" ]; then
    log "dataset $DB exists ($(psql_db "$DB" -c "select count(*) from directory_user") users, $DAYS days); FORCE=1 rebuilds it"
    exit 0
fi
SERVER_CPU=
pg_pin 0-1
sim_start "$USERS" "$DAYS"
db_fresh "$DB"
app_start "$DB" M365_USAGE_LOOKBACK_DAYS="$DAYS"
TOKEN=$(token)
app_wait_ready >/dev/null
log "syncing $USERS users and $DAYS days of usage into $DB"
run=$(sync_run)
[ "$(jq -r .status <<<"$run")" = SUCCEEDED ] || die "sync failed: $run"
peak=$(awk '/VmHWM/ {print $2}' "/proc/$APP_PID/status")
gen=$(sim GET /_simulator/reports/stats | jq .generationMillis)
line="dataset users=$USERS days=$DAYS $(run_ms "$run") | simulator reports_generation_ms=$gen | app_peak_rss_kb=$peak"
log "$line"
echo "$(date -u +%FT%TZ) $line" >>"$WORK/results/dataset.txt"
app_stop
psql_db "$DB" -c "vacuum analyze" >/dev/null 2>&1
log "$DB: $(psql_db "$DB" -c "select pg_size_pretty(pg_database_size(current_database()))")"

sim_stop
