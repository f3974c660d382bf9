import { expect, test } from "@playwright/test";
import { DEMO, signIn, signOut } from "../helpers";

// Form-heavy flows run at 1280 px; the 360 px layout of these pages is checked by e2e/a11y and the main journey.
test.skip(({ isMobile }) => isMobile, "desktop only");

/** Upper-case letters only (department symbols are letters), unique per project and run. */
function symbolFor(project: string): string {
  const letters = Date.now().toString(26).toUpperCase().replace(/[0-9]/g, (d) => "QRSTUVWXYZ"[Number(d)]!);
  return `${project === "mobile" ? "M" : "D"}${letters.slice(-3)}`;
}

test("an administrator creates a department and a referat inside it", async ({ page }, info) => {
  const symbol = symbolFor(info.project.name);
  await signIn(page, DEMO.administrator, { to: "/admin/komorki" });
  await expect(page.getByRole("heading", { level: 1, name: "Komórki organizacyjne" })).toBeVisible();

  await page.getByRole("button", { name: "Dodaj komórkę" }).click();
  const dialog = page.getByRole("dialog", { name: "Nowa komórka organizacyjna" });
  await dialog.getByRole("textbox", { name: "Symbol", exact: true }).fill(symbol);
  await dialog.getByRole("textbox", { name: "Nazwa", exact: true }).fill(`Wydział Testowy ${symbol}`);
  await dialog.getByRole("button", { name: "Zapisz komórkę" }).click();
  await expect(page.getByText(`Dodano komórkę ${symbol}.`)).toBeVisible();
  await expect(page.getByTestId("departments-table")).toContainText(`Wydział Testowy ${symbol}`);

  // A referat whose symbol does not start with its parent's is refused beside the field.
  await page.getByRole("button", { name: "Dodaj komórkę" }).click();
  const referat = page.getByRole("dialog", { name: "Nowa komórka organizacyjna" });
  await referat.getByLabel("Komórka nadrzędna").selectOption({ label: `${symbol} — Wydział Testowy ${symbol}` });
  await referat.getByRole("textbox", { name: "Symbol", exact: true }).fill("GK-X");
  await referat.getByRole("textbox", { name: "Nazwa", exact: true }).fill("Referat Testowy");
  await referat.getByRole("button", { name: "Zapisz komórkę" }).click();
  await expect(referat.getByText(`Symbol referatu musi zaczynać się od symbolu komórki nadrzędnej: ${symbol}-`)).toBeVisible();
  await expect(referat.getByRole("textbox", { name: "Nazwa", exact: true })).toHaveValue("Referat Testowy");
  await referat.getByRole("textbox", { name: "Symbol", exact: true }).fill(`${symbol}-A`);
  await referat.getByRole("button", { name: "Zapisz komórkę" }).click();
  await expect(page.getByText(`Dodano komórkę ${symbol}-A.`)).toBeVisible();

  // Every change is in the audit trail.
  await page.goto("/admin/dziennik");
  await expect(page.getByRole("main")).toContainText(symbol);
});

test("an administrator creates a department and a user in it; that user signs in", async ({ page }, info) => {
  const symbol = symbolFor(info.project.name);
  const email = `nowy.${symbol.toLowerCase()}@boguchwala.example`;
  const password = "Pierwsze1Haslo";
  await signIn(page, DEMO.administrator, { to: "/admin/komorki" });
  await page.getByRole("button", { name: "Dodaj komórkę" }).click();
  const dialog = page.getByRole("dialog", { name: "Nowa komórka organizacyjna" });
  await dialog.getByRole("textbox", { name: "Symbol", exact: true }).fill(symbol);
  await dialog.getByRole("textbox", { name: "Nazwa", exact: true }).fill(`Wydział Nowy ${symbol}`);
  await dialog.getByRole("button", { name: "Zapisz komórkę" }).click();
  await expect(page.getByText(`Dodano komórkę ${symbol}.`)).toBeVisible();

  await page.goto("/admin/uzytkownicy");
  await page.getByRole("link", { name: "Nowy użytkownik" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nowy użytkownik" })).toBeVisible();
  await page.getByRole("textbox", { name: "Imię", exact: true }).fill("Zofia");
  await page.getByRole("textbox", { name: "Nazwisko", exact: true }).fill(`Żółkiewska-${symbol}`);
  await page.getByRole("textbox", { name: "Adres e-mail (login)" }).fill(email);
  await page.getByLabel("Komórka organizacyjna").selectOption({ label: `${symbol} — Wydział Nowy ${symbol}` });
  await page.getByLabel("Stanowisko").selectOption({ label: "Inspektor" });
  await page.getByRole("checkbox", { name: "Pracownik merytoryczny" }).check();
  await page.getByRole("radio", { name: "Wpiszę hasło" }).check();
  await page.getByRole("textbox", { name: "Hasło", exact: true }).fill(password);
  await page.getByRole("button", { name: "Utwórz konto" }).click();
  await expect(page.getByRole("heading", { name: "Konto zostało utworzone" })).toBeVisible();

  await signOut(page);
  await signIn(page, email, password);
  await expect(page.getByRole("heading", { level: 1, name: "Dzień dobry, Zofia" })).toBeVisible();
  await expect(page.getByText(`${symbol} — Wydział Nowy ${symbol}`)).toBeVisible();
});

test("any staff member finds a colleague in the directory without Polish letters", async ({ page }) => {
  await signIn(page, DEMO.pracownik, { to: "/struktura" });
  const search = page.getByTestId("directory-search");
  await search.getByLabel("Imię, nazwisko lub e-mail").fill("lukasik");
  await search.getByRole("button", { name: "Szukaj" }).click();
  await expect(page.getByTestId("directory-count")).toHaveText("1 osoba");
  await expect(page.getByTestId("staff-row")).toContainText("Łukasik");
});
