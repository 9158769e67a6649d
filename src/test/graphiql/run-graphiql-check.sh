#!/usr/bin/env bash
# GraphiQL in a real browser. Starts `./mvnw quarkus:dev` (embedded PostgreSQL, simulated tenant, synced at start) on
# free ports, opens /q/graphql-ui/ in headless Chromium, presses Run, and checks what a person sees: the answer in the
# result pane and Query in the schema explorer; then stops dev mode. Needs Node 20+ and Chromium
# (Debian: apt-get install -y chromium). To check an instance that is already running instead:
#   GRAPHIQL_URL=http://localhost:8080/q/graphql-ui/ src/test/graphiql/run-graphiql-check.sh
# A screenshot and the requests GraphiQL sent land in target/graphiql/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
out="$root/target/graphiql"
mkdir -p "$out"
(cd "$here" && npm ci --silent)

pid=""
cleanup() { if [ -n "$pid" ]; then kill -- -"$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; }
trap cleanup EXIT

url="${GRAPHIQL_URL:-}"
if [ -z "$url" ]; then
  free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
  port=$(free_port)
  management=$(free_port)
  set -m
  (cd "$root" && exec ./mvnw -B quarkus:dev -Dquarkus.http.port="$port" -Dquarkus.management.port="$management" \
    -Ddebug=false -Dquarkus.console.enabled=false >"$out/dev.log" 2>&1) &
  pid=$!
  set +m
  echo "Dev mode starting on port $port (log: $out/dev.log)"
  for _ in $(seq 1 360); do # the first start compiles and downloads: up to 6 minutes
    if grep -q "Sync run 1 (startup)" "$out/dev.log" 2>/dev/null; then break; fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "dev mode stopped; see $out/dev.log" >&2; exit 1; fi
    sleep 1
  done
  grep -q "Sync run 1 (startup)" "$out/dev.log" || { echo "dev mode did not sync at start; see $out/dev.log" >&2; exit 1; }
  url="http://localhost:$port/q/graphql-ui/"
fi
node "$here/graphiql-check.mjs" --url "$url" --screenshot "$out/graphiql.png" --requests "$out/requests.json"
