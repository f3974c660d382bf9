/**
 * Rebuilds the search index from the database: every letter, case, contact and published BIP
 * article into the configured engine (Meilisearch with MEILI_HOST, otherwise the embedded one),
 * then removes entries of records that no longer exist.
 *
 *   npm run search:reindex            (DATABASE_URL, or the embedded PGlite in DATA_DIR)
 */
import { reindexAll } from "../src/modules/search/search.service";
import { applyMigrations, readMigrations } from "../src/server/db/migrate";
import { configuredTarget, openDatabase } from "../src/server/db/open";
import { getSearchEngine } from "../src/server/integrations/search";

async function main() {
  const db = await openDatabase(configuredTarget());
  try {
    await applyMigrations(db.runner, await readMigrations());
    const engine = getSearchEngine(db.prisma);
    console.log(`Przebudowa indeksu wyszukiwania (${engine.name})…`);
    const started = Date.now();
    let last = 0;
    const counts = await reindexAll(db.prisma, {
      engine,
      onProgress: (p) => {
        if (Date.now() - last > 2000 || p.done === p.total) {
          last = Date.now();
          console.log(`  ${p.type}: ${p.done}/${p.total}`);
        }
      },
    });
    console.log(`Gotowe w ${((Date.now() - started) / 1000).toFixed(1)} s: ${Object.entries(counts).map(([t, n]) => `${t} ${n}`).join(", ")}.`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
