import { createTRPCRouter } from "@/server/api/trpc";

export const lettersRouter = createTRPCRouter({});
