import { expect, test } from "@playwright/test";
import { DEMO, signIn, spareClerk } from "../helpers";
import { expectNoViolations } from "../axe";

// Desktop only: the journey changes the account's password, once.
test.skip(({ isMobile }) => isMobile, "desktop only");

const NEW_PASSWORD = "Nowe-Haslo-E2E-2027";


test("a clerk who forgot the password sets a new one through the e-mailed link", async ({ page, browser }) => {
  // An account no other spec signs in as (SO clerks 1 and 2 are the lockout test's).
  const email = spareClerk("SO", 3);

  await page.goto("/logowanie");
  await page.getByRole("link", { name: "Nie pamiętasz hasła?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Przypomnienie hasła" })).toBeVisible();
  await page.getByLabel("Adres e-mail").fill(email);
  await page.getByRole("button", { name: "Wyślij link" }).click();
  await expect(page.getByTestId("reset-requested")).toContainText(`Jeśli konto o adresie ${email} istnieje i jest aktywne`);
  await expectNoViolations(page, "request sent");

  // Without a mail provider the message stays in the local outbox: the administrator reads it.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, DEMO.administrator);
  let link = "";
  await expect(async () => {
    await admin.goto(`/admin/poczta?to=${encodeURIComponent(email)}&template=password-reset`);
    await admin.getByTestId("mail-open").first().click();
    const text = (await admin.getByTestId("mail-text").textContent()) ?? "";
    link = /https?:\/\/[^\s]+\/logowanie\/nowe-haslo\?token=[A-Za-z0-9_-]{43}/.exec(text)?.[0] ?? "";
    expect(link).not.toBe("");
  }).toPass({ timeout: 20_000 });
  await adminContext.close();

  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Ustawianie nowego hasła" })).toBeVisible();
  await expect(page.locator('meta[name="referrer"]')).toHaveAttribute("content", "no-referrer");
  await expectNoViolations(page, "new password form");
  await page.getByLabel(/^Nowe hasło/).fill(NEW_PASSWORD);
  await page.getByLabel(/^Powtórz nowe hasło/).fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Ustaw nowe hasło" }).click();
  await expect(page.getByTestId("reset-done")).toContainText("Hasło zostało zmienione.");

  // The link works once.
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Link został już użyty" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Poproś o nowy link" })).toHaveAttribute("href", "/logowanie/przypomnij-haslo");

  await signIn(page, email, NEW_PASSWORD);
});
