/**
 * RSS 2.0 and Atom 1.0 documents of the announcements. Pure (strings in, XML out); the route
 * handlers load the items through the public service.
 */
export interface FeedItem {
  url: string;
  title: string;
  summary: string;
  published: Date;
  updated: Date;
  author: string;
}

export interface FeedInfo {
  title: string;
  description: string;
  siteUrl: string;
  feedUrl: string;
  updated: Date;
}

export const escapeXml = (s: string) =>
  s
    // XML 1.0 forbids most control characters.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");

export function renderRss(info: FeedInfo, items: readonly FeedItem[]): string {
  const entries = items
    .map(
      (i) => `    <item>
      <title>${escapeXml(i.title)}</title>
      <link>${escapeXml(i.url)}</link>
      <guid isPermaLink="true">${escapeXml(i.url)}</guid>
      <description>${escapeXml(i.summary)}</description>
      <pubDate>${i.published.toUTCString()}</pubDate>
    </item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escapeXml(info.title)}</title>
    <link>${escapeXml(info.siteUrl)}</link>
    <description>${escapeXml(info.description)}</description>
    <language>pl</language>
    <lastBuildDate>${info.updated.toUTCString()}</lastBuildDate>
    <atom:link href="${escapeXml(info.feedUrl)}" rel="self" type="application/rss+xml"/>
${entries}
  </channel>
</rss>
`;
}

export function renderAtom(info: FeedInfo, items: readonly FeedItem[]): string {
  const entries = items
    .map(
      (i) => `  <entry>
    <title>${escapeXml(i.title)}</title>
    <link href="${escapeXml(i.url)}"/>
    <id>${escapeXml(i.url)}</id>
    <published>${i.published.toISOString()}</published>
    <updated>${i.updated.toISOString()}</updated>
    <author><name>${escapeXml(i.author)}</name></author>
    <summary>${escapeXml(i.summary)}</summary>
  </entry>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="pl">
  <title>${escapeXml(info.title)}</title>
  <subtitle>${escapeXml(info.description)}</subtitle>
  <link href="${escapeXml(info.siteUrl)}"/>
  <link rel="self" type="application/atom+xml" href="${escapeXml(info.feedUrl)}"/>
  <id>${escapeXml(info.feedUrl)}</id>
  <updated>${info.updated.toISOString()}</updated>
${entries}
</feed>
`;
}
