/**
 * POST /api/esp/formularz/<code> — the ESP form (multipart): fields, idempotencyKey, attachments.
 * Success → 303 to the receipt page (the access code handed over once); a refused form → 303 back
 * to the form with its values and errors (works without JavaScript). Logic in submitToEsp.
 */
import { cookies } from "next/headers";
import { ESP_SESSION_COOKIE, MAX_FILES, MAX_TOTAL_MB } from "@/modules/esp/esp.schemas";
import { findEspSession } from "@/modules/esp/esp.auth.service";
import { isEspFormCode } from "@/modules/esp/esp.forms";
import { metaOf, sameOrigin } from "@/modules/esp/esp.session";
import { stashPut, type FormStash } from "@/modules/esp/esp.stash";
import { submitToEsp } from "@/modules/esp/esp.submit.service";
import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { getLocale } from "@/server/i18n";

const see = (req: Request, path: string) => Response.redirect(new URL(path, req.url), 303);

export async function POST(req: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> {
  const { code } = await params;
  if (!isEspFormCode(code)) return new Response("Nie ma takiego formularza.", { status: 404 });
  if (!sameOrigin(req.headers)) return new Response("Żądanie z innej witryny zostało odrzucone.", { status: 403 });
  const db = await getDb();
  const account = await findEspSession(db, (await cookies()).get(ESP_SESSION_COOKIE)?.value);
  if (!account) return see(req, "/esp/logowanie");
  const back = (stash: FormStash) => see(req, `/esp/formularz/${code}?stan=${stashPut(account.id, stash)}`);

  if (Number(req.headers.get("content-length") ?? "0") > (MAX_TOTAL_MB + 2) * 1024 * 1024) {
    return back({ values: {}, errors: { attachments: `Pliki są razem za duże — najwyżej ${MAX_TOTAL_MB} MB.` }, message: null });
  }
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    return back({ values: {}, errors: {}, message: "Nie udało się odczytać formularza. Spróbuj ponownie." });
  }
  const fields: Record<string, string> = {};
  for (const [k, v] of form) if (typeof v === "string" && k !== "idempotencyKey") fields[k] = v.slice(0, 25_000);
  const files = form
    .getAll("attachments")
    .filter((f): f is File => typeof f !== "string" && (f.size > 0 || f.name !== ""))
    .slice(0, MAX_FILES + 1);
  try {
    const result = await submitToEsp(
      db,
      {
        account,
        formCode: code,
        idempotencyKey: String(form.get("idempotencyKey") ?? ""),
        fields,
        files: await Promise.all(files.map(async (f) => ({ fileName: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))),
      },
      metaOf(req.headers),
      { locale: await getLocale() },
    );
    if (result.accessCode) stashPut(account.id, result.accessCode, `code:${result.number}`);
    return see(req, `/esp/zlozone/${result.slug}`);
  } catch (error) {
    if (error instanceof AppError) return back({ values: fields, errors: error.fieldErrors ?? {}, message: error.userMessage });
    console.error("[esp] submission failed", error);
    return back({ values: fields, errors: {}, message: "Wystąpił nieoczekiwany błąd. Pismo nie zostało złożone. Spróbuj ponownie za chwilę." });
  }
}
