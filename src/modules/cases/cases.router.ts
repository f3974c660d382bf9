import { createTRPCRouter } from "@/server/api/trpc";

export const casesRouter = createTRPCRouter({});
