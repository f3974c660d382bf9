import { createTRPCRouter, permissionProcedure } from "@/server/api/trpc";
import { ZCompleteFileSignatureInput, ZFileIdInput, ZFileSignature, ZFileSignatureList, ZPreparedSignature, ZPrepareFileSignatureInput } from "./signatures.schemas";
import { completeFileSignature, listFileSignatures, prepareFileSignature } from "./signatures.signing.service";

const work = permissionProcedure("documents.work");

/** Signing stored files (CAdES). The .p7s downloads and the verification upload go through /api/podpisy. */
export const signingRouter = createTRPCRouter({
  list: work.input(ZFileIdInput).output(ZFileSignatureList).query(({ ctx, input }) => listFileSignatures(ctx, input.fileId)),
  prepare: work.input(ZPrepareFileSignatureInput).output(ZPreparedSignature).mutation(({ ctx, input }) => prepareFileSignature(ctx, input)),
  complete: work.input(ZCompleteFileSignatureInput).output(ZFileSignature).mutation(({ ctx, input }) => completeFileSignature(ctx, input)),
});
