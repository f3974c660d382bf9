import { expect, test } from "@playwright/test";
import { DEMO, isMobile, openMenu, signIn } from "../helpers";

// Independent checks: spread over both workers.
test.describe.configure({ mode: "parallel" });

const MAIN = ["Pulpit", "Do mnie", "Powiadomienia", "Komunikator", "Polecenia", "Wyszukiwarka", "Struktura urzędu"];
const DOCUMENTS = ["Pisma przychodzące", "Pisma wychodzące", "Pisma wewnętrzne", "Sprawy", "Baza teleadresowa", "Weryfikacja podpisu"];
const ADMIN = ["Urząd i lokalizacje", "Komórki organizacyjne", "Stanowiska", "Użytkownicy", "Rejestry kancelarii", "Ścieżki akceptacji", "Wykaz akt (JRWA)", "Dziennik zdarzeń", "Zadania w tle", "Poczta wychodząca", "Certyfikaty podpisu", "Indeks wyszukiwarki"];
const BIP_MANAGE = ["Menu BIP", "Ustawienia BIP"];
const ALL_ITEMS = [...MAIN, "Zastępstwa", ...DOCUMENTS, "Książka nadawcza", "Redakcja BIP", ...BIP_MANAGE, ...ADMIN];

/** What each role's menu holds (src/lib/permissions.ts), in menu order; everything else must be absent. */
const MENUS: Record<keyof typeof DEMO, string[]> = {
  administrator: [...MAIN, "Zastępstwa", ...DOCUMENTS, ...BIP_MANAGE, ...ADMIN],
  kancelaria: [...MAIN, "Pisma przychodzące", "Pisma wychodzące", "Pisma wewnętrzne", "Książka nadawcza", "Sprawy", "Baza teleadresowa", "Weryfikacja podpisu"],
  kierownik: [...MAIN, "Zastępstwa", ...DOCUMENTS, "Redakcja BIP"],
  pracownik: [...MAIN, ...DOCUMENTS],
  sekretarz: [...MAIN, "Zastępstwa", ...DOCUMENTS, "Redakcja BIP"],
  skarbnik: [...MAIN, "Zastępstwa", ...DOCUMENTS, "Redakcja BIP"], // the demo Skarbnik also heads the FN department (KIEROWNIK)
  redaktorBip: [...MAIN, ...DOCUMENTS, "Redakcja BIP", ...BIP_MANAGE],
};

for (const [role, expected] of Object.entries(MENUS) as [keyof typeof DEMO, string[]][]) {
  test(`${role} signs in and sees exactly their menu`, async ({ page }) => {
    test.setTimeout(150_000);
    await signIn(page, DEMO[role]);
    const nav = await openMenu(page);
    const links = nav.getByRole("link");
    // "Do mnie" and "Komunikator" carry counts (what waits, unread messages) when there are any.
    await expect(links).toHaveText(expected.map((item) => (item === "Do mnie" || item === "Komunikator" ? new RegExp(`^${item}`) : item)));
    for (const item of ALL_ITEMS.filter((i) => !expected.includes(i))) {
      await expect(nav.getByRole("link", { name: item })).toHaveCount(0);
    }
    // Every menu entry opens a page the user may use (no "no access" page behind a visible link).
    // On phones the drawer is followed once (its first entry): the pages behind the links are the
    // same at both widths and are followed at 1280 px.
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    if (isMobile(page)) {
      await links.first().click();
      await expect(page).toHaveURL(new RegExp(`${hrefs[0]}$`));
      await expect(page.getByRole("dialog", { name: "Menu główne" })).toBeHidden();
      return;
    }
    // The main section (MAIN) needs no permission: its pages are followed for one role only.
    const followed = role === "pracownik" ? hrefs : hrefs.slice(MAIN.length);
    for (const href of followed) {
      const response = await page.goto(href);
      expect(response?.status(), href).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByRole("heading", { name: "Brak dostępu" })).toHaveCount(0);
    }
  });
}
