/**
 * The view counter of a BIP article. The article page comes from the cache, so it cannot count its
 * views itself: it shows a 1×1 image from here (ViewBeacon), and each browser that loads the page
 * loads the image and counts one view — without JavaScript. Robots are not counted (isBot).
 */
import { recordArticleView } from "@/modules/bip/bip.public.service";
import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

/** A transparent 1×1 GIF. */
const PIXEL = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

export async function GET(req: Request, { params }: { params: Promise<{ seq: string }> }): Promise<Response> {
  const { seq } = await params;
  if (/^\d{1,9}$/.test(seq)) await recordArticleView(await getDb(), Number(seq), req.headers.get("user-agent"));
  return new Response(PIXEL, {
    headers: { "Content-Type": "image/gif", "Content-Length": String(PIXEL.length), "Cache-Control": "no-store", "X-Robots-Tag": "noindex" },
  });
}
