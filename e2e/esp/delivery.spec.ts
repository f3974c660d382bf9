import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO, person, uniqueSuffix, choose } from "../helpers";

/**
 * The office answers a citizen through the ESP: a clerk drafts the reply with the channel
 * "skrzynka podawcza urzędu (ESP)", the head approves, the kancelaria dispatches; the citizen (on a
 * 360 px phone) is told by e-mail, sees only the sender and number until confirming receipt, then
 * reads the letter and downloads the UPD; the UPD is attached to the letter, in its case, and the
 * case's metryka records the receipt.
 */
test.skip(({ isMobile }) => !isMobile, "the citizen's journey runs at 360 px");

async function mailText(browser: Browser, to: string, subject: RegExp): Promise<string> {
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

async function citizenSignsIn(page: Page, browser: Browser, email: string) {
  await page.goto("/esp/logowanie");
  await page.getByLabel("Adres e-mail").fill(email);
  await page.getByRole("button", { name: "Wyślij kod" }).click();
  await expect(page.getByText(/wysłaliśmy na niego kod/)).toBeVisible();
  const code = /\b(\d{6})\b/.exec(await mailText(browser, email, /Kod logowania/))?.[1];
  await page.getByLabel("Kod z wiadomości (6 cyfr)").fill(code!);
  await page.getByRole("button", { name: "Zaloguj się" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Moje konto" })).toBeVisible();
}

test("a clerk answers in a case through the ESP; the citizen confirms receipt and the UPD appears with the letter and in the case", async ({ page, browser }, info) => {
  test.setTimeout(300_000);
  const suffix = uniqueSuffix(info);
  const email = `odbiorca.${suffix.toLowerCase()}@example.pl`;
  const surname = `Odbiorca${suffix}`;
  const subject = `Odpowiedź w sprawie chodnika ${suffix}`;

  // The citizen writes first (their contact, with the e-mail address, comes from the submission).
  await citizenSignsIn(page, browser, email);
  await page.goto("/esp/formularz/pismo-ogolne");
  await page.getByLabel("Imię i nazwisko albo nazwa").fill(`Jan ${surname}`);
  await page.getByLabel("Ulica i numer domu").fill("ul. Lipowa 7");
  await page.getByLabel("Kod pocztowy").fill("36-040");
  await page.getByLabel("Miejscowość").fill("Boguchwała");
  await page.getByLabel("Temat pisma").fill(`Chodnik ${suffix}`);
  await page.getByLabel("Treść").fill("Proszę o informację o terminie naprawy chodnika.");
  await page.getByRole("button", { name: "Złóż pismo" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pismo zostało złożone" })).toBeVisible({ timeout: 30_000 });

  // The clerk answers in a case through the ESP; the head approves; the kancelaria dispatches.
  const clerk = await person(browser, DEMO.pracownik);
  await clerk.goto("/sprawy/nowa");
  await choose(clerk.getByRole("combobox", { name: "Klasa z wykazu akt (JRWA)" }), "6220", clerk.getByRole("option", { name: /^6220 Ocena oddziaływania/ }));
  await clerk.getByRole("textbox", { name: "Tytuł sprawy" }).fill(`Naprawa chodnika ${suffix}`);
  await clerk.getByRole("button", { name: "Załóż sprawę" }).click();
  await expect(clerk).toHaveURL(/\/sprawy\/(?!nowa)[a-z0-9]+$/);
  const caseUrl = new URL(clerk.url()).pathname;
  await clerk.getByRole("link", { name: "Nowe pismo wychodzące" }).click();
  await expect(clerk.getByRole("heading", { level: 1, name: "Nowe pismo wychodzące" })).toBeVisible();
  await clerk.getByRole("textbox", { name: "Tytuł (temat) pisma" }).fill(subject);
  await choose(clerk.getByRole("combobox", { name: "Dodaj adresata" }), surname, clerk.getByRole("option", { name: new RegExp(surname) }).first());
  await clerk.getByRole("combobox", { name: new RegExp(`Sposób wysyłki do: .*${surname}`) }).selectOption("ESP");
  await clerk.getByRole("textbox", { name: "Treść pisma" }).fill("Uprzejmie informuję, że chodnik zostanie naprawiony do końca miesiąca.");
  await clerk.getByRole("button", { name: "Zapisz projekt" }).click();
  await expect(clerk).toHaveURL(/\/pisma\/wychodzace\/(?!nowe)[^/]+$/);
  const letterUrl = new URL(clerk.url()).pathname;
  await clerk.getByRole("button", { name: "Przekaż do akceptacji", exact: true }).click();
  await expect(clerk.getByText("Pismo przekazano do akceptacji.")).toBeVisible();
  const head = await person(browser, DEMO.kierownik);
  await head.goto(letterUrl);
  await head.getByRole("button", { name: "Akceptuj", exact: true }).click();
  await expect(head.getByText("Pismo zaakceptowano.")).toBeVisible();
  await head.context().close();
  const kancelaria = await person(browser, DEMO.kancelaria);
  await kancelaria.goto(letterUrl);
  await kancelaria.getByRole("button", { name: "Wyślij", exact: true }).click();
  await kancelaria.getByRole("dialog", { name: "Wysłanie pisma" }).getByRole("button", { name: "Wyślij i nadaj numer" }).click();
  await expect(kancelaria.getByText(/Pismo wysłano\. Numer w rejestrze: PWY\/\d+\/\d{4}\./)).toBeVisible();
  await kancelaria.context().close();

  // The citizen is told by e-mail, without the letter's content.
  const notice = await mailText(browser, email, /Masz nowe pismo/);
  expect(notice).not.toContain(subject);

  // Before confirming: only the sender, the number and the deadline.
  await page.goto("/esp");
  await page.locator('a[href^="/esp/pisma/"]').first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Pismo z urzędu" })).toBeVisible();
  await expect(page.locator("main")).not.toContainText(subject);
  await page.getByRole("button", { name: "Potwierdź odbiór" }).click();
  await expect(page.locator("main")).toContainText(subject);
  const updHref = await page.getByRole("link", { name: "Pobierz UPD (XML z pieczęcią)" }).getAttribute("href");
  const upd = await (await page.request.get(updHref!)).text();
  expect(upd).toContain("urn:obieg:esp:upd:1");
  expect(upd).toContain("<ds:Signature");

  // In the office, the UPD is with the letter, in the case, and the metryka records the receipt.
  await clerk.goto(letterUrl);
  await expect(clerk.getByTestId("document-files")).toContainText(/UPD-PWY/);
  await clerk.goto(caseUrl);
  const inCase = clerk.getByTestId("case-documents").getByRole("listitem").filter({ hasText: subject });
  await expect(inCase).toContainText(/PWY\/\d+\/\d{4}/);
  await expect(inCase).toContainText(/\d+ (pliki|plików)/);
  await clerk.getByRole("link", { name: "Metryka sprawy" }).click();
  await expect(clerk.getByTestId("metryka-table")).toContainText("ESP: potwierdzenie odbioru i wydanie UPD");
  await clerk.context().close();
});
