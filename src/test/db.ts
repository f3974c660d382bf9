/**
 * Fresh databases for integration tests: in-memory PGlite always, and a brand-new database on the
 * PostgreSQL server when TEST_DATABASE_URL is set (created here, dropped afterwards). Both get the
 * real migrations through the same runner the app uses.
 *
 * Migrating takes seconds on PGlite, so each kind is migrated once per set of migration files and
 * then copied: PGlite starts from a dump of the migrated template (a tar in DATA_DIR, shared by the
 * test workers), the server creates each database from a template database. The template is named
 * by the migrations' checksums, so a changed or new migration makes a new one.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
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

async function migrationsHash(): Promise<string> {
  const hash = createHash("sha256");
  for (const m of await readMigrations()) hash.update(`${m.name}:${m.checksum}\n`);
  return hash.digest("hex").slice(0, 16);
}

/** The migrated PGlite template as a tar, made by the first test that needs it. */
async function pgliteTemplate(): Promise<Blob> {
  const file = path.resolve(process.env.DATA_DIR ?? "./data/test", `pglite-template-${await migrationsHash()}.tar`);
  try {
    return new Blob([await readFile(file)]);
  } catch {
    const db = await openDatabase({ kind: "pglite", dataDir: null });
    await applyMigrations(db.runner, await readMigrations());
    const dump = await db.dumpDataDir!();
    await db.close();
    await mkdir(path.dirname(file), { recursive: true });
    // Written aside and renamed: another worker never reads half a file.
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    await writeFile(tmp, Buffer.from(await dump.arrayBuffer()));
    await rename(tmp, file);
    return dump;
  }
}

/** The migrated template database on the server, created once (under an advisory lock) per migration set. */
async function serverTemplate(admin: Client, base: string): Promise<string> {
  const name = `obieg_template_${await migrationsHash()}`;
  await admin.query("SELECT pg_advisory_lock(4211992027)");
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) {
      const building = `${name}_${randomBytes(4).toString("hex")}`;
      await admin.query(`CREATE DATABASE "${building}"`);
      const url = new URL(base);
      url.pathname = `/${building}`;
      const db = await openDatabase({ kind: "server", url: url.toString() });
      await applyMigrations(db.runner, await readMigrations());
      await db.close();
      await admin.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
    }
  } finally {
    await admin.query("SELECT pg_advisory_unlock(4211992027)");
  }
  return name;
}

export async function createTestDb(kind: TestDbKind, options: { migrate?: boolean; icuLocale?: string } = {}): Promise<TestDb> {
  const migrate = options.migrate !== false;
  if (kind === "pglite") {
    const db = await openDatabase({ kind: "pglite", dataDir: null, ...(migrate ? { loadDataDir: await pgliteTemplate() } : {}) });
    return { ...db, kind, destroy: () => db.close() };
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("TEST_DATABASE_URL is not set");
  const name = `obieg_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  try {
    if (options.icuLocale) {
      // A linguistic (ICU) default collation, as a production server may have: migrated in place.
      await admin.query(`CREATE DATABASE "${name}" TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE '${options.icuLocale.replace(/[^A-Za-z-]/g, "")}' LOCALE 'C.UTF-8'`);
    } else {
      await admin.query(`CREATE DATABASE "${name}"${migrate ? ` TEMPLATE "${await serverTemplate(admin, base)}"` : ""}`);
    }
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: "server", url: url.toString() });
  if (migrate && options.icuLocale) await applyMigrations(db.runner, await readMigrations());
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
