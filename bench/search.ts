/**
 * Search benchmark: indexes BENCH_SEARCH_DOCS synthetic records (letters, cases, contacts, BIP
 * articles with Polish subjects, register numbers, bodies of ~50 words and realistic access lists)
 * into the embedded engine, then times typical queries with each user's permission filter and
 * facets — next to a naive ILIKE scan of the same rows with the same filter, in the same run.
 *
 *   npm run bench:search
 *   BENCH_SEARCH_DOCS=1000000        records to index (default 1,000,000)
 *   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test   server (database obieg_bench_search is recreated)
 *   BENCH_SEARCH_PGLITE=1            use in-memory PGlite instead of the server
 *   BENCH_DATABASE_NAME=obieg_bench_search   the database on that server
 *   BENCH_REUSE=1                    keep an already indexed database of that name (time the queries only)
 *   BENCH_REPEAT=30 (engine) BENCH_NAIVE_REPEAT=3 (ILIKE, 0: skip)  calls per query;  BENCH_CONCURRENCY=4 indexing batches in flight
 *
 * Prints indexing throughput and p50/p95 per query (hits ">500": the engine's capped total), writes
 * bench/results/search-<time>.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { foldText } from "../src/lib/polish";
import type { Role } from "../src/lib/permissions";
import type { WorkScope } from "../src/modules/documents/documents.policy";
import { visibilityFilter } from "../src/modules/search/search.visibility";
import { applyMigrations, readMigrations } from "../src/server/db/migrate";
import { openDatabase, type OpenDatabase } from "../src/server/db/open";
import { createPostgresEngine, F, type SearchDocument, type SearchType } from "../src/server/integrations/search";
import { filterToSql } from "../src/server/integrations/search/filter";
import { words } from "../src/server/integrations/search/text";

const num = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const config = {
  docs: num("BENCH_SEARCH_DOCS", 1_000_000),
  baseUrl: process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test",
  database: process.env.BENCH_DATABASE_NAME ?? "obieg_bench_search",
  reuse: process.env.BENCH_REUSE === "1",
  pglite: process.env.BENCH_SEARCH_PGLITE === "1",
  repeat: num("BENCH_REPEAT", 30),
  naiveRepeat: process.env.BENCH_NAIVE_REPEAT === "0" ? 0 : num("BENCH_NAIVE_REPEAT", 3),
  concurrency: num("BENCH_CONCURRENCY", 4),
  batch: 1000,
};

// Deterministic pseudo-random numbers (the same data every run).
let seed = 42;
const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;

const SUBJECTS = [
  "Wniosek o wycinkę drzew", "Skarga na hałas z budowy", "Decyzja o warunkach zabudowy", "Podatek od nieruchomości", "Zajęcie pasa drogowego",
  "Wniosek o wydanie zaświadczenia", "Informacja publiczna — wydatki na oświetlenie", "Odwołanie od decyzji", "Zgłoszenie awarii wodociągu",
  "Wniosek o dofinansowanie wymiany pieca", "Ponaglenie w sprawie", "Umowa dzierżawy gruntu", "Zapytanie ofertowe na remont drogi",
  "Żółć — reklamacja dostawy", "Pozwolenie na budowę", "Opłata za gospodarowanie odpadami", "Stypendium szkolne", "Dodatek mieszkaniowy",
] as const;
const PLACES = ["Łódź", "Rzeszów", "Boguchwała", "Zgłobień", "Mogielnica", "Racławówka", "Niechobrz", "Wola Zgłobieńska", "Kielnarowa", "Lutoryż"] as const;
const SURNAMES = ["Nowak", "Kowalski", "Wiśniewska", "Wójcik", "Kowalczyk", "Kamińska", "Lewandowski", "Zieliński", "Szymańska", "Woźniak", "Dąbrowski", "Kozłowska", "Żółć", "Jankowski", "Mazur"] as const;
const SYLLABLES = ["ka", "ro", "wi", "sz", "cz", "ła", "mę", "dy", "po", "tr", "zo", "ść", "ni", "ek", "ów", "ra", "st", "ży", "le", "go"];
const VOCAB = Array.from({ length: 5000 }, () => Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(SYLLABLES)).join(""));
const DEPARTMENTS = Array.from({ length: 12 }, (_, i) => `dep${i}`);
const USERS = Array.from({ length: 300 }, (_, i) => `user${i}`);
const departmentOf = (user: number) => DEPARTMENTS[user % DEPARTMENTS.length]!;

/** A register number that exists (for the identifier query). */
let probeNumber = "";

function makeDoc(i: number): SearchDocument {
  const r = rand();
  const type: SearchType = r < 0.7 ? "letter" : r < 0.9 ? "case" : r < 0.98 ? "contact" : "bip";
  const year = 2019 + (i % 8);
  const owner = Math.floor(rand() * USERS.length);
  const department = departmentOf(owner);
  const subject = `${pick(SUBJECTS)} — ${pick(PLACES)}`;
  const person = `${pick(SURNAMES)} ${pick(["Jan", "Anna", "Piotr", "Maria", "Łukasz", "Zofia"])}`;
  const body = Array.from({ length: 40 + Math.floor(rand() * 30) }, () => (rand() < 0.03 ? pick(SUBJECTS).split(" ")[0]! : pick(VOCAB))).join(" ");
  const base = { departmentId: department, year, kind: null as string | null, confidential: false, accessDepartmentIds: [department], accessUserIds: [USERS[owner]!] };
  switch (type) {
    case "letter": {
      const no = `RPW/${i}/${year}`;
      if (!probeNumber && i > config.docs / 2) probeNumber = no;
      const extra = rand() < 0.2 ? [pick(DEPARTMENTS)] : [];
      return {
        type, entityId: `l${i}`, title: subject, subtitle: `${no} · ${person}`, body, identifiers: [no, `ID ${i}`], url: `/pisma/przychodzace/l${i}`,
        ...base, status: pick(["REGISTERED", "IN_PROGRESS", "DONE"]), kind: "INCOMING", confidential: rand() < 0.05,
        accessDepartmentIds: [department, ...extra], accessUserIds: [USERS[owner]!, USERS[(owner + 7) % USERS.length]!],
      };
    }
    case "case": {
      const mark = `${department.toUpperCase()}.6131.${i}.${year}`;
      return { type, entityId: `c${i}`, title: subject, subtitle: `${mark} · ${person}`, body, identifiers: [mark], url: `/sprawy/c${i}`, ...base, status: pick(["NEW", "IN_PROGRESS", "CLOSED"]), confidential: rand() < 0.03 };
    }
    case "contact":
      return { type, entityId: `k${i}`, title: person, subtitle: `${pick(PLACES)}`, body: "", identifiers: [`${1000000000 + i}`], url: `/kontakty/k${i}`, ...base, departmentId: null, year: null, status: "ACTIVE", accessDepartmentIds: [], accessUserIds: [] };
    default:
      return { type, entityId: `b${i}`, title: `Ogłoszenie: ${subject}`, subtitle: "", body, identifiers: [], url: `/bip/artykul/${i}`, ...base, departmentId: null, status: "PUBLISHED", accessDepartmentIds: [], accessUserIds: [] };
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN;
}

async function open(): Promise<OpenDatabase> {
  if (config.pglite) return openDatabase({ kind: "pglite", dataDir: null });
  const admin = new Client({ connectionString: config.baseUrl });
  await admin.connect();
  const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [config.database])).rowCount === 1;
  if (!config.reuse || !exists) {
    await admin.query(`DROP DATABASE IF EXISTS ${config.database} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${config.database}`);
  }
  await admin.end();
  const url = new URL(config.baseUrl);
  url.pathname = `/${config.database}`;
  return openDatabase({ kind: "server", url: url.toString() });
}

async function main() {
  const log = (line: string) => console.log(line);
  log(`Search benchmark: ${config.docs.toLocaleString("en")} records on ${config.pglite ? "PGlite (in memory)" : `PostgreSQL (${config.database})`}`);
  const db = await open();
  await applyMigrations(db.runner, await readMigrations());
  const engine = createPostgresEngine(db.prisma);

  // Indexing: batches of 1000 through the engine's upsert (the same statement the index job runs).
  // BENCH_REUSE=1 with the records already there: only generate them (the same probe number).
  const indexed = config.reuse ? Number((await db.prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "SearchEntry"`))[0]!.n) : 0;
  const reuse = indexed === config.docs;
  if (reuse) {
    for (let i = 1; i <= config.docs; i++) makeDoc(i);
    log(`Reusing ${indexed.toLocaleString("en")} indexed records (indexing not timed)`);
  }
  const started = performance.now();
  let next = 0;
  let done = 0;
  let lastReport = started;
  const worker = async () => {
    for (;;) {
      const from = next;
      if (from >= config.docs) return;
      next += config.batch;
      const batch = Array.from({ length: Math.min(config.batch, config.docs - from) }, (_, k) => makeDoc(from + k + 1));
      await engine.upsert(batch);
      done += batch.length;
      if (performance.now() - lastReport > 10_000) {
        lastReport = performance.now();
        log(`  indexed ${done.toLocaleString("en")} (${Math.round(done / ((lastReport - started) / 1000)).toLocaleString("en")}/s)`);
      }
    }
  };
  if (!reuse) await Promise.all(Array.from({ length: config.pglite ? 1 : config.concurrency }, worker));
  const indexSeconds = (performance.now() - started) / 1000;
  await db.prisma.$executeRawUnsafe(`ANALYZE "SearchEntry"`);
  await db.prisma.$executeRawUnsafe(`ANALYZE "SearchTerm"`);
  const throughput = reuse ? null : Math.round(config.docs / indexSeconds);
  const load = () => os.loadavg().map((l) => l.toFixed(2)).join(" ");
  if (throughput !== null) log(`Indexed ${config.docs.toLocaleString("en")} records in ${indexSeconds.toFixed(1)} s: ${throughput.toLocaleString("en")} records/s (load average ${load()}, ${os.cpus().length} CPUs)`);

  // Who searches: a clerk (own department), a head of three departments, the kancelaria, kierownictwo.
  const scope = (over: Partial<WorkScope>): WorkScope => ({ actorId: "user5", userIds: ["user5"], departmentIds: [departmentOf(5)], headOfDepartmentIds: [], all: false, registry: false, ...over });
  const users: { name: string; scope: WorkScope; roles: Role[] }[] = [
    { name: "clerk", scope: scope({}), roles: ["PRACOWNIK"] },
    { name: "head", scope: scope({ departmentIds: DEPARTMENTS.slice(0, 3), headOfDepartmentIds: DEPARTMENTS.slice(0, 3) }), roles: ["KIEROWNIK"] },
    { name: "kancelaria", scope: scope({ registry: true }), roles: ["KANCELARIA"] },
    { name: "sekretarz", scope: scope({ all: true }), roles: ["SEKRETARZ"] },
  ];
  const queries = ["wycinka drzew", "lodz", "wyci", "wycinak", probeNumber, "podatek nieruchomosci boguchwala", "zolc", "skarga halas zglobien"];
  const results: { query: string; user: string; engine: { p50: number; p95: number; total: number; totalCapped: boolean }; naive?: { p50: number; p95: number; total: number } }[] = [];
  const all: number[] = [];
  const allNaive: number[] = [];
  for (const q of queries) {
    for (const u of users) {
      const filter = visibilityFilter(u.scope, u.roles);
      const times: number[] = [];
      let total = 0;
      let totalCapped = false;
      for (let k = 0; k < config.repeat; k++) {
        const t0 = performance.now();
        const r = await engine.search({ words: words(q), phrase: foldText(q), filter, offset: 0, limit: 20, facets: true });
        times.push(performance.now() - t0);
        ({ total, totalCapped } = r);
      }
      times.sort((a, b) => a - b);
      all.push(...times);
      const row: (typeof results)[number] = { query: q, user: u.name, engine: { p50: percentile(times, 50), p95: percentile(times, 95), total, totalCapped } };
      // Naive: every word ILIKE over the original text, the same permission filter, newest first.
      if (config.naiveRepeat && (u.name === "clerk" || u.name === "sekretarz")) {
        const params: unknown[] = [];
        const where = [filterToSql(F.and(filter), params), ...q.split(/\s+/).map((w) => {
          params.push(`%${w}%`);
          return `("title" || ' ' || "subtitle" || ' ' || "body") ILIKE $${params.length}`;
        })].join(" AND ");
        const naive: number[] = [];
        let naiveTotal = 0;
        for (let k = 0; k < config.naiveRepeat; k++) {
          const t0 = performance.now();
          const rows = await db.prisma.$queryRawUnsafe<{ n: bigint }[]>(
            `SELECT "key", "title", count(*) OVER () AS n FROM "SearchEntry" WHERE ${where} ORDER BY "indexedAt" DESC LIMIT 20`,
            ...params,
          );
          naive.push(performance.now() - t0);
          naiveTotal = Number(rows[0]?.n ?? 0);
        }
        naive.sort((a, b) => a - b);
        allNaive.push(...naive);
        row.naive = { p50: percentile(naive, 50), p95: percentile(naive, 95), total: naiveTotal };
      }
      results.push(row);
      const f = (n: number) => n.toFixed(1).padStart(7);
      log(
        `  ${JSON.stringify(q).padEnd(36)} ${u.name.padEnd(11)} engine p50 ${f(row.engine.p50)} ms  p95 ${f(row.engine.p95)} ms  hits ${`${row.engine.totalCapped ? ">" : ""}${row.engine.total}`.padStart(7)}` +
          (row.naive ? `   | ILIKE p50 ${f(row.naive.p50)} ms  p95 ${f(row.naive.p95)} ms  hits ${String(row.naive.total).padStart(7)}` : ""),
      );
    }
  }
  all.sort((a, b) => a - b);
  allNaive.sort((a, b) => a - b);
  const summary = {
    docs: config.docs,
    database: config.pglite ? "pglite" : "postgresql",
    indexSeconds,
    throughput,
    engine: { p50: percentile(all, 50), p95: percentile(all, 95) },
    naive: { p50: percentile(allNaive, 50), p95: percentile(allNaive, 95) },
  };
  log(`All queries: engine p50 ${summary.engine.p50.toFixed(1)} ms, p95 ${summary.engine.p95.toFixed(1)} ms (goal p95 < 50 ms); naive ILIKE p50 ${summary.naive.p50.toFixed(1)} ms, p95 ${summary.naive.p95.toFixed(1)} ms (load average ${load()})`);
  const dir = path.join(import.meta.dirname, "results");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `search-${new Date().toISOString().replace(/[:.]/g, "-")}.json`), JSON.stringify({ summary, results }, null, 2));
  await db.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
