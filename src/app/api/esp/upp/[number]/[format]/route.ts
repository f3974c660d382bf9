/** GET /api/esp/upp/<ESP-1-2026>/<xml|pdf> — the UPP of the signed-in citizen's own submission. */
import { espDownload } from "@/modules/esp/esp.http";
import { numberFromSlug } from "@/modules/esp/esp.schemas";
import { openUpp } from "@/modules/esp/esp.submit.service";

export async function GET(_req: Request, { params }: { params: Promise<{ number: string; format: string }> }): Promise<Response> {
  const { number: slug, format } = await params;
  const number = numberFromSlug(slug);
  return espDownload("Zaloguj się do skrzynki podawczej, aby pobrać potwierdzenie.", (db, accountId) =>
    number && (format === "xml" || format === "pdf") ? openUpp(db, accountId, number, format) : null,
  );
}
