/** GET /api/sprawy/<id>/metryka — the metryka sprawy as a PDF (invisible case → 404). */
import { renderMetrykaPdf } from "@/modules/cases/cases.pdf";
import { servePdf } from "../../pdf-response";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return servePdf(req, (ctx) => renderMetrykaPdf(ctx, id.slice(0, 64)));
}
