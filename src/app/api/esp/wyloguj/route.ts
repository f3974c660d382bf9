/** POST /api/esp/wyloguj — ends the citizen's ESP session (row and cookie) and goes to the sign-in page. */
import { cookies } from "next/headers";
import { endEspSession } from "@/modules/esp/esp.auth.service";
import { ESP_SESSION_COOKIE } from "@/modules/esp/esp.schemas";
import { espCookieOptions, sameOrigin } from "@/modules/esp/esp.session";
import { getDb } from "@/server/db";

export async function POST(req: Request): Promise<Response> {
  if (!sameOrigin(req.headers)) return new Response("Żądanie z innej witryny zostało odrzucone.", { status: 403 });
  const jar = await cookies();
  await endEspSession(await getDb(), jar.get(ESP_SESSION_COOKIE)?.value);
  jar.set(ESP_SESSION_COOKIE, "", espCookieOptions(0));
  return Response.redirect(new URL("/esp/logowanie", req.url), 303);
}
