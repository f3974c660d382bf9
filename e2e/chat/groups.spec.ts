import { expect, test, type Page } from "@playwright/test";
import { generatedUsers } from "../../prisma/seed/demo-data";
import { expectNoViolations } from "../axe";
import { choose, person, spareClerk, uniqueSuffix } from "../helpers";

/**
 * Komunikator, group details: the owner renames a group and adds a person while a member watches
 * live; the member leaves the group. And a search hit opens its conversation at the found message.
 * Spare clerks of the Referat Podatków nobody else signs in as.
 */
test.skip(({ isMobile }) => isMobile, "two people side by side: run once, at 1280 px");

const [OWNER, MEMBER, ADDED] = [0, 1, 2].map((i) => generatedUsers().find((u) => u.email === spareClerk("FN-P", i))!);
const fullName = (u: { firstName: string; lastName: string }) => `${u.firstName} ${u.lastName}`;

async function openDetails(page: Page) {
  await page.getByTestId("conversation").getByRole("button", { name: "Szczegóły rozmowy" }).click();
  const dialog = page.getByRole("dialog", { name: "Szczegóły rozmowy" });
  await expect(dialog).toBeVisible();
  return dialog;
}

test("the owner renames a group and adds a person, a member sees it live and leaves the group", async ({ browser }, info) => {
  test.setTimeout(90_000);
  const member = await person(browser, MEMBER!.email);
  await member.goto("/komunikator");
  const owner = await person(browser, OWNER!.email);
  await owner.goto("/komunikator");

  // The owner starts a group with the member.
  const title = `Zwroty podatku ${uniqueSuffix(info)}`;
  await owner.getByRole("button", { name: "Nowa rozmowa" }).click();
  const start = owner.getByRole("dialog", { name: "Nowa rozmowa" });
  await start.getByText("Grupa", { exact: true }).click();
  await start.getByLabel("Nazwa rozmowy").fill(title);
  await choose(start.getByLabel("Szukaj osoby"), MEMBER!.lastName, start.getByRole("button", { name: `Dodaj do rozmowy: ${fullName(MEMBER!)}` }));
  await start.getByRole("button", { name: "Utwórz rozmowę" }).click();
  await expect(owner).toHaveURL(/\/komunikator\/[a-z0-9]+$/);

  // The member's list shows it without a reload.
  await member.getByTestId("conversation-link").filter({ hasText: title }).click();
  await expect(member.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // Rename: the member's header follows.
  const details = await openDetails(owner);
  await expect(details.getByTestId("conversation-member")).toHaveCount(2);
  await expect(details.getByTestId("conversation-member").filter({ hasText: fullName(OWNER!) })).toContainText("zarządza rozmową");
  await expectNoViolations(owner, "Szczegóły rozmowy (owner)");
  const renamed = `${title} — korekty`;
  await details.getByLabel("Nazwa rozmowy").fill(renamed);
  await details.getByRole("button", { name: "Zmień nazwę" }).click();
  await expect(details.getByText("Zmieniono nazwę rozmowy.")).toBeVisible();
  await expect(member.getByRole("heading", { level: 1, name: renamed })).toBeVisible({ timeout: 15_000 });

  // Add a person with the picker: the member sees three people.
  await choose(details.getByLabel("Szukaj osoby do dodania"), ADDED!.lastName, details.getByRole("button", { name: `Dodaj do rozmowy: ${fullName(ADDED!)}` }));
  await details.getByRole("button", { name: "Dodaj wybrane osoby" }).click();
  await expect(details.getByTestId("conversation-member")).toHaveCount(3);
  await expect(member.getByTestId("conversation-members-count")).toContainText("3 osoby", { timeout: 15_000 });

  // The member (not the owner) may not manage it, but leaves it after confirming.
  const memberDetails = await openDetails(member);
  await expect(memberDetails.getByText("Nazwę i skład rozmowy zmienia osoba, która nią zarządza.")).toBeVisible();
  await expect(memberDetails.getByRole("button", { name: /^Usuń z rozmowy/ })).toHaveCount(0);
  await memberDetails.getByRole("button", { name: "Opuść rozmowę" }).click();
  const confirm = member.getByRole("dialog", { name: "Opuścić rozmowę?" });
  await confirm.getByRole("button", { name: "Opuść rozmowę" }).click();
  await expect(member).toHaveURL(/\/komunikator$/);
  await expect(member.getByTestId("conversation-list")).toBeVisible();
  await expect(member.getByTestId("conversation-link").filter({ hasText: renamed })).toHaveCount(0);

  // The owner's open panel drops the member live.
  await expect(details.getByTestId("conversation-member")).toHaveCount(2, { timeout: 15_000 });
  await expect(details.getByTestId("conversation-member").filter({ hasText: fullName(MEMBER!) })).toHaveCount(0);
  await owner.context().close();
  await member.context().close();
});

test("a search hit opens the conversation at the found message, highlighted; older and newer pages load around it", async ({ browser }, info) => {
  test.setTimeout(90_000);
  const page = await person(browser, ADDED!.email);
  await page.goto(`/struktura?q=${encodeURIComponent(OWNER!.lastName)}`);
  await page.getByRole("button", { name: `Napisz wiadomość do: ${fullName(OWNER!)}` }).click();
  await expect(page).toHaveURL(/\/komunikator\/[a-z0-9]+$/);
  const conversationId = new URL(page.url()).pathname.split("/").at(-1)!;

  // More than a page of history (40 messages), sent through the API one after another.
  const tag = `pozycja${uniqueSuffix(info).toLowerCase()}n`;
  const send = async (i: number) => {
    const response = await page.request.post("/api/trpc/chat.send", {
      data: { json: { conversationId, clientId: `e2e-jump-${tag}-${i}`, body: `Rozliczenie ${tag}${String(i).padStart(2, "0")}` } },
    });
    expect(response.ok()).toBe(true);
  };
  for (let i = 1; i <= 45; i++) await send(i);
  await page.goto("/komunikator");
  const search = page.getByRole("search", { name: "Szukaj w rozmowach" });
  await search.getByRole("searchbox").fill(`${tag}03`);
  await search.getByRole("button", { name: "Szukaj", exact: true }).click();
  await page.getByTestId("chat-search-results").getByRole("link", { name: `Otwórz wiadomość w rozmowie: ${fullName(OWNER!)}` }).click();
  await expect(page).toHaveURL(/\?wiadomosc=\d+$/);

  const found = page.locator('[data-testid="message"][data-highlighted]');
  await expect(found).toHaveCount(1);
  await expect(found).toContainText(`${tag}03`);
  await expect(found).toContainText("Znaleziona wiadomość");
  await expect(found).toBeInViewport();
  await expect(found.locator("article")).toBeFocused();
  // The messages before it are loaded above it; the newest one not yet — it comes when scrolling down.
  await expect(page.getByTestId("message").filter({ hasText: `${tag}01` })).toBeAttached();
  const newest = page.getByTestId("message").filter({ hasText: `${tag}45` });
  await expect(newest).toHaveCount(0);
  await page.getByTestId("message-scroller").evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(newest).toBeVisible();
  await expect(page.getByTestId("message").filter({ hasText: tag })).toHaveCount(45);
  // Writing from there goes back to the newest messages.
  await page.getByRole("textbox", { name: "Treść wiadomości" }).fill(`Podsumowanie ${tag}`);
  await page.getByRole("textbox", { name: "Treść wiadomości" }).press("Enter");
  await expect(page).toHaveURL(new RegExp(`/komunikator/${conversationId}$`));
  await expect(page.getByTestId("message").filter({ hasText: `Podsumowanie ${tag}` })).toBeInViewport();
  await page.context().close();
});
