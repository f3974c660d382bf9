import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInPoland } from "@/lib/i18n/translator";
import { polishSortKey } from "@/lib/polish";
import { ESP_SYSTEM_USER_EMAIL } from "@/modules/letters/letters.esp";
import { expireEspDeliveries } from "@/modules/outgoing/outgoing.esp";
import { ZCreateDraftInput } from "@/modules/outgoing/outgoing.schemas";
import { approveLetter, createDraft, dispatchLetter, submitForApproval } from "@/modules/outgoing/outgoing.service";
import type { ServiceContext } from "@/server/context";
import type { FileStore } from "@/server/integrations/storage/file-store";
import { createLocalFileStore } from "@/server/integrations/storage/local-file-store";
import { ensureCertificationAuthority, getCaCertificates, toPem } from "@/server/pki";
import { readXadesSignatures } from "@/server/pki/xades";
import { createTestDb, TEST_DB_KINDS, type TestDb } from "@/test/db";
import { actorOf, createDepartment, createUser, errorOf, TEST_META } from "@/test/factories";
import { confirmReceipt, getMyDelivery, listMyDeliveryRows, openDeliveryFile, openUpd } from "./esp.delivery.service";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const letterPdf = new TextEncoder().encode("%PDF-1.4\n% decyzja w sprawie drzew\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
const DAY = 24 * 3600 * 1000;

describe.each(TEST_DB_KINDS)("ESP deliveries and the UPD (%s)", (kind) => {
  let db: TestDb;
  let root: string;
  let store: FileStore;
  let clerk: ServiceContext, head: ServiceContext, kancelaria: ServiceContext;
  let contactId: string;

  const ctxOf = async (user: { id: string }): Promise<ServiceContext> => ({ db: db.prisma, actor: actorOf(await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })), meta: TEST_META });

  /** A letter drafted by the clerk with one file, approved and dispatched to the contact's ESP account. */
  async function dispatchEspLetter(subject: string, sentAt: Date) {
    const p = db.prisma;
    const { id } = await createDraft(clerk, ZCreateDraftInput.parse({ subject, body: "Treść decyzji.", recipients: [{ contactId, channel: "ESP" }] }));
    await store.put(sha(letterPdf), letterPdf);
    await p.fileBlob.upsert({ where: { sha256: sha(letterPdf) }, create: { sha256: sha(letterPdf), size: letterPdf.byteLength }, update: {} });
    await p.documentFile.create({ data: { documentId: id, sha256: sha(letterPdf), fileName: "decyzja.pdf", mimeType: "application/pdf", size: letterPdf.byteLength, kind: "DRAFT", uploadedById: clerk.actor.id } });
    await submitForApproval(clerk, id);
    await approveLetter(head, { id });
    const { registerNo } = await dispatchLetter(kancelaria, id, sentAt);
    const delivery = await p.espDelivery.findFirstOrThrow({ where: { documentId: id }, include: { account: true } });
    return { id, registerNo, delivery };
  }

  beforeAll(async () => {
    db = await createTestDb(kind);
    root = await mkdtemp(path.join(tmpdir(), "obieg-upd-"));
    store = createLocalFileStore(root);
    const p = db.prisma;
    // A running office has its CA; creating it is not what the double-click race below is about.
    await ensureCertificationAuthority(p);
    const gk = await createDepartment(p, { symbol: "GK" });
    const ko = await createDepartment(p, { symbol: "KO" });
    const headUser = await createUser(p, { roles: ["KIEROWNIK"], departmentId: gk.id });
    await p.department.update({ where: { id: gk.id }, data: { headId: headUser.id } });
    head = await ctxOf(headUser);
    clerk = await ctxOf(await createUser(p, { departmentId: gk.id, firstName: "Katarzyna", lastName: "Wiśniewska" }));
    kancelaria = await ctxOf(await createUser(p, { roles: ["KANCELARIA"], departmentId: ko.id }));
    contactId = (
      await p.contact.create({
        data: {
          kind: "PERSON",
          name: "Nowak Anna",
          sortKey: polishSortKey("Nowak Anna"),
          searchText: "nowak anna",
          email: "Anna.Nowak@example.pl",
          addresses: { create: { street: "ul. Lipowa 5", postalCode: "36-040", city: "Boguchwała", isPrimary: true } },
        },
      })
    ).id;
  });
  afterAll(async () => {
    await db?.destroy();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it("delivers to the citizen's account with an e-mail, hides the letter until receipt is confirmed, then issues a sealed UPD into the letter", async () => {
    const p = db.prisma;
    const sentAt = new Date(Date.now() - 2 * DAY);
    const { id, registerNo, delivery } = await dispatchEspLetter("Decyzja w sprawie wycinki <drzew> & krzewów", sentAt);
    const accountId = delivery.accountId;
    expect(delivery.account.email).toBe("anna.nowak@example.pl");
    expect(delivery.status).toBe("AWAITING");

    // The e-mail: the link and the 14-day rule, nothing of the letter.
    const mail = await p.emailMessage.findFirstOrThrow({ where: { toAddress: "anna.nowak@example.pl", template: "esp-delivery" } });
    expect(mail.subject).toMatch(/Masz nowe pismo od .+ w skrzynce ESP/);
    expect(mail.text).toContain(`/esp/pisma/${delivery.id}`);
    expect(mail.text).toContain("14 dni");
    expect(mail.text).not.toContain("wycinki");
    expect(mail.html).not.toContain("wycinki");

    // Before confirming: sender, number, dates — no subject, no files, no downloads.
    const before = await getMyDelivery(p, accountId, delivery.id);
    expect(before).toMatchObject({ status: "AWAITING", registerNo, subject: null, files: null, hasUpd: false, confirmedAt: null });
    expect(before.expiresAt.getTime() - sentAt.getTime()).toBe(14 * DAY);
    expect((await listMyDeliveryRows(p, accountId)).map((r) => [r.id, r.subject, r.registerNo])).toEqual([[delivery.id, "", registerNo]]);
    const fileId = (await p.documentFile.findFirstOrThrow({ where: { documentId: id, fileName: "decyzja.pdf" } })).id;
    expect((await errorOf(openDeliveryFile(p, accountId, delivery.id, fileId, store))).code).toBe("NOT_FOUND");
    expect((await errorOf(openUpd(p, accountId, delivery.id, "xml", store))).code).toBe("NOT_FOUND");

    // Another account sees nothing and cannot confirm.
    const other = await p.espAccount.create({ data: { email: "obcy@example.pl" } });
    expect((await errorOf(getMyDelivery(p, other.id, delivery.id))).code).toBe("NOT_FOUND");
    expect((await errorOf(confirmReceipt(p, other.id, delivery.id, TEST_META, { store }))).code).toBe("NOT_FOUND");
    expect((await p.espDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).status).toBe("AWAITING");

    // Confirm twice at once (double click): one UPD.
    const now = new Date();
    const [a, b] = await Promise.all([confirmReceipt(p, accountId, delivery.id, TEST_META, { store, now }), confirmReceipt(p, accountId, delivery.id, TEST_META, { store, now })]);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(a.updXmlSha256).toBe(b.updXmlSha256);
    const again = await confirmReceipt(p, accountId, delivery.id, TEST_META, { store });
    expect(again).toMatchObject({ created: false, updXmlSha256: a.updXmlSha256, updPdfSha256: a.updPdfSha256 });
    const row = await p.espDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(row).toMatchObject({ status: "CONFIRMED", confirmedAt: now, updXmlSha256: a.updXmlSha256, updPdfSha256: a.updPdfSha256 });

    // The UPD is in the case: attached to the letter by the ESP system user; the recipient delivered today.
    const upds = await p.documentFile.findMany({ where: { documentId: id, fileName: { startsWith: "UPD-" } }, include: { uploadedBy: true }, orderBy: { fileName: "asc" } });
    const base = `UPD-${registerNo.replaceAll("/", "-")}`;
    expect(upds.map((f) => [f.fileName, f.kind, f.sha256, f.uploadedBy.email])).toEqual([
      [`${base}.pdf`, "ATTACHMENT", a.updPdfSha256, ESP_SYSTEM_USER_EMAIL],
      [`${base}.xml`, "ATTACHMENT", a.updXmlSha256, ESP_SYSTEM_USER_EMAIL],
    ]);
    const recipient = await p.documentRecipient.findUniqueOrThrow({ where: { id: delivery.recipientId } });
    expect(recipient.deliveredOn?.toISOString().slice(0, 10)).toBe(todayInPoland(now));
    expect(await p.auditEvent.count({ where: { action: "esp.delivery-confirmed", documentId: id } })).toBe(1);
    expect(await p.auditEvent.count({ where: { action: "signature.sealed", documentId: id } })).toBe(2);
    expect(await p.notification.findMany({ where: { type: "esp.delivery-confirmed" }, select: { userId: true, link: true } })).toEqual([{ userId: clerk.actor.id, link: `/pisma/wychodzace/${id}` }]);

    // After confirming: subject, the letter's file (not the UPDs), downloads re-verified.
    const after = await getMyDelivery(p, accountId, delivery.id);
    expect(after).toMatchObject({ status: "CONFIRMED", subject: "Decyzja w sprawie wycinki <drzew> & krzewów", hasUpd: true });
    expect(after.files?.map((f) => [f.fileName, f.sha256])).toEqual([["decyzja.pdf", sha(letterPdf)]]);
    expect(sha((await openDeliveryFile(p, accountId, delivery.id, fileId, store)).bytes)).toBe(sha(letterPdf));
    expect((await errorOf(openDeliveryFile(p, accountId, delivery.id, upds[0]!.id, store))).code).toBe("NOT_FOUND");
    expect((await errorOf(openDeliveryFile(p, other.id, delivery.id, fileId, store))).code).toBe("NOT_FOUND");

    const xml = await openUpd(p, accountId, delivery.id, "xml", store);
    expect(xml.fileName).toBe(`${base}.xml`);
    expect(sha(xml.bytes)).toBe(a.updXmlSha256);
    const text = Buffer.from(xml.bytes).toString("utf8");
    expect(text).toContain('xmlns="urn:obieg:esp:upd:1"');
    expect(text).toContain(`<Numer>${registerNo}</Numer>`);
    expect(text).toContain("<Tytul>Decyzja w sprawie wycinki &lt;drzew&gt; &amp; krzewów</Tytul>");
    expect(text).toContain("<Email>anna.nowak@example.pl</Email>");
    expect(text).toContain(`>${sentAt.toISOString()}</DataWprowadzenia>`);
    expect(text).toContain(`>${now.toISOString()}</DataPotwierdzeniaOdbioru>`);
    expect(text).toContain(`<SkrotSHA256>${sha(letterPdf)}</SkrotSHA256>`);
    expect(text).toContain('<Dokumenty liczba="1">');
    const signatures = readXadesSignatures(xml.bytes);
    expect(signatures).toHaveLength(1);
    expect(signatures[0]).toMatchObject({ intact: true, certificateDigestOk: true });
    const pdf = await openUpd(p, accountId, delivery.id, "pdf", store);
    expect(Buffer.from(pdf.bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    expect(Buffer.from(pdf.bytes).toString("latin1")).toContain("/ByteRange");

    // One changed byte: our reader and the standard tool refuse it.
    const tampered = Buffer.from(text.replace(`<Numer>${registerNo}</Numer>`, `<Numer>${registerNo.replace(/\d/, (d) => String((Number(d) + 1) % 10))}</Numer>`));
    expect(tampered.byteLength).toBe(xml.bytes.byteLength);
    expect(readXadesSignatures(new Uint8Array(tampered))[0]?.intact).toBe(false);
    if (spawnSync("xmlsec1", ["--version"]).error === undefined) {
      const dir = await mkdtemp(path.join(tmpdir(), "obieg-upd-xmlsec-"));
      const ca = await getCaCertificates(p);
      writeFileSync(path.join(dir, "root.pem"), toPem(ca.rootDer, "CERTIFICATE"));
      writeFileSync(path.join(dir, "issuing.pem"), toPem(ca.issuingDer, "CERTIFICATE"));
      const args = ["--verify", "--trusted-pem", "root.pem", "--untrusted-pem", "issuing.pem", "--id-attr:Id", "http://uri.etsi.org/01903/v1.3.2#:SignedProperties", "upd.xml"];
      writeFileSync(path.join(dir, "upd.xml"), xml.bytes);
      const ok = spawnSync("xmlsec1", args, { cwd: dir, encoding: "utf8" });
      expect(ok.status, ok.stderr).toBe(0);
      writeFileSync(path.join(dir, "upd.xml"), tampered);
      expect(spawnSync("xmlsec1", args, { cwd: dir, encoding: "utf8" }).status).not.toBe(0);
      await rm(dir, { recursive: true, force: true });
    } else console.warn("xmlsec1 missing: the standard-tool check of the UPD is skipped.");

    // Stored bytes that no longer match their digest are refused.
    const broken: FileStore = { ...store, get: async () => new TextEncoder().encode("zepsute") };
    expect((await errorOf(openUpd(p, accountId, delivery.id, "pdf", broken))).code).toBe("CONFLICT");
    expect((await errorOf(openDeliveryFile(p, accountId, delivery.id, fileId, broken))).code).toBe("CONFLICT");
  });

  it("lets a letter recorded as not collected within 14 days still be confirmed, keeping both times", async () => {
    const p = db.prisma;
    const sentAt = new Date(Date.now() - 20 * DAY);
    const { delivery } = await dispatchEspLetter("Wezwanie do uzupełnienia", sentAt);
    expect(await expireEspDeliveries(p, new Date(sentAt.getTime() + 15 * DAY))).toBeGreaterThanOrEqual(1);
    const expired = await getMyDelivery(p, delivery.accountId, delivery.id);
    expect(expired).toMatchObject({ status: "EXPIRED", subject: null, files: null });
    expect(expired.expiredAt).not.toBeNull();
    const result = await confirmReceipt(p, delivery.accountId, delivery.id, TEST_META, { store });
    expect(result.created).toBe(true);
    const row = await p.espDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(row.status).toBe("CONFIRMED");
    expect(row.expiredAt).not.toBeNull();
    expect(row.confirmedAt).not.toBeNull();
    // Both deliveries of the same account are listed; this letter's UPD does not list the other letter's UPD files.
    const rows = await listMyDeliveryRows(p, delivery.accountId);
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.id === delivery.id)?.subject).toBe("Wezwanie do uzupełnienia");
    const text = Buffer.from((await openUpd(p, delivery.accountId, delivery.id, "xml", store)).bytes).toString("utf8");
    expect(text).toContain('<Dokumenty liczba="1">');
  });
});
