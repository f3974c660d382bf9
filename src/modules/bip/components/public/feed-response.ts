/** Builds the announcements feed (RSS or Atom) response for the route handlers. */
import "server-only";
import { env } from "@/env";
import { createTranslator } from "@/lib/i18n/translator";
import { getDb } from "@/server/db";
import { renderAtom, renderRss, type FeedItem } from "../../bip.feeds";
import { bipArticleHref } from "../../bip.schemas";
import { getBipSettings, listAnnouncements } from "../../bip.public.service";

export async function announcementsFeed(kind: "rss" | "atom"): Promise<Response> {
  const db = await getDb();
  const [items, settings] = await Promise.all([listAnnouncements(db, 30), getBipSettings(db)]);
  const base = env.APP_URL.replace(/\/+$/, "");
  const t = createTranslator("pl");
  const name = settings.publisher || "Urząd";
  const feedItems: FeedItem[] = items.map((a) => ({
    url: `${base}${bipArticleHref(a.seq)}`,
    title: a.title,
    summary: a.summary,
    published: a.firstPublishedAt,
    updated: a.publishedAt,
    author: a.producedBy,
  }));
  const info = {
    title: t("bip.feed.title", { name }),
    description: t("bip.feed.description", { name }),
    siteUrl: `${base}/bip`,
    feedUrl: `${base}/bip/ogloszenia.${kind}`,
    updated: items.reduce((max, a) => (a.publishedAt > max ? a.publishedAt : max), new Date(0)),
  };
  const xml = kind === "rss" ? renderRss(info, feedItems) : renderAtom(info, feedItems);
  return new Response(xml, {
    headers: { "Content-Type": kind === "rss" ? "application/rss+xml; charset=utf-8" : "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
