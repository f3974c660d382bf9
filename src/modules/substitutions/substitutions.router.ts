import { createTRPCRouter } from "@/server/api/trpc";

export const substitutionsRouter = createTRPCRouter({});
