/**
 * The common part of the file download routes (documents, Komunikator, Polecenia): the signed-in user and the answers when something is wrong — 401 without a session, 404 for a file
 * that is missing or not the user's to see (never 403, so its existence does not leak), 409 for a
 * file that failed its SHA-256 check. A browser (Accept: text/html) gets a short Polish page.
 */
import "server-only";
import { fileResponseHeaders } from "@/modules/files/files.http";
import { actorFromRequest } from "@/server/auth/session";
import type { ServiceContext } from "@/server/context";
import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";

function problem(req: Request, status: number, title: string, text: string): Response {
  const headers = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
  if (!(req.headers.get("accept") ?? "").includes("text/html")) return Response.json({ error: text }, { status, headers });
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const html = `<!doctype html><html lang="pl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)} — Obieg</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#0f172a"><h1>${esc(title)}</h1><p>${esc(text)}</p><p><a href="/pulpit">Wróć do pulpitu</a></p></body></html>`;
  return new Response(html, { status, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
}

/** Serves what `open` returns: as a download, or inline when `open` says so (only types a browser shows safely). */
export async function downloadResponse(
  req: Request,
  where: string,
  open: (ctx: ServiceContext) => Promise<{ file: { fileName: string; mimeType: string; size: number }; bytes: Uint8Array; inline?: boolean }>,
): Promise<Response> {
  const db = await getDb();
  const actor = await actorFromRequest(db, req);
  if (!actor) return problem(req, 401, "Zaloguj się", "Sesja wygasła. Zaloguj się ponownie, aby pobrać plik.");
  try {
    const meta = { ip: req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null, userAgent: req.headers.get("user-agent") };
    const { file, bytes, inline = false } = await open({ db, actor, meta });
    return new Response(bytes as BodyInit, { status: 200, headers: fileResponseHeaders(file, inline) });
  } catch (error) {
    if (error instanceof AppError) {
      if (error.code === "NOT_FOUND" || error.code === "FORBIDDEN") return problem(req, 404, "Nie znaleziono pliku", "Nie znaleziono takiego pliku albo nie masz do niego dostępu.");
      return problem(req, error.code === "CONFLICT" ? 409 : 400, "Nie można pobrać pliku", error.userMessage);
    }
    console.error(`[${where}] download failed`, error);
    return problem(req, 500, "Błąd", "Wystąpił nieoczekiwany błąd. Spróbuj ponownie za chwilę.");
  }
}
