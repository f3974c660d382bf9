import { expect, test, type Page } from "@playwright/test";
import { generatedUsers } from "../../prisma/seed/demo-data";
import { DEMO, person, spareClerk, choose } from "../helpers";

/**
 * Live updates across people and tabs: the head of GK gives a letter to a clerk; the clerk's open
 * "Do mnie" (list and menu badge) and bell update without a reload, the notification leads to the
 * letter, the e-mail is in the clerk's local mailbox, and marking it read in one tab clears the
 * bell in the clerk's other tab; the head sees the clerk online in the directory. A spare GK clerk keeps other tests' inboxes out of the counts.
 */
test.skip(({ isMobile }) => isMobile, "two people side by side: run once, at 1280 px");

const CLERK_EMAIL = spareClerk("GK", 2);
const CLERK = generatedUsers().find((u) => u.email === CLERK_EMAIL)!;


async function registerForGk(page: Page, subject: string): Promise<{ rpw: string; url: string }> {
  await page.goto("/pisma/przychodzace/nowe");
  await page.getByLabel("Kanał wpływu").selectOption("PAPER");
  await choose(page.getByRole("combobox", { name: "Nadawca" }), "zolc", page.getByRole("option", { name: /Żółć Zofia/ }));
  await page.getByLabel("Dotyczy").fill(subject);
  await page.getByLabel("Komórka wiodąca").selectOption({ label: "GK — Wydział Gospodarki Komunalnej" });
  await page.getByRole("button", { name: "Zarejestruj", exact: true }).click();
  const heading = page.getByRole("heading", { name: /^Zarejestrowano pismo RPW\// });
  await expect(heading).toBeVisible();
  const rpw = (await heading.textContent())!.replace("Zarejestrowano pismo ", "").trim();
  await page.getByRole("link", { name: "Przejdź do pisma" }).click();
  await expect(page.getByRole("heading", { level: 1, name: rpw })).toBeVisible();
  return { rpw, url: new URL(page.url()).pathname };
}

test("a letter given to a clerk appears in their open inbox, bell and mailbox at once; their tabs stay in sync", async ({ browser }) => {
  test.setTimeout(180_000);
  const kancelaria = await person(browser, DEMO.kancelaria);
  const { rpw, url } = await registerForGk(kancelaria, "Prośba o naprawę ławki w parku miejskim");

  const clerk = await person(browser, CLERK_EMAIL);
  await clerk.goto("/do-mnie");
  const bell = clerk.getByTestId("notification-bell").filter({ visible: true });
  await expect(bell).toHaveAccessibleName(/^Powiadomienia/);
  const counter = clerk.getByTestId("notification-count").filter({ visible: true });
  const unreadBefore = (await counter.count()) > 0 ? Number(await counter.textContent()) : 0;
  const clerkTab2 = await clerk.context().newPage();
  await clerkTab2.goto("/pulpit");
  // The live connection is up in both tabs before the head acts.
  await expect(clerk.getByTestId("live-status").filter({ visible: true })).toHaveAttribute("data-state", "connected");
  await expect(clerkTab2.getByTestId("live-status").filter({ visible: true })).toHaveAttribute("data-state", "connected");

  const head = await person(browser, DEMO.kierownik);
  await head.goto(url);
  await head.getByRole("button", { name: `Przydziel pracownikowi: ${rpw}, GK` }).click();
  const assign = head.getByRole("dialog", { name: "Przydziel pracownikowi" });
  await assign.getByRole("combobox", { name: "Pracownik", exact: true }).selectOption({ label: `${CLERK.lastName} ${CLERK.firstName} (GK, ${CLERK.position})` });
  await assign.getByRole("button", { name: "Zatwierdź" }).click();
  await expect(head.getByText("Przydzielono pismo.")).toBeVisible();
  const assignedAt = Date.now();

  // No reload: the clerk's list, menu badge and bell follow.
  await expect(clerk.getByRole("button", { name: `Przyjmij: ${rpw}` })).toBeVisible({ timeout: 5_000 });
  const seenAfterMs = Date.now() - assignedAt;
  test.info().annotations.push({ type: "live update", description: `list updated ${seenAfterMs} ms after the head's confirmation` });
  await expect(clerk.getByTestId("inbox-count").filter({ visible: true })).toBeVisible();
  await expect(clerk.getByTestId("notification-count").filter({ visible: true })).toHaveText(String(unreadBefore + 1));
  await expect(clerkTab2.getByTestId("notification-count").filter({ visible: true })).toHaveText(String(unreadBefore + 1));

  // The bell shows the notification; it leads to the letter and is then read.
  await bell.click();
  const panel = clerk.getByRole("region", { name: "Najnowsze powiadomienia" });
  await expect(panel.getByRole("link", { name: new RegExp(`Nowe pismo: ${rpw}`) })).toBeVisible();
  await panel.getByRole("link", { name: new RegExp(`Nowe pismo: ${rpw}`) }).click();
  await expect(clerk).toHaveURL(new RegExp(`${url}$`));
  await expect(clerk.getByRole("heading", { level: 1, name: rpw })).toBeVisible();

  // The e-mail went out through the outbox; without a provider it waits in the local mailbox.
  await clerk.goto("/powiadomienia");
  await clerk.getByRole("link", { name: /^Moja poczta/ }).click();
  await expect(clerk.getByTestId("mail-row").filter({ hasText: `Nowe pismo: ${rpw}` })).toBeVisible();

  // Marking everything read in one tab clears the bell in the other.
  await clerk.goto("/powiadomienia");
  if (await clerk.getByRole("button", { name: "Oznacz wszystkie jako przeczytane" }).isVisible()) {
    await clerk.getByRole("button", { name: "Oznacz wszystkie jako przeczytane" }).click();
  }
  await expect(clerkTab2.getByTestId("notification-count").filter({ visible: true })).toHaveCount(0);

  // Presence: the head sees the clerk online in the directory, and offline once the clerk's tabs close.
  await head.goto(`/struktura?q=${encodeURIComponent(CLERK.lastName)}`);
  const row = head.getByTestId("staff-row").filter({ hasText: CLERK.lastName });
  await expect(row.getByTestId("online-badge")).toHaveText("online");
  await clerk.context().close();
  await expect(row.getByTestId("online-badge")).toHaveCount(0);

  await Promise.all([kancelaria.context().close(), head.context().close()]);
});
