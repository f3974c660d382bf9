import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "../helpers";

test.skip(({ isMobile }) => isMobile, "the access rules do not depend on the screen: run once");

const ADMIN_URLS = ["/admin/urzad", "/admin/komorki", "/admin/stanowiska", "/admin/uzytkownicy", "/admin/rejestry", "/admin/sciezki-akceptacji", "/admin/jrwa", "/admin/dziennik", "/admin/zadania", "/admin/poczta", "/admin/certyfikaty", "/admin/wyszukiwarka"];

test("a clerk opening admin URLs gets 'no access'", async ({ page }) => {
  await signIn(page, DEMO.pracownik);
  for (const url of ADMIN_URLS) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(403);
    await expect(page.getByRole("heading", { name: "Brak dostępu" })).toBeVisible();
  }
  for (const url of ["/zastepstwa", "/pisma/ksiazka-nadawcza", "/pisma/przychodzace/nowe", "/kontakty/import", "/bip-redakcja", "/bip-redakcja/nowy", "/bip-redakcja/menu", "/bip-redakcja/ustawienia"]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(403);
  }
});

test("a clerk calling an admin procedure directly is refused", async ({ page }) => {
  await signIn(page, DEMO.pracownik);
  const response = await page.request.get("/api/trpc/audit.list?input=" + encodeURIComponent(JSON.stringify({ json: {} })));
  expect(response.status()).toBe(403);
  expect((await page.request.get("/api/trpc/search.health")).status()).toBe(403);
  expect((await page.request.post("/api/trpc/search.reindex", { data: {} })).status()).toBe(403);
});

test("without a session staff pages redirect to sign-in and procedures answer 401", async ({ page }) => {
  for (const url of ["/pulpit", "/admin/uzytkownicy", "/profil", "/powiadomienia", "/poczta", "/bip-redakcja"]) {
    await page.goto(url);
    await expect(page).toHaveURL(/\/logowanie\?callbackUrl=/);
  }
  const response = await page.request.get("/api/trpc/profile.get");
  expect(response.status()).toBe(401);
});

test("the realtime endpoint signs only channels the user may join", async ({ page }) => {
  const anonymous = await page.request.post("/api/realtime/auth", { form: { socket_id: "1.2", channel_name: "private-registry" } });
  expect(anonymous.status()).toBe(401);
  await signIn(page, DEMO.pracownik);
  const registry = await page.request.post("/api/realtime/auth", { form: { socket_id: "1.2", channel_name: "private-registry" } });
  expect(registry.status()).toBe(403);
  const someoneElse = await page.request.post("/api/realtime/auth", { form: { socket_id: "1.2", channel_name: "private-user-nobody" } });
  expect(someoneElse.status()).toBe(403);
  const presence = await page.request.post("/api/realtime/auth", { form: { socket_id: "1.2", channel_name: "presence-office" } });
  expect(presence.status()).toBe(200);
  expect(await presence.json()).toMatchObject({ auth: expect.stringMatching(/^[0-9a-f]+:[0-9a-f]{64}$/), channel_data: expect.any(String) });
});

test("the citizen's ESP pages and receipts need the citizen's own sign-in", async ({ page }) => {
  await page.goto("/esp");
  await expect(page).toHaveURL(/\/esp\/logowanie/);
  expect((await page.request.get("/api/esp/upp/ESP-1-2026/xml")).status()).toBe(401);
  // A staff session is not an ESP session.
  await signIn(page, DEMO.kancelaria, { to: "/esp" });
  await expect(page).toHaveURL(/\/esp\/logowanie/);
});
