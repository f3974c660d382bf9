import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn, signOut, choose } from "../helpers";

// Multi-person flows run at 1280 px; the 360 px path of the same screens is covered by e2e/kancelaria/journey.spec.ts and the a11y checks.
test.skip(({ isMobile }) => isMobile, "desktop only");

/** A tiny but real PDF header: the file store checks the magic bytes. */
const SCAN = { name: "skan.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n") };

// RPW numbers are shared by both projects and workers over one database: never assert a specific number here.
const RPW = /^Zarejestrowano pismo (RPW\/\d+\/\d{4})$/;

async function registerLetter(page: Page, subject: string, reference: string): Promise<{ number: string; url: string }> {
  await page.goto("/pisma/przychodzace/nowe");
  await expect(page.getByRole("heading", { level: 1, name: "Zarejestruj pismo" })).toBeVisible();
  await page.getByLabel("Kanał wpływu").selectOption("PAPER");
  await choose(page.getByRole("combobox", { name: "Nadawca" }), "Transbud", page.getByRole("option", { name: /Transbud Rzeszów/ }));
  await page.getByLabel("Znak pisma nadawcy (sygnatura)").fill(reference);
  await page.getByLabel("Liczba stron").fill("2");
  await page.getByLabel("Dotyczy").fill(subject);
  await page.getByLabel("Komórka wiodąca").selectOption({ label: "GK — Wydział Gospodarki Komunalnej" });
  await page.locator("#letter-files").setInputFiles(SCAN);
  await page.getByRole("button", { name: "Zarejestruj", exact: true }).click();

  const done = page.getByRole("heading", { name: RPW });
  await expect(done).toBeVisible();
  const number = RPW.exec((await done.textContent()) ?? "")![1]!;
  await expect(page.getByText("Dołączono 1 plik.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Drukuj potwierdzenie" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Zarejestruj kolejne" })).toBeVisible();
  await page.getByRole("link", { name: "Przejdź do pisma" }).click();
  await expect(page.getByRole("heading", { level: 1, name: number })).toBeVisible();
  return { number, url: new URL(page.url()).pathname };
}

test("kancelaria registers a paper letter and routes it to GK; the head assigns it; the clerk accepts it", async ({ page }, info) => {
  // Four people in turn on one page: more than the default minute on a busy machine.
  test.setTimeout(180_000);
  const suffix = `${info.project.name === "mobile" ? "M" : "D"}${Date.now().toString(36).toUpperCase()}`;
  const subject = `Wniosek o naprawę chodnika ${suffix}`;

  await signIn(page, DEMO.kancelaria);
  const { number, url } = await registerLetter(page, subject, `TB/${suffix}`);
  const decree = page.getByTestId("decree-panel");
  await expect(decree.getByTestId("assignment").first()).toContainText("GK");
  await expect(decree).toContainText("czeka na dekretację w komórce");
  await expect(page.getByTestId("letter-history")).toContainText("Rejestracja pisma w RPW");

  // The confirmation slip for the citizen at the desk.
  await page.getByRole("link", { name: "Potwierdzenie przyjęcia" }).click();
  await expect(page.getByRole("heading", { name: "Potwierdzenie przyjęcia pisma" })).toBeVisible();
  await expect(page.getByTestId("slip-number")).toHaveText(number);
  await expect(page.getByRole("button", { name: "Drukuj" })).toBeVisible();
  const pdf = await page.request.get(`/api/pisma/${url.split("/").at(-1)}/potwierdzenie`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  // The slip carries the office's electronic seal (PAdES), valid when checked.
  const sealCheck = await page.request.post("/api/podpisy/weryfikacja", { multipart: { file: { name: "potwierdzenie.pdf", mimeType: "application/pdf", buffer: await pdf.body() } } });
  const sealReport = await sealCheck.json();
  expect(sealReport).toMatchObject({ format: "PADES", signatures: [{ valid: true, intact: true }] });
  expect(sealReport.signatures[0].signer.commonName).toMatch(/^Pieczęć elektroniczna/);

  // The RPW finds it by the sender's reference, folded.
  await page.goto(`/pisma/przychodzace?q=${encodeURIComponent(`tb/${suffix.toLowerCase()}`)}`);
  await expect(page.getByTestId("letters-count")).toHaveText("Znaleziono 1 pismo.");
  await expect(page.getByTestId("letters-table")).toContainText(subject);
  await signOut(page);

  // Another department's head does not see it.
  await signIn(page, DEMO.skarbnik);
  expect((await page.goto(url))?.status()).toBe(404);
  await signOut(page);

  // The head of GK assigns it to a clerk with an instruction.
  await signIn(page, DEMO.kierownik, { to: url });
  await page.getByRole("button", { name: `Przydziel pracownikowi: ${number}, GK` }).click();
  const dialog = page.getByRole("dialog", { name: "Przydziel pracownikowi" });
  const clerk = dialog.getByRole("combobox", { name: "Pracownik", exact: true });
  // The clerks load when the dialog opens.
  await expect(clerk.getByRole("option", { name: "Wiśniewska Katarzyna (GK, Inspektor)" })).toBeAttached();
  await clerk.selectOption({ label: "Wiśniewska Katarzyna (GK, Inspektor)" });
  await dialog.getByLabel("Polecenie dla pracownika").fill("Proszę o oględziny i odpowiedź.");
  await dialog.getByRole("button", { name: "Zatwierdź" }).click();
  await expect(page.getByText("Przydzielono pismo.")).toBeVisible();
  await expect(page.getByTestId("decree-panel")).toContainText("GK · Katarzyna Wiśniewska");
  await signOut(page);

  // The clerk accepts it: she now handles the letter.
  await signIn(page, DEMO.pracownik, { to: url });
  await page.getByRole("button", { name: `Przyjmij: ${number}, GK` }).click();
  await expect(page.getByText("Przyjęto pismo do realizacji.")).toBeVisible();
  await expect(page.getByTestId("decree-panel")).toContainText("przyjęte do realizacji");
  await expect(page.getByRole("main")).toContainText("w realizacji");
  await expect(page.getByTestId("letter-history")).toContainText("Przyjęcie pisma do realizacji");
  await expect(page.getByRole("link", { name: "Przygotuj odpowiedź" })).toHaveAttribute("href", /\/pisma\/wychodzace\/nowe\?odpowiedzNa=/);
});
