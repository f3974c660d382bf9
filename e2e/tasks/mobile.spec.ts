import { expect, test, type Page } from "@playwright/test";
import { generatedUsers } from "../../prisma/seed/demo-data";
import { openMenu, person, signIn, spareClerk, uniqueSuffix } from "../helpers";

/**
 * Polecenia on a phone (360 px): a head gives a task at a desk; the clerk opens it on the phone
 * from the list and accepts it. The Wydział Inwestycji i Rozwoju: people nobody else signs in as.
 */
test.skip(({ isMobile }) => !isMobile, "the phone layout: run at 360 px");

const CLERK = generatedUsers().find((u) => u.email === spareClerk("IR", 3))!;
const HEAD = generatedUsers().find((u) => u.headOf === "IR")!;

async function expectNoSideways(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

test("at 360 px a clerk opens Polecenia, opens a task given to them and accepts it", async ({ page, browser }, info) => {
  const title = `Odbiór chodnika przy szkole ${uniqueSuffix(info)}`;
  const head = await person(browser, HEAD.email);
  await head.goto("/polecenia/nowe");
  await head.getByLabel("Tytuł polecenia").fill(title);
  await head.getByLabel("Opis").fill("Sprawdzić odbiór robót i spisać protokół.");
  await head.getByRole("checkbox", { name: new RegExp(`${CLERK.firstName} ${CLERK.lastName}`) }).check();
  await head.getByRole("button", { name: "Wydaj polecenie" }).click();
  await expect(head).toHaveURL(/\/polecenia\/(?!nowe$)[a-z0-9]+$/);
  await head.context().close();

  await signIn(page, CLERK.email);
  await (await openMenu(page)).getByRole("link", { name: /Polecenia/ }).click();
  await expect(page).toHaveURL(/\/polecenia$/);
  await expectNoSideways(page);
  await page.getByTestId("tasks-list").getByRole("link", { name: new RegExp(title) }).click();
  await expect(page).toHaveURL(/\/polecenia\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { level: 2, name: new RegExp(title) })).toBeVisible();
  await expectNoSideways(page);

  await page.getByRole("button", { name: "Przyjmij polecenie" }).click();
  await expect(page.getByTestId("task-thread")).toContainText("Przyjęto polecenie");
  await expect(page.getByRole("button", { name: "Zgłoś wykonanie" })).toBeVisible();
  await expectNoSideways(page);
});
