/** GET /api/esp/upd/<delivery id>/<xml|pdf> — the UPD of the signed-in citizen's confirmed delivery. */
import { isDeliveryId, openUpd } from "@/modules/esp/esp.delivery.service";
import { espDownload } from "@/modules/esp/esp.http";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string; format: string }> }): Promise<Response> {
  const { id, format } = await params;
  return espDownload("Zaloguj się do skrzynki podawczej, aby pobrać poświadczenie.", (db, accountId) =>
    isDeliveryId(id) && (format === "xml" || format === "pdf") ? openUpd(db, accountId, id, format) : null,
  );
}
