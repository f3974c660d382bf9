/**
 * POST /api/podpisy/weryfikacja — multipart/form-data: `file` (the signed file) and, unless it is
 * a PDF or XML with the signatures inside, `signature` (its detached .p7s). Answers the verification report (VerifyUploadedResult, dates as ISO strings)
 * or {error: "<Polish>"} with 4xx. Any signed-in staff member; audited in the service.
 */
import { env } from "@/env";
import { verifyUploaded } from "@/modules/signatures/signatures.signing.service";
import { errorResponse, jsonResponse, openUpload } from "@/server/http/upload";

export async function POST(req: Request): Promise<Response> {
  const upload = await openUpload(req, { maxBytes: env.MAX_UPLOAD_MB * 1024 * 1024 * 2 + 1024 * 1024, tooLarge: `Pliki są za duże — najwyżej ${env.MAX_UPLOAD_MB} MB każdy.` });
  if (upload instanceof Response) return upload;
  const file = upload.form.get("file");
  const signature = upload.form.get("signature");
  if (typeof file === "string" || !file) return jsonResponse({ error: "Wybierz podpisany plik." }, 400);
  const p7s = signature && typeof signature !== "string" && signature.size > 0 ? signature : null;
  try {
    const report = await verifyUploaded(upload.ctx, {
      fileName: file.name,
      fileBytes: new Uint8Array(await file.arrayBuffer()),
      signatureFileName: p7s?.name ?? null,
      p7sBytes: p7s ? new Uint8Array(await p7s.arrayBuffer()) : null,
    });
    return jsonResponse(report);
  } catch (error) {
    return errorResponse(error, "podpisy");
  }
}
