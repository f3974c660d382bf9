/** GET /api/sprawy/<id>/zawiadomienie/<noticeId> — the art. 36 KPA notice as a PDF (invisible case → 404). */
import { renderDeadlineNoticePdf } from "@/modules/cases/cases.pdf";
import { servePdf } from "../../../pdf-response";

export async function GET(req: Request, { params }: { params: Promise<{ id: string; noticeId: string }> }): Promise<Response> {
  const { id, noticeId } = await params;
  return servePdf(req, (ctx) => renderDeadlineNoticePdf(ctx, id.slice(0, 64), noticeId.slice(0, 64)));
}
