/**
 * Opens the database chosen by configuration: a PostgreSQL server (DATABASE_URL) or embedded
 * PGlite in a folder (or in memory, for tests). Returns a Prisma client over a driver adapter and a
 * SqlRunner for migrations. Nothing here runs at import time: `next build` imports route modules.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite, types } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import { Client, Pool } from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { env } from "@/env";
import type { SqlRunner } from "./migrate";

/** `loadDataDir`: start PGlite from a dump (a tar from `dumpDataDir`), e.g. an already migrated test template. */
export type DatabaseTarget = { kind: "server"; url: string } | { kind: "pglite"; dataDir: string | null; loadDataDir?: Blob };

/** The database the configuration names: the server in DATABASE_URL, else PGlite in DATA_DIR/pglite. */
export function configuredTarget(): DatabaseTarget {
  return env.DATABASE_URL ? { kind: "server", url: env.DATABASE_URL } : { kind: "pglite", dataDir: path.resolve(env.DATA_DIR, "pglite") };
}

export interface OpenDatabase {
  prisma: PrismaClient;
  runner: SqlRunner;
  target: DatabaseTarget;
  /** LISTEN on a channel: `onNotify` runs for each NOTIFY (delivered on commit). Returns the unlisten. */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
  /** PGlite only: the whole data folder as an uncompressed tar (what `loadDataDir` takes). */
  dumpDataDir?(): Promise<Blob>;
}

const LOCK_ID = 4_211_992_026; // pg_advisory_lock key for migrations and seeding

export async function openDatabase(target: DatabaseTarget): Promise<OpenDatabase> {
  return target.kind === "server" ? openServer(target) : openPglite(target);
}

async function openServer(target: Extract<DatabaseTarget, { kind: "server" }>): Promise<OpenDatabase> {
  const pool = new Pool({ connectionString: target.url, max: 10 });
  // An idle connection the server drops (restart, failover, an administrator terminating it) must
  // not crash the process: without a listener pg re-throws the error. The pool opens a new one.
  let closing = false;
  pool.on("error", (error) => {
    if (!closing) console.error("[db] idle database connection lost:", error.message);
  });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const runner: SqlRunner = {
    async exec(sql) {
      await pool.query(sql);
    },
    async query(sql, params) {
      return (await pool.query(sql, params as unknown[] | undefined)).rows;
    },
    async withLock(fn) {
      const client = await pool.connect();
      try {
        await client.query("SELECT pg_advisory_lock($1)", [LOCK_ID]);
        return await fn();
      } finally {
        await client.query("SELECT pg_advisory_unlock($1)", [LOCK_ID]).catch(() => undefined);
        client.release();
      }
    },
  };
  return {
    prisma,
    runner,
    target,
    async listen(channel, onNotify) {
      // A dedicated connection (a pooled one could be handed to a query and lose the LISTEN).
      const client = new Client({ connectionString: target.url });
      client.on("notification", (message) => {
        if (message.channel === channel) onNotify();
      });
      client.on("error", (error) => console.error(`[db] LISTEN ${channel} connection error`, error));
      await client.connect();
      await client.query(`LISTEN ${quoteIdent(channel)}`);
      return async () => {
        await client.end().catch(() => undefined);
      };
    },
    async close() {
      closing = true;
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

async function openPglite(target: Extract<DatabaseTarget, { kind: "pglite" }>): Promise<OpenDatabase> {
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  // Prisma 6.19 sends Bytes parameters as base64 strings, which pglite-prisma-adapter 0.6.1 passes on
  // unchanged; PGlite's own bytea serializer accepts only Uint8Array.
  // pg_trgm: typo-tolerant search (migration 20261125090000_search).
  const options = { serializers: { [types.BYTEA]: serializeBytea }, extensions: { pg_trgm }, ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}) };
  const pglite = target.dataDir ? new PGlite(target.dataDir, options) : new PGlite(options);
  await pglite.waitReady;
  // pglite-prisma-adapter 0.6.1's types lag Prisma 6.19; the runtime contract is the same.
  const adapter = new PrismaPGlite(pglite) as unknown as ConstructorParameters<typeof PrismaClient>[0] extends infer O
    ? O extends { adapter?: infer A }
      ? A
      : never
    : never;
  const prisma = new PrismaClient({ adapter });
  const runner: SqlRunner = {
    async exec(sql) {
      await pglite.exec(sql);
    },
    async query(sql, params) {
      return (await pglite.query(sql, params as unknown[] | undefined)).rows as never[];
    },
    // One process owns a PGlite folder, so in-process serialisation is enough.
    withLock: (fn) => fn(),
  };
  return {
    prisma,
    runner,
    target,
    async listen(channel, onNotify) {
      return pglite.listen(channel, () => onNotify());
    },
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
    dumpDataDir: () => pglite.dumpDataDir("none"),
  };
}

function serializeBytea(value: unknown): string {
  const bytes = typeof value === "string" ? Buffer.from(value, "base64") : Buffer.from(value as Uint8Array);
  return `\\x${bytes.toString("hex")}`;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
