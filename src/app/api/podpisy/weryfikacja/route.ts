/**
 * POST /api/podpisy/weryfikacja — multipart/form-data: `file` (the signed file) and `signature`
 * (its detached .p7s). Answers the verification report (VerifyUploadedResult, dates as ISO strings)
 * or {error: "<Polish>"} with 4xx. Any signed-in staff member; audited in the service.
 */
import { env } from "@/env";
import { verifyUploaded } from "@/modules/signatures/signatures.signing.service";
import { actorFromRequest } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";

const STATUS = { BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, TOO_MANY_REQUESTS: 429 } as const;

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });

function sameOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  if (!origin) return true;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export async function POST(req: Request): Promise<Response> {
  if (!sameOrigin(req)) return json({ error: "Żądanie z innej witryny zostało odrzucone." }, 403);
  const db = await getDb();
  const actor = await actorFromRequest(db, req);
  if (!actor) return json({ error: "Sesja wygasła. Zaloguj się ponownie." }, 401);
  const length = Number(req.headers.get("content-length") ?? "0");
  if (length > env.MAX_UPLOAD_MB * 1024 * 1024 * 2 + 1024 * 1024) return json({ error: `Pliki są za duże — najwyżej ${env.MAX_UPLOAD_MB} MB każdy.` }, 413);
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    return json({ error: "Nie udało się odczytać przesłanych plików. Spróbuj ponownie." }, 400);
  }
  const file = form.get("file");
  const signature = form.get("signature");
  if (typeof file === "string" || !file) return json({ error: "Wybierz podpisany plik." }, 400);
  if (typeof signature === "string" || !signature) return json({ error: "Wybierz plik podpisu (.p7s)." }, 400);
  try {
    const meta = { ip: req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null, userAgent: req.headers.get("user-agent") };
    const report = await verifyUploaded(
      { db, actor, meta },
      { fileName: file.name, fileBytes: new Uint8Array(await file.arrayBuffer()), signatureFileName: signature.name, p7sBytes: new Uint8Array(await signature.arrayBuffer()) },
    );
    return json(report);
  } catch (error) {
    if (error instanceof AppError) return json({ error: error.userMessage }, STATUS[error.code]);
    console.error("[podpisy] verification failed", error);
    return json({ error: "Wystąpił nieoczekiwany błąd. Spróbuj ponownie za chwilę." }, 500);
  }
}
