import { expect, test, type Page } from "@playwright/test";
import { expectNoViolations } from "../axe";

// Independent checks: spread over both workers.
test.describe.configure({ mode: "parallel" });

/**
 * The public BIP, as a citizen reads it (no sign-in, at 1280 and 360 px): the mandatory elements
 * on every page, an announcement with its metadata, its change register with both versions and
 * the old version still readable, search without Polish letters, the feeds and the open-data API,
 * and axe on every public page type.
 */


/** The demo announcement published in two versions (prisma/seed/demo-bip.ts). */
const TWO_VERSIONS = "Ogłoszenie o przetargu na sprzedaż nieruchomości w Lutoryżu";

async function openAnnouncement(page: Page): Promise<string> {
  await page.goto("/bip/ogloszenia");
  await page.getByRole("link", { name: TWO_VERSIONS }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: TWO_VERSIONS })).toBeVisible();
  return new URL(page.url()).pathname;
}

test("every BIP page carries the BIP logo, the search, the menu and the editors' contacts; an announcement shows who produced and entered it and when", async ({ page }) => {
  await page.goto("/bip");
  const logo = page.getByRole("link", { name: /BIP — Biuletyn Informacji Publicznej/ }).first();
  await expect(logo).toHaveAttribute("href", "https://www.gov.pl/web/bip");
  await expect(page.getByRole("search")).toBeVisible();
  await expect(page.getByRole("contentinfo")).toContainText(/Redakcja|redakcja/);

  const path = await openAnnouncement(page);
  const meta = page.locator("main");
  for (const label of ["Podmiot udostępniający", "Informację wytworzył", "Informację wprowadził", "Data wytworzenia", "Data i godzina publikacji", "Liczba odsłon"]) {
    await expect(meta.getByText(label, { exact: false }).first()).toBeVisible();
  }
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`${path}$`));

  // The change register: both versions, the difference, and version 1 still readable as it was.
  await page.getByRole("link", { name: /Rejestr zmian/ }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Rejestr zmian");
  const rows = page.getByRole("table").first().getByRole("row");
  await expect(rows).toHaveCount(3); // header + 2 versions
  await expect(page.locator("ins, del").first()).toBeVisible();
  await page.goto(`${path}/wersja/1`);
  await expect(page.getByRole("heading", { level: 1, name: TWO_VERSIONS })).toBeVisible();
  await expect(page.locator("main")).toContainText("Oglądasz archiwalną wersję 1 tej informacji.");
});

test("search finds an announcement typed without Polish letters; the feeds and the open-data API answer", async ({ page, request }) => {
  await page.goto("/bip/szukaj?q=lutoryz");
  await expect(page.getByRole("link", { name: TWO_VERSIONS }).first()).toBeVisible();
  const rss = await request.get("/bip/ogloszenia.rss");
  expect(rss.status()).toBe(200);
  expect(rss.headers()["content-type"]).toContain("xml");
  expect(await rss.text()).toContain("<rss");
  const api = await request.get("/api/bip/artykuly");
  expect(api.status()).toBe(200);
  const body = await api.json();
  expect(JSON.stringify(body)).toContain("Lutory");
  expect((await request.get("/sitemap.xml")).status()).toBe(200);
  expect(await (await request.get("/robots.txt")).text()).toContain("Sitemap");
});

const PUBLIC_PAGES = [
  "/bip",
  "/bip/o-urzedzie",
  "/bip/ogloszenia",
  "/bip/struktura-organizacyjna",
  "/bip/jak-zalatwic-sprawe",
  "/bip/podpisy-elektroniczne",
  "/bip/deklaracja-dostepnosci",
  "/bip/instrukcja-korzystania",
  "/bip/informacje-nieudostepnione",
  "/bip/redakcja",
  "/bip/archiwum",
  "/bip/szukaj?q=przetarg",
];

// axe on the public pages at 360 px, where citizens mostly read them (the same HTML serves 1280 px; CI time budget).
for (const url of PUBLIC_PAGES) {
  test(`${url} has no WCAG 2.1 A/AA violations`, async ({ page, isMobile }) => {
    test.skip(!isMobile, "checked at 360 px");
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoViolations(page, url);
  });
}

test("an article, its change register, an old version and the print view have no WCAG 2.1 A/AA violations", async ({ page, isMobile }) => {
  test.skip(!isMobile, "checked at 360 px");
  const path = await openAnnouncement(page);
  for (const url of [path, `${path}/zmiany`, `${path}/wersja/1`, `${path}/druk`]) {
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoViolations(page, url);
  }
});
