import { expect, test } from "@playwright/test";
import { generatedUsers } from "../../prisma/seed/demo-data";
import { DEMO, person, spareClerk } from "../helpers";

/**
 * A staff certificate from request to issuance: a clerk's browser makes the key and the request,
 * the administrator approves it in another session, the clerk sees the certificate issued and the
 * key held in this browser. A spare GK clerk (index 0) keeps other tests' accounts untouched.
 */
test.skip(({ isMobile }) => isMobile, "two people side by side: run once, at 1280 px");

const CLERK_EMAIL = spareClerk("GK", 0);
const CLERK = generatedUsers().find((u) => u.email === CLERK_EMAIL)!;


test("a clerk requests a certificate in the browser, the administrator approves, the clerk signs a letter's scan, the head sees a valid signature", async ({ browser }) => {
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

  // The clerk signs the scan of the journey's letter (a GK letter) with the browser-held key; the
  // head of GK opens the letter and sees a valid signature by that clerk.
  const year = new Intl.DateTimeFormat("en", { timeZone: "Europe/Warsaw", year: "numeric" }).format(new Date());
  const rpw = `RPW/1/${year}`;
  await clerk.goto(`/pisma/przychodzace?q=${encodeURIComponent(rpw)}`);
  await clerk.getByRole("link", { name: rpw, exact: true }).first().click();
  await expect(clerk.getByRole("heading", { level: 1, name: rpw })).toBeVisible();
  const letterUrl = new URL(clerk.url()).pathname;
  await clerk.getByRole("button", { name: "Podpisz plik skan-wniosku.pdf" }).click();
  const dialog = clerk.getByRole("dialog", { name: "Podpisz plik" });
  await expect(dialog).toContainText("skan-wniosku.pdf");
  await dialog.getByRole("button", { name: "Podpisuję" }).click();
  await expect(clerk.getByText("Podpisano plik skan-wniosku.pdf.")).toBeVisible();

  const head = await person(browser, DEMO.kierownik);
  await head.goto(letterUrl);
  const signatures = head.getByRole("list", { name: /skan-wniosku\.pdf/ });
  const signature = signatures.getByRole("listitem").filter({ hasText: `Podpisano: ${name}` });
  await expect(signature).toBeVisible();
  await expect(signature.getByText("ważny", { exact: true })).toBeVisible();

  // The same file and its .p7s, downloaded and checked through the verification upload: intact,
  // by the clerk; one changed byte of the file is caught.
  const fileHref = await head.getByRole("link", { name: "Pobierz plik skan-wniosku.pdf" }).first().getAttribute("href");
  const p7sHref = await signature.getByRole("link", { name: /Pobierz podpis/ }).getAttribute("href");
  const fileBytes = await (await head.request.get(fileHref!)).body();
  const p7sBytes = await (await head.request.get(p7sHref!)).body();
  const verify = (bytes: Buffer) =>
    head.request.post("/api/podpisy/weryfikacja", {
      multipart: { file: { name: "skan-wniosku.pdf", mimeType: "application/pdf", buffer: bytes }, signature: { name: "skan-wniosku.pdf.p7s", mimeType: "application/pkcs7-signature", buffer: p7sBytes } },
    });
  const genuine = await verify(fileBytes);
  expect(genuine.status()).toBe(200);
  expect(await genuine.json()).toMatchObject({ intact: true, valid: true, signer: { commonName: name } });
  const changed = Buffer.from(fileBytes);
  changed.writeUInt8(changed.readUInt8(changed.length - 2) ^ 1, changed.length - 2);
  expect(await (await verify(changed)).json()).toMatchObject({ intact: false, valid: false });

  await Promise.all([admin.context().close(), clerk.context().close(), head.context().close()]);
});
