import { z } from "zod";
import { createTRPCRouter, permissionProcedure } from "@/server/api/trpc";
import { wakeOutboxWorker } from "@/server/jobs/worker";
import { getSearchAdmin, requestReindex } from "./search.admin";
import { ZReindexResult, ZSearchAdminOverview, ZSearchInput, ZSearchResult } from "./search.schemas";
import { searchDocuments } from "./search.service";

const admin = permissionProcedure("search.manage");

export const searchRouter = createTRPCRouter({
  /** The palette and the results page: only what the caller may open (the engine applies the rule). */
  query: permissionProcedure("dashboard.view").input(ZSearchInput).output(ZSearchResult).query(({ ctx, input }) => searchDocuments(ctx, input)),
  /** /admin/wyszukiwarka: index health, queue and the last rebuild. */
  health: admin.input(z.void()).output(ZSearchAdminOverview).query(({ ctx }) => getSearchAdmin(ctx)),
  /** Queues a full rebuild (an outbox job); returns at once. */
  reindex: admin.input(z.void()).output(ZReindexResult).mutation(({ ctx }) => requestReindex(ctx, wakeOutboxWorker)),
});
