import type { MetadataRoute } from "next";
import { env } from "@/env";
import { bipArticleHref, bipMenuHref } from "@/modules/bip/bip.schemas";
import { listSitemapEntries } from "@/modules/bip/bip.public.service";
import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

/** The public pages: the front page, the BIP menu pages and every published BIP article. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = env.APP_URL.replace(/\/+$/, "");
  const { menu, articles } = await listSitemapEntries(await getDb());
  return [
    { url: `${base}/`, changeFrequency: "monthly", priority: 0.6 },
    { url: `${base}/bip`, changeFrequency: "daily", priority: 1 },
    { url: `${base}/esp`, changeFrequency: "monthly", priority: 0.7 },
    ...menu.map((path) => ({ url: `${base}${bipMenuHref(path)}`, changeFrequency: "weekly" as const, priority: 0.7 })),
    ...articles.map((a) => ({ url: `${base}${bipArticleHref(a.seq)}`, lastModified: a.updatedAt, changeFrequency: "monthly" as const, priority: 0.5 })),
  ];
}
