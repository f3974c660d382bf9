import { expect, type Browser, type BrowserContext, type Locator, type Page, type TestInfo } from "@playwright/test";
import { generatedUsers } from "../prisma/seed/demo-data";

export const DEMO_PASSWORD = "Obieg2026!";

/** One demo account per role (prisma/seed/demo-data.ts, listed in the README). */
export const DEMO = {
  administrator: "admin@boguchwala.example",
  kancelaria: "kancelaria@boguchwala.example",
  kierownik: "kierownik.gk@boguchwala.example",
  pracownik: "pracownik.gk@boguchwala.example",
  sekretarz: "sekretarz@boguchwala.example",
  skarbnik: "skarbnik@boguchwala.example",
  redaktorBip: "bip@boguchwala.example",
} as const;

export const isMobile = (page: Page) => (page.viewportSize()?.width ?? 1280) < 1024;

type Cookie = Awaited<ReturnType<BrowserContext["cookies"]>>[number];

/** Session cookies of the accounts this worker has signed in as (sessions are JWTs, valid until idle). */
const sessions = new Map<string, Cookie[]>();

type SignInOptions = {
  /** Default: the demo password. */
  password?: string;
  /** Always fill the sign-in form, even when this worker holds a session of the account. */
  form?: boolean;
  /** The page to open once signed in (default: the dashboard, which the sign-in lands on). */
  to?: string;
};

/**
 * Signs in and opens the dashboard (or `to`). The form is filled once per account and worker;
 * later calls reuse that session's cookie and go straight to the page (a session that no longer
 * holds, e.g. after a password change, falls back to the form).
 */
export async function signIn(page: Page, email: string, options: SignInOptions | string = {}) {
  const { password = DEMO_PASSWORD, form = false, to } = typeof options === "string" ? { password: options } : options;
  const cached = form || password !== DEMO_PASSWORD ? undefined : sessions.get(email);
  if (cached) {
    await page.context().addCookies(cached);
    await page.goto(to ?? "/pulpit");
    if (!new URL(page.url()).pathname.startsWith("/logowanie")) return hydrated(page);
    sessions.delete(email);
  }
  await page.goto("/logowanie");
  await page.getByLabel("Adres e-mail").fill(email);
  await page.getByLabel("Hasło").fill(password);
  await page.getByRole("button", { name: "Zaloguj się" }).click();
  await expect(page).toHaveURL(/\/pulpit$/);
  if (password === DEMO_PASSWORD) sessions.set(email, (await page.context().cookies()).filter((c) => c.name.includes("session-token")));
  if (to) await page.goto(to);
  await hydrated(page);
}

/** Waits until the page has hydrated (HydrationMark in the root layout): text typed earlier is lost. */
export async function hydrated(page: Page) {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

/**
 * Types into a combobox and clicks the option. Typing before the page has hydrated is lost (no
 * query runs): type again until the option shows.
 */
export async function choose(combobox: Locator, typed: string, option: Locator) {
  await expect(async () => {
    await combobox.fill("");
    await combobox.fill(typed);
    await expect(option).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await option.click();
}

/** The main menu: the sidebar on desktop, the drawer (opened here) on phones. */
export async function openMenu(page: Page) {
  if (isMobile(page)) {
    // A tap before the page has hydrated does nothing: tap again until the drawer is open.
    const drawer = page.getByRole("dialog", { name: "Menu główne" });
    await expect(async () => {
      if (!(await drawer.isVisible())) await page.getByRole("button", { name: "Otwórz menu" }).click();
      await expect(drawer).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
    return drawer.getByRole("navigation", { name: "Menu główne" });
  }
  return page.getByRole("navigation", { name: "Menu główne" });
}

export async function signOut(page: Page) {
  if (isMobile(page)) await page.getByRole("button", { name: "Otwórz menu" }).click();
  await page.getByRole("button", { name: "Wyloguj" }).filter({ visible: true }).click();
  await expect(page).toHaveURL(/\/logowanie/);
}

/** A suffix unique to this test run and project, for records the test creates. */
export function uniqueSuffix(info: TestInfo): string {
  return `${info.project.name === "mobile" ? "M" : "D"}${Date.now().toString(36).slice(-4).toUpperCase()}`;
}

/** Demo clerks that no other test signs in as, for tests that change an account (e.g. lock it). */
export function spareClerk(department: string, index: number): string {
  const clerks = generatedUsers().filter((u) => u.department === department && !u.headOf);
  const user = clerks[index];
  if (!user) throw new Error(`No spare clerk ${index} in ${department}`);
  return user.email;
}

/** Another person at another desk: a fresh browser context at 1280 px, signed in. */
export async function person(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "pl-PL", timezoneId: "Europe/Warsaw" });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}
