/** GET /api/esp/upp/<ESP-1-2026>/<xml|pdf> — the UPP of the signed-in citizen's own submission. */
import { cookies } from "next/headers";
import { findEspSession } from "@/modules/esp/esp.auth.service";
import { ESP_SESSION_COOKIE, numberFromSlug } from "@/modules/esp/esp.schemas";
import { openUpp } from "@/modules/esp/esp.submit.service";
import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";

export async function GET(_req: Request, { params }: { params: Promise<{ number: string; format: string }> }): Promise<Response> {
  const { number: slug, format } = await params;
  const number = numberFromSlug(slug);
  const db = await getDb();
  const account = await findEspSession(db, (await cookies()).get(ESP_SESSION_COOKIE)?.value);
  if (!account) return new Response("Zaloguj się do skrzynki podawczej, aby pobrać potwierdzenie.", { status: 401 });
  if (!number || (format !== "xml" && format !== "pdf")) return new Response("Nie znaleziono.", { status: 404 });
  try {
    const file = await openUpp(db, account.id, number, format);
    return new Response(Buffer.from(file.bytes), {
      headers: {
        "Content-Type": file.mimeType,
        "Content-Disposition": `attachment; filename="${file.fileName}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof AppError) return new Response(error.userMessage, { status: error.code === "NOT_FOUND" ? 404 : 409 });
    throw error;
  }
}
