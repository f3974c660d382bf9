/**
 * GET /api/polecenia/zalaczniki/<id> — a file of a task or of its thread, for whoever may see the
 * task (tasks.policy.ts; re-verified against its SHA-256, audited). Anyone else or a file not
 * attached yet: 404, never 403. Without a session: 401.
 */
import { openTaskAttachment } from "@/modules/tasks/tasks.attachments";
import { downloadResponse } from "@/server/http/download";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return downloadResponse(req, "polecenia-zalaczniki", (ctx) => openTaskAttachment(ctx, id));
}
