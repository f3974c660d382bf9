/**
 * `npm run db:new-migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
 * with the SQL that brings the existing migrations up to prisma/models (offline: Prisma's WASM
 * schema engine on in-memory PGlite, see prisma.config.ts). Review the file before committing;
 * add by hand what the schema language cannot say (checks, triggers).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const name = (process.argv[2] ?? "").toLowerCase().replace(/[^a-z0-9_]+/g, "_");
if (!name) {
  console.error("Podaj nazwę migracji: npm run db:new-migration -- nazwa");
  process.exit(2);
}
const sql = execFileSync("npx", ["prisma", "migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma", "--script"], {
  encoding: "utf8",
});
if (/This is an empty migration/.test(sql)) {
  console.log("Schemat nie zmienił się — brak nowej migracji.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`Zapisano ${dir}/migration.sql`);
