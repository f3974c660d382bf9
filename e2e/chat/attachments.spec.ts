import { expect, test } from "@playwright/test";
import { generatedUsers } from "../../prisma/seed/demo-data";
import { expectNoViolations } from "../axe";
import { person, spareClerk } from "../helpers";

/**
 * Komunikator files: A attaches a PDF (keyboard-reachable "Załącz plik", upload shown as done) and
 * sends it without text; B downloads the same bytes with the right headers; a third person and a
 * visitor without a session get 404 and 401 for the same address.
 */
test.skip(({ isMobile }) => isMobile, "two people side by side: run once, at 1280 px");

const A_EMAIL = spareClerk("OS", 0);
const B_EMAIL = spareClerk("GP", 1);
const C_EMAIL = spareClerk("KO", 0);
const B = generatedUsers().find((u) => u.email === B_EMAIL)!;

test("A sends B a PDF; B downloads it; a third person's request for it is not found", async ({ browser, playwright }) => {
  const pdf = Buffer.from(`%PDF-1.7\n% Protokół ${Date.now().toString(36)}\n%%EOF\n`);
  const fileName = `Protokół odbioru ${Date.now().toString(36)}.pdf`;
  const a = await person(browser, A_EMAIL);
  await a.goto(`/struktura?q=${encodeURIComponent(B.lastName)}`);
  await a.getByRole("button", { name: `Napisz wiadomość do: ${B.firstName} ${B.lastName}` }).click();
  await expect(a).toHaveURL(/\/komunikator\/[a-z0-9]+$/);
  const conversationUrl = a.url();

  await a.getByLabel("Załącz plik").setInputFiles({ name: fileName, mimeType: "application/pdf", buffer: pdf });
  const pending = a.getByTestId("pending-files").getByRole("listitem").filter({ hasText: fileName });
  await expect(pending).toHaveAttribute("data-status", "ready");
  await expect(pending).toContainText("Przesłano");
  await expectNoViolations(a, "/komunikator/[id] with a file to send");
  await a.getByRole("button", { name: "Wyślij" }).click();
  await expect(a.getByTestId("pending-files")).toHaveCount(0);
  const sent = a.getByTestId("message").filter({ has: a.getByRole("link", { name: new RegExp(`Pobierz plik ${fileName}`) }) });
  await expect(sent).toBeVisible();
  await expectNoViolations(a, "/komunikator/[id] with a file sent");
  await expect(sent).toContainText(`(${pdf.byteLength} B)`);

  // B opens the conversation and downloads the file by its link.
  const b = await person(browser, B_EMAIL);
  await b.goto(conversationUrl);
  const link = b.getByRole("link", { name: new RegExp(`Pobierz plik ${fileName}`) });
  await expect(link).toBeVisible();
  const href = (await link.getAttribute("href"))!;
  expect(href).toMatch(/^\/api\/komunikator\/zalaczniki\/[a-z0-9]+$/);
  const [download] = await Promise.all([b.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe(fileName);
  const saved = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of saved) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).equals(pdf)).toBe(true);
  const res = await b.request.get(href);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  expect(res.headers()["content-disposition"]).toContain(`filename*=UTF-8''${encodeURIComponent(fileName)}`);
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");

  // Not a member: 404 (never 403); no session: 401.
  const c = await person(browser, C_EMAIL);
  expect((await c.request.get(href)).status()).toBe(404);
  const anonymous = await playwright.request.newContext({ baseURL: new URL(conversationUrl).origin });
  expect((await anonymous.get(href)).status()).toBe(401);
  await anonymous.dispose();
  for (const page of [a, b, c]) await page.context().close();
});
