import { describe, expect, it } from "vitest";
import { escapeXml, renderAtom, renderRss } from "./bip.feeds";

const info = { title: "Ogłoszenia — Urząd", description: "Najnowsze", siteUrl: "https://e.test/bip", feedUrl: "https://e.test/bip/ogloszenia.rss", updated: new Date("2026-11-20T10:00:00Z") };
const items = [{ url: "https://e.test/bip/artykul/7", title: "Przetarg <pilny> & ważny", summary: "Żółć \u0001", published: new Date("2026-11-19T08:00:00Z"), updated: new Date("2026-11-20T10:00:00Z"), author: "Wydział" }];

describe("bip feeds", () => {
  it("escapes XML and drops control characters", () => {
    expect(escapeXml(`a<b>&"'\u0002`)).toBe("a&lt;b&gt;&amp;&quot;&apos;");
  });
  it("renders RSS 2.0 with a self link and RFC 822 dates", () => {
    const xml = renderRss(info, items);
    expect(xml).toContain("<title>Przetarg &lt;pilny&gt; &amp; ważny</title>");
    expect(xml).toContain("<pubDate>Thu, 19 Nov 2026 08:00:00 GMT</pubDate>");
    expect(xml).toContain('rel="self"');
    expect(xml).not.toContain("\u0001");
  });
  it("renders Atom 1.0 with ids and ISO dates", () => {
    const xml = renderAtom(info, items);
    expect(xml).toContain("<id>https://e.test/bip/artykul/7</id>");
    expect(xml).toContain("<updated>2026-11-20T10:00:00.000Z</updated>");
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
  });
});
