#!/usr/bin/env bash
# Figure 2: throttled sync. The simulator enforces Microsoft's report limit (14 requests per window, sliding) on a
# compressed clock (THROTTLE_WINDOW_MS, default 5000 = 10 minutes compressed 120x); the app paces at the same limit
# and window. A first sync of a USERS-user tenant (28 missing days), RUNS times on a fresh database each.
# Checks: Graph requests = users pages + SKUs + one report per missing day (+ what else the sync asks, listed);
# no 429; wall time against the throttle floor ceil(days/14 - 1) windows.
source "$(dirname "$0")/lib.sh"
conditions throttled
WINDOW_MS=${THROTTLE_WINDOW_MS:-5000}
LIMIT=14
DAYS=${DAYS:-28}
DB=m365_bench_throttled
OUT=$WORK/results/throttled-${WINDOW_MS}ms.txt
mkdir -p "$WORK/results"
: >"$OUT"
pg_up
app_build
SERVER_CPU=
pg_pin 0-1
sim_start "$USERS" "$DAYS"
trap 'app_stop; sim_stop' EXIT
floor_ms=$(python3 -c "import math; print(math.ceil($DAYS / $LIMIT - 1) * $WINDOW_MS)")
pages=$(( (USERS + 998) / 999 ))

for i in $(seq 1 "$RUNS"); do
    db_fresh $DB
    sim POST /_simulator/reset '{}' >/dev/null # same tenant, an empty throttling window, no request log
    sim PATCH /_simulator/reports "{\"throttle\": {\"enforced\": true, \"limit\": $LIMIT, \"windowMillis\": $WINDOW_MS}}" >/dev/null
    app_start $DB M365_USAGE_LOOKBACK_DAYS="$DAYS" M365_REPORTS_RATE_LIMIT=$LIMIT M365_REPORTS_RATE_WINDOW="${WINDOW_MS}ms"
    TOKEN=$(token)
    app_wait_ready >/dev/null
    sim DELETE /_simulator/requests >/dev/null
    run=$(sync_run)
    [ "$(jq -r .status <<<"$run")" = SUCCEEDED ] || die "sync failed: $run"
    requests=$(sim GET /_simulator/requests)
    counts=$(jq -r '[.[] | select(.path | startswith("/v1.0/"))] as $g | {
        graph: ($g | length),
        users_pages: ([$g[] | select(.path == "/v1.0/users")] | length),
        skus: ([$g[] | select(.path == "/v1.0/subscribedSkus")] | length),
        reports: ([$g[] | select(.path | startswith("/v1.0/reports/"))] | length),
        report_settings: ([$g[] | select(.path == "/v1.0/admin/reportSettings")] | length),
        throttled_429: ([.[] | select(.status == 429)] | length),
        tokens: ([.[] | select(.path | endswith("/oauth2/v2.0/token"))] | length),
        downloads: ([.[] | select(.path | startswith("/data/download/"))] | length)
      } | to_entries | map("\(.key)=\(.value)") | join(" ")' <<<"$requests")
    line="run=$i $(run_ms "$run") | $counts | minimum_graph=$((pages + 1 + DAYS)) floor_ms=$floor_ms"
    log "$line"
    echo "$line" >>"$OUT"
    app_stop
done
sim PATCH /_simulator/reports '{"throttle": {"enforced": false}}' >/dev/null

total=$(sed 's/.* total=\([0-9]*\).*/\1/' "$OUT" | stats)
usage=$(sed 's/.* USAGE=\([0-9]*\).*/\1/' "$OUT" | stats)
echo "window ${WINDOW_MS} ms, $DAYS days: floor $floor_ms ms"
echo "sync wall ms (median min max n): $total; usage part: $usage"
python3 -c "t=float('$total'.split()[0]); u=float('$usage'.split()[0]); print(f'wall / floor = {t/$floor_ms:.2f}, usage part / floor = {u/$floor_ms:.2f} (target <= 1.1)')"
