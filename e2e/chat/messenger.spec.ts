import { expect, test, type Page } from "@playwright/test";
import { generatedUsers } from "../../prisma/seed/demo-data";
import { person, spareClerk } from "../helpers";

/**
 * Komunikator, two people in two browser contexts: A writes to B from the directory; B's open app
 * shows the unread badge and the message without a reload; B replies; A sees the reply live and
 * "Przeczytano" on the own message; when B's page closes, A sees B offline. Spare clerks nobody
 * else signs in as keep other tests' conversations out of the counts.
 */
test.skip(({ isMobile }) => isMobile, "two people side by side: run once, at 1280 px");

const A_EMAIL = spareClerk("EK", 0);
const B_EMAIL = spareClerk("SO", 0);
const A = generatedUsers().find((u) => u.email === A_EMAIL)!;
const B = generatedUsers().find((u) => u.email === B_EMAIL)!;

async function liveConnected(page: Page) {
  await expect(page.getByTestId("live-status").filter({ visible: true })).toHaveAttribute("data-state", "connected");
}

test("A messages B; B sees it live with an unread badge and replies; A sees the reply and 'Przeczytano'; B goes offline", async ({ browser }) => {
  test.setTimeout(180_000);
  const b = await person(browser, B_EMAIL);
  await b.goto("/pulpit");
  await liveConnected(b);
  await expect(b.getByTestId("chat-unread").filter({ visible: true })).toHaveCount(0);

  // A starts the direct conversation from the directory.
  const a = await person(browser, A_EMAIL);
  await a.goto(`/struktura?q=${encodeURIComponent(B.lastName)}`);
  await a.getByRole("button", { name: `Napisz wiadomość do: ${B.firstName} ${B.lastName}` }).click();
  await expect(a).toHaveURL(/\/komunikator\/[a-z0-9]+$/);
  const conversation = a.getByTestId("conversation");
  await expect(conversation.getByRole("heading", { level: 1, name: `${B.firstName} ${B.lastName}` })).toBeVisible();
  await liveConnected(a);
  await expect(conversation.getByTestId("presence")).toHaveAttribute("data-state", "online");

  // Keyboard only: Enter sends, the box is emptied and keeps focus.
  const text = `Dzień dobry, czy pismo o ławkę już wpłynęło? ${Date.now().toString(36)}`;
  const box = a.getByRole("textbox", { name: "Treść wiadomości" });
  await box.fill(text);
  await box.press("Enter");
  const mine = a.getByTestId("message").filter({ hasText: text });
  await expect(mine).toBeVisible();
  await expect(box).toHaveValue("");
  await expect(box).toBeFocused();
  const sentAt = Date.now();

  // B: no reload — the menu badge shows one unread message.
  const badge = b.getByTestId("chat-unread").filter({ visible: true });
  await expect(badge).toHaveText(/1$/, { timeout: 5_000 });
  test.info().annotations.push({ type: "live update", description: `B's badge showed the message ${Date.now() - sentAt} ms after A's send` });
  // …and A's message is "Dostarczono" once B's app has it.
  await expect(mine.getByTestId("message-status")).toHaveText(/Dostarczono|Przeczytano/);

  await b.getByRole("navigation", { name: "Menu główne" }).getByRole("link", { name: /Komunikator/ }).click();
  const item = b.getByTestId("conversation-link").filter({ hasText: `${A.firstName} ${A.lastName}` });
  await expect(item.getByTestId("conversation-unread")).toHaveText(/1/);
  await item.click();
  await expect(b.getByTestId("message").filter({ hasText: text })).toBeVisible();
  // Read: the badge goes away.
  await expect(badge).toHaveCount(0);

  // A sees "Przeczytano" without a reload; B replies and A sees it live.
  await expect(mine.getByTestId("message-status")).toHaveText("Przeczytano");
  const reply = `Tak, wpłynęło wczoraj. ${Date.now().toString(36)}`;
  const bBox = b.getByRole("textbox", { name: "Treść wiadomości" });
  await bBox.pressSequentially("Tak");
  await expect(a.getByTestId("typing")).toHaveText(`${B.firstName} ${B.lastName} pisze…`);
  await bBox.fill(reply);
  await b.getByRole("button", { name: "Wyślij" }).click();
  await expect(a.getByTestId("message").filter({ hasText: reply })).toBeVisible({ timeout: 5_000 });
  await expect(a.getByTestId("typing")).toHaveText("");

  // B closes the page: A sees B offline.
  await b.context().close();
  await expect(conversation.getByTestId("presence")).toHaveAttribute("data-state", "offline", { timeout: 15_000 });
  await expect(conversation.getByText("niedostępny(-a)")).toBeVisible();
  await a.context().close();
});
