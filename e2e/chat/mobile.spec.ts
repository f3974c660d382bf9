import { expect, test, type Page } from "@playwright/test";
import { openMenu, signIn, spareClerk, uniqueSuffix } from "../helpers";

/**
 * Komunikator on a phone (360 px): the list and the open conversation take the screen in turn.
 * A clerk of the Referat Dróg nobody else signs in as writes in the department's room.
 */
test.skip(({ isMobile }) => !isMobile, "the phone layout: run at 360 px");

async function expectNoSideways(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

test("at 360 px a clerk opens the Komunikator, opens a conversation, sends a message and goes back to the list", async ({ page }, info) => {
  await signIn(page, spareClerk("GK-D", 0));
  await (await openMenu(page)).getByRole("link", { name: /Komunikator/ }).click();
  await expect(page).toHaveURL(/\/komunikator$/);
  await expect(page.getByRole("heading", { level: 1, name: "Komunikator" })).toBeVisible();
  await expectNoSideways(page);

  // The department's room is on the list: opening it replaces the list with the conversation.
  await page.getByTestId("conversation-link").filter({ hasText: "Referat Dróg" }).click();
  await expect(page).toHaveURL(/\/komunikator\/[a-z0-9]+$/);
  const conversation = page.getByTestId("conversation");
  await expect(conversation.getByRole("heading", { level: 1, name: "Referat Dróg" })).toBeVisible();
  await expect(page.getByTestId("conversation-list")).toBeHidden();
  await expectNoSideways(page);

  const text = `Łatanie dziur na Polnej od poniedziałku ${uniqueSuffix(info)}`;
  await conversation.getByRole("textbox", { name: "Treść wiadomości" }).fill(text);
  await conversation.getByRole("button", { name: "Wyślij" }).click();
  await expect(conversation.getByTestId("message").filter({ hasText: text })).toBeVisible();
  await expect(conversation.getByRole("textbox", { name: "Treść wiadomości" })).toHaveValue("");

  // Back to the list: the conversation gives way, the room shows the message.
  await conversation.getByRole("link", { name: "Wróć do rozmów" }).click();
  await expect(page).toHaveURL(/\/komunikator$/);
  await expect(page.getByTestId("conversation")).toHaveCount(0);
  await expect(page.getByTestId("conversation-link").filter({ hasText: "Referat Dróg" })).toContainText(text.slice(0, 30));
  await expectNoSideways(page);
});
