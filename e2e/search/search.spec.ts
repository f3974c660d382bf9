import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO, isMobile, signIn, signOut, spareClerk, uniqueSuffix, choose } from "../helpers";
import { expectNoViolations } from "../axe";

/**
 * Search (issue 6): a clerk finds a letter and its case typing part of a word without Polish
 * letters, through the Ctrl+K palette and the results page; a confidential letter is found by
 * whoever may open it and by nobody of another department; the palette works by keyboard alone.
 */

async function registerLetter(page: Page, subject: string, options: { confidential?: boolean } = {}) {
  await page.goto("/pisma/przychodzace/nowe");
  // Other specs add contacts of the same name: any of them will do as the sender.
  await choose(page.getByRole("combobox", { name: "Nadawca" }), "zolc", page.getByRole("option", { name: /Żółć Zofia/ }).first());
  await page.getByLabel("Dotyczy").fill(subject);
  if (options.confidential) await page.getByLabel("Pismo poufne").check();
  await page.getByLabel("Komórka wiodąca").selectOption({ label: "GK — Wydział Gospodarki Komunalnej" });
  await page.getByRole("button", { name: "Zarejestruj", exact: true }).click();
  await page.getByRole("link", { name: "Przejdź do pisma" }).click();
  await expect(page).toHaveURL(/\/pisma\/przychodzace\/(?!nowe)[^/]+$/);
  return new URL(page.url()).pathname;
}

/** The results page, reloaded until the outbox has indexed what the test just wrote. */
async function resultsFor(page: Page, q: string, expected: number) {
  const results = page.getByTestId("search-results").getByRole("listitem");
  await expect(async () => {
    await page.goto(`/szukaj?q=${encodeURIComponent(q)}`);
    await expect(results).toHaveCount(expected, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  return results;
}

async function openPalette(page: Page) {
  const dialog = page.getByRole("dialog", { name: "Wyszukiwarka" });
  // A tap before hydration does nothing: try again until the dialog is open.
  await expect(async () => {
    if (isMobile(page)) await page.getByRole("banner").getByRole("button", { name: "Szukaj w systemie", exact: true }).click();
    else await page.keyboard.press("Control+k");
    await expect(dialog).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  return dialog;
}


function trpcQuery(request: APIRequestContext, path: string, input: unknown) {
  return request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
}

test("a clerk typing 'zazalen' finds the letter and its case first, in the palette and on the results page", async ({ page }, info) => {
  test.setTimeout(180_000);
  const suffix = uniqueSuffix(info);
  const subject = `Zażalenie na postanowienie ${suffix}`;

  await signIn(page, DEMO.kancelaria);
  const letterUrl = await registerLetter(page, subject);
  await signOut(page);

  await signIn(page, DEMO.pracownik, { to: "/sprawy/nowa" });
  await choose(page.getByRole("combobox", { name: "Klasa z wykazu akt (JRWA)" }), "6220", page.getByRole("option", { name: /^6220 Ocena oddziaływania/ }));
  await page.getByRole("textbox", { name: "Tytuł sprawy" }).fill(`Rozpatrzenie zażalenia ${suffix}`);
  await page.getByRole("button", { name: "Załóż sprawę" }).click();
  await expect(page).toHaveURL(/\/sprawy\/(?!nowa)[^/]+$/);
  const caseUrl = new URL(page.url()).pathname;

  // Results page: both, the letter and the case, with the match marked and the time taken.
  const query = `${suffix.toLowerCase()} zazalen`; // part of a word, no Polish letters
  const results = await resultsFor(page, query, 2);
  const hrefs = await results.getByRole("link").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  expect(hrefs.sort()).toEqual([caseUrl, letterUrl].sort());
  await expect(results.first().locator("mark").first()).toHaveText(/^zażaleni/i);
  await expect(page.getByTestId("search-took")).toHaveText(/^w \d+ ms$/);
  await expect(page.getByTestId("facet-type").getByRole("link")).toHaveCount(2);
  // A facet narrows to the letter; choosing it again removes the filter.
  await page.getByTestId("facet-type").getByRole("link", { name: /^Pisma\s*, wyników:\s*1$/ }).click();
  await expect(page).toHaveURL(/typ=letter/);
  await expect(page.getByTestId("search-results").getByRole("listitem")).toHaveCount(1);
  await page.getByTestId("facet-type").getByRole("link", { name: /Pisma\s*, wyników:\s*1\s*— wybrany, usuń filtr$/ }).click();
  await expect(page.getByTestId("search-results").getByRole("listitem")).toHaveCount(2);

  // The palette: the same two first, then "Pokaż wszystkie wyniki".
  const dialog = await openPalette(page);
  const box = dialog.getByRole("combobox", { name: /Szukaj w pismach/ });
  await expect(box).toBeFocused();
  await box.fill(query);
  const options = dialog.getByRole("option");
  await expect(options).toHaveCount(3);
  await expect(options.nth(2)).toHaveText("Pokaż wszystkie wyniki (2)");
  const titles = (await options.allTextContents()).slice(0, 2).join(" | ");
  expect(titles).toContain(subject);
  expect(titles).toContain(`Rozpatrzenie zażalenia ${suffix}`);
  await options.nth(0).click();
  await expect(page).toHaveURL(new RegExp(`(${letterUrl}|${caseUrl})$`));
});

test("a confidential letter is found by the registry and by nobody of another department", async ({ page, isMobile: mobile }, info) => {
  test.skip(mobile, "the access rule does not depend on the screen: run once");
  test.setTimeout(180_000);
  const suffix = uniqueSuffix(info);
  const subject = `Poufna skarga sąsiedzka ${suffix}`;
  const query = `poufna skarga ${suffix}`;

  await signIn(page, DEMO.kancelaria);
  const letterUrl = await registerLetter(page, subject, { confidential: true });
  // The control: whoever registered it finds it (so the index has it).
  const found = await resultsFor(page, query, 1);
  await expect(found.getByRole("link")).toHaveAttribute("href", letterUrl);
  await signOut(page);

  await signIn(page, spareClerk("FN", 2), { to: `/szukaj?q=${encodeURIComponent(query)}` });
  await expect(page.getByText("Nic nie znaleziono", { exact: true })).toBeVisible();
  await expect(page.getByTestId("search-results")).toHaveCount(0);
  const dialog = await openPalette(page);
  await dialog.getByRole("combobox").fill(subject);
  await expect(dialog.getByTestId("search-palette-status")).toHaveText(`Nic nie znaleziono dla „${subject}”.`);
  await expect(dialog.getByRole("option")).toHaveCount(0);
  // Nor through the API.
  const response = await trpcQuery(page.request, "search.query", { q: query });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { result: { data: { json: { total: number } } } };
  expect(body.result.data.json.total).toBe(0);
});

test("the palette works by keyboard alone: open, move, Enter opens, Escape closes and returns focus", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO.pracownik, { to: "/pulpit" });
  const opener = isMobile(page) ? page.getByRole("banner").getByRole("button", { name: "Szukaj w systemie", exact: true }) : page.getByRole("complementary").getByRole("button", { name: "Szukaj w systemie", exact: true });
  const dialog = page.getByRole("dialog", { name: "Wyszukiwarka" });
  await expect(async () => {
    await opener.focus();
    await page.keyboard.press("Enter");
    await expect(dialog).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  const box = dialog.getByRole("combobox");
  await expect(box).toBeFocused();
  await expect(dialog.getByTestId("search-palette-status")).toHaveText("Wpisz co najmniej 2 znaki.");
  // Escape closes; focus is back on the button that opened it.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  // Ctrl+K from anywhere (a hardware keyboard, also on a tablet).
  await page.keyboard.press("Control+k");
  await expect(dialog).toBeVisible();
  await page.keyboard.type("zolc");
  const options = dialog.getByRole("option");
  await expect(dialog.getByTestId("search-palette-status")).toHaveText(/^\d+ wynik/);
  await expect(options.first()).toBeVisible();
  const count = await options.count();
  expect(count).toBeGreaterThan(1);
  await expect(box).toHaveAttribute("aria-expanded", "true");
  await expect(box).not.toHaveAttribute("aria-activedescendant");
  await page.keyboard.press("ArrowDown");
  await expect(options.nth(0)).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", (await options.nth(0).getAttribute("id"))!);
  await page.keyboard.press("ArrowDown");
  await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
  await expect(options.nth(0)).toHaveAttribute("aria-selected", "false");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp"); // wraps to the last: "Pokaż wszystkie wyniki"
  await expect(options.nth(count - 1)).toHaveAttribute("aria-selected", "true");
  await expect(options.nth(count - 1)).toHaveText(/^Pokaż wszystkie wyniki/);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/szukaj\?q=zolc$/);
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wyniki wyszukiwania: „zolc”");
});

test("the administrator sees the index's health and rebuilds it in the background", async ({ page, isMobile: mobile }) => {
  test.skip(mobile, "one rebuild per run is enough; the page is checked at 360 px by the menu test");
  test.setTimeout(120_000);
  await signIn(page, DEMO.administrator, { to: "/admin/wyszukiwarka" });
  await expect(page.getByRole("heading", { level: 1, name: "Wyszukiwarka — indeks" })).toBeVisible();
  await expect(page.getByTestId("search-engine")).toHaveText(/PostgreSQL|Meilisearch/);
  await expect(page.getByTestId("search-count-letter").locator("td").first()).toHaveText(/^[\d\s ]+$/);
  await page.getByTestId("search-reindex").click();
  const confirm = page.getByRole("dialog", { name: "Przebudowa indeksu" });
  await confirm.getByRole("button", { name: "Przebuduj indeks" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Przebudowa indeksu (została zlecona|już trwa)/ })).toBeVisible();
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("search-reindex-status")).toHaveText(/^zakończona /, { timeout: 1_000 });
  }).toPass({ timeout: 90_000 });
  // The request is in the audit trail.
  await page.goto("/admin/dziennik?action=search.reindex-requested");
  await expect(page.getByText("Zlecenie przebudowy indeksu wyszukiwarki").filter({ visible: true }).first()).toBeVisible();
});

test("the results page, the open palette and the index page have no WCAG 2.1 A/AA violations", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO.administrator, { to: "/szukaj?q=zolc" });
  await expect(page.getByTestId("search-results")).toBeVisible();
  await expectNoViolations(page, "/szukaj?q=zolc");
  await page.goto("/szukaj?q=nieistniejacefrazaxyz");
  await expect(page.getByText("Nic nie znaleziono", { exact: true })).toBeVisible();
  await expectNoViolations(page, "/szukaj with no results");
  const dialog = await openPalette(page);
  await dialog.getByRole("combobox").fill("zolc");
  await expect(dialog.getByRole("option").first()).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await expectNoViolations(page, "the palette with results");
  await page.keyboard.press("Escape");
  await page.goto("/admin/wyszukiwarka");
  await expectNoViolations(page, "/admin/wyszukiwarka");
});
