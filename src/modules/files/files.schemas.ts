/** Inputs and DTOs of the files module (client-safe). */
import { z } from "zod";

export const UPLOAD_KINDS = ["SCAN", "ATTACHMENT"] as const;
export const FILE_KINDS = ["SCAN", "ATTACHMENT", "DRAFT", "NOTICE"] as const;
export type DocumentFileKind = (typeof FILE_KINDS)[number];

export const ZDocumentIdInput = z.object({ documentId: z.string().min(1).max(64) });

/** The non-file fields of POST /api/pliki. */
export const ZUploadFields = z.object({
  documentId: z.string({ error: "Brak identyfikatora pisma." }).min(1, "Brak identyfikatora pisma.").max(64),
  kind: z.enum(UPLOAD_KINDS, { error: "Wybierz rodzaj pliku: skan albo załącznik." }).default("ATTACHMENT"),
});

export const ZDocumentFile = z.object({
  id: z.string(),
  documentId: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  kind: z.enum(FILE_KINDS),
  sha256: z.string(),
  uploadedByName: z.string(),
  createdAt: z.date(),
  preview: z.enum(["pdf", "image"]).nullable(),
  /** GET /api/pliki/<id> (add ?podglad=1 to show it inline). */
  url: z.string(),
  /** The version this one replaced (a PDF/XML before a signature was added), for download. */
  previousVersion: z.object({ url: z.string(), createdAt: z.date() }).nullable(),
});
export type DocumentFileDto = z.infer<typeof ZDocumentFile>;

export const ZDocumentFileList = z.object({
  items: z.array(ZDocumentFile),
  /** The actor may add files now (policy and state). */
  canUpload: z.boolean(),
  /** Why the document is read-only, when it is. */
  readOnlyReason: z.string().nullable(),
  maxUploadMb: z.number().int(),
});
export type DocumentFileList = z.infer<typeof ZDocumentFileList>;
