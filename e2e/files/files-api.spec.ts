import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "../helpers";

// Form-heavy flows run at 1280 px; the 360 px layout of these pages is checked by e2e/a11y and the main journey.
test.skip(({ isMobile }) => isMobile, "desktop only");

test("file routes answer 401 without a session and 404 (never 403) for files and documents one cannot see", async ({ page }) => {
  const anonymous = await page.request.get("/api/pliki/nie-ma-takiego", { headers: { Accept: "application/json" } });
  expect(anonymous.status()).toBe(401);
  const anonymousUpload = await page.request.post("/api/pliki", { multipart: { documentId: "x", kind: "SCAN", file: { name: "a.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7\n") } } });
  expect(anonymousUpload.status()).toBe(401);
  expect(await anonymousUpload.json()).toEqual({ error: "Sesja wygasła. Zaloguj się ponownie." });

  await signIn(page, DEMO.pracownik);
  const missing = await page.request.get("/api/pliki/nie-ma-takiego", { headers: { Accept: "application/json" } });
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toEqual({ error: "Nie znaleziono takiego pliku albo nie masz do niego dostępu." });

  // In the browser the same answer is a Polish page.
  const response = await page.goto("/api/pliki/nie-ma-takiego?podglad=1");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Nie znaleziono pliku" })).toBeVisible();

  const upload = await page.request.post("/api/pliki", {
    multipart: { documentId: "nie-ma-takiego", kind: "SCAN", file: { name: "skan.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7\n%%EOF") } },
  });
  expect(upload.status()).toBe(404);
  expect(await upload.json()).toEqual({ error: "Nie znaleziono takiego pisma albo nie masz do niego dostępu." });

  const spoofed = await page.request.post("/api/pliki", {
    multipart: { documentId: "nie-ma-takiego", kind: "ATTACHMENT", file: { name: "faktura.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html><script>alert(1)</script>") } },
  });
  expect(spoofed.status()).toBe(400);
  expect((await spoofed.json()).error).toMatch(/^Zawartość pliku „faktura.pdf” nie jest prawidłowym plikiem PDF/);
});
