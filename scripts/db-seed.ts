/** `npm run db:seed`: migrates, then seeds the demo office if the database is empty. */
import path from "node:path";
import { seedDemoIfEmpty } from "../prisma/seed/demo";
import { env } from "../src/env";
import { applyMigrations, readMigrations } from "../src/server/db/migrate";
import { openDatabase } from "../src/server/db/open";

async function main() {
  const target = env.DATABASE_URL ? ({ kind: "server", url: env.DATABASE_URL } as const) : ({ kind: "pglite", dataDir: path.resolve(env.DATA_DIR, "pglite") } as const);
  const db = await openDatabase(target);
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
