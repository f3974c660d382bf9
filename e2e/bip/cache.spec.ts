import { expect, test, type APIRequestContext } from "@playwright/test";

/**
 * The BIP's articles are served from Next's cache (no database work per visit), yet each real
 * view is counted — by the counter image every article page shows, without JavaScript — and
 * robots' views are not. (Publishing a new version replaces the cached page: e2e/bip/editor.spec.ts.)
 */
test.skip(({ isMobile }) => isMobile, "one run is enough: the counts are shared by both projects");

const BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const ROBOT_UA = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

/** The stored view count, read from the print view (rendered for each request, counts nothing). */
async function storedViews(request: APIRequestContext, path: string): Promise<number> {
  const html = await (await request.get(`${path}/druk`)).text();
  const match = /Liczba odsłon<\/dt><dd[^>]*>([^<]+)<\/dd>/.exec(html);
  expect(match, "the print view shows the number of views").not.toBeNull();
  return Number(match![1]!.replace(/\D/g, ""));
}

test("an article comes from the cache and still counts every browser's view, but not robots'", async ({ request, browser }) => {
  const list = await (await request.get("/bip/ogloszenia")).text();
  const path = /href="(\/bip\/artykul\/\d+)"/.exec(list)?.[1];
  expect(path, "an announcement is listed").toBeTruthy();

  // The second answer comes from the cache; the page carries the counter image.
  expect((await request.get(path!)).status()).toBe(200);
  const cached = await request.get(path!);
  expect(cached.headers()["x-nextjs-cache"]).toMatch(/HIT|STALE/);
  expect(await cached.text()).toContain(`src="${path}/odslona"`);

  const before = await storedViews(request, path!);
  const pixel = await request.get(`${path}/odslona`, { headers: { "user-agent": BROWSER_UA } });
  expect(pixel.status()).toBe(200);
  expect(pixel.headers()["content-type"]).toBe("image/gif");
  expect(pixel.headers()["cache-control"]).toContain("no-store");
  await request.get(`${path}/odslona`, { headers: { "user-agent": ROBOT_UA } });
  expect(await storedViews(request, path!)).toBe(before + 1);

  // A reader's browser without JavaScript: opening the cached page counts one view.
  const context = await browser.newContext({ userAgent: BROWSER_UA, javaScriptEnabled: false });
  const reader = await context.newPage();
  await reader.goto(path!, { waitUntil: "load" });
  await expect(reader.getByRole("heading", { level: 1 })).toBeVisible();
  await context.close();
  await expect.poll(() => storedViews(request, path!)).toBe(before + 2);

});
