/**
 * POST /api/podpisy/weryfikacja — multipart/form-data: `file` (the signed file) and `signature`
 * (its detached .p7s). Answers the verification report (VerifyUploadedResult, dates as ISO strings)
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
  if (typeof signature === "string" || !signature) return jsonResponse({ error: "Wybierz plik podpisu (.p7s)." }, 400);
  try {
    const report = await verifyUploaded(upload.ctx, {
      fileName: file.name,
      fileBytes: new Uint8Array(await file.arrayBuffer()),
      signatureFileName: signature.name,
      p7sBytes: new Uint8Array(await signature.arrayBuffer()),
    });
    return jsonResponse(report);
  } catch (error) {
    return errorResponse(error, "podpisy");
  }
}
