/**
 * The common part of the multipart upload routes (files of a letter, a file and its signature to
 * verify): same-origin check, the signed-in user, a size limit, the parsed form, and the mapping of
 * service errors to HTTP answers with a Polish message.
 */
import "server-only";
import { env } from "@/env";
import { actorFromRequest } from "@/server/auth/session";
import type { Actor, RequestMeta } from "@/server/context";
import { getDb, type Db } from "@/server/db";
import { AppError } from "@/server/errors";

const STATUS = { BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, TOO_MANY_REQUESTS: 429 } as const;

export const jsonResponse = (body: unknown, status = 200) => Response.json(body, { status, headers: { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });

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

export interface OpenedUpload {
  ctx: { db: Db; actor: Actor; meta: RequestMeta };
  form: FormData;
}

/** Checks and reads an upload; answers the Response to send instead when something is wrong. */
export async function openUpload(req: Request, limit: { maxBytes: number; tooLarge: string }): Promise<OpenedUpload | Response> {
  if (!sameOrigin(req)) return jsonResponse({ error: "Żądanie z innej witryny zostało odrzucone." }, 403);
  const db = await getDb();
  const actor = await actorFromRequest(db, req);
  if (!actor) return jsonResponse({ error: "Sesja wygasła. Zaloguj się ponownie." }, 401);
  if (Number(req.headers.get("content-length") ?? "0") > limit.maxBytes) return jsonResponse({ error: limit.tooLarge }, 413);
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    return jsonResponse({ error: "Nie udało się odczytać przesłanych plików. Spróbuj ponownie." }, 400);
  }
  const meta = { ip: req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null, userAgent: req.headers.get("user-agent") };
  return { ctx: { db, actor, meta }, form };
}

/** A service error as its HTTP answer (Polish message); anything else is logged and answered 500. */
export function errorResponse(error: unknown, where: string): Response {
  if (error instanceof AppError) return jsonResponse({ error: error.userMessage }, STATUS[error.code]);
  console.error(`[${where}] failed`, error);
  return jsonResponse({ error: "Wystąpił nieoczekiwany błąd. Spróbuj ponownie za chwilę." }, 500);
}

/** The size limit of a route that takes one file (and small form fields). */
export const oneFileLimit = () => ({ maxBytes: env.MAX_UPLOAD_MB * 1024 * 1024 + 1024 * 1024, tooLarge: `Plik jest za duży — najwyżej ${env.MAX_UPLOAD_MB} MB.` });

/**
 * A route that takes exactly one `file` and stores it as a pending attachment of the caller:
 * answers {attachment} 201, or {error: "<Polish>"} with 4xx.
 */
export async function uploadOneFile<T>(req: Request, where: string, store: (ctx: OpenedUpload["ctx"], file: { fileName: string; bytes: Uint8Array }) => Promise<T>): Promise<Response> {
  const upload = await openUpload(req, oneFileLimit());
  if (upload instanceof Response) return upload;
  const files = upload.form.getAll("file");
  const file = files[0];
  if (!file || typeof file === "string") return jsonResponse({ error: "Wybierz plik." }, 400);
  if (files.length > 1) return jsonResponse({ error: "Pliki przesyła się po jednym." }, 400);
  try {
    const attachment = await store(upload.ctx, { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    return jsonResponse({ attachment }, 201);
  } catch (error) {
    return errorResponse(error, where);
  }
}
