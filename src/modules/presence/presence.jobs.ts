/** The "presence" event on presence-office after commit: a person became away or active again. */
import "server-only";
import { CHANNEL } from "@/modules/realtime/realtime.channels";
import { publishRealtime } from "@/server/integrations/realtime";
import { defineJob } from "@/server/jobs/outbox";
import { ZAwayState } from "./presence.schemas";

const ATTEMPTS = 3;

export const presenceChangedJob = defineJob({
  type: "presence.changed",
  payload: ZAwayState,
  maxAttempts: ATTEMPTS,
  async run(payload, { attempt }) {
    try {
      await publishRealtime([{ channels: [CHANNEL.office], name: "presence", data: payload }]);
    } catch (error) {
      // A late presence change is worth nothing (browsers re-read the overview every few minutes).
      if (attempt < ATTEMPTS) throw error;
      console.warn(`[presence] event dropped after ${ATTEMPTS} attempts`, error);
    }
  },
});
