/**
 * POST /api/esp/pisma/<id>/potwierdz — the citizen confirms receipt of an office letter (plain form,
 * works without JavaScript): the UPD is issued and the page of the letter shown (303). A repeated
 * post (double click, back button) confirms once. Logic in confirmReceipt.
 */
import { cookies } from "next/headers";
import { findEspSession } from "@/modules/esp/esp.auth.service";
import { confirmReceipt, isDeliveryId } from "@/modules/esp/esp.delivery.service";
import { ESP_SESSION_COOKIE } from "@/modules/esp/esp.schemas";
import { metaOf, sameOrigin } from "@/modules/esp/esp.session";
import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";

const see = (req: Request, path: string) => Response.redirect(new URL(path, req.url), 303);

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  if (!isDeliveryId(id)) return new Response("Nie znaleziono.", { status: 404 });
  if (!sameOrigin(req.headers)) return new Response("Żądanie z innej witryny zostało odrzucone.", { status: 403 });
  const db = await getDb();
  const account = await findEspSession(db, (await cookies()).get(ESP_SESSION_COOKIE)?.value);
  if (!account) return see(req, `/esp/logowanie?dalej=${encodeURIComponent(`/esp/pisma/${id}`)}`);
  try {
    await confirmReceipt(db, account.id, id, metaOf(req.headers));
    return see(req, `/esp/pisma/${id}`);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return new Response(error.userMessage, { status: 404 });
    console.error("[esp] confirming receipt failed", error);
    return see(req, `/esp/pisma/${id}?blad=1`);
  }
}
