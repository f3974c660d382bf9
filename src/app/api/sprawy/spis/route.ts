/** GET /api/sprawy/spis?komorka=&jrwa=&rok= — the spis spraw as a PDF. */
import { renderCaseRegisterPdf } from "@/modules/cases/cases.pdf";
import { caseRegisterInputFromParams } from "@/modules/cases/cases.params";
import { servePdf } from "../pdf-response";

export async function GET(req: Request): Promise<Response> {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const input = caseRegisterInputFromParams(params);
  return servePdf(req, (ctx) => renderCaseRegisterPdf(ctx, { ...input, page: 1 }));
}
