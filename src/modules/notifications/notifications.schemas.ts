/** Inputs and DTOs of notifications (client-safe). */
import { z } from "zod";
import { DELIVERIES, NOTIFICATION_TYPES } from "./notifications.types";

export const ZDelivery = z.enum(DELIVERIES);

export const ZNotification = z.object({
  id: z.string(),
  type: z.enum(NOTIFICATION_TYPES),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.date(),
  read: z.boolean(),
});

export const ZNotificationListInput = z.object({ page: z.number().int().min(1).max(10_000).optional(), unreadOnly: z.boolean().optional() });

export const ZNotificationPage = z.object({ items: z.array(ZNotification), total: z.number(), unread: z.number(), page: z.number(), pages: z.number() });

export const ZNotificationSummary = z.object({ unread: z.number(), latest: z.array(ZNotification), inbox: z.number().nullable() });

export const ZMarkReadInput = z.union([z.object({ ids: z.array(z.string().min(1).max(40)).min(1).max(200) }), z.object({ all: z.literal(true) })]);

export const ZPreferences = z.object({
  email: z.string(),
  items: z.array(z.object({ type: z.enum(NOTIFICATION_TYPES), delivery: ZDelivery, isDefault: z.boolean() })),
});

export const ZUpdatePreferencesInput = z.object({
  items: z
    .array(z.object({ type: z.enum(NOTIFICATION_TYPES, { error: "Nieznany rodzaj powiadomienia." }), delivery: ZDelivery }))
    .min(1)
    .max(NOTIFICATION_TYPES.length),
});
