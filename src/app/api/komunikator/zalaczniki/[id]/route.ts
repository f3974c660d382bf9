/**
 * GET /api/komunikator/zalaczniki/<id> — a file of a message, for the current members of its
 * conversation only (re-verified against its SHA-256, audited). Anyone else, a deleted message or
 * a file not sent yet: 404, never 403. Without a session: 401.
 */
import { openChatAttachment } from "@/modules/chat/chat.attachments";
import { downloadResponse } from "@/server/http/download";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return downloadResponse(req, "komunikator-zalaczniki", (ctx) => openChatAttachment(ctx, id));
}
