/**
 * The search engine by configuration: Meilisearch when MEILI_HOST is set, otherwise the embedded
 * engine on the application's own database (PGlite or the PostgreSQL server).
 */
import { env } from "@/env";
import type { Db } from "@/server/db";
import { createMeiliEngine } from "./meilisearch";
import { createPostgresEngine } from "./postgres";
import type { SearchEngine } from "./types";

export * from "./types";
export { createMeiliEngine, MeiliError, MEILI_SETTINGS, meiliId } from "./meilisearch";
export { createPostgresEngine } from "./postgres";

let meili: SearchEngine | null = null;
let override: ((db: Db) => SearchEngine) | null = null;

export function getSearchEngine(db: Db): SearchEngine {
  if (override) return override(db);
  if (env.MEILI_HOST) {
    meili ??= createMeiliEngine({ host: env.MEILI_HOST, apiKey: env.MEILI_API_KEY, index: env.MEILI_INDEX });
    return meili;
  }
  return createPostgresEngine(db);
}

/** Tests: run against a given engine (null restores the configured one). */
export function setSearchEngineFactory(factory: ((db: Db) => SearchEngine) | null): void {
  override = factory;
}
