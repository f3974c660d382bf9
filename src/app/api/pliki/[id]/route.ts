/**
 * GET /api/pliki/<fileId> — the bytes of a file the user may see (re-verified against its
 * SHA-256), as an attachment, or inline with ?podglad=1 (PDF and common images only). A missing or
 * invisible file answers 404 — never 403 — so its existence does not leak.
 */
import { openDocumentFile } from "@/modules/files/files.service";
import { downloadResponse } from "@/server/http/download";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const inline = new URL(req.url).searchParams.get("podglad") === "1";
  return downloadResponse(req, "pliki", async (ctx) => {
    const opened = await openDocumentFile(ctx, id, { inline });
    return { ...opened, inline: inline && opened.file.preview !== null };
  });
}
