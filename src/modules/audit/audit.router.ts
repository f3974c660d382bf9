import { createTRPCRouter } from "@/server/api/trpc";

export const auditRouter = createTRPCRouter({});
