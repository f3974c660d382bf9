import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "../helpers";

const ADMIN_URLS = ["/admin/urzad", "/admin/komorki", "/admin/stanowiska", "/admin/uzytkownicy", "/admin/rejestry", "/admin/sciezki-akceptacji", "/admin/jrwa", "/admin/dziennik", "/admin/zadania"];

test("a clerk opening admin URLs gets 'no access'", async ({ page }) => {
  await signIn(page, DEMO.pracownik);
  for (const url of ADMIN_URLS) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(403);
    await expect(page.getByRole("heading", { name: "Brak dostępu" })).toBeVisible();
  }
  for (const url of ["/zastepstwa", "/pisma/ksiazka-nadawcza", "/pisma/przychodzace/nowe", "/kontakty/import"]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(403);
  }
});

test("a clerk calling an admin procedure directly is refused", async ({ page }) => {
  await signIn(page, DEMO.pracownik);
  const response = await page.request.get("/api/trpc/audit.list?input=" + encodeURIComponent(JSON.stringify({ json: {} })));
  expect(response.status()).toBe(403);
});

test("without a session staff pages redirect to sign-in and procedures answer 401", async ({ page }) => {
  for (const url of ["/pulpit", "/admin/uzytkownicy", "/profil"]) {
    await page.goto(url);
    await expect(page).toHaveURL(/\/logowanie\?callbackUrl=/);
  }
  const response = await page.request.get("/api/trpc/profile.get");
  expect(response.status()).toBe(401);
});
