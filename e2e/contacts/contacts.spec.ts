import { expect, type Page, test } from "@playwright/test";
import { DEMO, signIn, uniqueSuffix } from "../helpers";

// Form-heavy flows run at 1280 px; the 360 px layout of these pages is checked by e2e/a11y and the main journey.
test.skip(({ isMobile }) => isMobile, "desktop only");

/** A valid PESEL nobody else uses: a random day of 1950–1999 and a random serial, with its check digit. */
function randomPesel(): string {
  const y = 50 + Math.floor(Math.random() * 50);
  const m = 1 + Math.floor(Math.random() * 12);
  const d = 1 + Math.floor(Math.random() * 28);
  const serial = String(Math.floor(Math.random() * 10_000)).padStart(4, "0");
  const base = `${String(y).padStart(2, "0")}${String(m).padStart(2, "0")}${String(d).padStart(2, "0")}${serial}`;
  const weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  const sum = weights.reduce((s, w, i) => s + w * Number(base[i]), 0);
  return `${base}${(10 - (sum % 10)) % 10}`;
}

async function fillPerson(page: Page, v: { firstName: string; lastName: string; pesel?: string; street?: string }) {
  await page.getByRole("radio", { name: "Osoba" }).check();
  await page.getByRole("textbox", { name: "Imię", exact: true }).fill(v.firstName);
  await page.getByRole("textbox", { name: "Nazwisko", exact: true }).fill(v.lastName);
  if (v.pesel) await page.getByRole("textbox", { name: "PESEL" }).fill(v.pesel);
  if (v.street) {
    await page.getByRole("textbox", { name: "Ulica i numer" }).fill(v.street);
    await page.getByRole("textbox", { name: "Kod pocztowy" }).fill("36-040");
    await page.getByRole("textbox", { name: "Miejscowość" }).fill("Boguchwała");
  }
}

test("a clerk adds a person with a PESEL and an address, sees it masked, reveals it, and is warned about a duplicate", async ({ page }, info) => {
  const suffix = uniqueSuffix(info);
  const pesel = randomPesel();
  const lastName = `Testowa${suffix}`;
  await signIn(page, DEMO.pracownik, { to: "/kontakty" });
  await expect(page.getByRole("heading", { level: 1, name: "Baza teleadresowa" })).toBeVisible();
  // Clerks add contacts but neither import nor export.
  await expect(page.getByRole("link", { name: "Import z CSV" })).toHaveCount(0);
  await page.getByRole("link", { name: "Dodaj kontakt" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nowy kontakt" })).toBeVisible();

  // A wrong check digit is refused beside the field, in Polish.
  await fillPerson(page, { firstName: "Alicja", lastName, pesel: `${pesel.slice(0, 10)}${(Number(pesel[10]) + 1) % 10}`, street: "ul. Kościuszki 40" });
  await page.getByRole("button", { name: "Zapisz kontakt" }).click();
  await expect(page.getByText("Nieprawidłowy PESEL: 11 cyfr, data urodzenia i cyfra kontrolna muszą się zgadzać.")).toBeVisible();
  await page.getByRole("textbox", { name: "PESEL" }).fill(pesel);
  await page.getByRole("button", { name: "Zapisz kontakt" }).click();

  await expect(page.getByRole("heading", { level: 1, name: `${lastName} Alicja` })).toBeVisible();
  await expect(page.getByText("Zapisano nowy kontakt.")).toBeVisible();
  await expect(page.getByText("ul. Kościuszki 40, 36-040 Boguchwała")).toBeVisible();
  const peselValue = page.getByTestId("pesel-value");
  await expect(peselValue).toHaveText(`•••••••${pesel.slice(-4)}`);
  await expect(page.getByText(pesel)).toHaveCount(0);
  await page.getByRole("button", { name: "Pokaż PESEL" }).click();
  await expect(peselValue).toHaveText(pesel);
  await expect(page.getByText("Wyświetlenie numeru PESEL zostało odnotowane w dzienniku zdarzeń.")).toBeVisible();
  await page.getByRole("button", { name: "Ukryj PESEL" }).click();
  await expect(peselValue).toHaveText(`•••••••${pesel.slice(-4)}`);
  const firstUrl = page.url();

  // The same PESEL again: a warning with a link to the existing contact; saving consciously works.
  await page.goto("/kontakty/nowy");
  await fillPerson(page, { firstName: "Alina", lastName: `Inna${suffix}`, pesel });
  await page.getByRole("button", { name: "Zapisz kontakt" }).click();
  const warning = page.getByRole("alert").filter({ hasText: "Podobny kontakt już istnieje:" });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText("ten sam PESEL");
  await expect(warning.getByRole("link", { name: `${lastName} Alicja` })).toHaveAttribute("href", new URL(firstUrl).pathname);
  await expect(page).toHaveURL(/\/kontakty\/nowy$/);
  await warning.getByRole("button", { name: "Zapisz mimo to" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Inna${suffix} Alina` })).toBeVisible();

  // A similar name at the same address is a look-alike too.
  await page.goto("/kontakty/nowy");
  await fillPerson(page, { firstName: "Alicja", lastName, street: "Kościuszki 40" });
  await page.getByRole("button", { name: "Zapisz kontakt" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "podobna nazwa pod tym samym adresem" })).toBeVisible();
});

test("searching “zolc” finds Żółć, and the kind filter narrows the list", async ({ page }) => {
  await signIn(page, DEMO.pracownik, { to: "/kontakty" });
  await page.getByRole("searchbox", { name: "Szukaj" }).fill("zolc");
  await page.getByRole("button", { name: "Szukaj", exact: true }).click();
  await expect(page).toHaveURL(/q=zolc/);
  await expect(page.getByRole("link", { name: "Żółć Zofia" })).toBeVisible();

  await page.goto("/kontakty?q=rzeszow");
  await page.getByLabel("Rodzaj").selectOption({ label: "Instytucja" });
  await page.getByRole("button", { name: "Szukaj", exact: true }).click();
  await expect(page).toHaveURL(/rodzaj=instytucja/);
  await expect(page.getByRole("link", { name: "Starostwo Powiatowe w Rzeszowie" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Transbud Rzeszów sp. z o.o." })).toHaveCount(0);
});

test("the kancelaria imports a CSV with a rejected row and merges a duplicate through the contact picker", async ({ page }, info) => {
  const suffix = uniqueSuffix(info);
  const pesel = randomPesel();
  await signIn(page, DEMO.kancelaria, { to: "/kontakty" });
  await expect(page.getByRole("link", { name: "Eksport do CSV" })).toHaveAttribute("href", "/api/kontakty/eksport");
  await page.getByRole("link", { name: "Import z CSV" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import kontaktów z pliku CSV" })).toBeVisible();

  const csv = [
    "rodzaj;nazwa;imie;nazwisko;pesel;ulica;kod_pocztowy;miejscowosc",
    `osoba;;Jerzy;Import-${suffix};${pesel};ul. Polna 7;36-040;Boguchwała`,
    `osoba;;Jerzy;Duplikat-${suffix};;Polna 7;36-040;Boguchwała`,
    `osoba;;Zły;Kod-${suffix};;ul. Polna 8;36040;Boguchwała`,
  ].join("\r\n");
  await page.getByLabel("Plik CSV").setInputFiles({ name: "kontakty.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${csv}`, "utf-8") });
  await page.getByRole("button", { name: "Importuj" }).click();
  await expect(page.getByRole("heading", { name: "Zaimportowano 2 kontakty." })).toBeVisible();
  const rejected = page.getByTestId("import-rejected");
  await expect(rejected).toContainText("Wiersz 4");
  await expect(rejected).toContainText("kod_pocztowy: Kod pocztowy w formacie NN-NNN, np. 36-040.");

  // Merge the second (a duplicate of the first) into the first, picking it in the ContactPicker.
  await page.goto(`/kontakty?q=${encodeURIComponent(`Import-${suffix}`)}`);
  await page.getByRole("link", { name: `Import-${suffix} Jerzy` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Import-${suffix} Jerzy` })).toBeVisible();
  const picker = page.getByRole("combobox", { name: "Kontakt do scalenia (duplikat)" });
  await picker.fill(`duplikat-${suffix.toLowerCase()}`);
  await page.getByRole("option", { name: new RegExp(`Duplikat-${suffix} Jerzy`) }).click();
  await expect(picker).toHaveValue(`Duplikat-${suffix} Jerzy`);
  await page.getByRole("button", { name: "Scal kontakty" }).click();
  const dialog = page.getByRole("dialog", { name: "Scalić kontakty?" });
  await dialog.getByRole("button", { name: "Scal", exact: true }).click();
  await expect(page.getByText(/Scalono kontakty/)).toBeVisible();
  // The duplicate is gone from the list; its page says where it went.
  await page.goto(`/kontakty?q=${encodeURIComponent(`Duplikat-${suffix}`)}`);
  await expect(page.getByText("Brak kontaktów spełniających warunki.")).toBeVisible();
});
