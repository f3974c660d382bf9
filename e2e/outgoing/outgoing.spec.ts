import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn, signOut, uniqueSuffix } from "../helpers";

// Multi-person flows run at 1280 px; the 360 px path of the same screens is covered by e2e/kancelaria/journey.spec.ts and the a11y checks.
test.skip(({ isMobile }) => isMobile, "desktop only");

/**
 * Types "Imię Nazwisko" into the recipient picker and creates the contact ("Dodaj nowy kontakt")
 * with a postal address unique to the run (a look-alike at one address would be offered as a duplicate).
 * The contact is then shown as "Nazwisko Imię".
 */
async function addNewRecipient(page: Page, fullName: string, street: string) {
  const picker = page.getByRole("combobox", { name: "Dodaj adresata" });
  await picker.fill(fullName);
  await page.getByRole("option", { name: /Dodaj nowy kontakt/ }).click();
  const dialog = page.getByRole("dialog", { name: "Dodaj nowy kontakt" });
  await dialog.getByRole("textbox", { name: "Ulica i numer" }).fill(street);
  await dialog.getByRole("textbox", { name: "Kod pocztowy" }).fill("36-040");
  await dialog.getByRole("textbox", { name: "Miejscowość" }).fill("Boguchwała");
  await dialog.getByRole("button", { name: "Zapisz kontakt" }).click();
  await expect(dialog).toBeHidden();
}

test("a clerk drafts a letter, the head approves it, the kancelaria dispatches it by registered mail and prints the książka nadawcza", async ({ page }, info) => {
  test.setTimeout(240_000);
  const suffix = uniqueSuffix(info);
  const recipient = `Adresat${suffix} Jan`;
  const street = `ul. Kasztanowa 7 lok. ${suffix}`;
  const subject = `Odpowiedź w sprawie oświetlenia ${suffix}`;

  // The clerk drafts the letter without a case.
  await signIn(page, DEMO.pracownik, { to: "/pisma/wychodzace" });
  await expect(page.getByRole("heading", { level: 1, name: "Pisma wychodzące" })).toBeVisible();
  await page.getByRole("link", { name: "Nowe pismo wychodzące" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nowe pismo wychodzące" })).toBeVisible();
  await page.getByRole("button", { name: "Zapisz projekt" }).click();
  await expect(page.getByText("Podaj tytuł (temat) pisma.")).toBeVisible();

  await page.getByRole("textbox", { name: "Tytuł (temat) pisma" }).fill(subject);
  await addNewRecipient(page, `Jan Adresat${suffix}`, street);
  const recipients = page.getByTestId("draft-recipients");
  await expect(recipients).toContainText(recipient);
  await expect(recipients).toContainText(`${street}, 36-040 Boguchwała`);
  await expect(page.getByRole("combobox", { name: `Sposób wysyłki do: ${recipient}` })).toHaveValue("REGISTERED_MAIL");
  // E-mail needs an address the contact does not have.
  await page.getByRole("combobox", { name: `Sposób wysyłki do: ${recipient}` }).selectOption("EMAIL");
  await page.getByRole("button", { name: "Zapisz projekt" }).click();
  await expect(page.getByText(/nie ma adresu e-mail/)).toBeVisible();
  await page.getByRole("combobox", { name: `Sposób wysyłki do: ${recipient}` }).selectOption("REGISTERED_MAIL");
  await page.getByRole("textbox", { name: "Treść pisma" }).fill("Szanowny Panie,\nuprzejmie informuję, że oświetlenie zostanie naprawione.");
  await page.getByRole("button", { name: "Zapisz projekt" }).click();

  await expect(page).toHaveURL(/\/pisma\/wychodzace\/(?!nowe)[^/]+$/);
  const letterUrl = page.url();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Pisma wychodzące: ID");
  await page.getByRole("button", { name: "Przekaż do akceptacji", exact: true }).click();
  await expect(page.getByText("Pismo przekazano do akceptacji.")).toBeVisible();
  await expect(page.getByTestId("approval-steps")).toContainText("czeka na decyzję");
  await signOut(page);

  // The head of GK finds it on the list "Do akceptacji" and approves it.
  await signIn(page, DEMO.kierownik, { to: `/pisma/wychodzace?widok=do-akceptacji&q=${encodeURIComponent(suffix)}` });
  await page.getByRole("link", { name: /^ID \d+$/ }).first().click();
  await expect(page).toHaveURL(letterUrl);
  await expect(page.getByText(subject).first()).toBeVisible();
  await page.getByRole("button", { name: "Akceptuj", exact: true }).click();
  await expect(page.getByText("Pismo zaakceptowano.")).toBeVisible();
  await expect(page.getByTestId("approval-steps")).toContainText("zaakceptował(a)");
  await signOut(page);

  // The kancelaria dispatches it: it gets the outgoing register number.
  await signIn(page, DEMO.kancelaria, { to: letterUrl });
  await page.getByRole("button", { name: "Wyślij", exact: true }).click();
  const confirm = page.getByRole("dialog", { name: "Wysłanie pisma" });
  await confirm.getByRole("button", { name: "Wyślij i nadaj numer" }).click();
  await expect(page.getByText(/Pismo wysłano\. Numer w rejestrze: PWY\/\d+\/\d{4}\./)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("PWY/");

  // The register (Wysłane) lists it.
  await page.goto(`/pisma/wychodzace?widok=wyslane&q=${encodeURIComponent(suffix)}`);
  await expect(page.getByTestId("outgoing-table")).toContainText(subject);
  await expect(page.getByTestId("outgoing-table")).toContainText("list polecony");

  // Książka nadawcza: the letter waits; the book is created with it.
  await page.goto("/pisma/ksiazka-nadawcza");
  await expect(page.getByRole("heading", { level: 1, name: "Książka nadawcza" })).toBeVisible();
  await page.getByRole("checkbox", { name: new RegExp(`Wybierz ${recipient}`) }).check();
  await page.getByRole("button", { name: "Utwórz książkę nadawczą" }).click();
  await expect(page).toHaveURL(/\/pisma\/ksiazka-nadawcza\/[^/?]+/);
  await expect(page.getByText(/Utworzono książkę nadawczą KN\/\d+\/\d{4}\./)).toBeVisible();
  const items = page.getByTestId("book-items");
  await expect(items).toContainText(recipient);
  await expect(items).toContainText(`${street}, 36-040 Boguchwała`);
  await page.getByRole("textbox", { name: `Nr nadawczy — ${recipient}` }).fill(`RR${Date.now().toString().slice(-9)}PL`);
  await page.getByRole("button", { name: "Zapisz numery nadawcze" }).click();
  await expect(page.getByText("Zapisano numery nadawcze (1).")).toBeVisible();

  const pdfHref = await page.getByRole("link", { name: "Pobierz PDF książki" }).getAttribute("href");
  const pdf = await page.request.get(pdfHref!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // ZPO: the return receipt's date is recorded on the letter's page.
  await page.goto(letterUrl);
  await expect(page.getByTestId("outgoing-recipients")).toContainText(/RR\d{9}PL/);
  await page.getByRole("button", { name: `Zarejestruj zwrotkę — ${recipient}` }).click();
  const zpo = page.getByRole("dialog", { name: `Zarejestruj zwrotkę: ${recipient}` });
  await zpo.getByRole("button", { name: "Zapisz datę doręczenia" }).click();
  await expect(page.getByText("Zapisano datę doręczenia.")).toBeVisible();
  await expect(page.getByTestId("outgoing-history")).toContainText("Zarejestrowanie zwrotnego potwierdzenia odbioru");
  await signOut(page);

  // A clerk of another department gets "not found" for the letter, by URL and by the PDF route.
  await signIn(page, DEMO.skarbnik);
  const hidden = await page.goto(letterUrl);
  expect(hidden?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Nie znaleziono strony" })).toBeVisible();
  expect((await page.request.get(pdfHref!)).status()).toBe(403);
});

test("a head returns a draft with a comment, and the author sees it", async ({ page }, info) => {
  test.setTimeout(180_000);
  const suffix = uniqueSuffix(info);
  await signIn(page, DEMO.pracownik, { to: "/pisma/wychodzace/nowe" });
  await page.getByRole("textbox", { name: "Tytuł (temat) pisma" }).fill(`Pismo do poprawy ${suffix}`);
  await addNewRecipient(page, `Anna Zwrot${suffix}`, `ul. Lipowa 3 lok. ${suffix}`);
  await page.getByRole("button", { name: "Zapisz projekt" }).click();
  await expect(page).toHaveURL(/\/pisma\/wychodzace\/(?!nowe)[^/]+$/);
  const letterUrl = page.url();
  await page.getByRole("button", { name: "Przekaż do akceptacji", exact: true }).click();
  await expect(page.getByText("Pismo przekazano do akceptacji.")).toBeVisible();
  await signOut(page);

  await signIn(page, DEMO.kierownik, { to: letterUrl });
  await page.getByRole("button", { name: "Zwróć do poprawy" }).click();
  const dialog = page.getByRole("dialog", { name: "Zwrot pisma do poprawy" });
  await dialog.getByRole("button", { name: "Zwróć pismo" }).click();
  await expect(dialog.getByText("Autor zobaczy tę uwagę przy projekcie.").first()).toBeVisible();
  await dialog.getByRole("textbox", { name: "Powód zwrotu" }).fill(`Brak podstawy prawnej ${suffix}`);
  await dialog.getByRole("button", { name: "Zwróć pismo" }).click();
  await expect(page.getByText("Pismo zwrócono autorowi do poprawy.")).toBeVisible();
  await signOut(page);

  await signIn(page, DEMO.pracownik, { to: letterUrl });
  await expect(page.getByTestId("rejection")).toContainText(`Brak podstawy prawnej ${suffix}`);
  await expect(page.getByRole("link", { name: "Edytuj projekt" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Przekaż do akceptacji", exact: true })).toBeVisible();
});

test("the administrator sees the approval paths: OR goes to the head, then the Sekretarz", async ({ page }) => {
  await signIn(page, DEMO.administrator, { to: "/admin/sciezki-akceptacji" });
  await expect(page.getByRole("heading", { level: 1, name: "Ścieżki akceptacji" })).toBeVisible();
  const row = page.getByTestId("approval-paths").getByRole("row").filter({ hasText: "Wydział Organizacyjny" });
  await expect(row).toContainText("kierownik komórki");
  await expect(row).toContainText("Jolanta Zając");
  await page.getByRole("link", { name: "Zmień ścieżkę OR", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ścieżka akceptacji: OR" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Kto akceptuje (krok 1)" })).toHaveValue("HEAD");
  await expect(page.getByRole("combobox", { name: "Kto akceptuje (krok 2)" })).toHaveValue("USER");
  await page.getByRole("button", { name: "Zapisz ścieżkę" }).click();
  await expect(page.getByText("Zapisano ścieżkę akceptacji.")).toBeVisible();
});
