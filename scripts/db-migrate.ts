/** `npm run db:migrate`: applies prisma/migrations to the configured database (PGlite or server). */
import path from "node:path";
import { env } from "../src/env";
import { applyMigrations, readMigrations } from "../src/server/db/migrate";
import { openDatabase } from "../src/server/db/open";

async function main() {
  const target = env.DATABASE_URL ? ({ kind: "server", url: env.DATABASE_URL } as const) : ({ kind: "pglite", dataDir: path.resolve(env.DATA_DIR, "pglite") } as const);
  const db = await openDatabase(target);
  try {
    const applied = await applyMigrations(db.runner, await readMigrations());
    console.log(applied.length ? `Zastosowano migracje: ${applied.join(", ")}` : "Baza danych jest aktualna.");
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
