/**
 * Fresh databases for integration tests: in-memory PGlite always, and a brand-new database on the
 * PostgreSQL server when TEST_DATABASE_URL is set (created here, dropped afterwards). Both get the
 * real migrations through the same runner the app uses.
 */
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { applyMigrations, readMigrations } from "@/server/db/migrate";
import { openDatabase, type OpenDatabase } from "@/server/db/open";

export type TestDbKind = "pglite" | "server";

export const TEST_DB_KINDS: TestDbKind[] = process.env.TEST_DATABASE_URL ? ["pglite", "server"] : ["pglite"];

export interface TestDb extends OpenDatabase {
  kind: TestDbKind;
  /** Drops the server database too. */
  destroy(): Promise<void>;
}

export async function createTestDb(kind: TestDbKind, options: { migrate?: boolean; icuLocale?: string } = {}): Promise<TestDb> {
  if (kind === "pglite") {
    const db = await openDatabase({ kind: "pglite", dataDir: null });
    if (options.migrate !== false) await applyMigrations(db.runner, await readMigrations());
    return { ...db, kind, destroy: () => db.close() };
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("TEST_DATABASE_URL is not set");
  const name = `obieg_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  // A linguistic (ICU) default collation, as a production server may have, when asked for.
  const locale = options.icuLocale ? ` TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE '${options.icuLocale.replace(/[^A-Za-z-]/g, "")}' LOCALE 'C.UTF-8'` : "";
  await admin.query(`CREATE DATABASE "${name}"${locale}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: "server", url: url.toString() });
  if (options.migrate !== false) await applyMigrations(db.runner, await readMigrations());
  return {
    ...db,
    kind,
    async destroy() {
      await db.close();
      const c = new Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
