/**
 * POST /api/bip-redakcja/zalaczniki — multipart/form-data: articleId, title (optional), one `file`.
 * Adds the file to the article's draft under edit (type by content, size limit). Answers
 * {attachment} 201 or {error: "<Polish>"} with 4xx. Authorization in the service.
 */
import { z } from "zod";
import { ZAttachmentTitle } from "@/modules/bip/bip.editor.schemas";
import { addBipAttachment } from "@/modules/bip/bip.editor.service";
import { errorResponse, jsonResponse, oneFileLimit, openUpload } from "@/server/http/upload";

const ZFields = z.object({ articleId: z.string().min(1, "Brak artykułu.").max(64), title: ZAttachmentTitle.default("") });

export async function POST(req: Request): Promise<Response> {
  const upload = await openUpload(req, oneFileLimit());
  if (upload instanceof Response) return upload;
  const { form } = upload;
  const fields = ZFields.safeParse({ articleId: form.get("articleId") ?? undefined, title: form.get("title") ?? undefined });
  if (!fields.success) return jsonResponse({ error: fields.error.issues[0]?.message ?? "Niepoprawne dane formularza." }, 400);
  const file = form.get("file");
  if (!file || typeof file === "string") return jsonResponse({ error: "Wybierz plik." }, 400);
  try {
    const attachment = await addBipAttachment(upload.ctx, { articleId: fields.data.articleId, title: fields.data.title, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    return jsonResponse({ attachment }, 201);
  } catch (error) {
    return errorResponse(error, "bip-redakcja");
  }
}
