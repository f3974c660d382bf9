/**
 * POST /api/pliki — multipart/form-data: documentId, kind (SCAN | ATTACHMENT), one or more `file`.
 * Answers {files: DocumentFileDto[]} or {error: "<Polish>"} with 4xx. Authorization in the service.
 */
import { env } from "@/env";
import { ZUploadFields } from "@/modules/files/files.schemas";
import { storeDocumentFiles } from "@/modules/files/files.service";
import { errorResponse, jsonResponse, openUpload } from "@/server/http/upload";

export async function POST(req: Request): Promise<Response> {
  const upload = await openUpload(req, {
    maxBytes: env.MAX_UPLOAD_MB * 1024 * 1024 * 20 + 1024 * 1024,
    tooLarge: `Za dużo danych naraz — najwyżej 20 plików po ${env.MAX_UPLOAD_MB} MB.`,
  });
  if (upload instanceof Response) return upload;
  const { form } = upload;
  const fields = ZUploadFields.safeParse({ documentId: form.get("documentId") ?? undefined, kind: form.get("kind") || undefined });
  if (!fields.success) return jsonResponse({ error: fields.error.issues[0]?.message ?? "Niepoprawne dane formularza." }, 400);
  const files = form.getAll("file").filter((f): f is File => typeof f !== "string");
  try {
    const stored = await storeDocumentFiles(upload.ctx, {
      documentId: fields.data.documentId,
      kind: fields.data.kind,
      files: await Promise.all(files.map(async (f) => ({ fileName: f.name, mimeType: f.type, bytes: new Uint8Array(await f.arrayBuffer()) }))),
    });
    return jsonResponse({ files: stored }, 201);
  } catch (error) {
    return errorResponse(error, "pliki");
  }
}
