import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ESP_SYSTEM_USER_EMAIL } from "@/modules/letters/letters.esp";
import type { FileStore } from "@/server/integrations/storage/file-store";
import { createLocalFileStore } from "@/server/integrations/storage/local-file-store";
import { getCaCertificates, toPem } from "@/server/pki";
import { readXadesSignatures } from "@/server/pki/xades";
import { createTestDb, TEST_DB_KINDS, type TestDb } from "@/test/db";
import { errorOf, TEST_META } from "@/test/factories";
import { lookupCaseStatus } from "./esp.status.service";
import { getMySubmission, listMySubmissions, openUpp, submitToEsp, type SubmitInput } from "./esp.submit.service";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const pdfBytes = new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
const fields = { senderName: "Jan Kowalski", street: "ul. Lipowa 3", postalCode: "36-040", city: "Boguchwała", phone: "", subject: "Prośba o informację – Żółć", body: "Proszę o informację.\nDziękuję." };

describe.each(TEST_DB_KINDS)("ESP submissions (%s)", (kind) => {
  let db: TestDb;
  let root: string;
  let store: FileStore;
  let account: { id: string; email: string };
  const input = (key: string, extra: Partial<SubmitInput> = {}): SubmitInput => ({
    account,
    formCode: "pismo-ogolne",
    idempotencyKey: key,
    fields,
    files: [{ fileName: "skan wniosku.pdf", bytes: pdfBytes }],
    ...extra,
  });

  beforeAll(async () => {
    db = await createTestDb(kind);
    root = await mkdtemp(path.join(tmpdir(), "obieg-esp-"));
    store = createLocalFileStore(root);
    account = await db.prisma.espAccount.create({ data: { email: "jan.kowalski@example.com" }, select: { id: true, email: true } });
  });
  afterAll(async () => {
    await db?.destroy();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it("registers the letter (channel ESP, RPW number, files) and issues a sealed UPP with every digest", async () => {
    const result = await submitToEsp(db.prisma, input("klucz-pierwszy-0001"), TEST_META, { store, appUrl: "https://urzad.example" });
    expect(result).toMatchObject({ number: expect.stringMatching(/^ESP\/\d+\/\d{4}$/), created: true });
    expect(result.accessCode).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
    const sub = await db.prisma.espSubmission.findUniqueOrThrow({ where: { number: result.number }, include: { files: true } });
    const doc = await db.prisma.document.findUniqueOrThrow({ where: { id: sub.documentId }, include: { files: true, sender: { include: { addresses: true } }, createdBy: true } });
    expect(doc).toMatchObject({ kind: "INCOMING", channel: "ESP", status: "REGISTERED", subject: fields.subject, registerNo: expect.stringMatching(/^RPW\/1\//) });
    expect(doc.createdBy.email).toBe(ESP_SYSTEM_USER_EMAIL);
    expect(doc.createdBy.active).toBe(false);
    expect(doc.sender).toMatchObject({ name: "Kowalski Jan", email: account.email });
    expect(doc.sender!.addresses[0]).toMatchObject({ street: "ul. Lipowa 3", postalCode: "36-040", city: "Boguchwała" });
    const attachment = doc.files.find((f) => f.kind === "ATTACHMENT")!;
    expect(attachment).toMatchObject({ fileName: "skan wniosku.pdf", sha256: sha(pdfBytes), size: pdfBytes.byteLength, mimeType: "application/pdf" });
    expect(doc.files).toHaveLength(2);
    expect(sub.files.map((f) => f.sha256).sort()).toEqual(doc.files.map((f) => f.sha256).sort());
    // The stored bytes are what the digests say.
    for (const f of doc.files) expect(sha((await store.get(f.sha256))!)).toBe(f.sha256);

    const xml = await openUpp(db.prisma, account.id, result.number, "xml", store);
    const text = Buffer.from(xml.bytes).toString("utf8");
    expect(text).toContain("urn:obieg:esp:upp:1");
    expect(text).toContain(`<NumerZgloszenia>${result.number}</NumerZgloszenia>`);
    expect(text).toContain(`<NumerRPW>${doc.registerNo}</NumerRPW>`);
    expect(text).toContain("<Email>jan.kowalski@example.com</Email>");
    expect(text).toContain('strefa="Europe/Warsaw"');
    for (const f of doc.files) expect(text).toContain(`<SkrotSHA256>${f.sha256}</SkrotSHA256>`);
    expect(text).not.toContain(result.accessCode!);
    const signatures = readXadesSignatures(xml.bytes);
    expect(signatures).toHaveLength(1);
    expect(signatures[0]).toMatchObject({ intact: true, certificateDigestOk: true });
    expect(sub.uppXmlSha256).toBe(sha(xml.bytes));
    const pdf = await openUpp(db.prisma, account.id, result.number, "pdf", store);
    expect(Buffer.from(pdf.bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    expect(Buffer.from(pdf.bytes).toString("latin1")).toContain("/ByteRange");

    // Kancelaria-facing side effects: audit and the e-mail, in the same transaction.
    expect(await db.prisma.auditEvent.count({ where: { action: "esp.submission-received", documentId: doc.id } })).toBe(1);
    expect(await db.prisma.auditEvent.count({ where: { action: "letter.registered", documentId: doc.id, actorId: null } })).toBe(1);
    const mail = await db.prisma.emailMessage.findFirstOrThrow({ where: { toAddress: account.email, template: "esp-submission" } });
    expect(mail.text).toContain(result.number);
    expect((await db.prisma.espAccount.findUniqueOrThrow({ where: { id: account.id } })).name).toBe("Jan Kowalski");

    // The owner sees it; another account does not.
    expect((await listMySubmissions(db.prisma, account.id)).map((s) => [s.number, s.status])).toEqual([[result.number, "received"]]);
    expect((await getMySubmission(db.prisma, account.id, result.number)).files).toHaveLength(2);
    const other = await db.prisma.espAccount.create({ data: { email: "obcy@example.com" } });
    expect((await errorOf(openUpp(db.prisma, other.id, result.number, "xml", store))).code).toBe("NOT_FOUND");

    // The standard tool accepts the seal.
    if (spawnSync("xmlsec1", ["--version"]).error === undefined) {
      const dir = await mkdtemp(path.join(tmpdir(), "obieg-upp-"));
      const ca = await getCaCertificates(db.prisma);
      writeFileSync(path.join(dir, "root.pem"), toPem(ca.rootDer, "CERTIFICATE"));
      writeFileSync(path.join(dir, "issuing.pem"), toPem(ca.issuingDer, "CERTIFICATE"));
      writeFileSync(path.join(dir, "upp.xml"), xml.bytes);
      const args = ["--verify", "--trusted-pem", "root.pem", "--untrusted-pem", "issuing.pem", "--id-attr:Id", "http://uri.etsi.org/01903/v1.3.2#:SignedProperties", "upp.xml"];
      const ok = spawnSync("xmlsec1", args, { cwd: dir, encoding: "utf8" });
      expect(ok.status, ok.stderr).toBe(0);
      writeFileSync(path.join(dir, "upp.xml"), Buffer.from(text.replace(`<NumerRPW>${doc.registerNo}`, "<NumerRPW>RPW/999/2026")));
      expect(spawnSync("xmlsec1", args, { cwd: dir, encoding: "utf8" }).status).not.toBe(0);
      await rm(dir, { recursive: true, force: true });
    } else console.warn("xmlsec1 missing: the standard-tool check of the UPP is skipped.");

    // The status page: right code → state; wrong code, unknown number → nothing.
    expect(await lookupCaseStatus(db.prisma, { number: result.number, code: result.accessCode! }, TEST_META)).toEqual({ status: "received", dueDate: null });
    expect(await lookupCaseStatus(db.prisma, { number: doc.registerNo!, code: result.accessCode!.toLowerCase() }, TEST_META)).toEqual({ status: "received", dueDate: null });
    expect(await lookupCaseStatus(db.prisma, { number: result.number, code: "AAAAAAAA" }, TEST_META)).toBeNull();
    expect(await lookupCaseStatus(db.prisma, { number: "ESP/999/2026", code: result.accessCode! }, TEST_META)).toBeNull();
    await db.prisma.document.update({ where: { id: doc.id }, data: { status: "IN_PROGRESS", dueDate: new Date("2026-12-24T00:00:00Z") } });
    expect(await lookupCaseStatus(db.prisma, { number: result.number, code: result.accessCode! }, TEST_META)).toEqual({ status: "inProgress", dueDate: "2026-12-24" });
    let limited = 0;
    for (let i = 0; i < 25; i++) limited += (await errorOf(lookupCaseStatus(db.prisma, { number: "x", code: "y" }, { ...TEST_META, ip: "10.9.9.9" })).catch(() => null))?.code === "TOO_MANY_REQUESTS" ? 1 : 0;
    expect(limited).toBe(5);
  });

  it("gives one letter and one UPP for a repeated or doubled submission", async () => {
    const before = await db.prisma.document.count();
    const first = await submitToEsp(db.prisma, input("klucz-podwojny-0002"), TEST_META, { store });
    const retry = await submitToEsp(db.prisma, input("klucz-podwojny-0002"), TEST_META, { store });
    expect(retry).toEqual({ ...first, accessCode: null, created: false });
    const [a, b] = await Promise.all([
      submitToEsp(db.prisma, input("klucz-rownolegly-03"), TEST_META, { store }),
      submitToEsp(db.prisma, input("klucz-rownolegly-03"), TEST_META, { store }),
    ]);
    expect(a.number).toBe(b.number);
    expect([a.created, b.created].filter(Boolean)).toHaveLength(1);
    expect(await db.prisma.document.count()).toBe(before + 2);
    expect(await db.prisma.espSubmission.count({ where: { idempotencyKey: { in: ["klucz-podwojny-0002", "klucz-rownolegly-03"] } } })).toBe(2);
  });

  it("leaves nothing half-done when the transaction fails midway", async () => {
    const count = async () => ({
      documents: await db.prisma.document.count(),
      files: await db.prisma.documentFile.count(),
      submissions: await db.prisma.espSubmission.count(),
      mails: await db.prisma.emailMessage.count(),
      contacts: await db.prisma.contact.count(),
      audit: await db.prisma.auditEvent.count({ where: { action: { in: ["esp.submission-received", "letter.registered", "signature.sealed"] } } }),
      counter: (await db.prisma.registerCounter.findMany()).map((r) => r.last),
    });
    const before = await count();
    const fresh = await db.prisma.espAccount.create({ data: { email: "nowy@example.com" }, select: { id: true, email: true } });
    const error = await submitToEsp(db.prisma, { ...input("klucz-awaria-000004"), account: fresh }, TEST_META, {
      store,
      midway: () => {
        throw new Error("awaria w połowie");
      },
    }).catch((e: unknown) => e);
    expect((error as Error).message).toBe("awaria w połowie");
    expect(await count()).toEqual(before);
  });

  it("refuses invalid fields and files with Polish messages, and limits submissions per account", async () => {
    const bad = await errorOf(submitToEsp(db.prisma, input("klucz-bledny-00005", { fields: { ...fields, postalCode: "36040", subject: "" } }), TEST_META, { store }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.fieldErrors).toMatchObject({ postalCode: "Kod pocztowy w postaci 00-000.", subject: "Podaj temat pisma." });
    const fake = await errorOf(submitToEsp(db.prisma, input("klucz-plik-000006", { files: [{ fileName: "wniosek.pdf", bytes: new TextEncoder().encode("MZ to nie PDF") }] }), TEST_META, { store }));
    expect(fake.fieldErrors?.attachments).toContain("nie jest prawidłowym plikiem PDF");
    const exe = await errorOf(submitToEsp(db.prisma, input("klucz-plik-000007", { files: [{ fileName: "program.exe", bytes: pdfBytes }] }), TEST_META, { store }));
    expect(exe.fieldErrors?.attachments).toContain("nie przyjmuje");
    const limited = await db.prisma.espAccount.create({ data: { email: "limit@example.com" }, select: { id: true, email: true } });
    let last: unknown = null;
    for (let i = 0; i < 11; i++) {
      last = await submitToEsp(db.prisma, { ...input(`klucz-limit-${String(i).padStart(6, "0")}`, { files: [] }), account: limited }, { ...TEST_META, ip: `10.1.1.${i}` }, { store }).catch((e: unknown) => e);
    }
    expect((last as { code?: string }).code).toBe("TOO_MANY_REQUESTS");
    expect(await db.prisma.espSubmission.count({ where: { accountId: limited.id } })).toBe(10);
  });
});
