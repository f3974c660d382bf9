/**
 * GET /api/powiadomienia/<id> — opens a notification: marks it read and redirects to the letter or
 * case it is about (a plain link, so it works without JavaScript and in a new tab).
 */
import { NextResponse } from "next/server";
import { openNotification } from "@/modules/notifications/notifications.service";
import { actorFromRequest } from "@/server/auth/session";
import { getDb } from "@/server/db";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const db = await getDb();
  const actor = await actorFromRequest(db, req);
  const url = new URL(req.url);
  if (!actor) return NextResponse.redirect(new URL(`/logowanie?callbackUrl=${encodeURIComponent("/powiadomienia")}`, url), 303);
  const meta = { ip: null, userAgent: req.headers.get("user-agent") };
  const target = await openNotification({ db, actor, meta }, id.slice(0, 40));
  return NextResponse.redirect(new URL(target ?? "/powiadomienia", url), 303);
}
