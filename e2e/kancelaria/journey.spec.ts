import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO, signIn, signOut, choose } from "../helpers";

/**
 * The kancelaria's main journey, from a paper letter at the desk to the closed case and its
 * metryka. It runs first and alone (the "journey" project) on the fresh e2e database, so the
 * numbers are the first of the year: RPW/1/…, GK.6220.1.…, PWY/1/…, KN/1/…. The clerk's part
 * runs in a phone-sized window (360 px).
 */
const YEAR = new Intl.DateTimeFormat("en", { timeZone: "Europe/Warsaw", year: "numeric" }).format(new Date());
const RPW = `RPW/1/${YEAR}`;
const CASE_MARK = `GK.6220.1.${YEAR}`;
const PWY = `PWY/1/${YEAR}`;
const SENDER = "Żółć Zofia";
const SUBJECT = "Wniosek o wydanie decyzji o środowiskowych uwarunkowaniach dla budowy wiaty";
const SCAN = { name: "skan-wniosku.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n") };

async function phone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: "pl-PL", timezoneId: "Europe/Warsaw" });
  return context.newPage();
}

test("a paper letter becomes a case, is answered by registered mail and the case is closed; the metryka shows every step", async ({ page, browser }) => {
  test.setTimeout(300_000);

  // 1. The kancelaria registers the letter with its scan and decrees it to GK.
  await signIn(page, DEMO.kancelaria, { to: "/pisma/przychodzace/nowe" });
  await page.getByLabel("Kanał wpływu").selectOption("PAPER");
  await choose(page.getByRole("combobox", { name: "Nadawca" }), "zolc", page.getByRole("option", { name: new RegExp(SENDER) }));
  await page.getByLabel("Znak pisma nadawcy (sygnatura)").fill("ZZ/1/2026");
  await page.getByLabel("Liczba stron").fill("3");
  await page.getByLabel("Dotyczy").fill(SUBJECT);
  await page.getByLabel("Komórka wiodąca").selectOption({ label: "GK — Wydział Gospodarki Komunalnej" });
  await page.locator("#letter-files").setInputFiles(SCAN);
  await page.getByRole("button", { name: "Zarejestruj", exact: true }).click();
  await expect(page.getByRole("heading", { name: `Zarejestrowano pismo ${RPW}` })).toBeVisible();
  await expect(page.getByText("Dołączono 1 plik.")).toBeVisible();
  await page.getByRole("link", { name: "Przejdź do pisma" }).click();
  await expect(page.getByRole("heading", { level: 1, name: RPW })).toBeVisible();
  const letterUrl = new URL(page.url()).pathname;
  await expect(page.getByTestId("document-files")).toContainText("skan-wniosku.pdf");
  await page.getByRole("link", { name: "Potwierdzenie przyjęcia" }).click();
  await expect(page.getByTestId("slip-number")).toHaveText(RPW);
  await signOut(page);

  // 2. The head of GK assigns it to the clerk with an instruction and a deadline.
  await signIn(page, DEMO.kierownik, { to: letterUrl });
  await page.getByRole("button", { name: `Przydziel pracownikowi: ${RPW}, GK` }).click();
  const assign = page.getByRole("dialog", { name: "Przydziel pracownikowi" });
  const clerkSelect = assign.getByRole("combobox", { name: "Pracownik", exact: true });
  await expect(clerkSelect.getByRole("option", { name: "Wiśniewska Katarzyna (GK, Inspektor)" })).toBeAttached();
  await clerkSelect.selectOption({ label: "Wiśniewska Katarzyna (GK, Inspektor)" });
  await assign.getByLabel("Polecenie dla pracownika").fill("Proszę wszcząć postępowanie i przygotować odpowiedź.");
  await assign.getByRole("button", { name: "Zatwierdź" }).click();
  await expect(page.getByText("Przydzielono pismo.")).toBeVisible();
  await signOut(page);

  // 3. The clerk, on a phone: accepts it from "Do mnie", opens the case, drafts the reply.
  const clerk = await phone(browser);
  await signIn(clerk, DEMO.pracownik, { to: "/do-mnie" });
  await clerk.getByRole("button", { name: `Przyjmij: ${RPW}` }).click();
  await expect(clerk.getByText("Przyjęto pismo do realizacji.")).toBeVisible();
  await clerk.goto(letterUrl);
  await clerk.getByRole("button", { name: "Załóż sprawę" }).click();
  const open = clerk.getByRole("dialog", { name: "Nowa sprawa" });
  await choose(open.getByRole("combobox", { name: "Klasa z wykazu akt (JRWA)" }), "6220", clerk.getByRole("option", { name: /^6220 Ocena oddziaływania/ }));
  await open.getByRole("textbox", { name: "Tytuł sprawy" }).fill("Decyzja środowiskowa — wiata przy ul. Kościuszki");
  await open.getByRole("button", { name: "Załóż sprawę" }).click();
  await expect(clerk).toHaveURL(/\/sprawy\/(?!nowa)[^/]+$/);
  await expect(clerk.getByTestId("case-mark")).toHaveText(CASE_MARK);
  const caseUrl = new URL(clerk.url()).pathname;
  await expect(clerk.getByText(RPW).first()).toBeVisible();

  await clerk.goto(letterUrl);
  await clerk.getByRole("link", { name: "Przygotuj odpowiedź" }).click();
  await expect(clerk.getByRole("heading", { level: 1, name: "Nowe pismo wychodzące" })).toBeVisible();
  await expect(clerk.getByRole("combobox", { name: `Sposób wysyłki do: ${SENDER}` })).toBeVisible();
  await clerk.getByRole("combobox", { name: `Sposób wysyłki do: ${SENDER}` }).selectOption("REGISTERED_MAIL");
  await clerk.getByRole("textbox", { name: "Treść pisma" }).fill("Szanowna Pani,\nzawiadamiam o wszczęciu postępowania w sprawie wydania decyzji o środowiskowych uwarunkowaniach.");
  await clerk.getByRole("button", { name: "Zapisz projekt" }).click();
  await expect(clerk).toHaveURL(/\/pisma\/wychodzace\/(?!nowe)[^/]+$/);
  const replyUrl = new URL(clerk.url()).pathname;
  await expect(clerk.getByText(CASE_MARK).first()).toBeVisible();
  await clerk.getByRole("button", { name: "Przekaż do akceptacji", exact: true }).click();
  await expect(clerk.getByText("Pismo przekazano do akceptacji.")).toBeVisible();

  // 4. The head approves the reply.
  await signIn(page, DEMO.kierownik, { to: replyUrl });
  await page.getByRole("button", { name: "Akceptuj", exact: true }).click();
  await expect(page.getByText("Pismo zaakceptowano.")).toBeVisible();
  await signOut(page);

  // 5. The kancelaria dispatches it as registered mail and prints the książka nadawcza.
  await signIn(page, DEMO.kancelaria, { to: replyUrl });
  await page.getByRole("button", { name: "Wyślij", exact: true }).click();
  await page.getByRole("dialog", { name: "Wysłanie pisma" }).getByRole("button", { name: "Wyślij i nadaj numer" }).click();
  await expect(page.getByText(`Pismo wysłano. Numer w rejestrze: ${PWY}.`)).toBeVisible();
  await page.goto("/pisma/ksiazka-nadawcza");
  await page.getByRole("checkbox", { name: new RegExp(`Wybierz ${SENDER}`) }).check();
  await page.getByRole("button", { name: "Utwórz książkę nadawczą" }).click();
  await expect(page.getByText(`Utworzono książkę nadawczą KN/1/${YEAR}.`)).toBeVisible();
  await page.getByRole("textbox", { name: `Nr nadawczy — ${SENDER}` }).fill("RR123456785PL");
  await page.getByRole("button", { name: "Zapisz numery nadawcze" }).click();
  await expect(page.getByText("Zapisano numery nadawcze (1).")).toBeVisible();
  const pdfHref = await page.getByRole("link", { name: "Pobierz PDF książki" }).getAttribute("href");
  const pdf = await page.request.get(pdfHref!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  await signOut(page);

  // 6. The clerk closes the case; the metryka lists every step with the person and the document.
  await clerk.goto(caseUrl);
  await clerk.getByRole("button", { name: "Zakończ sprawę" }).click();
  await clerk.getByRole("dialog", { name: "Zakończenie sprawy" }).getByRole("button", { name: "Zatwierdź" }).click();
  await expect(clerk.getByText("Sprawa została zakończona.")).toBeVisible();
  await clerk.getByRole("link", { name: "Metryka sprawy" }).click();
  await expect(clerk.getByRole("heading", { name: `Metryka sprawy ${CASE_MARK}` })).toBeVisible();
  const metryka = clerk.getByTestId("metryka-table");
  const steps: [string, string, string][] = [
    ["Rejestracja pisma w RPW", "Anna Kowalczyk", RPW],
    ["Dekretacja pisma do komórek", "Anna Kowalczyk", RPW],
    ["Przydzielenie pisma pracownikowi", "Marek Nowak", RPW],
    ["Przyjęcie pisma do realizacji", "Katarzyna Wiśniewska", RPW],
    ["Założenie sprawy", "Katarzyna Wiśniewska", RPW],
    ["Utworzenie projektu pisma wychodzącego", "Katarzyna Wiśniewska", PWY],
    ["Przekazanie pisma do akceptacji", "Katarzyna Wiśniewska", PWY],
    ["Akceptacja pisma", "Marek Nowak", PWY],
    ["Wysłanie pisma (nadanie numeru w rejestrze wychodzącym)", "Anna Kowalczyk", PWY],
    ["Zakończenie sprawy", "Katarzyna Wiśniewska", ""],
  ];
  for (const [action, person, document] of steps) {
    const row = metryka.getByRole("row").filter({ hasText: action }).filter({ hasText: person });
    await expect(row.first(), `${action} — ${person}`).toBeVisible();
    if (document) await expect(row.first()).toContainText(document);
  }
  await clerk.context().close();
});
