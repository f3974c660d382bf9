/** Shared by the cases PDF routes: the signed-in actor, the PDF response, errors as plain text. */
import { contentDisposition } from "@/modules/files/files.http";
import { actorFromRequest } from "@/server/auth/session";
import type { ServiceContext } from "@/server/context";
import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

export async function servePdf(req: Request, render: (ctx: ServiceContext) => Promise<{ bytes: Uint8Array; fileName: string } | null>): Promise<Response> {
  const db = await getDb();
  const actor = await actorFromRequest(db, req);
  if (!actor) return text("Zaloguj się, aby pobrać dokument.", 401);
  try {
    const meta = { ip: req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null, userAgent: req.headers.get("user-agent") };
    const pdf = await render({ db, actor, meta });
    if (!pdf) return text("Wybierz komórkę, klasę JRWA i rok.", 400);
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
