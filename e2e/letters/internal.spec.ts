import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "../helpers";

// Multi-person flows run at 1280 px; the 360 px path of the same screens is covered by e2e/kancelaria/journey.spec.ts and the a11y checks.
test.skip(({ isMobile }) => isMobile, "desktop only");

test("a clerk drafts an internal letter to FN and sends it; it gets a WEW number and waits in FN", async ({ page }, info) => {
  test.setTimeout(120_000);
  const subject = `Prośba o zestawienie opłat ${info.project.name === "mobile" ? "M" : "D"}${Date.now().toString(36).toUpperCase()}`;
  await signIn(page, DEMO.pracownik, { to: "/pisma/wewnetrzne/nowe" });
  await page.getByLabel("Temat").fill(subject);
  await page.getByLabel("Treść").fill("Proszę o zestawienie opłat za zajęcie pasa drogowego.");
  // Sending without a recipient is refused and keeps what was typed.
  await page.getByRole("button", { name: "Wyślij" }).click();
  await expect(page.getByText("Wybierz co najmniej jedną komórkę", { exact: false })).toBeVisible();
  await expect(page.getByLabel("Temat")).toHaveValue(subject);

  await page.getByRole("checkbox", { name: "FN — Wydział Finansowy" }).check();
  await page.getByRole("button", { name: "Zapisz szkic" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^ID \d+$/ })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("szkic");
  await page.getByRole("button", { name: "Wyślij" }).click();
  await expect(page.getByText(/^Wysłano pismo WEW\/\d+\/\d{4}\.$/)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: /^WEW\/\d+\/\d{4}$/ })).toBeVisible();
  await expect(page.getByTestId("decree-panel")).toContainText("FN");
  await expect(page.getByTestId("decree-panel")).toContainText("czeka na dekretację w komórce");

  await page.goto(`/pisma/wewnetrzne?moje=1&q=${encodeURIComponent(subject)}`);
  await expect(page.getByTestId("letters-count")).toHaveText("Znaleziono 1 pismo.");
});
