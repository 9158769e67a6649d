#!/usr/bin/env bash
# Figure 5: the activity signals' throttled first sync (issue #13). A fresh database, a USERS-user tenant, 28 days
# missing: the sync backfills the Apps report (USAGE) and the Microsoft 365 active user detail report
# (SERVICE_ACTIVITY, getOffice365ActiveUserDetail(date=D)) day by day, takes one Copilot usage snapshot (COPILOT_USAGE,
# period D7: Microsoft has no per-date variant) and makes a full sign-in pass (SIGN_INS, /users?$select=id,
# signInActivity&$top=500). The simulator enforces Microsoft's limits on every budget (CONTRACT.md §1.1 and §10: 14
# report requests per 10 minutes per report function, 10 sign-in listing requests per minute), and the app runs with
# its default pacing (the same limits). SCALE compresses the clock of both by the same factor (SCALE=10: a simulated
# minute of 6 s), through the simulator's throttle windowMillis and the app's M365_REPORTS_RATE_WINDOW /
# M365_SIGN_INS_RATE_WINDOW; SCALE=1 (the default) is Microsoft's real clock: 40 minutes of throttle floor at 100,000 users.
# Prints per part: Graph requests, the minimum, 429s, the part's wall time and its throttle floor.
source "$(dirname "$0")/lib.sh"
conditions activity
SCALE=${SCALE:-1}
RUNS=${ACTIVITY_RUNS:-1}
DAYS=28
REPORT_LIMIT=14
SIGNIN_LIMIT=10
REPORT_WINDOW_MS=$((600000 / SCALE))
SIGNIN_WINDOW_MS=$((60000 / SCALE))
DB=${ACTIVITY_DB:-m365_bench_activity}
OUT=$WORK/results/activity-scale$SCALE.txt
mkdir -p "$WORK/results"
: >"$OUT"
pg_up
app_build
SERVER_CPU=
pg_pin 0-1
sim_start "$USERS" "$DAYS"
trap 'app_stop; sim_stop' EXIT
# the least time from a budget's first request to its last: every request beyond the first `limit` waits for one to
# leave the window, so n requests need ceil(n / limit) - 1 windows
floor() { python3 -c "import math; print(max(0, math.ceil($1 / $2) - 1) * $3)"; }
report_floor=$(floor $DAYS $REPORT_LIMIT $REPORT_WINDOW_MS)

for i in $(seq 1 "$RUNS"); do
    db_fresh $DB
    sim POST /_simulator/reset '{}' >/dev/null # same tenant, empty throttling windows and counters, no request log
    sim PATCH /_simulator/reports "{\"throttle\": {\"enforced\": true, \"limit\": $REPORT_LIMIT, \"windowMillis\": $REPORT_WINDOW_MS}}" >/dev/null
    t="{\"enforced\": true, \"limit\": $REPORT_LIMIT, \"windowMillis\": $REPORT_WINDOW_MS}"
    sim PATCH /_simulator/activity "{\"activeUserReport\": {\"throttle\": $t}, \"copilotReport\": {\"throttle\": $t},
        \"signIns\": {\"throttle\": {\"enforced\": true, \"limit\": $SIGNIN_LIMIT, \"windowMillis\": $SIGNIN_WINDOW_MS}}}" >/dev/null
    # the app's default pacing (lib.sh's app_start switches report pacing off unless told), on the same clock
    app_start $DB M365_USAGE_LOOKBACK_DAYS=$DAYS M365_REPORTS_RATE_LIMIT=$REPORT_LIMIT \
        M365_REPORTS_RATE_WINDOW="${REPORT_WINDOW_MS}ms" M365_SIGN_INS_RATE_LIMIT=$SIGNIN_LIMIT \
        M365_SIGN_INS_RATE_WINDOW="${SIGNIN_WINDOW_MS}ms"
    TOKEN=$(token)
    app_wait_ready >/dev/null
    sim DELETE /_simulator/requests >/dev/null
    run=$(sync_run)
    [ "$(jq -r .status <<<"$run")" = SUCCEEDED ] || die "sync failed: $run"
    throttling=$(sim GET /_simulator/throttling)
    signin_pages=$(jq -r '.signIns | ((.directoryUsers + .pageSize - 1) / .pageSize | floor)' <<<"$throttling")
    signin_floor=$(floor "$signin_pages" $SIGNIN_LIMIT $SIGNIN_WINDOW_MS)
    # per part from the request log: its Graph requests and the 429s among them
    counts=$(sim GET /_simulator/requests | jq -r '[.[] | select(.path | startswith("/v1.0/"))] as $g
        | def part(f): [$g[] | select(f)] | "\(length)/\([.[] | select(.status == 429)] | length)";
        {
          USAGE: part(.path | startswith("/v1.0/reports/getM365AppUserDetail")),
          SERVICE_ACTIVITY: part(.path | startswith("/v1.0/reports/getOffice365ActiveUserDetail")),
          COPILOT_USAGE: part(.path | startswith("/v1.0/copilot/reports/")),
          SIGN_INS: part(.path == "/v1.0/users" and (.query["$select"] // "" | contains("signInActivity"))),
          graph: ($g | length), throttled_429: ([$g[] | select(.status == 429)] | length)
        } | to_entries | map(if (.value | type) == "string" then "\(.key)_req/429=\(.value)" else "\(.key)=\(.value)" end)
        | join(" ")')
    sim_429=$(jq -r '[.[] | .throttled] | add' <<<"$throttling")
    line="run=$i $(run_ms "$run") | $counts sim_429=$sim_429 | min_USAGE=$DAYS min_SERVICE_ACTIVITY=$DAYS min_COPILOT_USAGE=1 min_SIGN_INS=$signin_pages | floor_ms report=$report_floor sign_ins=$signin_floor"
    log "$line"
    echo "$line" >>"$OUT"
    app_stop
done
sim PATCH /_simulator/reports '{"throttle": {"enforced": false}}' >/dev/null

echo "scale $SCALE (report window $REPORT_WINDOW_MS ms, sign-in window $SIGNIN_WINDOW_MS ms), $USERS users, $DAYS days"
for part in USAGE SERVICE_ACTIVITY COPILOT_USAGE SIGN_INS; do
    case $part in
        SIGN_INS) f=$(sed 's/.* sign_ins=\([0-9]*\).*/\1/' "$OUT" | tail -1) ;;
        COPILOT_USAGE) f=0 ;;
        *) f=$report_floor ;;
    esac
    wall=$(sed "s/.* $part=\([0-9]*\) .*/\1/" "$OUT" | stats)
    req=$(sed "s/.* ${part}_req\/429=\([0-9/]*\).*/\1/" "$OUT" | tr '\n' ' ')
    echo "$part: requests/429s per run: $req; wall ms (median min max n): $wall; floor $f ms"
done
total=$(sed 's/.* total=\([0-9]*\).*/\1/' "$OUT" | stats)
echo "whole sync wall ms (median min max n): $total"
