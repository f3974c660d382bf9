/**
 * GET /api/bip-redakcja/zalaczniki/<id> — an attachment of any version (drafts too) for the BIP
 * editors, re-verified against its SHA-256. Public downloads go through /bip/zalacznik/<id>.
 */
import { fileResponseHeaders } from "@/modules/files/files.http";
import { openBipAttachmentForEditor } from "@/modules/bip/bip.editor.service";
import { actorFromRequest } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { errorResponse, jsonResponse } from "@/server/http/upload";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const db = await getDb();
  const actor = await actorFromRequest(db, req);
  if (!actor) return jsonResponse({ error: "Sesja wygasła. Zaloguj się ponownie." }, 401);
  try {
    const meta = { ip: req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null, userAgent: req.headers.get("user-agent") };
    const file = await openBipAttachmentForEditor({ db, actor, meta }, id);
    return new Response(file.bytes as BodyInit, { status: 200, headers: fileResponseHeaders(file, false) });
  } catch (error) {
    return errorResponse(error, "bip-redakcja");
  }
}
