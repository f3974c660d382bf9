/** GET /api/esp/pisma/<id>/pliki/<fileId> — a file of an office letter, once the signed-in citizen confirmed receipt. */
import { cookies } from "next/headers";
import { findEspSession } from "@/modules/esp/esp.auth.service";
import { isDeliveryId, openDeliveryFile } from "@/modules/esp/esp.delivery.service";
import { ESP_SESSION_COOKIE } from "@/modules/esp/esp.schemas";
import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string; fileId: string }> }): Promise<Response> {
  const { id, fileId } = await params;
  const db = await getDb();
  const account = await findEspSession(db, (await cookies()).get(ESP_SESSION_COOKIE)?.value);
  if (!account) return new Response("Zaloguj się do skrzynki podawczej, aby pobrać plik.", { status: 401 });
  if (!isDeliveryId(id) || !/^[a-z0-9]{10,40}$/.test(fileId)) return new Response("Nie znaleziono.", { status: 404 });
  try {
    const file = await openDeliveryFile(db, account.id, id, fileId);
    return new Response(Buffer.from(file.bytes), {
      headers: {
        "Content-Type": file.mimeType,
        "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof AppError) return new Response(error.userMessage, { status: error.code === "NOT_FOUND" ? 404 : 409 });
    throw error;
  }
}
