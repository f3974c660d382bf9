import { createTRPCRouter } from "@/server/api/trpc";

export const orgRouter = createTRPCRouter({});
