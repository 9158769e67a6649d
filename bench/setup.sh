#!/usr/bin/env bash
# Installs what the benchmarks need on a Debian machine with a JDK: wrk, hey, pgbench/psql (PostgreSQL 15 client and
# server), Python 3, jq; PostGraphile 5 and Node 22 from npm into bench/postgraphile/node_modules (not committed);
# then packages the application. Run as root (apt-get), once.
source "$(dirname "$0")/lib.sh"
need=()
for tool in wrk hey jq python3 taskset; do command -v $tool >/dev/null || need+=("$tool"); done
command -v pgbench >/dev/null || need+=(postgresql-15 postgresql-client-15)
if [ ${#need[@]} -gt 0 ]; then
    pkgs=("${need[@]/python3/python3}")
    pkgs=("${pkgs[@]/taskset/util-linux}")
    apt-get update -qq && apt-get install -y -qq "${pkgs[@]}"
fi
command -v npm >/dev/null || { apt-get update -qq && apt-get install -y -qq npm; }
(cd "$PGL_DIR" && npm ci --no-audit --no-fund)
"$PGL_DIR/node_modules/.bin/node" --version
pg_up
REBUILD=1 app_build
log "ready: $(wrk -v 2>&1 | head -1), hey, $(pgbench --version), node $("$PGL_DIR/node_modules/.bin/node" --version)"
