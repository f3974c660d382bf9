/** GET /api/esp/upd/<delivery id>/<xml|pdf> — the UPD of the signed-in citizen's confirmed delivery. */
import { cookies } from "next/headers";
import { findEspSession } from "@/modules/esp/esp.auth.service";
import { isDeliveryId, openUpd } from "@/modules/esp/esp.delivery.service";
import { ESP_SESSION_COOKIE } from "@/modules/esp/esp.schemas";
import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string; format: string }> }): Promise<Response> {
  const { id, format } = await params;
  const db = await getDb();
  const account = await findEspSession(db, (await cookies()).get(ESP_SESSION_COOKIE)?.value);
  if (!account) return new Response("Zaloguj się do skrzynki podawczej, aby pobrać poświadczenie.", { status: 401 });
  if (!isDeliveryId(id) || (format !== "xml" && format !== "pdf")) return new Response("Nie znaleziono.", { status: 404 });
  try {
    const file = await openUpd(db, account.id, id, format);
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
