/**
 * POST /api/pliki — multipart/form-data: documentId, kind (SCAN | ATTACHMENT), one or more `file`.
 * Answers {files: DocumentFileDto[]} or {error: "<Polish>"} with 4xx. Authorization in the service.
 */
import { env } from "@/env";
import { ZUploadFields } from "@/modules/files/files.schemas";
import { storeDocumentFiles } from "@/modules/files/files.service";
import { actorFromRequest } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";

const STATUS = { BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, TOO_MANY_REQUESTS: 429 } as const;

const json = (body: unknown, status = 200) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });

/** A cross-site form must not post files with the user's cookie (SameSite=Lax covers most, this the rest). */
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
  if (length > env.MAX_UPLOAD_MB * 1024 * 1024 * 20 + 1024 * 1024) {
    return json({ error: `Za dużo danych naraz — najwyżej 20 plików po ${env.MAX_UPLOAD_MB} MB.` }, 413);
  }
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    return json({ error: "Nie udało się odczytać przesłanych plików. Spróbuj ponownie." }, 400);
  }
  const fields = ZUploadFields.safeParse({ documentId: form.get("documentId") ?? undefined, kind: form.get("kind") || undefined });
  if (!fields.success) return json({ error: fields.error.issues[0]?.message ?? "Niepoprawne dane formularza." }, 400);
  const files = form.getAll("file").filter((f): f is File => typeof f !== "string");

  try {
    const meta = { ip: req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null, userAgent: req.headers.get("user-agent") };
    const stored = await storeDocumentFiles(
      { db, actor, meta },
      {
        documentId: fields.data.documentId,
        kind: fields.data.kind,
        files: await Promise.all(files.map(async (f) => ({ fileName: f.name, mimeType: f.type, bytes: new Uint8Array(await f.arrayBuffer()) }))),
      },
    );
    return json({ files: stored }, 201);
  } catch (error) {
    if (error instanceof AppError) return json({ error: error.userMessage }, STATUS[error.code]);
    console.error("[pliki] upload failed", error);
    return json({ error: "Wystąpił nieoczekiwany błąd. Spróbuj ponownie za chwilę." }, 500);
  }
}
