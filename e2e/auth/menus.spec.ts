import { expect, test } from "@playwright/test";
import { DEMO, openMenu, signIn } from "../helpers";

const ALL_ITEMS = ["Pulpit", "Struktura urzędu", "Zastępstwa", "Urząd i lokalizacje", "Komórki organizacyjne", "Stanowiska", "Użytkownicy", "Dziennik zdarzeń", "Zadania w tle"];

/** What each role's menu holds (src/lib/permissions.ts); everything else must be absent. */
const MENUS: Record<keyof typeof DEMO, string[]> = {
  administrator: ALL_ITEMS,
  kancelaria: ["Pulpit", "Struktura urzędu"],
  kierownik: ["Pulpit", "Struktura urzędu", "Zastępstwa"],
  pracownik: ["Pulpit", "Struktura urzędu"],
  sekretarz: ["Pulpit", "Struktura urzędu", "Zastępstwa"],
  skarbnik: ["Pulpit", "Struktura urzędu", "Zastępstwa"], // the demo Skarbnik also heads the FN department
  redaktorBip: ["Pulpit", "Struktura urzędu"],
};

for (const [role, expected] of Object.entries(MENUS) as [keyof typeof DEMO, string[]][]) {
  test(`${role} signs in and sees exactly their menu`, async ({ page }) => {
    await signIn(page, DEMO[role]);
    const nav = await openMenu(page);
    const links = nav.getByRole("link");
    await expect(links).toHaveText(expected);
    for (const item of ALL_ITEMS.filter((i) => !expected.includes(i))) {
      await expect(nav.getByRole("link", { name: item })).toHaveCount(0);
    }
    // Every menu entry opens a page the user may use (no "no access" page behind a visible link).
    for (const name of expected) {
      await page.goto("/pulpit");
      const menu = await openMenu(page);
      await menu.getByRole("link", { name }).click();
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByRole("heading", { name: "Brak dostępu" })).toHaveCount(0);
    }
  });
}
