import { expect, test } from "@playwright/test";
import { generatedUsers } from "../../prisma/seed/demo-data";
import { person, spareClerk } from "../helpers";

/**
 * "Zapytaj o to pismo": a clerk on a letter's page opens the new-conversation dialog about it, with
 * the person responsible (here the head of the department) already chosen, sends a question, and
 * the head sees the letter's card in the conversation. Spare accounts keep other tests' counts clean.
 */
test.skip(({ isMobile }) => isMobile, "two people side by side: run once, at 1280 px");

const CLERK_EMAIL = spareClerk("IR", 1);
const HEAD = generatedUsers().find((u) => u.headOf === "IR")!;

test("a clerk asks about a letter from its page; the head sees the question with the letter's card", async ({ browser }) => {
  test.setTimeout(90_000);
  const clerk = await person(browser, CLERK_EMAIL);
  const subject = `Remont świetlicy w Mogielnicy ${Date.now().toString(36)}`;
  const created = await clerk.request.post("/api/trpc/letters.createInternal", { data: { json: { subject } } });
  expect(created.status()).toBe(200);
  const letterId = (await created.json()).result.data.json.id as string;

  await clerk.goto(`/pisma/wewnetrzne/${letterId}`);
  const label = (await clerk.getByRole("heading", { level: 1 }).innerText()).trim();
  await clerk.getByRole("button", { name: "Zapytaj o to pismo" }).click();
  const dialog = clerk.getByRole("dialog", { name: `Zapytaj o: ${label}` });
  const headName = `${HEAD.firstName} ${HEAD.lastName}`;
  // The person responsible is chosen already; the presence says in words whether they are available.
  await expect(dialog.getByTestId("chat-chosen").getByRole("button", { name: `Usuń z rozmowy: ${headName}` })).toBeVisible();
  await expect(dialog.getByTestId("chat-chosen").getByTestId("presence")).toHaveAttribute("data-state", /online|away|leave|offline/);
  await dialog.getByRole("button", { name: "Utwórz rozmowę" }).click();
  await expect(clerk).toHaveURL(/\/komunikator\/[a-z0-9]+$/, { timeout: 20_000 });
  const url = clerk.url();

  const conversation = clerk.getByTestId("conversation");
  await expect(conversation.getByRole("link", { name: new RegExp(subject) }).first()).toBeVisible();
  const question = `Czy możemy to omówić jutro? ${Date.now().toString(36)}`;
  const box = clerk.getByRole("textbox", { name: "Treść wiadomości" });
  await box.fill(question);
  await box.press("Enter");
  await expect(clerk.getByTestId("message").filter({ hasText: question })).toBeVisible();

  // The head opens the conversation: the header's card and the first message's card lead to the letter.
  const head = await person(browser, HEAD.email);
  await head.goto(new URL(url).pathname);
  const headView = head.getByTestId("conversation");
  await expect(headView.getByTestId("message").filter({ hasText: question })).toBeVisible();
  const card = headView.locator("header").getByTestId("link-card");
  await expect(card).toHaveAttribute("data-allowed", "true");
  await expect(card).toContainText(label);
  await expect(card).toContainText(subject);
  await card.click();
  await expect(head).toHaveURL(new RegExp(`/pisma/wewnetrzne/${letterId}$`));
  await clerk.context().close();
  await head.context().close();
});
