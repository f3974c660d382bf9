/** RSS 2.0 of the BIP announcements (Ogłoszenia). */
import { announcementsFeed } from "@/modules/bip/components/public/feed-response";

export const dynamic = "force-dynamic";

export function GET(): Promise<Response> {
  return announcementsFeed("rss");
}
