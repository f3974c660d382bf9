import { createTRPCRouter, permissionProcedure, protectedProcedure } from "@/server/api/trpc";
import { ZEmailDetail, ZEmailIdInput, ZEmailPage, ZMailListInput, ZMyMailListInput } from "./mail.schemas";
import { getEmail, getMyEmail, listEmails, listMyEmails, resendEmail } from "./mail.service";

const admin = permissionProcedure("mail.view");

export const mailRouter = createTRPCRouter({
  /** /admin/poczta: every message. */
  list: admin.input(ZMailListInput).output(ZEmailPage).query(({ ctx, input }) => listEmails(ctx, input)),
  get: admin.input(ZEmailIdInput).output(ZEmailDetail).query(({ ctx, input }) => getEmail(ctx, input)),
  resend: admin.input(ZEmailIdInput).output(ZEmailDetail).mutation(({ ctx, input }) => resendEmail(ctx, input)),
  /** /poczta: the signed-in user's own messages. */
  mine: protectedProcedure.input(ZMyMailListInput).output(ZEmailPage).query(({ ctx, input }) => listMyEmails(ctx, input)),
  getMine: protectedProcedure.input(ZEmailIdInput).output(ZEmailDetail).query(({ ctx, input }) => getMyEmail(ctx, input)),
});
