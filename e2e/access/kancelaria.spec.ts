import { expect, test, type APIRequestContext } from "@playwright/test";
import { DEMO, signIn, signOut, spareClerk, uniqueSuffix, choose } from "../helpers";

/**
 * A clerk of another department (FN) gets "not found" — never "forbidden" — for a GK letter, a GK
 * case and the letter's file: by URL (pages, file download, PDFs) and by API (tRPC). The same
 * records are then shown to be reachable for GK, so the test cannot pass by everything failing.
 */
const SCAN = { name: "poufny-skan.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n") };

function trpcGet(request: APIRequestContext, path: string, input: unknown) {
  return request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
}

async function trpcCode(request: APIRequestContext, path: string, input: unknown): Promise<string> {
  const response = await trpcGet(request, path, input);
  const body = (await response.json()) as { error?: { json?: { data?: { code?: string } } } };
  return response.ok() ? "OK" : (body.error?.json?.data?.code ?? `HTTP ${response.status()}`);
}

test.skip(({ isMobile }) => isMobile, "the access rule does not depend on the screen: run once");

test("a clerk of another department gets 'not found' for a letter, its file and a case, by URL and by API", async ({ page }, info) => {
  test.setTimeout(240_000);
  const suffix = uniqueSuffix(info);

  // The kancelaria registers a letter for GK with a scan.
  await signIn(page, DEMO.kancelaria, { to: "/pisma/przychodzace/nowe" });
  await choose(page.getByRole("combobox", { name: "Nadawca" }), "zolc", page.getByRole("option", { name: /Żółć Zofia/ }));
  await page.getByLabel("Dotyczy").fill(`Pismo tylko dla GK ${suffix}`);
  await page.getByLabel("Komórka wiodąca").selectOption({ label: "GK — Wydział Gospodarki Komunalnej" });
  await page.locator("#letter-files").setInputFiles(SCAN);
  await page.getByRole("button", { name: "Zarejestruj", exact: true }).click();
  await expect(page.getByText("Dołączono 1 plik.")).toBeVisible();
  await page.getByRole("link", { name: "Przejdź do pisma" }).click();
  await expect(page).toHaveURL(/\/pisma\/przychodzace\/(?!nowe)[^/]+$/);
  const letterUrl = new URL(page.url()).pathname;
  const letterId = letterUrl.split("/").at(-1)!;
  const fileHref = (await page.getByRole("link", { name: "Pobierz plik poufny-skan.pdf" }).getAttribute("href"))!;
  await signOut(page);

  // The GK clerk opens a case in GK.
  await signIn(page, DEMO.pracownik, { to: "/sprawy/nowa" });
  await choose(page.getByRole("combobox", { name: "Klasa z wykazu akt (JRWA)" }), "6220", page.getByRole("option", { name: /^6220 Ocena oddziaływania/ }));
  await page.getByRole("textbox", { name: "Tytuł sprawy" }).fill(`Sprawa tylko dla GK ${suffix}`);
  await page.getByRole("button", { name: "Załóż sprawę" }).click();
  await expect(page).toHaveURL(/\/sprawy\/(?!nowa)[^/]+$/);
  const caseUrl = new URL(page.url()).pathname;
  const caseId = caseUrl.split("/").at(-1)!;
  // GK reaches all three (the control for what follows).
  expect((await page.request.get(fileHref)).status()).toBe(200);
  expect(await trpcCode(page.request, "letters.get", { id: letterId })).toBe("OK");
  expect(await trpcCode(page.request, "cases.get", { id: caseId })).toBe("OK");
  await signOut(page);

  // A clerk of FN: not found everywhere.
  await signIn(page, spareClerk("FN", 1));
  for (const url of [letterUrl, `${letterUrl}/potwierdzenie`, caseUrl, `${caseUrl}/metryka`]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Nie znaleziono strony" })).toBeVisible();
  }
  expect((await page.request.get(fileHref)).status()).toBe(404);
  expect((await page.request.get(`${fileHref}?podglad=1`)).status()).toBe(404);
  expect((await page.request.get(`/api/pisma/${letterId}/potwierdzenie`)).status()).toBe(404);
  expect((await page.request.get(`/api/sprawy/${caseId}/metryka`)).status()).toBe(404);
  expect(await trpcCode(page.request, "letters.get", { id: letterId })).toBe("NOT_FOUND");
  expect(await trpcCode(page.request, "letters.history", { id: letterId })).toBe("NOT_FOUND");
  expect(await trpcCode(page.request, "files.list", { documentId: letterId })).toBe("NOT_FOUND");
  expect(await trpcCode(page.request, "cases.get", { id: caseId })).toBe("NOT_FOUND");
  expect(await trpcCode(page.request, "cases.metryka", { id: caseId })).toBe("NOT_FOUND");
  // Nor does the letter show up in the FN clerk's RPW view or case list.
  await page.goto(`/pisma/przychodzace?q=${encodeURIComponent(suffix)}`);
  await expect(page.getByTestId("letters-count")).toHaveText("Znaleziono 0 pism.");
  await page.goto(`/sprawy?widok=wszystkie&q=${encodeURIComponent(suffix)}`);
  await expect(page.getByTestId("cases-count")).toHaveText("Znaleziono 0 spraw.");
});
