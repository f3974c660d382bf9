/** `npm run db:migrate` on a fresh embedded database and on a fresh PostgreSQL server database. */
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { Client } from "pg";
import { describe, expect, it } from "vitest";
import { readMigrations } from "./migrate";

const run = promisify(execFile);

async function migrate(env: Record<string, string>) {
  const { stdout } = await run("npx", ["tsx", "scripts/db-migrate.ts"], { env: { ...process.env, ...env }, timeout: 120_000 });
  return stdout;
}

describe("npm run db:migrate", () => {
  it("migrates a fresh PGlite folder, then finds it up to date", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "obieg-migrate-"));
    try {
      const names = (await readMigrations()).map((m) => m.name);
      expect(await migrate({ DATA_DIR: dir, DATABASE_URL: "" })).toContain(names.join(", "));
      expect(await migrate({ DATA_DIR: dir, DATABASE_URL: "" })).toContain("Baza danych jest aktualna.");
      const db = new PGlite(path.join(dir, "pglite"), { extensions: { pg_trgm } });
      const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "_obieg_migrations"`);
      expect(rows[0]?.n).toBe(names.length);
      await db.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)("migrates a fresh database on the PostgreSQL server", async () => {
    const base = process.env.TEST_DATABASE_URL!;
    const name = `obieg_migrate_${Date.now().toString(36)}`;
    const admin = new Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    try {
      await migrate({ DATABASE_URL: url.toString() });
      expect(await migrate({ DATABASE_URL: url.toString() })).toContain("Baza danych jest aktualna.");
      const c = new Client({ connectionString: url.toString() });
      await c.connect();
      const tables = await c.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
      await c.end();
      expect(tables.rows.map((r: { table_name: string }) => r.table_name)).toEqual(expect.arrayContaining(["User", "Department", "AuditEvent", "OutboxJob", "_obieg_migrations"]));
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  });
});
