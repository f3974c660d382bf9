import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { ZPresenceOverview, ZReportPresenceInput } from "./presence.schemas";
import { presenceOverview, reportPresence } from "./presence.service";

/** Every signed-in staff member reports their own tabs and reads the office's presence. */
export const presenceRouter = createTRPCRouter({
  report: protectedProcedure.input(ZReportPresenceInput).output(z.object({ away: z.boolean() })).mutation(({ ctx, input }) => reportPresence(ctx, input)),
  overview: protectedProcedure.output(ZPresenceOverview).query(({ ctx }) => presenceOverview(ctx)),
});
