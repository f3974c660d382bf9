import { createTRPCRouter, permissionProcedure } from "@/server/api/trpc";
import { ZDocumentFileList, ZDocumentIdInput } from "./files.schemas";
import { listDocumentFiles } from "./files.service";

const work = permissionProcedure("documents.work");

/** Uploads and downloads go through /api/pliki (multipart and bytes); tRPC lists. */
export const filesRouter = createTRPCRouter({
  list: work.input(ZDocumentIdInput).output(ZDocumentFileList).query(({ ctx, input }) => listDocumentFiles(ctx, input.documentId)),
});
