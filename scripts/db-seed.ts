/** `npm run db:seed`: migrates, then seeds the demo office if the database is empty. */
import { seedDemoIfEmpty } from "../prisma/seed/demo";
import { applyMigrations, readMigrations } from "../src/server/db/migrate";
import { configuredTarget, openDatabase } from "../src/server/db/open";

async function main() {
  const db = await openDatabase(configuredTarget());
  try {
    await applyMigrations(db.runner, await readMigrations());
    const seeded = await db.runner.withLock(() => seedDemoIfEmpty(db.prisma));
    console.log(seeded ? "Wczytano dane demonstracyjne." : "Baza danych nie jest pusta — pominięto dane demonstracyjne.");
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
