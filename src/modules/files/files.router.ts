import { createTRPCRouter } from "@/server/api/trpc";

export const filesRouter = createTRPCRouter({});
