import { expect, test } from "@playwright/test";
import { generatedUsers } from "../../prisma/seed/demo-data";
import { PDFDocument } from "pdf-lib";
import { DEMO, person, spareClerk, uniqueSuffix, choose } from "../helpers";

/**
 * A staff certificate from request to issuance: a clerk's browser makes the key and the request,
 * the administrator approves it in another session, the clerk sees the certificate issued and the
 * key held in this browser, then signs an outgoing letter's PDF when sending it for approval and
 * the head sees the signature. A spare GK clerk (index 0) keeps other tests' accounts untouched.
 */
test.skip(({ isMobile }) => isMobile, "two people side by side: run once, at 1280 px");

const CLERK_EMAIL = spareClerk("GK", 0);
const CLERK = generatedUsers().find((u) => u.email === CLERK_EMAIL)!;


/** A one-page letter as a real PDF (what a clerk exports from a word processor). */
async function letterPdf(title: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawText(title.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[łŁ]/g, "l"), { x: 56, y: 760, size: 12 });
  return Buffer.from(await doc.save());
}

test("a clerk requests a certificate in the browser, the administrator approves, the clerk signs the PDF of an outgoing letter as its approval step, the head sees a valid signature", async ({ browser }, info) => {
  test.setTimeout(120_000);
  const clerk = await person(browser, CLERK_EMAIL);
  await clerk.goto("/profil/podpis");
  await expect(clerk.getByRole("heading", { level: 1, name: "Mój podpis elektroniczny" })).toBeVisible();
  await expect(clerk.getByText(/nigdy jej nie opuszcza/)).toBeVisible();
  await clerk.getByRole("button", { name: "Złóż wniosek o certyfikat" }).click();
  await expect(clerk.getByTestId("pending-request")).toContainText("czeka na decyzję administratora");

  const admin = await person(browser, DEMO.administrator);
  await admin.goto("/admin/certyfikaty?status=REQUESTED");
  const name = `${CLERK.firstName} ${CLERK.lastName}`;
  await admin.getByRole("button", { name: `Zatwierdź i wydaj: ${name}` }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Certyfikat wydany." })).toBeVisible();

  await clerk.reload();
  const active = clerk.getByTestId("active-certificate");
  await expect(active.getByText("wydany", { exact: true })).toBeVisible();
  await expect(active.getByTestId("key-status")).toHaveText("klucz w tej przeglądarce");
  await expect(active).toContainText(name);

  // The public CA files need no session.
  const crl = await clerk.request.get("/pki/crl.der");
  expect(crl.status()).toBe(200);
  expect(crl.headers()["content-type"]).toBe("application/pkix-crl");

  // The clerk drafts an outgoing letter with its PDF and, as the author's step of the approval
  // path, signs the PDF (PAdES, the key in this browser) and sends it for approval.
  const suffix = uniqueSuffix(info);
  const subject = `Odpowiedź w sprawie zajęcia pasa drogowego ${suffix}`;
  await clerk.goto("/pisma/wychodzace/nowe");
  await clerk.getByRole("textbox", { name: "Tytuł (temat) pisma" }).fill(subject);
  await choose(clerk.getByRole("combobox", { name: "Dodaj adresata" }), "Transbud", clerk.getByRole("option", { name: /Transbud Rzeszów/ }).first());
  await clerk.getByRole("textbox", { name: "Treść pisma" }).fill("Uprzejmie informuję, że zezwolenie zostanie wydane.");
  await clerk.getByRole("button", { name: "Zapisz projekt" }).click();
  await expect(clerk).toHaveURL(/\/pisma\/wychodzace\/(?!nowe)[^/]+$/);
  const letterUrl = new URL(clerk.url()).pathname;
  const files = clerk.getByTestId("document-files");
  await files.getByLabel("Dodaj pliki").setInputFiles([{ name: "pismo.pdf", mimeType: "application/pdf", buffer: await letterPdf(subject) }]);
  await expect(files.getByRole("status").filter({ hasText: "Dodano 1 plik." })).toBeVisible();
  await clerk.getByRole("button", { name: "Podpisz i przekaż do akceptacji" }).click();
  const dialog = clerk.getByRole("dialog", { name: "Podpisz pismo i przekaż do akceptacji" });
  await expect(dialog).toContainText("pismo.pdf");
  await expect(dialog).toContainText("PAdES (podpis w pliku PDF)");
  await dialog.getByRole("button", { name: "Podpisz i przekaż do akceptacji" }).click();
  await expect(clerk.getByText("Pismo przekazano do akceptacji.")).toBeVisible({ timeout: 20_000 });
  await expect(clerk.getByTestId("letter-signatures")).toContainText(name);

  // The head of GK opens the letter: the PDF carries a valid signature by that clerk; the version
  // before the signature is kept. The head approves.
  const head = await person(browser, DEMO.kierownik);
  await head.goto(letterUrl);
  const signatures = head.getByRole("list", { name: "Podpisy pliku pismo.pdf" });
  const signature = signatures.getByRole("listitem").filter({ hasText: `Podpisano: ${name}` });
  await expect(signature).toBeVisible();
  await expect(signature.getByText("ważny", { exact: true })).toBeVisible();
  await expect(head.getByRole("link", { name: "Pobierz poprzednią wersję (przed podpisem)" })).toBeVisible();
  await head.getByRole("button", { name: "Akceptuj", exact: true }).click();
  await expect(head.getByText("Pismo zaakceptowano.")).toBeVisible();

  // The signed PDF itself, checked by the verification page (no .p7s: the signature is inside)
  // and through its API with one changed byte.
  const fileHref = await head.getByRole("link", { name: "Pobierz plik pismo.pdf" }).first().getAttribute("href");
  const signedPdf = await (await head.request.get(fileHref!)).body();
  await head.goto("/podpisy/weryfikacja");
  await head.getByLabel("Podpisany plik").setInputFiles([{ name: "pismo.pdf", mimeType: "application/pdf", buffer: signedPdf }]);
  await head.getByRole("button", { name: "Sprawdź podpis" }).click();
  await expect(head.getByTestId("verification-summary")).toContainText("Podpis jest ważny");
  await expect(head.getByText(name).first()).toBeVisible();
  const changed = Buffer.from(signedPdf);
  const at = Math.floor(changed.length / 4);
  changed.writeUInt8(changed.readUInt8(at) ^ 1, at);
  const tampered = await head.request.post("/api/podpisy/weryfikacja", { multipart: { file: { name: "pismo.pdf", mimeType: "application/pdf", buffer: changed } } });
  expect(tampered.status()).toBe(200);
  expect(await tampered.json()).toMatchObject({ format: "PADES", signatures: [{ valid: false, intact: false }] });

  await Promise.all([admin.context().close(), clerk.context().close(), head.context().close()]);
});

test("the administrator revokes the office seal: a new seal takes its place and the old one is listed as revoked", async ({ browser }) => {
  const admin = await person(browser, DEMO.administrator);
  await admin.goto("/admin/certyfikaty");
  const panel = admin.getByTestId("seal-panel");
  await expect(panel.getByRole("heading", { name: "Pieczęć elektroniczna urzędu" })).toBeVisible();
  const before = (await panel.getByTestId("seal-current").textContent()) ?? "";
  const retiredBefore = await panel.getByTestId("seal-retired").count();
  await panel.getByRole("button", { name: "Unieważnij pieczęć i wydaj nową" }).click();
  const dialog = admin.getByRole("dialog", { name: "Unieważnienie pieczęci urzędu" });
  await dialog.getByLabel("Powód").selectOption("KEY_COMPROMISE");
  await dialog.getByRole("button", { name: "Unieważnij i wydaj nową" }).click();
  await expect(panel.getByRole("status")).toContainText("Pieczęć unieważniono; wydano nową");
  await expect(panel.getByTestId("seal-retired")).toHaveCount(retiredBefore + 1);
  await expect(panel.getByTestId("seal-retired").first()).toContainText("naruszenie klucza");
  await expect(panel.getByTestId("seal-current")).not.toHaveText(before);
  // The public CRL is served fresh (it lists the revoked seal; checked by openssl in the integration tests).
  expect((await admin.request.get("/pki/crl.der")).status()).toBe(200);
  await admin.context().close();
});
