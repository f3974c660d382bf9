/**
 * POST /api/realtime/auth — signs a browser's subscription to a private or presence channel
 * (the Pusher channel-authorization protocol: form fields socket_id and channel_name), after
 * checking that the signed-in user may join it (src/modules/realtime/realtime.channels.ts).
 */
import { authorizeChannel } from "@/modules/realtime/realtime.service";
import { actorFromRequest } from "@/server/auth/session";
import { getDb } from "@/server/db";

export async function POST(req: Request): Promise<Response> {
  const db = await getDb();
  const actor = await actorFromRequest(db, req);
  const headers = { "Cache-Control": "no-store" };
  if (!actor) return Response.json({ error: "Sesja wygasła. Zaloguj się ponownie." }, { status: 401, headers });
  const form = await req.formData().catch(() => null);
  const socketId = String(form?.get("socket_id") ?? "");
  const channel = String(form?.get("channel_name") ?? "");
  const result = await authorizeChannel(db, actor, socketId, channel);
  if (!result.ok) return Response.json({ error: result.error }, { status: result.status, headers });
  return Response.json(result.auth, { headers });
}
