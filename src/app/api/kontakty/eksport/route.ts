/**
 * GET /api/kontakty/eksport?q=…&rodzaj=… — the filtered contacts list as CSV for Excel (";"
 * separated, UTF-8 with BOM, the import's columns). Only "contacts.manage"; each export is audited.
 */
import { contactListInputFromParams } from "@/modules/contacts/contacts.params";
import { exportContactsCsv } from "@/modules/contacts/contacts.service";
import { todayInPoland } from "@/lib/i18n/translator";
import { actorFromRequest } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";

const HEADERS = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

function problem(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...HEADERS, "Content-Type": "text/plain; charset=utf-8" } });
}

export async function GET(req: Request): Promise<Response> {
  const db = await getDb();
  const actor = await actorFromRequest(db, req);
  if (!actor) return problem(401, "Sesja wygasła. Zaloguj się ponownie.");
  const { q, kind } = contactListInputFromParams(new URL(req.url).searchParams);
  try {
    const meta = { ip: req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null, userAgent: req.headers.get("user-agent") };
    const { csv } = await exportContactsCsv({ db, actor, meta }, { q, kind });
    const name = `kontakty-${todayInPoland()}.csv`;
    return new Response(csv, {
      status: 200,
      headers: { ...HEADERS, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}` },
    });
  } catch (error) {
    if (error instanceof AppError && error.code === "FORBIDDEN") return problem(403, "Nie masz uprawnień do eksportu kontaktów.");
    if (error instanceof AppError) return problem(400, error.userMessage);
    console.error("[kontakty] export failed", error);
    return problem(500, "Wystąpił nieoczekiwany błąd. Spróbuj ponownie za chwilę.");
  }
}
