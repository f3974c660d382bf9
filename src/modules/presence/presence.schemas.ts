/** Presence: the tab's report and what every staff member's browser reads. Client-safe. */
import { z } from "zod";

export const ZReportPresenceInput = z.object({
  /** Random per tab (kept for the tab's life): several tabs of one person are told apart. */
  tabId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "Nieprawidłowy identyfikator karty."),
  away: z.boolean(),
  /** The tab is being closed (sent from `pagehide`): it no longer counts. */
  closed: z.boolean().default(false),
});
export type ReportPresenceInput = z.input<typeof ZReportPresenceInput>;

/** The payload of the "presence" event on presence-office (and one entry of the overview). */
export const ZAwayState = z.object({ userId: z.string(), away: z.boolean(), at: z.number() });
export type AwayState = z.infer<typeof ZAwayState>;

export const ZAbsence = z.object({
  userId: z.string(),
  /** Last day of the absence (YYYY-MM-DD, inclusive), following absences that continue it. */
  until: z.string(),
  /** A leave ("urlop…"); any other reason is shown only as "absent" (the reason itself stays private). */
  onLeave: z.boolean(),
  substitutes: z.array(z.string()),
});
export type Absence = z.infer<typeof ZAbsence>;

export const ZPresenceOverview = z.object({
  today: z.string(),
  /** The server's clock when read (epoch ms): events after it are newer than this overview. */
  now: z.number(),
  /** People whose every open tab is idle or hidden (meaningful while they are connected). */
  away: z.array(ZAwayState),
  absent: z.array(ZAbsence),
});
export type PresenceOverview = z.infer<typeof ZPresenceOverview>;
