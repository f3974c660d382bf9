import { expect, test } from "@playwright/test";
import { generatedUsers } from "../../prisma/seed/demo-data";
import { expectNoViolations } from "../axe";
import { DEMO, person, spareClerk, uniqueSuffix } from "../helpers";

/** Polecenia files: the head gives a task with a PDF; the assignee sees it on the task and downloads it. */
test.skip(({ isMobile }) => isMobile, "two people: run once, at 1280 px");

const CLERK_EMAIL = spareClerk("GK", 1);
const CLERK = generatedUsers().find((u) => u.email === CLERK_EMAIL)!;

test("a task given with a file: the assignee sees and downloads it", async ({ browser }, info) => {
  const pdf = Buffer.from(`%PDF-1.7\n% Wytyczne ${uniqueSuffix(info)}\n%%EOF\n`);
  const title = `Kosztorys remontu świetlicy ${uniqueSuffix(info)}`;
  const head = await person(browser, DEMO.kierownik);
  await head.goto("/polecenia/nowe");
  await head.getByLabel("Tytuł polecenia").fill(title);
  await head.getByRole("checkbox", { name: new RegExp(`${CLERK.firstName} ${CLERK.lastName}`) }).check();
  await head.getByLabel("Załącz plik").setInputFiles({ name: "Wytyczne.pdf", mimeType: "application/pdf", buffer: pdf });
  await expect(head.getByTestId("pending-files").getByRole("listitem")).toHaveAttribute("data-status", "ready");
  await head.getByRole("button", { name: "Wydaj polecenie" }).click();
  await expect(head).toHaveURL(/\/polecenia\/(?!nowe$)[a-z0-9]+$/);
  const taskUrl = head.url();

  const clerk = await person(browser, CLERK_EMAIL);
  await clerk.goto(taskUrl);
  await expect(clerk.getByRole("heading", { level: 2, name: new RegExp(title) })).toBeVisible();
  const link = clerk.getByRole("link", { name: /Pobierz plik Wytyczne\.pdf/ });
  await expect(link).toBeVisible();
  await expectNoViolations(clerk, "/polecenia/[id] with files");
  const res = await clerk.request.get((await link.getAttribute("href"))!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-disposition"]).toContain('attachment; filename="Wytyczne.pdf"');
  expect(Buffer.from(await res.body()).equals(pdf)).toBe(true);
  await head.context().close();
  await clerk.context().close();
});
