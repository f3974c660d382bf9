/**
 * Benchmark: sign-in and the dashboard under concurrent users, against a production server.
 *
 *   npm run bench                      build into .next-bench if needed, start `next start` on
 *                                      127.0.0.1:3300 with a fresh DATA_DIR (./data/bench) and the
 *                                      demo office, measure, stop the server
 *   BENCH_URL=http://127.0.0.1:3000 npm run bench      measure a server that is already running
 *   DATABASE_URL=postgresql://… npm run bench          the started server uses PostgreSQL
 *
 * Each virtual user repeats: GET /api/auth/csrf, POST /api/auth/callback/credentials (a demo
 * account, rotating over the seeded users), then GET /pulpit N times with the session cookie.
 * Only loopback traffic; every loop is bounded in time and in iterations. See bench/README.md.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, createWriteStream } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEMO_PASSWORD, generatedUsers, namedUsers } from "../prisma/seed/demo-data";

const ROOT = process.cwd(); // npm runs scripts from the package root
const DIST_DIR = ".next-bench";
const DATA_DIR = "./data/bench";
const RESULTS_DIR = path.join(ROOT, "bench", "results");

const num = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

const config = {
  url: process.env.BENCH_URL?.replace(/\/$/, "") ?? null,
  port: num("BENCH_PORT", 3300),
  levels: (process.env.BENCH_LEVELS ?? "10,50")
    .split(",")
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n > 0 && n <= 500),
  durationMs: num("BENCH_DURATION_S", 20) * 1000,
  dashboardRequests: num("BENCH_DASHBOARD_REQUESTS", 5),
  /** Upper bound of iterations per virtual user and level (a second bound next to time). */
  maxIterations: num("BENCH_MAX_ITERATIONS", 500),
  requestTimeoutMs: num("BENCH_REQUEST_TIMEOUT_S", 30) * 1000,
  rebuild: process.env.BENCH_REBUILD === "1",
  skipBuild: process.env.BENCH_SKIP_BUILD === "1",
  databaseUrl: process.env.DATABASE_URL ?? null,
};

// ---------------------------------------------------------------------------------------------
// Build and server

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const st = statSync(entry);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(entry)) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, name)));
  }
  return newest;
}

function buildIfNeeded(): void {
  const buildId = path.join(ROOT, DIST_DIR, "BUILD_ID");
  const sources = ["src", "prisma", "emails", "next.config.ts", "package.json", "package-lock.json", "postcss.config.mjs"].map((p) => path.join(ROOT, p));
  const stale = !existsSync(buildId) || config.rebuild || Math.max(...sources.map(newestMtime)) > statSync(buildId).mtimeMs;
  if (!stale || config.skipBuild) {
    log(`build: ${DIST_DIR} is up to date${config.skipBuild ? " (BENCH_SKIP_BUILD)" : ""}`);
    return;
  }
  log(`build: next build into ${DIST_DIR} (sources changed since the last build)…`);
  // `next build` adds its dist folder's type paths to tsconfig.json; keep the shared file as it was.
  const tsconfig = path.join(ROOT, "tsconfig.json");
  const before = readFileSync(tsconfig, "utf8");
  const started = Date.now();
  const result = spawnSync(path.join(ROOT, "node_modules", ".bin", "next"), ["build"], {
    cwd: ROOT,
    env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "inherit",
  });
  const after = readFileSync(tsconfig, "utf8");
  if (after !== before && after.includes(`${DIST_DIR}/types`)) writeFileSync(tsconfig, before);
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
  log(`build: done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

interface Server {
  url: string;
  process: ChildProcess | null;
  logFile: string | null;
  stop(): Promise<void>;
}

async function startServer(stamp: string): Promise<Server> {
  const dataDir = path.resolve(ROOT, DATA_DIR);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(RESULTS_DIR, { recursive: true });
  const url = `http://127.0.0.1:${config.port}`;
  const logFile = path.join(RESULTS_DIR, `server-${stamp}.log`);
  const out = createWriteStream(logFile);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: DIST_DIR,
    DATA_DIR,
    SEED_DEMO: "true",
    APP_URL: url,
    NEXTAUTH_URL: url,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  if (!config.databaseUrl) delete env.DATABASE_URL;
  // Its own process group, so that stopping it stops everything it started.
  const child = spawn(path.join(ROOT, "node_modules", ".bin", "next"), ["start", "-H", "127.0.0.1", "-p", String(config.port)], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  let exited = false;
  child.on("exit", () => {
    exited = true;
  });
  const stop = async () => {
    if (exited || child.pid === undefined) return;
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
    for (let i = 0; i < 50 && !exited; i += 1) await sleep(100);
    if (!exited) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        /* already gone */
      }
    }
  };
  // Ready = the sign-in page answers.
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`the server exited during start-up; see ${path.relative(ROOT, logFile)}`);
    try {
      const res = await fetch(`${url}/logowanie`, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.ok) return { url, process: child, logFile, stop };
    } catch {
      /* not yet */
    }
    await sleep(250);
  }
  await stop();
  throw new Error("the server did not become ready within 90 s");
}

// ---------------------------------------------------------------------------------------------
// One virtual user

class CookieJar {
  private cookies = new Map<string, string>();
  store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      if (eq > 0) this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
  }
  has(prefix: string): boolean {
    return [...this.cookies.keys()].some((k) => k.includes(prefix));
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

interface Sample {
  ms: number;
  ok: boolean;
  error?: string;
}

interface Recorder {
  signIn: Sample[];
  dashboard: Sample[];
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/** Sign-in = GET csrf + POST credentials; returns the cookie jar with the session, or the reason it failed. */
async function signIn(base: string, email: string): Promise<{ jar: CookieJar } | { error: string }> {
  const jar = new CookieJar();
  const csrfRes = await fetch(`${base}/api/auth/csrf`, { signal: AbortSignal.timeout(config.requestTimeoutMs) });
  jar.store(csrfRes);
  if (!csrfRes.ok) return { error: `csrf HTTP ${csrfRes.status}` };
  const { csrfToken } = (await csrfRes.json()) as { csrfToken?: string };
  if (!csrfToken) return { error: "csrf: no token" };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, email, password: DEMO_PASSWORD, json: "true", callbackUrl: `${base}/pulpit` }),
    redirect: "manual",
    signal: AbortSignal.timeout(config.requestTimeoutMs),
  });
  jar.store(res);
  const body = await res.text();
  if (!jar.has("session-token")) {
    // next-auth answers a refused sign-in with a URL carrying ?error=<reason>.
    const m = /error=([^&"]+)/.exec(body) ?? /error=([^&]+)/.exec(res.headers.get("location") ?? "");
    return { error: `sign-in refused (HTTP ${res.status}${m ? `, ${decodeURIComponent(m[1]!)}` : ""})` };
  }
  return { jar };
}

async function dashboard(base: string, jar: CookieJar): Promise<string | null> {
  const res = await fetch(`${base}/pulpit`, { headers: { cookie: jar.header() }, redirect: "manual", signal: AbortSignal.timeout(config.requestTimeoutMs) });
  const html = await res.text();
  if (res.status !== 200) return `HTTP ${res.status}${res.headers.get("location") ? ` → ${res.headers.get("location")}` : ""}`;
  if (!html.includes("stat-active-users") && !html.includes("pulpit-dane")) return "unexpected page";
  return null;
}

async function virtualUser(base: string, index: number, emails: string[], deadline: number, rec: Recorder): Promise<number> {
  let iterations = 0;
  for (; iterations < config.maxIterations && Date.now() < deadline; iterations += 1) {
    const email = emails[(index + iterations * 7) % emails.length]!;
    let session: Awaited<ReturnType<typeof signIn>>;
    try {
      const r = await timed(() => signIn(base, email));
      session = r.value;
      rec.signIn.push("error" in session ? { ms: r.ms, ok: false, error: session.error } : { ms: r.ms, ok: true });
    } catch (error) {
      rec.signIn.push({ ms: 0, ok: false, error: errorText(error) });
      continue;
    }
    if ("error" in session) continue;
    for (let i = 0; i < config.dashboardRequests && Date.now() < deadline; i += 1) {
      try {
        const r = await timed(() => dashboard(base, session.jar));
        rec.dashboard.push(r.value ? { ms: r.ms, ok: false, error: r.value } : { ms: r.ms, ok: true });
      } catch (error) {
        rec.dashboard.push({ ms: 0, ok: false, error: errorText(error) });
      }
    }
  }
  return iterations;
}

// ---------------------------------------------------------------------------------------------
// Statistics and output

interface Stats {
  operations: number;
  errors: number;
  perSecond: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
  errorKinds: Record<string, number>;
}

function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function stats(samples: Sample[], seconds: number): Stats {
  const ok = samples.filter((s) => s.ok).map((s) => s.ms).sort((a, b) => a - b);
  const errorKinds: Record<string, number> = {};
  for (const s of samples) if (!s.ok) errorKinds[s.error ?? "?"] = (errorKinds[s.error ?? "?"] ?? 0) + 1;
  const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
  return {
    operations: samples.length,
    errors: samples.length - ok.length,
    perSecond: Math.round((ok.length / seconds) * 10) / 10,
    p50: round(percentile(ok, 50)),
    p95: round(percentile(ok, 95)),
    p99: round(percentile(ok, 99)),
    max: round(ok.at(-1) ?? null),
    errorKinds,
  };
}

interface LevelResult {
  virtualUsers: number;
  seconds: number;
  iterations: number;
  signIn: Stats;
  dashboard: Stats;
  serverRssMb: number | null;
}

function table(results: LevelResult[]): string {
  const head = ["VUs", "what", "count", "errors", "per s", "p50 ms", "p95 ms", "p99 ms", "max ms"];
  const rows = results.flatMap((r) =>
    (
      [
        ["sign-in", r.signIn],
        ["dashboard", r.dashboard],
      ] as const
    ).map(([what, s]) => [String(r.virtualUsers), what, String(s.operations), String(s.errors), s.perSecond.toFixed(1), fmt(s.p50), fmt(s.p95), fmt(s.p99), fmt(s.max)]),
  );
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

const fmt = (v: number | null) => (v === null ? "—" : v.toFixed(1));

function serverRss(pid: number | undefined): number | null {
  if (!pid) return null;
  // `next start` serves from the process we started (and any children it forks): add them up.
  const out = spawnSync("ps", ["-o", "rss=", "-p", String(pid), "--ppid", String(pid)], { encoding: "utf8" }).stdout ?? "";
  const kb = out
    .split("\n")
    .map((l) => Number(l.trim()))
    .filter((n) => n > 0);
  return kb.length ? Math.round(kb.reduce((a, b) => a + b, 0) / 1024) : null;
}

// ---------------------------------------------------------------------------------------------

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (text: string) => console.log(`[bench] ${text}`);
const errorText = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 120);

async function main(): Promise<void> {
  if (config.levels.length === 0) throw new Error("BENCH_LEVELS has no valid level");
  if (config.url && !/^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(config.url)) {
    throw new Error("BENCH_URL must be a loopback address (127.0.0.1, localhost or [::1]).");
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const emails = [...namedUsers, ...generatedUsers()].map((u) => u.email);
  let server: Server | null = null;
  const stopOnSignal = () => {
    void server?.stop().finally(() => process.exit(130));
  };
  process.on("SIGINT", stopOnSignal);
  process.on("SIGTERM", stopOnSignal);

  try {
    if (config.url) {
      server = { url: config.url, process: null, logFile: null, stop: async () => undefined };
      log(`target: ${config.url} (already running)`);
    } else {
      buildIfNeeded();
      log(`start: next start on 127.0.0.1:${config.port}, fresh ${DATA_DIR}, ${config.databaseUrl ? "PostgreSQL (DATABASE_URL)" : "embedded PGlite"}`);
      server = await startServer(stamp);
      log(`start: ready (log: ${path.relative(ROOT, server.logFile!)})`);
    }

    // Warm-up, not measured: the first request opens and migrates the database and seeds the demo office.
    const t0 = Date.now();
    const warm = await signIn(server.url, emails[0]!);
    if ("error" in warm) throw new Error(`warm-up sign-in failed: ${warm.error} (is the demo office seeded? password ${DEMO_PASSWORD})`);
    const warmPage = await dashboard(server.url, warm.jar);
    if (warmPage) throw new Error(`warm-up dashboard failed: ${warmPage}`);
    for (let i = 0; i < 5; i += 1) await dashboard(server.url, warm.jar);
    log(`warm-up: ${((Date.now() - t0) / 1000).toFixed(1)} s; ${emails.length} demo accounts`);

    const results: LevelResult[] = [];
    for (const vus of config.levels) {
      log(`level: ${vus} virtual users for ${config.durationMs / 1000} s (≤ ${config.maxIterations} iterations each, ${config.dashboardRequests} dashboard views per sign-in)…`);
      const rec: Recorder = { signIn: [], dashboard: [] };
      const started = performance.now();
      const deadline = Date.now() + config.durationMs;
      const iterations = await Promise.all(Array.from({ length: vus }, (_, i) => virtualUser(server!.url, i, emails, deadline, rec)));
      const seconds = (performance.now() - started) / 1000;
      const result: LevelResult = {
        virtualUsers: vus,
        seconds: Math.round(seconds * 10) / 10,
        iterations: iterations.reduce((a, b) => a + b, 0),
        signIn: stats(rec.signIn, seconds),
        dashboard: stats(rec.dashboard, seconds),
        serverRssMb: serverRss(server.process?.pid),
      };
      results.push(result);
      for (const [what, s] of [
        ["sign-in", result.signIn],
        ["dashboard", result.dashboard],
      ] as const) {
        if (s.errors) log(`  ${what} errors: ${JSON.stringify(s.errorKinds)}`);
      }
      await sleep(1_000); // let the server settle between levels
    }

    const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).stdout?.trim() || null;
    const report = {
      startedAt: new Date(Date.now()).toISOString(),
      target: config.url ?? `next start (${DIST_DIR}) on 127.0.0.1:${config.port}`,
      database: config.url ? "as configured on the target" : config.databaseUrl ? "postgresql" : "pglite",
      commit,
      machine: { node: process.version, platform: `${os.platform()} ${os.release()}`, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, memoryGb: Math.round(os.totalmem() / 2 ** 30) },
      settings: { levels: config.levels, durationS: config.durationMs / 1000, dashboardRequestsPerSignIn: config.dashboardRequests, maxIterations: config.maxIterations },
      results,
    };
    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `bench-${stamp}.json`);
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);

    console.log("");
    console.log(`Obieg benchmark — ${report.target}, database: ${report.database}, commit ${commit ?? "?"}`);
    console.log(`${report.machine.cpus} CPU (${report.machine.cpuModel}), Node ${process.version}; sign-in = GET csrf + POST credentials (scrypt); dashboard = GET /pulpit (server-rendered)`);
    console.log("");
    console.log(table(results));
    console.log("");
    for (const r of results) console.log(`${r.virtualUsers} VUs: ${r.seconds} s, ${r.iterations} iterations${r.serverRssMb ? `, server RSS ${r.serverRssMb} MB` : ""}`);
    console.log(`results: ${path.relative(ROOT, file)}`);
  } finally {
    if (server?.process) {
      await server.stop();
      log("stop: server stopped");
    }
  }
}

main().catch((error: unknown) => {
  console.error(`[bench] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
