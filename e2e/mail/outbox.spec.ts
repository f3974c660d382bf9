import { expect, test } from "@playwright/test";
import { DEMO, signIn, spareClerk } from "../helpers";
import { expectNoViolations } from "../axe";

/** The message's own HTML sits in a sandboxed frame axe cannot enter (no scripts there): checked apart from the page. */
const MAIL_FRAME = '[data-testid="mail-html"]';

// Desktop only: one message is enough to prove the outbox screens (CI time budget).
test.skip(({ isMobile }) => isMobile, "desktop only");

test("the administrator reads a message in the local outbox; its addressee sees it in Moja poczta, nobody else", async ({ page, browser }) => {
  // An account no other spec uses: requesting a link changes nothing until the link is used.
  const email = spareClerk("EK", 2);
  await page.goto("/logowanie/przypomnij-haslo");
  await page.getByLabel("Adres e-mail").fill(email);
  await page.getByRole("button", { name: "Wyślij link" }).click();
  await expect(page.getByTestId("reset-requested")).toBeVisible();

  await signIn(page, DEMO.administrator);
  const row = page.getByTestId("mail-row").first();
  // The link is e-mailed after the answer (no timing difference between accounts): reload until it is in the outbox.
  await expect(async () => {
    await page.goto(`/admin/poczta?to=${encodeURIComponent(email)}`);
    await expect(row).toContainText(email, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1, name: "Poczta wychodząca" })).toBeVisible();
  await expect(page.getByTestId("mail-transport")).toContainText("Nie skonfigurowano dostawcy poczty");
  await expect(row).toContainText("Nowe hasło");
  await expectNoViolations(page, "outbox list", { exclude: MAIL_FRAME });

  await row.getByTestId("mail-open").click();
  await expect(page.getByRole("heading", { level: 1, name: "Ustawienie nowego hasła w systemie Obieg" })).toBeVisible();
  const messageUrl = page.url();
  const text = page.getByTestId("mail-text");
  await expect(text).toContainText("Dzień dobry");
  await expect(text).toContainText("/logowanie/nowe-haslo?token=");
  await expect(text).toContainText("Wiadomość wysłana automatycznie przez system Obieg");
  await expect(page.getByTitle("Treść HTML wiadomości „Ustawienie nowego hasła w systemie Obieg”")).toHaveAttribute("sandbox", "");
  // Delivered to the local outbox by the worker right after the request committed.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("mail-status")).toHaveText(/w lokalnej skrzynce/i, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expectNoViolations(page, "outbox message", { exclude: MAIL_FRAME });
  // The e-mail's own HTML (lang, title, contrast), opened as a page of its own.
  const html = await page.getByTestId("mail-html").getAttribute("srcdoc");
  const mailPage = await page.context().newPage();
  await mailPage.setContent(html ?? "");
  await expectNoViolations(mailPage, "the e-mail's HTML", { exclude: MAIL_FRAME });
  await mailPage.close();

  // The addressee finds the same message under /poczta, with a note on what this copy is.
  const id = messageUrl.split("/").pop()!;
  const clerkContext = await browser.newContext();
  const clerk = await clerkContext.newPage();
  await signIn(clerk, email, { to: "/poczta" });
  await clerk.getByTestId("mail-open").first().click();
  await expect(clerk).toHaveURL(new RegExp(`/poczta/${id}$`));
  await expect(clerk.getByTestId("mail-note")).toContainText("nie została wysłana pocztą");
  await expect(clerk.getByTestId("mail-text")).toContainText("/logowanie/nowe-haslo?token=");
  await expectNoViolations(clerk, "my mail message", { exclude: MAIL_FRAME });
  // …but not the administrator's outbox.
  expect((await clerk.goto("/admin/poczta"))?.status()).toBe(403);
  expect((await clerk.goto(`/admin/poczta/${id}`))?.status()).toBe(403);
  await clerkContext.close();

  // Someone else's message answers 404, even to the administrator under /poczta.
  expect((await page.goto(`/poczta/${id}`))?.status()).toBe(404);
});
