import { z } from "zod";
import { createTRPCRouter, permissionProcedure, protectedProcedure } from "@/server/api/trpc";
import {
  ZCertificate,
  ZCertificateIdInput,
  ZCertificateListInput,
  ZCertificatePage,
  ZMyCertificates,
  ZRejectCertificateInput,
  ZRequestCertificateInput,
  ZRevokeCertificateInput,
  ZRevokeSealInput,
  ZSealCertificate,
} from "./signatures.schemas";
import {
  approveCertificate,
  getCertificateFile,
  getMyActiveCertificate,
  listCertificates,
  listMyCertificates,
  listSealCertificates,
  rejectCertificate,
  requestCertificate,
  revokeCertificate,
  revokeSeal,
  withdrawCertificateRequest,
} from "./signatures.certificates.service";

const manage = permissionProcedure("certificates.manage");

/** Staff signing certificates: the caller's own (any signed-in user) and the administrators' queue. */
export const certificatesRouter = createTRPCRouter({
  mine: protectedProcedure.output(ZMyCertificates).query(({ ctx }) => listMyCertificates(ctx)),
  myActive: protectedProcedure.output(ZCertificate.nullable()).query(({ ctx }) => getMyActiveCertificate(ctx)),
  request: protectedProcedure.input(ZRequestCertificateInput).output(ZCertificate).mutation(({ ctx, input }) => requestCertificate(ctx, input)),
  withdraw: protectedProcedure.input(ZCertificateIdInput).output(ZCertificate).mutation(({ ctx, input }) => withdrawCertificateRequest(ctx, input)),
  /** Own certificate, or any with certificates.manage (checked in the service). */
  revoke: protectedProcedure.input(ZRevokeCertificateInput).output(ZCertificate).mutation(({ ctx, input }) => revokeCertificate(ctx, input)),
  download: protectedProcedure
    .input(ZCertificateIdInput)
    .output(z.object({ fileName: z.string(), base64: z.string() }))
    .query(({ ctx, input }) => getCertificateFile(ctx, input)),
  list: manage.input(ZCertificateListInput).output(ZCertificatePage).query(({ ctx, input }) => listCertificates(ctx, input)),
  approve: manage.input(ZCertificateIdInput).output(ZCertificate).mutation(({ ctx, input }) => approveCertificate(ctx, input)),
  reject: manage.input(ZRejectCertificateInput).output(ZCertificate).mutation(({ ctx, input }) => rejectCertificate(ctx, input)),
  seals: manage.output(z.array(ZSealCertificate)).query(({ ctx }) => listSealCertificates(ctx)),
  revokeSeal: manage.input(ZRevokeSealInput).output(z.array(ZSealCertificate)).mutation(({ ctx, input }) => revokeSeal(ctx, input)),
});
