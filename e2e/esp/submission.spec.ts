import { expect, test, type Browser } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import { DEMO, person, uniqueSuffix } from "../helpers";

/**
 * A citizen on a phone (360 px): signs in to the ESP with the code e-mailed to them, submits a
 * general letter with a PDF attachment and gets the UPP (sealed XML, PDF, e-mail); the kancelaria
 * sees the letter in the RPW with its number; the status page answers with the access code and
 * refuses a wrong one. (The office's e-mails land in the local outbox, read here by the administrator.)
 */
test.skip(({ isMobile }) => !isMobile, "the citizen's journey runs at 360 px");

async function latestMailText(browser: Browser, to: string, subject: RegExp): Promise<string> {
  const admin = await person(browser, DEMO.administrator);
  try {
    await admin.goto(`/admin/poczta?to=${encodeURIComponent(to)}`);
    const row = admin.getByTestId("mail-row").filter({ hasText: subject }).first();
    await expect(row).toBeVisible();
    await row.getByTestId("mail-open").click();
    return (await admin.getByTestId("mail-text").textContent()) ?? "";
  } finally {
    await admin.context().close();
  }
}

async function attachment(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawText("Mapa sytuacyjna - dzialka 123/4", { x: 56, y: 760, size: 12 });
  return Buffer.from(await doc.save());
}

test("a citizen signs in with an e-mailed code, submits a general letter with a PDF and gets the UPP; the kancelaria sees it; the status page needs the access code", async ({ page, browser }, info) => {
  test.setTimeout(240_000);
  const suffix = uniqueSuffix(info).toLowerCase();
  const email = `obywatel.${suffix}@example.pl`;
  const subject = `Wniosek o naprawę chodnika ${suffix}`;

  await page.goto("/esp/logowanie");
  await page.getByLabel("Adres e-mail").fill(email);
  await page.getByRole("button", { name: "Wyślij kod" }).click();
  await expect(page.getByText(/wysłaliśmy na niego kod/)).toBeVisible();
  const mail = await latestMailText(browser, email, /Kod logowania/);
  const code = /\b(\d{6})\b/.exec(mail)?.[1];
  expect(code, mail).toBeTruthy();
  await page.getByLabel("Kod z wiadomości (6 cyfr)").fill(code!);
  await page.getByRole("button", { name: "Zaloguj się" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Moje konto" })).toBeVisible();

  await page.goto("/esp/formularz/pismo-ogolne");
  await page.getByLabel("Imię i nazwisko albo nazwa").fill("Zofia Żółć");
  await page.getByLabel("Ulica i numer domu").fill("ul. Lipowa 5");
  await page.getByLabel("Kod pocztowy").fill("36-040");
  await page.getByLabel("Miejscowość").fill("Boguchwała");
  await page.getByLabel("Temat pisma").fill(subject);
  await page.getByLabel("Treść").fill("Proszę o naprawę zapadniętego chodnika przy ul. Lipowej 5.");
  await page.getByLabel(/^Załączniki/).setInputFiles([{ name: "mapa.pdf", mimeType: "application/pdf", buffer: await attachment() }]);
  await page.getByRole("button", { name: "Złóż pismo" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Pismo zostało złożone" })).toBeVisible({ timeout: 30_000 });
  const main = page.locator("main");
  await expect(main).toContainText(/ESP\/\d+\/\d{4}/);
  await expect(main).toContainText(/RPW\/\d+\/\d{4}/);
  const number = /ESP\/\d+\/\d{4}/.exec((await main.textContent()) ?? "")![0];
  const rpw = /RPW\/\d+\/\d{4}/.exec((await main.textContent()) ?? "")![0];
  const accessCode = ((await page.getByTestId("access-code").textContent()) ?? "").replace(/[^A-Z0-9]/gi, "");
  expect(accessCode.length).toBeGreaterThanOrEqual(8);

  // The UPP: the XML sealed by the office (XAdES) naming the files' digests, and its PDF.
  const xmlHref = await page.getByRole("link", { name: "Pobierz UPP (XML z pieczęcią)" }).getAttribute("href");
  const xml = await (await page.request.get(xmlHref!)).text();
  expect(xml).toContain("urn:obieg:esp:upp:1");
  expect(xml).toContain(number);
  expect(xml).toContain("mapa.pdf");
  expect(xml).toContain("<ds:Signature");
  const pdfHref = await page.getByRole("link", { name: "Pobierz potwierdzenie (PDF)" }).getAttribute("href");
  const pdf = await page.request.get(pdfHref!);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  expect(await latestMailText(browser, email, new RegExp(`Potwierdzenie złożenia pisma ${number.replace(/\//g, "\\/")}`))).toContain(rpw);

  // The kancelaria finds it in the RPW, registered with the ESP channel.
  const kancelaria = await person(browser, DEMO.kancelaria);
  await kancelaria.goto(`/pisma/przychodzace?q=${encodeURIComponent(rpw)}`);
  await expect(kancelaria.getByTestId("letters-table")).toContainText(subject);
  await kancelaria.context().close();

  // The status page: the right code shows the state, a wrong one shows nothing.
  await page.goto(`/status-sprawy?numer=${encodeURIComponent(number)}`);
  await page.getByLabel("Kod dostępu").fill("ZLYKOD99");
  await page.getByRole("button", { name: "Sprawdź" }).click();
  await expect(page.getByText("Nie znaleziono sprawy o takim numerze i kodzie dostępu.")).toBeVisible();
  await page.getByLabel("Kod dostępu").fill(accessCode);
  await page.getByRole("button", { name: "Sprawdź" }).click();
  await expect(page.getByTestId("case-status")).toContainText("Przyjęte");
  await expect(page.locator("main")).not.toContainText("Żółć");
});
