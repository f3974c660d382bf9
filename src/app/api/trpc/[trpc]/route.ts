import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { actorFromRequest } from "@/server/auth/session";
import { getDb } from "@/server/db";

const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    async createContext() {
      const db = await getDb();
      return {
        db,
        actor: await actorFromRequest(db, req),
        meta: { ip: req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null, userAgent: req.headers.get("user-agent") },
      };
    },
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`[trpc] ${path ?? "?"}`, error.cause ?? error);
    },
  });

export { handler as GET, handler as POST };
