/**
 * GET /api/podpisy/<signatureId> — the detached CAdES signature (.p7s) of a file the user may see,
 * as an attachment, re-verified against its SHA-256. Missing or invisible → 404, never 403.
 */
import { contentDisposition } from "@/modules/files/files.http";
import { downloadSignature } from "@/modules/signatures/signatures.signing.service";
import { actorFromRequest } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";

const BASE_HEADERS = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const db = await getDb();
  const actor = await actorFromRequest(db, req);
  if (!actor) return Response.json({ error: "Sesja wygasła. Zaloguj się ponownie, aby pobrać podpis." }, { status: 401, headers: BASE_HEADERS });
  try {
    const meta = { ip: req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null, userAgent: req.headers.get("user-agent") };
    const { fileName, bytes } = await downloadSignature({ db, actor, meta }, id);
    return new Response(bytes as BodyInit, {
      status: 200,
      headers: { ...BASE_HEADERS, "Content-Type": "application/pkcs7-signature", "Content-Length": String(bytes.byteLength), "Content-Disposition": contentDisposition(fileName, false) },
    });
  } catch (error) {
    if (error instanceof AppError) {
      if (error.code === "NOT_FOUND" || error.code === "FORBIDDEN") return Response.json({ error: "Nie znaleziono takiego podpisu albo nie masz do niego dostępu." }, { status: 404, headers: BASE_HEADERS });
      return Response.json({ error: error.userMessage }, { status: error.code === "CONFLICT" ? 409 : 400, headers: BASE_HEADERS });
    }
    console.error("[podpisy] download failed", error);
    return Response.json({ error: "Wystąpił nieoczekiwany błąd. Spróbuj ponownie za chwilę." }, { status: 500, headers: BASE_HEADERS });
  }
}
