import { createTRPCRouter } from "@/server/api/trpc";

export const contactsRouter = createTRPCRouter({});
