#!/usr/bin/env bash
# Figure 1: full sync of a USERS-user tenant (28 days of usage), throttling off, then an unchanged re-sync, RUNS times
# on a fresh database each; against psql \copy of the same rows into the same tables (same schema and indexes), and
# against psql \copy of the raw report rows the sync read (the report files, into one staging table).
# Output: bench/work/results/sync.txt (one line per run) and a summary on stdout.
source "$(dirname "$0")/lib.sh"
conditions sync
DAYS=${DAYS:-28}
DB=m365_bench_sync
COPY_DB=m365_bench_copy
OUT=$WORK/results/sync-${DAYS}d.txt
# The directory and the apps usage (what the raw report rows are); ACTIVITY=1 runs the activity signal parts too
# (SERVICE_ACTIVITY reads another report per day; SIGN_INS is paced at Microsoft's 10 requests a minute).
ACTIVITY_PARTS="M365_SERVICE_ACTIVITY_ENABLED=false M365_SIGN_INS_ENABLED=false"
[ "${ACTIVITY:-0}" = 1 ] && ACTIVITY_PARTS="M365_SIGN_INS_RATE_LIMIT=100000 M365_SIGN_INS_RATE_WINDOW=1s"

mkdir -p "$WORK/results" "$WORK/copy"
: >"$OUT"
pg_up
app_build
SERVER_CPU= # a sync uses both cores: the app, PostgreSQL and the simulator share the machine
pg_pin 0-1
sim_start "$USERS" "$DAYS"
trap 'app_stop; sim_stop' EXIT

for i in $(seq 1 "$RUNS"); do
    db_fresh $DB
    app_start $DB M365_USAGE_LOOKBACK_DAYS="$DAYS" $ACTIVITY_PARTS
    TOKEN=$(token)
    app_wait_ready >/dev/null
    before=$(sim GET /_simulator/reports/stats | jq .generationMillis)
    cpu0=$(awk '{print $14 + $15}' "/proc/$(cat "$WORK/sim.pid")/stat")
    first=$(sync_run)
    cpu1=$(awk '{print $14 + $15}' "/proc/$(cat "$WORK/sim.pid")/stat")
    after=$(sim GET /_simulator/reports/stats | jq .generationMillis)
    again=$(sync_run)
    [ "$(jq -r .status <<<"$first")" = SUCCEEDED ] || die "sync failed: $first"
    [ "$(jq -r .status <<<"$again")" = SUCCEEDED ] || die "re-sync failed: $again"
    peak=$(awk '/VmHWM/ {print $2}' "/proc/$APP_PID/status")
    line="run=$i first: $(run_ms "$first") | resync: $(run_ms "$again") | simulator: reports_generation_ms=$((after - before)) cpu_ms=$(( (cpu1 - cpu0) * 1000 / $(getconf CLK_TCK) )) | app_peak_rss_kb=$peak"
    log "$line"
    echo "$line" >>"$OUT"
    jq -c '.parts[] | {part, itemsRead, detail}' <<<"$first" >"$WORK/results/sync-parts.json"
    app_stop
done

# The rows the sync wrote, exported once, then loaded with \copy into an empty copy of the schema, RUNS times.
TABLES=$(psql_db $DB -c "select string_agg(c.relname, ' ' order by array_position(array['sku','sku_service_plan',
    'directory_user','license_assignment','usage_identity','usage_month']::name[], c.relname), c.relname)
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r' and c.relpersistence = 'p'
      and c.relname not in ('flyway_schema_history', 'sync_run', 'sync_run_part', 'report_request', 'usage_state')")
rows_total=0
: >"$WORK/copy/load.sql"
for t in $TABLES; do
    cols=$(psql_db $DB -c "select string_agg(quote_ident(attname), ',' order by attnum) from pg_attribute
        where attrelid = 'public.$t'::regclass and attnum > 0 and not attisdropped and attgenerated = ''")
    psql_db $DB -c "\\copy (select $cols from $t) to '$WORK/copy/$t.csv' with (format csv)"
    n=$(wc -l <"$WORK/copy/$t.csv")
    [ "$n" -gt 0 ] || continue
    rows_total=$((rows_total + n))
    echo "\\copy $t ($cols) from '$WORK/copy/$t.csv' with (format csv)" >>"$WORK/copy/load.sql"
    log "copy: $t $n rows"
done
PGPASSWORD=$PG_PASSWORD pg_dump -h $PG_HOST -U $PG_ROLE --schema-only --no-owner $DB >"$WORK/copy/schema.sql"
for i in $(seq 1 "$RUNS"); do
    db_fresh $COPY_DB
    psql_db $COPY_DB -f "$WORK/copy/schema.sql" >/dev/null 2>&1
    sync
    t0=$(now_ms)
    psql_db $COPY_DB -f "$WORK/copy/load.sql" >/dev/null
    t1=$(now_ms)
    line="run=$i copy_ms=$((t1 - t0)) rows=$rows_total"
    log "$line"
    echo "$line" >>"$OUT"
done

# The raw report rows: the same report files the sync downloaded (one per stored day), fetched once from the simulator
# as the app fetches them (a 302 to a pre-authenticated download), loaded with \copy into one empty staging table of
# text columns, RUNS times: what any sync must at least read.
graph_token=$(curl -sf -X POST "$(sed -n 's/^M365_TOKEN_URL=//p' "$WORK/sim.log")" \
    -d "client_id=5b0d7a3e-6c1f-4c55-9d8e-3f2a1b0c9d8e&client_secret=$CLIENT_SECRET&grant_type=client_credentials" \
    -d "scope=https://graph.microsoft.com/.default" | jq -r .access_token)
graph=$(sed -n 's/^M365_GRAPH_BASE_URL=//p' "$WORK/sim.log")
mkdir -p "$WORK/raw"
rm -f "$WORK/raw"/*.csv
raw_rows=0
: >"$WORK/raw/load.sql"
for d in $(psql_db $DB -c "select report_date from usage_report_day order by 1"); do
    location=$(curl -sf -o /dev/null -w '%{redirect_url}' -H "Authorization: Bearer $graph_token" \
        "$graph/reports/getM365AppUserDetail(date=$d)?\$format=text/csv")
    curl -sf -o "$WORK/raw/$d.csv" "$location"
    raw_rows=$((raw_rows + $(wc -l <"$WORK/raw/$d.csv") - 1))
    echo "\\copy raw_report_row from '$WORK/raw/$d.csv' with (format csv, header true)" >>"$WORK/raw/load.sql"
done
raw_columns=$(head -1 "$(ls "$WORK/raw"/*.csv | head -1)" | tr ',' '\n' | wc -l)
for i in $(seq 1 "$RUNS"); do
    db_fresh $COPY_DB
    psql_db $COPY_DB -c "create table raw_report_row ($(seq -f 'c%g text' -s ', ' 1 "$raw_columns"))"
    sync
    t0=$(now_ms)
    psql_db $COPY_DB -f "$WORK/raw/load.sql" >/dev/null
    t1=$(now_ms)
    line="run=$i raw_copy_ms=$((t1 - t0)) raw_rows=$raw_rows files=$(ls "$WORK/raw"/*.csv | wc -l)"
    log "$line"
    echo "$line" >>"$OUT"
done

med() { grep -oE "(^| )$1=[0-9]+" "$OUT" | sed "s/^ *$1=//" | stats; }
first_total=$(grep '^run=' "$OUT" | grep first: | sed 's/.*first: total=\([0-9]*\).*/\1/' | stats)
resync_total=$(grep '^run=' "$OUT" | grep resync: | sed 's/.*resync: total=\([0-9]*\).*/\1/' | stats)
copy_total=$(med copy_ms)
echo "full sync ms (median min max n):   $first_total"
echo "re-sync ms:                         $resync_total"
raw_total=$(med raw_copy_ms)
echo "\\copy ms:                           $copy_total"
echo "\\copy of the raw report rows ms:    $raw_total"
python3 - "$first_total" "$resync_total" "$copy_total" "$raw_total" <<'EOF'
import sys
f, r, c, w = (float(x.split()[0]) for x in sys.argv[1:5])
print(f"full sync / \\copy of the rows it wrote = {f / c:.2f}; full sync / \\copy of the raw report rows = {w and f / w:.2f} "
      f"(target <= 3); re-sync / full sync = {r / f:.2f} (target <= 1.25)")
EOF
