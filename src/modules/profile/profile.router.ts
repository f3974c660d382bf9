import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { ZChangePasswordInput, ZProfile, ZUpdateProfileInput } from "./profile.schemas";
import { changePassword, getProfile, updateProfile } from "./profile.service";

export const profileRouter = createTRPCRouter({
  get: protectedProcedure.output(ZProfile).query(({ ctx }) => getProfile(ctx)),
  update: protectedProcedure.input(ZUpdateProfileInput).mutation(({ ctx, input }) => updateProfile(ctx, input)),
  changePassword: protectedProcedure
    .input(ZChangePasswordInput)
    .output(z.object({ sessionVersion: z.number() }))
    .mutation(({ ctx, input }) => changePassword(ctx, input)),
});
