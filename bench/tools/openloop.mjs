// An open-loop HTTP load generator for latency at a fixed offered rate (wrk and hey are closed loops; hey's -q paces
// each worker with a ticker and starts with a burst of one request per worker).
// usage: node openloop.mjs URL BODY_FILE RATE SECONDS [TOKEN]
// Request i is due at start + i / RATE and is sent then whatever the earlier ones are doing (new keep-alive connections
// as needed); its latency counts from when it was due to the end of its response, so a server that falls behind shows
// it (no coordinated omission). Prints "p50_ms p99_ms offered_rps failed_count" once every request has completed.
import fs from "node:fs";
import http from "node:http";
import { performance } from "node:perf_hooks";

const [url, bodyFile, rateArg, secondsArg, token] = process.argv.slice(2);
const rate = Number(rateArg);
const seconds = Number(secondsArg);
const body = fs.readFileSync(bodyFile);
const target = new URL(url);
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
const headers = { "content-type": "application/json", "content-length": body.length };
if (token) headers.authorization = `Bearer ${token}`;

const total = Math.max(1, Math.round(rate * seconds));
const latencies = [];
let failed = 0;
let done = 0;
let next = 0;
const start = performance.now() + 50;
const due = (i) => start + (i * 1000) / rate;

function send(i) {
  const dueAt = due(i);
  const finish = (ok) => {
    latencies.push(performance.now() - dueAt);
    if (!ok) failed++;
    if (++done === total) report();
  };
  const req = http.request(
    { host: target.hostname, port: target.port, path: target.pathname, method: "POST", headers, agent },
    (res) => {
      res.resume();
      res.on("end", () => finish(res.statusCode === 200));
    },
  );
  req.setTimeout(120_000, () => req.destroy(new Error("timeout")));
  req.on("error", () => finish(false));
  req.end(body);
}

function tick() {
  const now = performance.now();
  while (next < total && due(next) <= now) send(next++);
  if (next < total) setTimeout(tick, Math.max(0, Math.min(2, due(next) - performance.now())));
}

function report() {
  latencies.sort((a, b) => a - b);
  const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  console.log(`${q(0.5).toFixed(2)} ${q(0.99).toFixed(2)} ${(total / seconds).toFixed(1)} ${failed}`);
  agent.destroy();
}

setTimeout(tick, 50);
