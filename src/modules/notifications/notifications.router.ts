import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { ZMarkReadInput, ZNotificationListInput, ZNotificationPage, ZNotificationSummary, ZPreferences, ZUpdatePreferencesInput } from "./notifications.schemas";
import { getPreferences, listNotifications, markNotificationsRead, notificationSummary, updatePreferences } from "./notifications.service";

/** Every procedure works on the caller's own notifications only. */
export const notificationsRouter = createTRPCRouter({
  summary: protectedProcedure.output(ZNotificationSummary).query(({ ctx }) => notificationSummary(ctx)),
  list: protectedProcedure.input(ZNotificationListInput).output(ZNotificationPage).query(({ ctx, input }) => listNotifications(ctx, input)),
  markRead: protectedProcedure
    .input(ZMarkReadInput)
    .output(z.object({ updated: z.number() }))
    .mutation(({ ctx, input }) => markNotificationsRead(ctx, input)),
  preferences: protectedProcedure.output(ZPreferences).query(({ ctx }) => getPreferences(ctx)),
  updatePreferences: protectedProcedure.input(ZUpdatePreferencesInput).output(ZPreferences).mutation(({ ctx, input }) => updatePreferences(ctx, input)),
});
