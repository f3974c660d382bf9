import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "../helpers";
import { expectNoViolations } from "../axe";

// Independent checks: spread over both workers.
test.describe.configure({ mode: "parallel" });

test("sign-in page has no WCAG 2.1 A/AA violations", async ({ page }) => {
  await page.goto("/logowanie");
  await expectNoViolations(page, "/logowanie");
  // …also while showing an error.
  await page.getByLabel("Adres e-mail").fill("nikt@boguchwala.example");
  await page.getByLabel("Hasło").fill("zle-haslo-1");
  await page.getByRole("button", { name: "Zaloguj się" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Nieprawidłowy" })).toBeVisible();
  await expectNoViolations(page, "/logowanie with an error");
});

test("public home page has no WCAG 2.1 A/AA violations", async ({ page }) => {
  await page.goto("/");
  await expectNoViolations(page, "/");
});

const STAFF_PAGES = [
  "/pulpit",
  "/profil",
  "/struktura",
  "/zastepstwa",
  "/admin/urzad",
  "/admin/komorki",
  "/admin/stanowiska",
  "/admin/uzytkownicy",
  "/admin/uzytkownicy/nowy",
  "/admin/rejestry",
  "/admin/sciezki-akceptacji",
  "/admin/jrwa",
  "/admin/dziennik",
  "/admin/zadania",
  "/do-mnie",
  "/pisma/przychodzace",
  "/pisma/wychodzace",
  "/pisma/wychodzace/nowe",
  "/pisma/wewnetrzne",
  "/pisma/wewnetrzne/nowe",
  "/sprawy",
  "/sprawy/nowa",
  "/sprawy/spis",
  "/kontakty",
  "/kontakty/nowy",
  "/powiadomienia",
  "/powiadomienia/ustawienia",
  "/profil/podpis",
  "/podpisy/weryfikacja",
  "/admin/certyfikaty",
];

/** Pages of the kancelaria, seen by the kancelaria. */
const REGISTRY_PAGES = ["/pisma/przychodzace/nowe", "/pisma/ksiazka-nadawcza", "/kontakty/import"];

for (const url of REGISTRY_PAGES) {
  test(`${url} has no WCAG 2.1 A/AA violations`, async ({ page }) => {
    await signIn(page, DEMO.kancelaria, { to: url });
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoViolations(page, url);
  });
}

/** Checked at 1280 px only (the rest of the list is checked at 360 px too), to keep the suite short. */
const DESKTOP_ONLY = new Set([
  "/admin/urzad",
  "/admin/komorki",
  "/admin/stanowiska",
  "/admin/uzytkownicy/nowy",
  "/admin/rejestry",
  "/admin/sciezki-akceptacji",
  "/admin/jrwa",
  "/admin/dziennik",
  "/admin/zadania",
  "/pisma/wychodzace/nowe",
  "/pisma/wewnetrzne",
  "/pisma/wewnetrzne/nowe",
  "/sprawy/spis",
  "/kontakty/nowy",
  "/powiadomienia/ustawienia",
  "/admin/certyfikaty",
]);

for (const url of STAFF_PAGES) {
  test(`${url} has no WCAG 2.1 A/AA violations`, async ({ page }, info) => {
    test.skip(info.project.name === "mobile" && DESKTOP_ONLY.has(url), "checked at 1280 px");
    test.setTimeout(150_000); // the JRWA tree (318 classes) takes axe a while
    await signIn(page, DEMO.administrator, { to: url });
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoViolations(page, url);
  });
}

test("a user's details page has no WCAG 2.1 A/AA violations", async ({ page }) => {
  await signIn(page, DEMO.administrator, { to: `/admin/uzytkownicy?q=${encodeURIComponent(DEMO.pracownik)}` });
  await page.getByRole("link", { name: "Wiśniewska Katarzyna" }).filter({ visible: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Katarzyna Wiśniewska" })).toBeVisible();
  await expectNoViolations(page, "/admin/uzytkownicy/[id]");
});

test("the 403 page has no WCAG 2.1 A/AA violations", async ({ page }) => {
  await signIn(page, DEMO.pracownik, { to: "/admin/uzytkownicy" });
  await expectNoViolations(page, "403");
});

test("the notification panel (the bell) has no WCAG 2.1 A/AA violations and closes with Escape", async ({ page }) => {
  await signIn(page, DEMO.kierownik);
  const bell = page.getByTestId("notification-bell").filter({ visible: true });
  await bell.click();
  await expect(bell).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("region", { name: "Najnowsze powiadomienia" })).toBeVisible();
  await expectNoViolations(page, "notification panel");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("region", { name: "Najnowsze powiadomienia" })).toHaveCount(0);
  await expect(bell).toBeFocused();
});
