// Opens GraphiQL in headless Chromium on a running m365-insights (dev mode: ./mvnw quarkus:dev), presses Run on a
// query, and checks what a person would see: the answer in the result pane (data, no errors) and the schema explorer
// listing Query. Also prints the request the page sent to /graphql (method and headers), so a test can replay it.
// Usage: node graphiql-check.mjs [--url http://localhost:8080/q/graphql-ui/] [--chromium /usr/bin/chromium]
//        [--screenshot target/graphiql.png] [--requests target/graphiql-requests.json]
import puppeteer from 'puppeteer-core';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) =>
  a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs, []));
const url = args.url ?? 'http://localhost:8080/q/graphql-ui/';
const chromium = args.chromium ?? process.env.CHROMIUM ?? '/usr/bin/chromium';
const query = '{ syncStatus { lastSuccessfulRun { status } } licenses { skuPartNumber total } }';

const fail = (message) => { console.error(`FAILED: ${message}`); process.exitCode = 1; };
const browser = await puppeteer.launch({ executablePath: chromium, headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  const posts = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/graphql' && r.method() === 'POST') {
      posts.push({ method: r.method(), headers: r.headers(), body: r.postData() });
    }
  });
  const answers = [];
  page.on('response', async (r) => {
    if (new URL(r.url()).pathname === '/graphql' && r.request().method() === 'POST') {
      answers.push({ status: r.status(), body: await r.text().catch(() => '') });
    }
  });
  await page.goto(url, { waitUntil: 'networkidle0', timeout: 60000 });
  // the query editor is CodeMirror: select all and type the query
  await page.waitForSelector('.graphiql-query-editor .CodeMirror', { timeout: 30000 });
  await page.evaluate((q) => document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue(q), query);
  const introspected = answers.length;
  await page.click('.graphiql-execute-button');
  await page.waitForFunction((n) => document.querySelector('.result-window .CodeMirror')
      ?.CodeMirror.getValue().length > 0, { timeout: 30000 }, introspected);
  await new Promise((r) => setTimeout(r, 500));
  const result = await page.evaluate(() => document.querySelector('.result-window .CodeMirror').CodeMirror.getValue());
  console.log('Result pane:', result.replace(/\s+/g, ' ').slice(0, 300));
  let parsed;
  try { parsed = JSON.parse(result); } catch { fail(`the result pane is not JSON: ${result.slice(0, 200)}`); }
  if (parsed) {
    if (parsed.errors) fail(`the answer has errors: ${JSON.stringify(parsed.errors)}`);
    if (!parsed.data?.licenses?.length) fail('the answer has no licenses');
    if (!parsed.data?.syncStatus) fail('the answer has no syncStatus');
  }
  // the schema explorer (documentation pane): its root types
  await page.click('button[aria-label="Show Documentation Explorer"]');
  await page.waitForSelector('.graphiql-doc-explorer', { timeout: 10000 });
  const explorer = await page.evaluate(() => document.querySelector('.graphiql-doc-explorer').innerText);
  console.log('Schema explorer:', explorer.replace(/\s+/g, ' ').slice(0, 200));
  if (!/\bquery\s*:\s*Query\b/i.test(explorer)) fail('the schema explorer does not list Query');
  if (args.screenshot) await page.screenshot({ path: args.screenshot });
  if (args.requests) (await import('node:fs')).writeFileSync(args.requests, JSON.stringify(posts, null, 2));
  const run = posts[posts.length - 1];
  console.log('Request sent by GraphiQL:', JSON.stringify({ method: run?.method, headers: run?.headers }));
  console.log('Answer statuses:', answers.map((a) => a.status).join(' '));
  for (const a of answers) if (a.body.includes('"errors"')) console.log('An answer with errors:', a.body.slice(0, 400));
  if (answers.some((a) => a.status >= 400)) fail('a request of the page was refused');
  if (!process.exitCode) console.log('OK: GraphiQL ran the query and lists Query in the schema explorer');
} finally {
  await browser.close();
}
