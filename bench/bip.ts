/**
 * Benchmark: a BIP article page under load, next to the same HTML served as a static file.
 *
 *   npm run build && npm start            # the app, in another terminal (production build)
 *   npm run bench:bip                     # BENCH_BIP_URL=http://localhost:3000/bip/artykul/1 by default
 *
 * Fetches the article once, writes its HTML to a temporary file and serves that file from a plain
 * node:http static server on a free loopback port. Then, for each target in turn (the app's page,
 * then the static file), BENCH_BIP_CONNECTIONS keep-alive connections (default 50) each send
 * requests back to back for BENCH_BIP_SECONDS (default 10, after a 2-second warm-up). Every
 * response must be 200 with a body; latency is request start → body fully read.
 *
 * Prints requests/s, p50/p95/p99/max latency and errors for both, in the same run, and the machine.
 * Note: the load generator shares the machine with the server, as in any single-host measurement.
 */
import { createReadStream } from "node:fs";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";

const num = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

const TARGET = process.env.BENCH_BIP_URL ?? "http://localhost:3000/bip/artykul/1";
const CONNECTIONS = num("BENCH_BIP_CONNECTIONS", 50);
const SECONDS = num("BENCH_BIP_SECONDS", 10);
const WARMUP_SECONDS = 2;

interface Result {
  requests: number;
  errors: number;
  latenciesMs: number[];
  seconds: number;
}

function get(agent: http.Agent, url: URL): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers: { "user-agent": "obieg-bench", accept: "text/html" } }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, bytes }));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

async function load(url: URL, seconds: number): Promise<Result> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const latenciesMs: number[] = [];
  let requests = 0;
  let errors = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  const loop = async () => {
    while (performance.now() < until) {
      const t0 = performance.now();
      try {
        const r = await get(agent, url);
        if (r.status !== 200 || r.bytes === 0) errors++;
        else {
          requests++;
          latenciesMs.push(performance.now() - t0);
        }
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, loop));
  agent.destroy();
  return { requests, errors, latenciesMs, seconds: (performance.now() - started) / 1000 };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function report(label: string, r: Result): string {
  const sorted = [...r.latenciesMs].sort((a, b) => a - b);
  const f = (v: number) => `${v.toFixed(1)} ms`;
  return `${label.padEnd(28)} ${(r.requests / r.seconds).toFixed(0).padStart(7)} req/s   p50 ${f(percentile(sorted, 50))}   p95 ${f(percentile(sorted, 95))}   p99 ${f(percentile(sorted, 99))}   max ${f(sorted.at(-1) ?? NaN)}   errors ${r.errors}`;
}

async function staticServer(file: string, size: number): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": size, "cache-control": "no-cache" });
    createReadStream(file).pipe(res);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

async function main() {
  const pageUrl = new URL(TARGET);
  const first = await fetch(pageUrl, { headers: { "user-agent": "obieg-bench" } });
  if (first.status !== 200) throw new Error(`${TARGET} answered ${first.status}: start the app (npm run build && npm start) and check the article number`);
  const html = await first.text();
  const dir = await mkdtemp(path.join(os.tmpdir(), "obieg-bench-bip-"));
  const file = path.join(dir, "article.html");
  await writeFile(file, html);
  const server = await staticServer(file, (await stat(file)).size);
  const staticUrl = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/article.html`);

  console.log(`BIP article under load: ${CONNECTIONS} keep-alive connections, ${SECONDS} s each after ${WARMUP_SECONDS} s warm-up`);
  console.log(`page ${TARGET} (${Buffer.byteLength(html)} bytes of HTML)`);
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`);
  try {
    await load(pageUrl, WARMUP_SECONDS);
    const app = await load(pageUrl, SECONDS);
    await load(staticUrl, WARMUP_SECONDS);
    const plain = await load(staticUrl, SECONDS);
    console.log(report("app: BIP article page", app));
    console.log(report("static file, same HTML", plain));
    console.log(`the page serves ${((app.requests / app.seconds / (plain.requests / plain.seconds)) * 100).toFixed(0)}% of the static file's throughput`);
  } finally {
    server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
