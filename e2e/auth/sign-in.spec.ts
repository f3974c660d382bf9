import { expect, test } from "@playwright/test";
import { DEMO, signIn, signOut, spareClerk } from "../helpers";

test("a clerk signs in, sees the dashboard, and signs out", async ({ page }) => {
  await signIn(page, DEMO.pracownik, { form: true });
  await expect(page.getByRole("heading", { level: 1, name: "Dzień dobry, Katarzyna" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Moje dane" })).toBeVisible();
  await expect(page.getByText("GK — Wydział Gospodarki Komunalnej")).toBeVisible();
  await signOut(page);
  await expect(page.getByText("Wylogowano.")).toBeVisible();
  // The session is gone: a staff page sends us back to sign-in.
  await page.goto("/pulpit");
  await expect(page).toHaveURL(/\/logowanie\?callbackUrl=%2Fpulpit/);
});

test("a wrong password is refused with a Polish message", async ({ page }) => {
  await page.goto("/logowanie");
  await page.getByLabel("Adres e-mail").fill(DEMO.sekretarz);
  await page.getByLabel("Hasło").fill("zle-haslo-123");
  await page.getByRole("button", { name: "Zaloguj się" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Nieprawidłowy adres e-mail lub hasło." })).toBeVisible();
  await expect(page).toHaveURL(/\/logowanie/);
});

test("five wrong passwords lock the account, even against the right password", async ({ page, isMobile: mobile }) => {
  test.skip(mobile, "the lockout does not depend on the screen: run once");
  const email = spareClerk("SO", 2);
  await page.goto("/logowanie");
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await page.getByLabel("Adres e-mail").fill(email);
    await page.getByLabel("Hasło").fill(`zle-haslo-${attempt}`);
    await page.getByRole("button", { name: "Zaloguj się" }).click();
    const alert = page.getByRole("alert").filter({ hasText: attempt < 5 ? "Nieprawidłowy adres e-mail lub hasło." : "Konto zostało zablokowane" });
    await expect(alert).toBeVisible();
  }
  await expect(page.getByRole("alert").filter({ hasText: "Konto zostało zablokowane po zbyt wielu nieudanych próbach logowania" })).toBeVisible();
  await page.getByLabel("Hasło").fill("Obieg2026!");
  await page.getByRole("button", { name: "Zaloguj się" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Konto zostało zablokowane" })).toBeVisible();
  await expect(page).toHaveURL(/\/logowanie/);

  // An administrator unlocks the account; the right password works again.
  await signIn(page, DEMO.administrator, { to: "/admin/uzytkownicy?status=zablokowani" });
  const list = page.getByTestId("users-table");
  await expect(list).toContainText("Zablokowany");
  await page.goto(`/admin/uzytkownicy?status=zablokowani&q=${encodeURIComponent(email)}`);
  await list.getByRole("link").first().click();
  await page.getByTestId("unlock-user").click();
  await expect(page.getByText("Konto zostało odblokowane.")).toBeVisible();
  await signOut(page);
  await signIn(page, email, { form: true });
});

test("a signed-in user going to the sign-in page lands on the dashboard", async ({ page }) => {
  await signIn(page, DEMO.kancelaria);
  await page.goto("/logowanie");
  await expect(page).toHaveURL(/\/pulpit$/);
});
