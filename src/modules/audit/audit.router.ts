/** The audit trail, read-only: there is deliberately no procedure that changes or deletes entries. */
import { z } from "zod";
import { createTRPCRouter, permissionProcedure } from "@/server/api/trpc";
import { ZAuditActor, ZAuditEntry, ZAuditListInput, ZAuditPage, ZEntityHistoryInput } from "./audit.schemas";
import { listAuditActors, listAuditEvents, listEntityHistory } from "./audit.service";

const view = permissionProcedure("audit.view");

export const auditRouter = createTRPCRouter({
  list: view.input(ZAuditListInput).output(ZAuditPage).query(({ ctx, input }) => listAuditEvents(ctx, input)),
  entityHistory: view
    .input(ZEntityHistoryInput)
    .output(z.array(ZAuditEntry))
    .query(({ ctx, input }) => listEntityHistory(ctx, input.entityType, input.entityId)),
  actors: view.output(z.array(ZAuditActor)).query(({ ctx }) => listAuditActors(ctx)),
});
