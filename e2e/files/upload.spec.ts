/**
 * Files on a letter, through the screens: the kancelaria registers a paper letter with its scan,
 * previews and downloads it on the letter's page, adds another file there; a clerk of another
 * department gets 404 for the file. (Relies on the letters registration form's labels.)
 */
import { expect, test } from "@playwright/test";
import { DEMO, signIn, signOut, uniqueSuffix } from "../helpers";

// Multi-person flows run at 1280 px; the 360 px path of the same screens is covered by e2e/kancelaria/journey.spec.ts and the a11y checks.
test.skip(({ isMobile }) => isMobile, "desktop only");

const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/MediaBox[0 0 200 200]/Parent 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF",
);
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

test("a scan registered with a letter is previewed, downloaded, extended and hidden from another department", async ({ page }, info) => {
  test.slow(); // two sign-ins, a registration and three uploads
  const suffix = uniqueSuffix(info);
  const scanName = `Skan wniosku ${suffix} – Żółć.pdf`;
  await signIn(page, DEMO.kancelaria, { to: "/pisma/przychodzace/nowe" });
  const sender = page.getByRole("combobox", { name: "Nadawca" });
  await sender.fill("Transbud");
  await page.getByRole("option", { name: /Transbud Rzeszów/ }).first().click();
  await page.getByRole("textbox", { name: "Dotyczy" }).fill(`Wniosek o zajęcie pasa drogowego ${suffix}`);
  await page.getByLabel("Skany i załączniki").setInputFiles([{ name: scanName, mimeType: "application/pdf", buffer: PDF }]);
  await page.getByRole("button", { name: "Zarejestruj" }).click();
  await expect(page.getByText(/Zarejestrowano pismo/)).toBeVisible({ timeout: 20_000 });
  await page.getByRole("link", { name: "Przejdź do pisma" }).click();
  await expect(page).toHaveURL(/\/pisma\/przychodzace\/[^/]+$/);

  const files = page.getByTestId("document-files");
  const list = files.getByRole("list", { name: "Pliki pisma" });
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list).toContainText(scanName);
  await expect(list).toContainText("Skan");

  // Preview in a dialog: the PDF in a same-origin frame.
  await files.getByRole("button", { name: `Podgląd pliku ${scanName}` }).click();
  const dialog = page.getByRole("dialog", { name: `Podgląd: ${scanName}` });
  await expect(dialog.locator("iframe")).toHaveAttribute("title", `Podgląd dokumentu ${scanName}`);
  await dialog.getByRole("button", { name: "Zamknij podgląd" }).click();
  await expect(dialog).toBeHidden();

  // Download: the bytes, a Polish file name, no caching, no sniffing.
  const href = await files.getByRole("link", { name: `Pobierz plik ${scanName}` }).getAttribute("href");
  const download = await page.request.get(href!);
  expect(download.status()).toBe(200);
  expect(Buffer.from(await download.body())).toEqual(PDF);
  expect(download.headers()).toMatchObject({ "content-type": "application/pdf", "cache-control": "private, no-store" });
  expect(download.headers()["content-disposition"]).toContain(`filename*=UTF-8''${encodeURIComponent(scanName)}`);
  expect(download.headers()["x-content-type-options"]).toContain("nosniff");
  expect((await page.request.get(`${href}?podglad=1`)).headers()["content-disposition"]).toMatch(/^inline;/);

  // Another file on the letter's page; a spoofed one is refused in Polish.
  await files.getByLabel("Rodzaj dodawanych plików").selectOption({ label: "Załącznik" });
  await files.getByLabel("Dodaj pliki").setInputFiles([{ name: `mapa ${suffix}.png`, mimeType: "image/png", buffer: PNG }]);
  await expect(files.getByRole("status").filter({ hasText: "Dodano 1 plik." })).toBeVisible();
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await files.getByRole("button", { name: `Podgląd pliku mapa ${suffix}.png` }).click();
  await expect(page.getByRole("dialog").getByRole("img", { name: `mapa ${suffix}.png` })).toBeVisible();
  await page.keyboard.press("Escape");
  await files.getByLabel("Dodaj pliki").setInputFiles([{ name: "faktura.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html></html>") }]);
  await expect(files.getByRole("alert")).toContainText("Nie udało się dodać plików: Zawartość pliku „faktura.pdf” nie jest prawidłowym plikiem PDF");

  // A clerk of another department: 404 for the file, by URL and by API.
  await signOut(page);
  await signIn(page, DEMO.skarbnik);
  const hidden = await page.request.get(href!, { headers: { Accept: "application/json" } });
  expect(hidden.status()).toBe(404);
  const response = await page.goto(href!);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Nie znaleziono pliku" })).toBeVisible();
});
