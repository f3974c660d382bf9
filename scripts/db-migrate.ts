/** `npm run db:migrate`: applies prisma/migrations to the configured database (PGlite or server). */
import { applyMigrations, readMigrations } from "../src/server/db/migrate";
import { configuredTarget, openDatabase } from "../src/server/db/open";

async function main() {
  const db = await openDatabase(configuredTarget());
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
