#!/usr/bin/env bash
# Every figure of bench/RESULTS.md, in order. Take them on a quiet machine (see README.md).
set -euo pipefail
cd "$(dirname "$0")"
./setup.sh
./sync.sh
[ "${YEAR:-0}" = 1 ] && DAYS=365 RUNS=1 ./sync.sh # a full 365-day backfill against \copy: about an hour
USERS=10000 THROTTLE_WINDOW_MS=60000 ./throttled.sh
RUNS=1 THROTTLE_WINDOW_MS=600000 ./throttled.sh # Microsoft's real window: about 11 minutes
SCALE=10 ./activity.sh # the activity signals' throttled sync, clocks compressed 10x: about 5 minutes
./activity.sh # the same on Microsoft's real clock: 40 minutes of throttle floor, about an hour
./dataset.sh
./query.sh
./graphql-exec.sh
./footprint.sh
./machine.sh
