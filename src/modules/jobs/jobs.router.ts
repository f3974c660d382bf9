import { createTRPCRouter } from "@/server/api/trpc";

export const jobsRouter = createTRPCRouter({});
