// Runs the GraphQL-over-HTTP server audit of the `graphql-http` package (the reference implementation's own
// conformance suite) against a running m365-insights and prints every result. Exit code 1 when a MUST fails.
//
//   npm ci && node audit.mjs --url http://localhost:8080/graphql --token <bearer token> [--out results.md]
//   node audit.mjs --url ... --simulator http://localhost:8089      (mints an admin token from the simulator)
//
// Our API needs a bearer token, so every audit request carries one (the audit's own fetchFn hook).
import { serverAudits } from 'graphql-http';
import { readFileSync, writeFileSync } from 'node:fs';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => {
  if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
  return pairs;
}, []));
const url = args.url ?? process.env.GRAPHQL_URL ?? 'http://localhost:8080/graphql';

async function token() {
  if (args.token ?? process.env.GRAPHQL_TOKEN) return args.token ?? process.env.GRAPHQL_TOKEN;
  if (!args.simulator) return null;
  const res = await fetch(`${args.simulator}/_simulator/api-tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ upn: 'graphql-http.audit@contoso.com', roles: ['m365-insights.admin'] }),
  });
  if (!res.ok) throw new Error(`the simulator refused a token: ${res.status}`);
  return (await res.json()).access_token;
}

const bearer = await token();
const fetchFn = (input, init = {}) => {
  const headers = new Headers(init.headers ?? {});
  if (bearer && !headers.has('authorization')) headers.set('authorization', `Bearer ${bearer}`);
  return fetch(input, { ...init, headers });
};

const version = JSON.parse(readFileSync(new URL('./node_modules/graphql-http/package.json', import.meta.url))).version;
const results = [];
for (const audit of serverAudits({ url, fetchFn })) {
  results.push(await audit.fn());
}

const level = (r) => r.name.split(' ')[0];
const rows = results.map((r) => `| ${r.id} | ${level(r)} | ${r.status === 'ok' ? 'pass' : r.status} | `
  + `${r.name.slice(level(r).length + 1)} | ${r.status === 'ok' ? '' : r.reason} |`);
const count = (lvl, status) => results.filter((r) => level(r) === lvl && (status ? r.status === status : true)).length;
const summary = ['MUST', 'SHOULD', 'MAY']
  .map((lvl) => `${lvl}: ${count(lvl, 'ok')}/${count(lvl)} pass`).join(', ');
const report = [
  `graphql-http ${version} server audit of ${url}, run at ${new Date().toISOString()}`,
  `Result: ${summary}`,
  '',
  '| id | level | result | audit | reason |',
  '|---|---|---|---|---|',
  ...rows,
].join('\n');
console.log(report);
if (args.out) {
  writeFileSync(args.out, [
    '# GraphQL-over-HTTP audit',
    '',
    'The [graphql-http](https://github.com/graphql/graphql-http) server audit, run against the packaged application',
    '(production profile, a real admin bearer token, the Microsoft Graph simulator and PostgreSQL). The Java test',
    '`api.http.GraphQLOverHttpTest` holds each MUST (and the behaviour we chose) on every `./mvnw verify`.',
    '',
    `Command: \`src/test/graphql-http/run-audit.sh\` (Node ${process.version}; see the README, "Security and limits",`,
    'to re-run it).',
    '',
    report,
    '',
  ].join('\n'));
}
process.exit(results.some((r) => r.status === 'error') ? 1 : 0);
