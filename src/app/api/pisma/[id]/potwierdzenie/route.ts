/** GET /api/pisma/<id>/potwierdzenie — the confirmation of receipt of an incoming letter as a PDF (invisible → 404). */
import { contentDisposition } from "@/modules/files/files.http";
import { renderLetterConfirmationPdf } from "@/modules/letters/letters.service";
import { actorFromRequest } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const db = await getDb();
  const actor = await actorFromRequest(db, req);
  if (!actor) return text("Zaloguj się, aby pobrać potwierdzenie.", 401);
  const { id } = await params;
  try {
    const meta = { ip: req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null, userAgent: req.headers.get("user-agent") };
    const pdf = await renderLetterConfirmationPdf({ db, actor, meta }, id.slice(0, 64));
    return new Response(Buffer.from(pdf.bytes), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": contentDisposition(pdf.fileName, true),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof AppError) return text(error.userMessage, error.code === "FORBIDDEN" ? 403 : error.code === "NOT_FOUND" ? 404 : 400);
    throw error;
  }
}
