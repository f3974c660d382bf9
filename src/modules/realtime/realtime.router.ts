import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { realtimeSetup } from "./realtime.service";

const ZSetup = z.object({
  config: z.object({ key: z.string(), cluster: z.string(), wsHost: z.string().nullable(), wsPort: z.number().nullable(), forceTLS: z.boolean() }).nullable(),
  channels: z.array(z.string()),
  userChannel: z.string(),
});

export const realtimeRouter = createTRPCRouter({
  /** How the browser connects and which channels it joins (each re-authorized by /api/realtime/auth). */
  setup: protectedProcedure.output(ZSetup).query(({ ctx }) => realtimeSetup(ctx.db, ctx.actor)),
});
