/** GET /api/ksiazka-nadawcza/<id>/pdf — the printable dispatch book (kancelaria only; unknown → 404). */
import { contentDisposition } from "@/modules/files/files.http";
import { renderDispatchBookPdf } from "@/modules/outgoing/dispatch-book.service";
import { actorFromRequest } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const db = await getDb();
  const actor = await actorFromRequest(db, req);
  if (!actor) return new Response("Zaloguj się, aby pobrać książkę nadawczą.", { status: 401, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const { id } = await params;
  try {
    const meta = { ip: req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null, userAgent: req.headers.get("user-agent") };
    const pdf = await renderDispatchBookPdf({ db, actor, meta }, id);
    return new Response(Buffer.from(pdf.bytes), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": contentDisposition(pdf.fileName, true),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof AppError) {
      const status = error.code === "FORBIDDEN" ? 403 : error.code === "NOT_FOUND" ? 404 : 400;
      return new Response(error.userMessage, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }
    throw error;
  }
}
