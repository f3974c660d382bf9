// Prisma CLI configuration (generate, migrate diff). The CLI runs offline through the WASM schema
// engine against in-memory PGlite; the app applies prisma/migrations itself (src/server/db/migrate.ts).
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { defineConfig } from "prisma/config";

type Config = Parameters<typeof defineConfig>[0];
type CliAdapterFactory = Awaited<ReturnType<NonNullable<Extract<Config, { adapter?: unknown }>["adapter"]>>>;

/** pglite-prisma-adapter 0.6.1 neither awaits nor isolates migration scripts; run them with exec(). */
function cliAdapter(): CliAdapterFactory {
  const factory = new PrismaPGlite(new PGlite({ extensions: { pg_trgm } }));
  const withScripts = async (db: PGlite) => {
    const adapter = await new PrismaPGlite(db).connect();
    const executeRaw = adapter.executeRaw.bind(adapter);
    return Object.assign(adapter, {
      executeScript: async (script: string) => {
        await db.exec(script);
      },
      // The engine sends whole migration files through executeRaw without parameters.
      executeRaw: async (query: { sql: string; args: unknown[] }) => {
        if (query.args.length > 0) return executeRaw(query as Parameters<typeof executeRaw>[0]);
        await db.exec(query.sql);
        return 0;
      },
    });
  };
  return Object.assign(factory, {
    connect: () => withScripts(new PGlite({ extensions: { pg_trgm } })),
    connectToShadowDb: () => withScripts(new PGlite({ extensions: { pg_trgm } })),
  }) as unknown as CliAdapterFactory;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => cliAdapter(),
});
