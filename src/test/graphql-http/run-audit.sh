#!/usr/bin/env bash
# Audits the packaged m365-insights (production profile, real bearer tokens) with graphql-http's GraphQL-over-HTTP
# server audit, against a Microsoft Graph simulator and the PostgreSQL you name, and records the results in
# graphql-schema/graphql-over-http-audit.md. Needs Node 20+, curl, and before it:
#   ./mvnw package -DskipTests && ./mvnw dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
#   QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:5432/<db> QUARKUS_DATASOURCE_USERNAME=... \
#   QUARKUS_DATASOURCE_PASSWORD=... src/test/graphql-http/run-audit.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
: "${QUARKUS_DATASOURCE_JDBC_URL:?set QUARKUS_DATASOURCE_JDBC_URL, _USERNAME and _PASSWORD to a PostgreSQL database}"
work=$(mktemp -d)
java="${JAVA_HOME:+$JAVA_HOME/bin/}java" # Java 21 or newer
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
wait_for() { # url, what
  for _ in $(seq 1 120); do
    if curl -s -o /dev/null "$1"; then return 0; fi
    sleep 0.5
  done
  echo "$2 did not start; see $work" >&2
  exit 1
}

(cd "$here" && npm ci --silent)
sim_port=$(free_port)
app_port=$(free_port)
secret="audit~$(node -e 'console.log(require("crypto").randomBytes(16).toString("hex"))')"

"$java" -cp "$root/target/classes:$(cat "$root/target/classpath.txt")" io.m365insights.simulator.http.GraphSimulator \
  --port "$sim_port" --users 300 --client-secret "$secret" >"$work/simulator.log" 2>&1 &
pids+=($!)
wait_for "http://localhost:$sim_port/_simulator" "The simulator"
tenant=$(curl -s "http://localhost:$sim_port/_simulator" | node -pe 'JSON.parse(require("fs").readFileSync(0)).tenantId')

M365_TENANT_ID=$tenant M365_CLIENT_ID=5b0d7a3e-6c1f-4c55-9d8e-3f2a1b0c9d8e M365_CLIENT_SECRET=$secret \
M365_GRAPH_BASE_URL="http://localhost:$sim_port/v1.0" M365_TOKEN_URL="http://localhost:$sim_port/$tenant/oauth2/v2.0/token" \
QUARKUS_OIDC_AUTH_SERVER_URL="http://localhost:$sim_port/$tenant/v2.0" QUARKUS_OIDC_CLIENT_ID=0f3c2b1a-9d8e-4f7a-b6c5-d4e3f2a1b0c9 \
QUARKUS_HTTP_PORT=$app_port "$java" -jar "$root/target/quarkus-app/quarkus-run.jar" >"$work/app.log" 2>&1 &
pids+=($!)
wait_for "http://localhost:$app_port/graphql" "m365-insights"

node "$here/audit.mjs" --url "http://localhost:$app_port/graphql" --simulator "http://localhost:$sim_port" \
  --out "$root/graphql-schema/graphql-over-http-audit.md"
