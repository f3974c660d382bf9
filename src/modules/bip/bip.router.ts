import { createTRPCRouter } from "@/server/api/trpc";

/** The BIP editor (staff): articles, versions, approval, attachments, menu, settings. */
export const bipRouter = createTRPCRouter({});
