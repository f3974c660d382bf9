import { expect, test } from "@playwright/test";
import { generatedUsers } from "../../prisma/seed/demo-data";
import { DEMO_PASSWORD, person, spareClerk } from "../helpers";

/**
 * "Away" through the server, as a colleague's directory shows it: a person's only tab sits 10
 * minutes without input (its clock is fast-forwarded) → "nieaktywny(-a)"; a key press → online.
 * (Several tabs and closed tabs: presence.state.test.ts and presence.int.test.ts.) Spare accounts
 * nobody else signs in as: another open tab of the person would rightly keep them online.
 */
test.skip(({ isMobile }) => isMobile, "two people side by side: run once, at 1280 px");

const AWAY_EMAIL = spareClerk("GP", 3);
const WATCHER_EMAIL = spareClerk("GP", 2);
const AWAY = generatedUsers().find((u) => u.email === AWAY_EMAIL)!;

test("an idle person shows as 'nieaktywny(-a)' to colleagues, and online again on input", async ({ browser }) => {
  const watcher = await person(browser, WATCHER_EMAIL);
  await watcher.goto(`/struktura?q=${encodeURIComponent(AWAY.lastName)}`);
  const row = watcher.getByTestId("staff-row").filter({ hasText: AWAY.lastName });
  const away = row.getByTestId("presence-badge");
  const online = row.getByTestId("online-badge");

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "pl-PL", timezoneId: "Europe/Warsaw" });
  const idle = await context.newPage();
  await idle.clock.install();
  await idle.goto("/logowanie");
  await idle.getByLabel("Adres e-mail").fill(AWAY_EMAIL);
  await idle.getByLabel("Hasło").fill(DEMO_PASSWORD);
  await idle.getByRole("button", { name: "Zaloguj się" }).click();
  await expect(idle).toHaveURL(/\/pulpit$/);
  await expect(online).toBeVisible({ timeout: 15_000 });

  await idle.clock.fastForward("10:30");
  await expect(away).toHaveText("nieaktywny(-a)");
  await expect(online).toHaveCount(0);

  await idle.keyboard.press("Shift");
  await expect(online).toBeVisible();
  // Idle again before the tab closes (a closed tab may count for a few minutes: leave an idle one).
  await idle.clock.fastForward("10:30");
  await expect(away).toHaveText("nieaktywny(-a)");
  await idle.close({ runBeforeUnload: true });
  await context.close();
  await watcher.context().close();
});
