import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "../helpers";

// Form-heavy flows run at 1280 px; the 360 px layout of these pages is checked by e2e/a11y and the main journey.
test.skip(({ isMobile }) => isMobile, "desktop only");

test("the administrator sees the next number of each register and its live preview; bad patterns are refused", async ({ page }) => {
  await signIn(page, DEMO.administrator, { to: "/admin/rejestry" });
  await expect(page.getByRole("heading", { level: 1, name: "Rejestry i numeracja" })).toBeVisible();
  await expect(page.getByText("Zmiana wzoru dotyczy numerów nadawanych od chwili zapisania.")).toBeVisible();

  const rpw = page.getByRole("textbox", { name: "Rejestr przesyłek wpływających (RPW)" });
  const year = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Warsaw", year: "numeric" }).format(new Date());
  const original = await rpw.inputValue();
  await expect(rpw).toHaveAccessibleDescription(new RegExp(`^Następny numer: \\S+`));
  await expect(page.getByText(new RegExp(`Następny numer: KN/\\d+/${year}`))).toBeVisible();

  // The preview follows what is typed (nothing saved yet).
  await rpw.fill("KP-{n}-{yy}");
  await expect(rpw).toHaveAccessibleDescription(new RegExp(`^Następny numer: KP-\\d+-${year.slice(2)} `));
  await rpw.fill("RPW/{yyyy}");
  await expect(rpw).toHaveAccessibleDescription(/Popraw wzór, aby zobaczyć następny numer\./);

  // Saving a pattern without {n} is refused beside the field, in Polish.
  await page.getByRole("button", { name: "Zapisz wzory" }).click();
  await expect(page.getByText("Wzór musi zawierać dokładnie jedno pole {n} (numer kolejny).")).toBeVisible();
  await expect(rpw).toBeFocused();

  // Two registers that would give the same numbers are refused too.
  await rpw.fill(original);
  const internal = page.getByRole("textbox", { name: "Rejestr pism wewnętrznych" });
  const internalOriginal = await internal.inputValue();
  await internal.fill(original);
  await page.getByRole("button", { name: "Zapisz wzory" }).click();
  await expect(page.getByText(/Ten wzór dawałby te same numery co inny rejestr/)).toBeVisible();

  // Saving the unchanged patterns succeeds (other tests share this database: nothing is changed here).
  await internal.fill(internalOriginal);
  await page.getByRole("button", { name: "Zapisz wzory" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Zapisano wzory numerów." })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Rejestr przesyłek wpływających (RPW)" })).toHaveValue(original);
});

test("a clerk and the kancelaria get 'no access' to the register settings", async ({ page }) => {
  await signIn(page, DEMO.kancelaria);
  const response = await page.goto("/admin/rejestry");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Brak dostępu" })).toBeVisible();
  const api = await page.request.get("/api/trpc/documents.registers.get");
  expect(api.status()).toBe(403);
});
