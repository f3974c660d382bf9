/**
 * Applies prisma/migrations/<name>/migration.sql in name order, once each, to PGlite or to a
 * PostgreSQL server. Prisma's own `migrate deploy` cannot reach a server offline in WASM mode, so
 * one runner serves both databases: each migration in its own transaction, recorded with its
 * SHA-256 in "_obieg_migrations"; an edited, already-applied migration stops the start-up.
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** The few operations the runner needs; implemented over PGlite and over `pg`. */
export interface SqlRunner {
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs `fn` holding a database-wide lock so that two starting processes do not race. */
  withLock<T>(fn: () => Promise<T>): Promise<T>;
}

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(/*turbopackIgnore: true*/ dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(/*turbopackIgnore: true*/ path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

export async function applyMigrations(runner: SqlRunner, migrations: Migration[]): Promise<string[]> {
  return runner.withLock(async () => {
    await runner.exec(`CREATE TABLE IF NOT EXISTS "_obieg_migrations" (
      "name" TEXT PRIMARY KEY,
      "checksum" TEXT NOT NULL,
      "appliedAt" TIMESTAMPTZ NOT NULL DEFAULT now()
    )`);
    const applied = new Map(
      (await runner.query<{ name: string; checksum: string }>(`SELECT "name", "checksum" FROM "_obieg_migrations"`)).map(
        (r) => [r.name, r.checksum],
      ),
    );
    const done: string[] = [];
    for (const m of migrations) {
      const checksum = applied.get(m.name);
      if (checksum !== undefined) {
        if (checksum !== m.checksum) {
          throw new Error(`Migration ${m.name} was changed after it was applied (checksum mismatch).`);
        }
        continue;
      }
      const name = m.name.replaceAll("'", "''");
      await runner.exec(
        `BEGIN;\n${m.sql}\n;INSERT INTO "_obieg_migrations" ("name", "checksum") VALUES ('${name}', '${m.checksum}');\nCOMMIT;`,
      );
      done.push(m.name);
    }
    return done;
  });
}
