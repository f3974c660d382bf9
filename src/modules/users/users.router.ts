import { createTRPCRouter } from "@/server/api/trpc";

export const usersRouter = createTRPCRouter({});
