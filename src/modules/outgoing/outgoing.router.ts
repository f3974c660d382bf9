import { createTRPCRouter } from "@/server/api/trpc";

export const outgoingRouter = createTRPCRouter({});
