/** GET /api/esp/pisma/<id>/pliki/<fileId> — a file of an office letter, once the signed-in citizen confirmed receipt. */
import { isDeliveryId, openDeliveryFile } from "@/modules/esp/esp.delivery.service";
import { espDownload } from "@/modules/esp/esp.http";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string; fileId: string }> }): Promise<Response> {
  const { id, fileId } = await params;
  return espDownload("Zaloguj się do skrzynki podawczej, aby pobrać plik.", (db, accountId) =>
    isDeliveryId(id) && /^[a-z0-9]{10,40}$/.test(fileId) ? openDeliveryFile(db, accountId, id, fileId) : null,
  );
}
