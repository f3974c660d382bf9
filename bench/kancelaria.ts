/**
 * Benchmark of the kancelaria at the scale of years of work: 1,000,000 letters and 200,000 cases
 * on a PostgreSQL server, the main list queries called through tRPC (the app router's caller, so
 * input validation, authorization, visibility and DTO mapping are all measured) with filters and
 * sorting, and registrations of incoming letters per second.
 *
 *   npm run bench:kancelaria
 *   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test   server to use (a database
 *                        obieg_bench_kancelaria is created there and kept for the next run)
 *   BENCH_LETTERS=1000000 BENCH_CASES=200000 BENCH_CONTACTS=50000   data sizes
 *   BENCH_REPEAT=30      calls per query scenario;  BENCH_REGISTER_S=10, BENCH_REGISTER_VUS=8
 *   BENCH_FRESH=1        drop and regenerate the database;  BENCH_DATA_ONLY=1  only generate
 *
 * Prints a table and writes bench/results/kancelaria-<time>.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { seedDemoIfEmpty } from "../prisma/seed/demo";
import { seedJrwaIfEmpty } from "../prisma/seed/jrwa";
import { createCaller } from "../src/server/api/root";
import type { Actor } from "../src/server/context";
import { applyMigrations, readMigrations } from "../src/server/db/migrate";
import { openDatabase } from "../src/server/db/open";
import { toRoles } from "../src/lib/permissions";
import { generateBulkData } from "./kancelaria-data";
import { SCENARIOS, registrationInput } from "./kancelaria-scenarios";

const num = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

const config = {
  baseUrl: process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test",
  database: process.env.BENCH_DATABASE_NAME ?? "obieg_bench_kancelaria",
  letters: num("BENCH_LETTERS", 1_000_000),
  cases: num("BENCH_CASES", 200_000),
  contacts: num("BENCH_CONTACTS", 50_000),
  repeat: num("BENCH_REPEAT", 30),
  registerSeconds: num("BENCH_REGISTER_S", 10),
  registerUsers: num("BENCH_REGISTER_VUS", 8),
  fresh: process.env.BENCH_FRESH === "1",
};

const log = (line: string) => console.log(line);

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main() {
  const admin = new Client({ connectionString: config.baseUrl });
  await admin.connect();
  if (config.fresh) await admin.query(`DROP DATABASE IF EXISTS ${config.database} WITH (FORCE)`);
  const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [config.database])).rowCount === 1;
  if (!exists) await admin.query(`CREATE DATABASE ${config.database}`);
  await admin.end();
  const url = new URL(config.baseUrl);
  url.pathname = `/${config.database}`;

  const database = await openDatabase({ kind: "server", url: url.toString() });
  const prisma = database.prisma;
  await applyMigrations(database.runner, await readMigrations());
  await seedJrwaIfEmpty(prisma);
  await seedDemoIfEmpty(prisma);

  const letters = await prisma.document.count();
  if (letters < config.letters) {
    log(`Generating ${config.letters} letters, ${config.cases} cases, ${config.contacts} contacts …`);
    const pg = new Client({ connectionString: url.toString() });
    await pg.connect();
    await generateBulkData(pg, { letters: config.letters, cases: config.cases, contacts: config.contacts }, log);
    await pg.end();
  }
  const [documentCount, caseCount] = await Promise.all([prisma.document.count(), prisma.case.count()]);
  log(`Database: ${documentCount} documents, ${caseCount} cases (${url.host}${url.pathname})`);
  if (process.env.BENCH_DATA_ONLY === "1") return database.close();

  const actorFor = async (email: string): Promise<Actor> => {
    const u = await prisma.user.findUniqueOrThrow({ where: { email }, include: { position: true } });
    return { id: u.id, email: u.email, firstName: u.firstName, lastName: u.lastName, roles: toRoles(u.roles), departmentId: u.departmentId, positionName: u.position?.name ?? null, locale: "pl" };
  };
  const callerFor = async (email: string) => createCaller({ db: prisma, actor: await actorFor(email), meta: { ip: "127.0.0.1", userAgent: "bench" } });

  const results: { scenario: string; who: string; calls: number; p50: number; p95: number; max: number; rows: number }[] = [];
  for (const scenario of SCENARIOS) {
    const caller = await callerFor(scenario.who);
    await scenario.run(caller, 0); // warm-up (query plans, caches)
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < config.repeat; i++) {
      const started = performance.now();
      rows = await scenario.run(caller, i);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const r = { scenario: scenario.name, who: scenario.who.split("@")[0]!, calls: times.length, p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1)!, rows };
    results.push(r);
    log(`  ${r.scenario.padEnd(58)} ${r.who.padEnd(14)} p50 ${r.p50.toFixed(1).padStart(7)} ms  p95 ${r.p95.toFixed(1).padStart(7)} ms  (${rows} rows on the page)`);
  }

  // Registrations per second: several kancelaria desks registering at once through tRPC.
  const registrar = await callerFor("kancelaria@boguchwala.example");
  const deadline = Date.now() + config.registerSeconds * 1000;
  let registered = 0;
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: config.registerUsers }, async (_, vu) => {
      while (Date.now() < deadline) {
        const started = performance.now();
        await registrar.letters.register(await registrationInput(prisma, vu, registered));
        latencies.push(performance.now() - started);
        registered++;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const perSecond = registered / config.registerSeconds;
  log(`  registrations: ${registered} in ${config.registerSeconds} s by ${config.registerUsers} desks = ${perSecond.toFixed(1)}/s, p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms`);

  const outDir = path.join(process.cwd(), "bench", "results");
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `kancelaria-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify({ config, documentCount, caseCount, results, registrations: { count: registered, perSecond, p50: percentile(latencies, 50), p95: percentile(latencies, 95) } }, null, 2));
  log(`Results: ${path.relative(process.cwd(), file)}`);
  await database.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
