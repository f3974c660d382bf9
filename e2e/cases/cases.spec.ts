import { writeFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn, uniqueSuffix } from "../helpers";

// Multi-person flows run at 1280 px; the 360 px path of the same screens is covered by e2e/kancelaria/journey.spec.ts and the a11y checks.
test.skip(({ isMobile }) => isMobile, "desktop only");

async function openCaseStandalone(page: Page, title: string): Promise<{ id: string; mark: string }> {
  await page.goto("/sprawy/nowa");
  await expect(page.getByRole("heading", { level: 1, name: "Nowa sprawa" })).toBeVisible();
  const jrwa = page.getByRole("combobox", { name: "Klasa z wykazu akt (JRWA)" });
  await jrwa.fill("6220");
  await page.getByRole("option", { name: /^6220 Ocena oddziaływania/ }).click();
  await expect(page.getByText("kategoria A", { exact: true })).toBeVisible();
  await page.getByRole("textbox", { name: "Tytuł sprawy" }).fill(title);
  await page.getByLabel("Termin załatwienia").selectOption("KPA_1M");
  await expect(page.getByText(/^Termin załatwienia: \d{2}\.\d{2}\.\d{4}$/)).toBeVisible();
  await page.getByRole("button", { name: "Załóż sprawę" }).click();
  await expect(page).toHaveURL(/\/sprawy\/[a-z0-9]+$/);
  const mark = (await page.getByTestId("case-mark").textContent())!.trim();
  expect(mark).toMatch(/^GK\.6220\.\d+\.\d{4}$/);
  return { id: page.url().split("/").pop()!, mark };
}

test("a clerk opens a case in 6220, suspends and resumes it, closes it; the metryka shows every step", async ({ page }, info) => {
  test.setTimeout(240_000);
  const title = `Decyzja środowiskowa — hala ${uniqueSuffix(info)}`;
  await signIn(page, DEMO.pracownik);
  const { id, mark } = await openCaseStandalone(page, title);
  await expect(page.getByText(title)).toBeVisible();
  await expect(page.getByText("nowa", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Rozpocznij załatwianie" }).click();
  await expect(page.getByText("Sprawa jest w toku.")).toBeVisible();

  await page.getByRole("button", { name: "Zawieś sprawę" }).click();
  const suspend = page.getByRole("dialog", { name: "Zawieszenie sprawy" });
  await suspend.getByRole("button", { name: "Zatwierdź" }).click();
  await expect(suspend.getByText("Podaj powód zawieszenia.")).toBeVisible();
  await suspend.getByLabel("Powód zawieszenia").fill("Oczekiwanie na opinię regionalnego dyrektora ochrony środowiska");
  await suspend.getByRole("button", { name: "Zatwierdź" }).click();
  await expect(page.getByText("Sprawa została zawieszona.")).toBeVisible();
  await expect(page.getByText("zawieszona", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Podejmij zawieszoną sprawę" }).click();
  await expect(page.getByText("Sprawa została podjęta. Termin przesunięto o dni zawieszenia.")).toBeVisible();

  // Art. 36 KPA: the deadline will be missed — a notice with the reason and a new date, as a PDF.
  const later = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
  await page.getByRole("button", { name: "Zawiadomienie (art. 36 KPA)" }).click();
  const notice = page.getByRole("dialog", { name: "Zawiadomienie o niezałatwieniu sprawy w terminie" });
  await notice.getByLabel("Przyczyna niezałatwienia sprawy w terminie").fill("Konieczność uzyskania opinii regionalnego dyrektora ochrony środowiska");
  await notice.getByLabel("Nowy termin załatwienia sprawy").fill(later);
  await notice.getByRole("button", { name: "Zatwierdź" }).click();
  await expect(page.getByText("Zapisano zawiadomienie. Termin sprawy przesunięto.")).toBeVisible();
  await expect(page.getByTestId("case-due")).toHaveText(later.split("-").reverse().join("."));
  const noticeHref = await page.getByRole("link", { name: "Pobierz zawiadomienie (PDF)" }).getAttribute("href");
  const noticePdf = await page.request.get(noticeHref!);
  expect(noticePdf.headers()["content-type"]).toBe("application/pdf");
  await writeFile(info.outputPath("zawiadomienie.pdf"), await noticePdf.body());

  await page.getByRole("button", { name: "Dodaj notatkę" }).click();
  const note = page.getByRole("dialog", { name: "Notatka w sprawie" });
  await note.getByLabel("Tytuł notatki").fill("Notatka z oględzin terenu");
  await note.getByLabel("Treść").fill("Teren zgodny z opisem we wniosku.");
  await note.getByRole("button", { name: "Zatwierdź" }).click();
  await expect(page.getByText("Dodano notatkę. Możesz dołączyć do niej pliki.")).toBeVisible();
  await expect(page.getByTestId("case-documents")).toContainText("Notatka z oględzin terenu");

  await page.getByRole("button", { name: "Zakończ sprawę" }).click();
  await page.getByRole("dialog", { name: "Zakończenie sprawy" }).getByRole("button", { name: "Zatwierdź" }).click();
  await expect(page.getByText("Sprawa została zakończona.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Wznów sprawę" })).toBeVisible();

  await page.getByRole("link", { name: "Metryka sprawy" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Metryka sprawy ${mark}` })).toBeVisible();
  const table = page.getByTestId("metryka-table");
  for (const step of ["Założenie sprawy", "Podjęcie sprawy do załatwienia", "Zawieszenie sprawy", "Podjęcie zawieszonej sprawy", "Dodanie notatki do sprawy", "Zawiadomienie o niezałatwieniu sprawy w terminie (art. 36 KPA)", "Zakończenie sprawy"]) {
    await expect(table).toContainText(step);
  }
  await expect(table).toContainText("Katarzyna Wiśniewska");
  await expect(table).toContainText("Inspektor");
  await expect(table).toContainText(/ID \d+/);

  const pdf = await page.request.get(`/api/sprawy/${id}/metryka`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  await writeFile(info.outputPath("metryka.pdf"), await pdf.body());

  // The closed case is in "Zakończone" and in the spis spraw of GK / 6220.
  await page.goto(`/sprawy?widok=zakonczone&q=${encodeURIComponent(mark)}`);
  await expect(page.getByRole("link", { name: mark })).toBeVisible();
  await page.goto(`/sprawy/spis?jrwa=6220`);
  await expect(page.getByTestId("register-table")).toContainText(mark);
  const spis = await page.request.get(`/api/sprawy/spis?komorka=${encodeURIComponent(await page.getByLabel("Komórka").inputValue())}&jrwa=6220`);
  expect(spis.headers()["content-type"]).toBe("application/pdf");
  await writeFile(info.outputPath("spis.pdf"), await spis.body());
});

test("a case of GK is not found for a clerk of another department, by URL and by API", async ({ browser, page }, info) => {
  test.setTimeout(180_000);
  await signIn(page, DEMO.pracownik);
  const { id } = await openCaseStandalone(page, `Sprawa do sprawdzenia dostępu ${uniqueSuffix(info)}`);
  const other = await browser.newPage();
  await signIn(other, "kierownik.or@boguchwala.example");
  const response = await other.goto(`/sprawy/${id}`);
  expect(response?.status()).toBe(404);
  expect((await other.request.get(`/api/sprawy/${id}/metryka`)).status()).toBe(404);
  expect((await other.goto(`/sprawy/${id}/metryka`))?.status()).toBe(404);
  await other.close();
});

test("an administrator edits the JRWA: adds a class, withdraws it and deletes it", async ({ page }, info) => {
  const symbol = info.project.name === "mobile" ? "6227" : "6228";
  await signIn(page, DEMO.administrator, { to: "/admin/jrwa?q=6220" });
  await expect(page.getByRole("heading", { level: 1, name: "Wykaz akt (JRWA)" })).toBeVisible();
  await expect(page.getByTestId("jrwa-tree")).toContainText("decyzje o środowiskowych uwarunkowaniach");

  await page.getByRole("button", { name: "Dodaj podklasę 622" }).click();
  const dialog = page.getByRole("dialog", { name: "Nowa klasa JRWA" });
  await dialog.getByLabel("Symbol").fill(symbol);
  await dialog.getByLabel("Nazwa klasy").fill("Klasa testowa e2e");
  await dialog.getByLabel("Kategoria archiwalna").fill("X1");
  await dialog.getByRole("button", { name: "Zapisz klasę" }).click();
  await expect(dialog.getByText(/^Kategoria archiwalna: A, Bc/)).toBeVisible();
  await dialog.getByLabel("Kategoria archiwalna").fill("B5");
  await dialog.getByRole("button", { name: "Zapisz klasę" }).click();
  await expect(page.getByText(`Zapisano klasę ${symbol}.`)).toBeVisible();

  await page.goto(`/admin/jrwa?q=${symbol}`);
  await page.getByRole("button", { name: `Wycofaj z użycia ${symbol}` }).click();
  await expect(page.getByText(`Klasę ${symbol} wycofano z użycia.`)).toBeVisible();
  await page.getByRole("button", { name: "Usuń" }).last().click();
  await page.getByRole("dialog", { name: `Usunąć klasę ${symbol}?` }).getByRole("button", { name: "Usuń" }).click();
  await expect(page.getByText(`Usunięto klasę ${symbol}.`)).toBeVisible();
});
