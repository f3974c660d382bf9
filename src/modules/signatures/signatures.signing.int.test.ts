import "reflect-metadata";
import { createHash, webcrypto } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import * as x509 from "@peculiar/x509";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import { listDocumentFiles, storeDocumentFile } from "@/modules/files/files.service";
import type { ServiceContext } from "@/server/context";
import type { FileStore } from "@/server/integrations/storage/file-store";
import { createLocalFileStore } from "@/server/integrations/storage/local-file-store";
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { ensureCertificationAuthority, getCaCertificates, inspectCsr, issueStaffCertificate, publishCrl, toPem } from "@/server/pki";
import { createTestDb, TEST_DB_KINDS, type TestDb } from "@/test/db";
import { createActor, createDepartment, errorOf } from "@/test/factories";
import { listSealCertificates, revokeSeal } from "./signatures.certificates.service";
import { sealSystemPdf, sealSystemXml } from "./signatures.seal.service";
import { completeFileSignature, downloadSignature, listFileSignatures, NO_CERTIFICATE, prepareFileSignature, SIGNATURE_REQUEST_TTL_MS, verifyUploaded } from "./signatures.signing.service";

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const ECDSA = { name: "ECDSA", namedCurve: "P-256" } as const;
const SIGN = { name: "ECDSA", hash: "SHA-256" } as const;
const b64 = (bytes: Uint8Array | ArrayBuffer) => Buffer.from(bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes).toString("base64");
/** CAdES covers any file; a text file keeps these tests on the detached path (PDF and XML get PAdES/XAdES). */
const txt = (text: string) => new TextEncoder().encode(`${text}\n`);

/** The user's own act in these tests: a non-extractable WebCrypto key, as the browser makes it. */
async function browserKey(): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(ECDSA, false, ["sign", "verify"])) as CryptoKeyPair;
}

async function sign(keys: CryptoKeyPair, toBeSignedBase64: string): Promise<string> {
  return b64(await webcrypto.subtle.sign(SIGN, keys.privateKey, Buffer.from(toBeSignedBase64, "base64")));
}

describe.each(TEST_DB_KINDS)("signing files (%s)", (kind) => {
  let db: TestDb;
  let root: string;
  let store: FileStore;
  let clerk: ServiceContext, colleague: ServiceContext, noCert: ServiceContext, otherDept: ServiceContext;
  let clerkKeys: CryptoKeyPair;
  let documentId: string;
  let fileId: string;
  const content = txt("Decyzja w sprawie wycinki drzewa – Żółć");

  /** Issues a certificate for the actor's browser key through the CA and records it as ISSUED. */
  async function certify(ctx: ServiceContext, keys: CryptoKeyPair) {
    const csr = await x509.Pkcs10CertificateRequestGenerator.create({ name: "CN=Wniosek", keys, signingAlgorithm: SIGN });
    const csrDer = new Uint8Array(csr.rawData);
    const info = await inspectCsr(csrDer);
    const issued = await issueStaffCertificate(db.prisma, {
      csrDer,
      subject: { givenName: ctx.actor.firstName, surname: ctx.actor.lastName, title: "Inspektor", department: "Wydział GK", email: ctx.actor.email, organization: "Urząd Miejski w Boguchwale" },
    });
    return db.prisma.signingCertificate.create({
      data: {
        userId: ctx.actor.id,
        status: "ISSUED",
        csr: csrDer,
        publicKeyHash: info.publicKeyHash,
        subject: issued.subject,
        certificate: new Uint8Array(issued.der),
        serial: issued.serial,
        notBefore: issued.notBefore,
        notAfter: issued.notAfter,
        decidedAt: new Date(),
      },
    });
  }

  async function createVisibleFile(name: string, bytes: Uint8Array) {
    const doc = await db.prisma.document.create({
      data: { kind: "INCOMING", status: "IN_PROGRESS", channel: "PAPER", subject: "Wniosek o wycinkę drzewa", createdById: clerk.actor.id, departmentId: (await db.prisma.user.findUniqueOrThrow({ where: { id: clerk.actor.id } })).departmentId },
    });
    const file = await storeDocumentFile(clerk, { documentId: doc.id, fileName: name, bytes, kind: "ATTACHMENT" }, store);
    return { documentId: doc.id, fileId: file.id };
  }

  beforeAll(async () => {
    db = await createTestDb(kind);
    root = await mkdtemp(path.join(tmpdir(), "obieg-signing-int-"));
    store = createLocalFileStore(root);
    const gk = await createDepartment(db.prisma, { symbol: "GK" });
    const fn = await createDepartment(db.prisma, { symbol: "FN" });
    clerk = await createActor(db.prisma, ["PRACOWNIK"], gk.id);
    colleague = await createActor(db.prisma, ["PRACOWNIK"], gk.id);
    noCert = await createActor(db.prisma, ["PRACOWNIK"], gk.id);
    otherDept = await createActor(db.prisma, ["PRACOWNIK"], fn.id);
    await ensureCertificationAuthority(db.prisma);
    clerkKeys = await browserKey();
    await certify(clerk, clerkKeys);
    await certify(colleague, await browserKey());
    await certify(otherDept, await browserKey());
    ({ documentId, fileId } = await createVisibleFile("Decyzja – Żółć.txt", content));
  });
  afterAll(async () => {
    await db?.destroy();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it("prepares, takes the browser's signature, stores the .p7s and lists the signature as valid", async () => {
    const prepared = await prepareFileSignature(clerk, { fileId });
    const spki = new Uint8Array(await webcrypto.subtle.exportKey("spki", clerkKeys.publicKey));
    expect(prepared.publicKeyHash).toBe(createHash("sha256").update(spki).digest("hex"));
    expect(prepared.expiresAt.getTime() - Date.now()).toBeGreaterThan(SIGNATURE_REQUEST_TTL_MS - 60_000);

    const signed = await completeFileSignature(clerk, { requestId: prepared.requestId, signatureBase64: await sign(clerkKeys, prepared.toBeSignedBase64) }, { store });
    expect(signed).toMatchObject({ fileId, format: "CADES", signerName: `${clerk.actor.firstName} ${clerk.actor.lastName}`, seal: false, downloadUrl: `/api/podpisy/${signed.id}` });
    expect(signed.verification).toMatchObject({ valid: true, intact: true, chainTrusted: true, validAtSigning: true, validNow: true, revocation: null });
    expect(signed.verification.signer?.email).toBe(clerk.actor.email);

    const row = await db.prisma.documentSignature.findUniqueOrThrow({ where: { id: signed.id } });
    const p7s = await store.get(row.signatureSha256!);
    expect(p7s).not.toBeNull();
    expect(createHash("sha256").update(p7s!).digest("hex")).toBe(row.signatureSha256);
    expect(await db.prisma.fileBlob.count({ where: { sha256: row.signatureSha256! } })).toBe(1);

    const list = await listFileSignatures(colleague, fileId, { store });
    expect(list.items.map((s) => [s.id, s.verification.valid])).toEqual([[signed.id, true]]);
    expect(list.certificate?.publicKeyHash).not.toBe(prepared.publicKeyHash);
    expect((await listFileSignatures(clerk, fileId, { store })).certificate?.publicKeyHash).toBe(prepared.publicKeyHash);

    const download = await downloadSignature(colleague, signed.id, { store });
    expect(download.fileName).toBe("Decyzja – Żółć.txt.p7s");
    expect(Buffer.from(download.bytes).equals(Buffer.from(p7s!))).toBe(true);

    const audit = await db.prisma.auditEvent.findMany({ where: { action: "signature.created", entityId: signed.id }, select: { actorId: true, documentId: true, entityType: true, data: true } });
    const cert = await db.prisma.signingCertificate.findFirstOrThrow({ where: { userId: clerk.actor.id } });
    expect(audit).toEqual([{ actorId: clerk.actor.id, documentId, entityType: "signature", data: { format: "CADES", fileId, fileName: "Decyzja – Żółć.txt", serial: cert.serial, seal: false } }]);

    // The request is spent: a second completion is refused, and no second signature appears.
    const again = await errorOf(completeFileSignature(clerk, { requestId: prepared.requestId, signatureBase64: await sign(clerkKeys, prepared.toBeSignedBase64) }, { store }));
    expect(again.code).toBe("CONFLICT");
    expect(await db.prisma.documentSignature.count({ where: { fileId } })).toBe(1);
  });

  it("refuses a signature made with another key and records nothing", async () => {
    const before = await db.prisma.documentSignature.count();
    const prepared = await prepareFileSignature(clerk, { fileId });
    const error = await errorOf(completeFileSignature(clerk, { requestId: prepared.requestId, signatureBase64: await sign(await browserKey(), prepared.toBeSignedBase64) }, { store }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(await db.prisma.documentSignature.count()).toBe(before);
    expect((await db.prisma.signatureRequest.findUniqueOrThrow({ where: { id: prepared.requestId } })).completedAt).toBeNull();
  });

  it("answers NOT_FOUND for someone else's request and for a file the caller does not see", async () => {
    const prepared = await prepareFileSignature(clerk, { fileId });
    const error = await errorOf(completeFileSignature(colleague, { requestId: prepared.requestId, signatureBase64: await sign(clerkKeys, prepared.toBeSignedBase64) }, { store }));
    expect(error.code).toBe("NOT_FOUND");
    expect((await errorOf(prepareFileSignature(otherDept, { fileId }))).code).toBe("NOT_FOUND");
    expect((await errorOf(listFileSignatures(otherDept, fileId, { store }))).code).toBe("NOT_FOUND");
    const someSignature = await db.prisma.documentSignature.findFirstOrThrow({ where: { fileId } });
    expect((await errorOf(downloadSignature(otherDept, someSignature.id, { store }))).code).toBe("NOT_FOUND");
  });

  it("tells a user without a certificate to request one", async () => {
    const error = await errorOf(prepareFileSignature(noCert, { fileId }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.userMessage).toBe(NO_CERTIFICATE);
    expect((await listFileSignatures(noCert, fileId, { store })).certificate).toBeNull();
  });

  it("refuses an expired request", async () => {
    const prepared = await prepareFileSignature(clerk, { fileId });
    const later = new Date(Date.now() + SIGNATURE_REQUEST_TTL_MS + 1000);
    const error = await errorOf(completeFileSignature(clerk, { requestId: prepared.requestId, signatureBase64: await sign(clerkKeys, prepared.toBeSignedBase64) }, { store, now: later }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.userMessage).toMatch(/minął/);
  });

  it("does not let a revoked certificate sign nor complete what was prepared before, and keeps earlier signatures valid", async () => {
    const signer = await createActor(db.prisma, ["PRACOWNIK"], (await db.prisma.user.findUniqueOrThrow({ where: { id: clerk.actor.id } })).departmentId);
    const keys = await browserKey();
    const cert = await certify(signer, keys);
    const { fileId: ownFile } = await (async () => {
      const doc = await db.prisma.document.create({ data: { kind: "INTERNAL", status: "IN_PROGRESS", channel: "PAPER", subject: "Notatka", createdById: signer.actor.id, departmentId: null } });
      const f = await storeDocumentFile(signer, { documentId: doc.id, fileName: "notatka.txt", bytes: txt("Notatka służbowa"), kind: "ATTACHMENT" }, store);
      return { fileId: f.id };
    })();
    const before = await prepareFileSignature(signer, { fileId: ownFile });
    const signedBefore = await completeFileSignature(signer, { requestId: before.requestId, signatureBase64: await sign(keys, before.toBeSignedBase64) }, { store });
    const prepared = await prepareFileSignature(signer, { fileId: ownFile });
    await db.prisma.signingCertificate.update({ where: { id: cert.id }, data: { status: "REVOKED", revokedAt: new Date(), revocationReason: "KEY_COMPROMISE" } });
    await publishCrl(db.prisma);
    const late = await errorOf(completeFileSignature(signer, { requestId: prepared.requestId, signatureBase64: await sign(keys, prepared.toBeSignedBase64) }, { store }));
    expect(late.code).toBe("BAD_REQUEST");
    const error = await errorOf(prepareFileSignature(signer, { fileId: ownFile }));
    expect(error.userMessage).toBe(NO_CERTIFICATE);
    // The signature made before the revocation still holds, and says the revocation came later.
    const listed = await listFileSignatures(signer, ownFile, { store });
    expect(listed.certificate).toBeNull();
    expect(listed.items.map((i) => i.id)).toEqual([signedBefore.id]);
    expect(listed.items[0]!.verification).toMatchObject({ valid: true, validAtSigning: true, validNow: false, revokedBeforeSigning: false, revocation: { reason: "KEY_COMPROMISE" } });
  });

  it("verifies an uploaded file and signature, reports tampering, and audits each verification", async () => {
    const row = await db.prisma.documentSignature.findFirstOrThrow({ where: { fileId }, orderBy: { signedAt: "asc" } });
    const p7s = (await store.get(row.signatureSha256!))!;
    const good = await verifyUploaded(noCert, { fileName: "decyzja.txt", fileBytes: content, signatureFileName: "decyzja.txt.p7s", p7sBytes: p7s });
    expect(good).toMatchObject({ fileName: "decyzja.txt", signatureFileName: "decyzja.txt.p7s", format: "CADES" });
    expect(good.signatures).toHaveLength(1);
    const [goodSig] = good.signatures;
    expect(goodSig).toMatchObject({ valid: true, intact: true, chainTrusted: true, validAtSigning: true, validNow: true });
    expect(goodSig!.signer?.serial).toBeTruthy();
    expect(goodSig!.signingTime?.getTime()).toBe(row.signedAt.getTime());

    const tampered = new Uint8Array(content);
    tampered[12] = tampered[12]! ^ 0x01;
    const bad = (await verifyUploaded(noCert, { fileName: "decyzja-zmieniona.txt", fileBytes: tampered, signatureFileName: "decyzja.txt.p7s", p7sBytes: p7s })).signatures[0]!;
    expect(bad.valid).toBe(false);
    expect(bad.intact).toBe(false);
    expect(bad.problems.length).toBeGreaterThan(0);

    const garbage = (await verifyUploaded(noCert, { fileName: "decyzja.txt", fileBytes: content, signatureFileName: "nie-podpis.p7s", p7sBytes: txt("to nie jest podpis") })).signatures[0]!;
    expect(garbage.valid).toBe(false);
    expect(garbage.problems.length).toBeGreaterThan(0);

    // A text file without a .p7s has nothing to verify: the missing signature file is named.
    const missing = await errorOf(verifyUploaded(noCert, { fileName: "decyzja.txt", fileBytes: content }));
    expect(missing.code).toBe("BAD_REQUEST");
    expect(missing.userMessage).toMatch(/\.p7s/);

    const audit = await db.prisma.auditEvent.findMany({ where: { action: "signature.verified", actorId: noCert.actor.id }, orderBy: { id: "asc" }, select: { entityType: true, data: true } });
    expect(audit.map((a) => a.data)).toEqual([
      { fileName: "decyzja.txt", valid: true, signer: goodSig!.signer!.commonName, serial: goodSig!.signer!.serial },
      { fileName: "decyzja-zmieniona.txt", valid: false, signer: bad.signer?.commonName ?? null, serial: bad.signer?.serial ?? null },
      { fileName: "decyzja.txt", valid: false, signer: null, serial: null },
    ]);
    expect(new Set(audit.map((a) => a.entityType))).toEqual(new Set(["signature"]));
  });

  it("refuses empty uploads", async () => {
    const error = await errorOf(verifyUploaded(noCert, { fileName: "a.pdf", fileBytes: new Uint8Array(), signatureFileName: "a.p7s", p7sBytes: new Uint8Array([1]) }));
    expect(error.code).toBe("BAD_REQUEST");
  });

  /** A real PDF (pdf-lib, one page of text). */
  async function realPdf(text: string): Promise<Uint8Array> {
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]).drawText(text, { x: 50, y: 780, size: 14 });
    return doc.save();
  }

  async function signAs(ctx: ServiceContext, keys: CryptoKeyPair, id: string, purpose: "SIGN" | "APPROVE" = "SIGN") {
    const prepared = await prepareFileSignature(ctx, { fileId: id, purpose }, { store });
    return { prepared, complete: async () => completeFileSignature(ctx, { requestId: prepared.requestId, signatureBase64: await sign(keys, prepared.toBeSignedBase64) }, { store }) };
  }

  it("signs a PDF inside the file (PAdES) as a new version, and a second signer keeps the first signature valid", async () => {
    const colleagueKeys = await browserKey();
    await db.prisma.signingCertificate.updateMany({ where: { userId: colleague.actor.id }, data: { status: "REVOKED", revokedAt: new Date(), revocationReason: "SUPERSEDED" } });
    await certify(colleague, colleagueKeys);
    const original = await realPdf("Decyzja nr 12/2026");
    const { documentId: doc, fileId: v1 } = await createVisibleFile("decyzja.pdf", original);

    const first = await signAs(clerk, clerkKeys, v1, "APPROVE");
    expect(first.prepared.format).toBe("PADES");
    const signed = await first.complete();
    expect(signed.format).toBe("PADES");
    expect(signed.fileId).not.toBe(v1);
    expect(signed.verification).toMatchObject({ valid: true, intact: true, chainTrusted: true, validAtSigning: true });
    const v2 = signed.fileId;
    const versions = await db.prisma.documentFile.findMany({ where: { documentId: doc }, orderBy: { createdAt: "asc" }, select: { id: true, supersededAt: true, previousVersionId: true, sha256: true, fileName: true } });
    expect(versions.map((v) => [v.id, v.supersededAt !== null, v.previousVersionId])).toEqual([[v1, true, null], [v2, false, v1]]);
    expect(versions[1]!.fileName).toBe("decyzja.pdf");
    // The signed file starts with the original bytes (an incremental update) and is stored under its digest.
    const v2Bytes = (await store.get(versions[1]!.sha256))!;
    expect(Buffer.from(v2Bytes.subarray(0, original.length)).equals(Buffer.from(original))).toBe(true);
    const listed = await listDocumentFiles(colleague, doc);
    expect(listed.items.map((f) => [f.id, f.previousVersion?.url])).toEqual([[v2, `/api/pliki/${v1}`]]);

    // Two people prepare on the same version; the first to finish wins, the other must start again.
    const second = await signAs(colleague, colleagueKeys, v2);
    const late = await signAs(clerk, clerkKeys, v2);
    const v3 = (await second.complete()).fileId;
    const stale = await errorOf(late.complete());
    expect(stale.code).toBe("CONFLICT");
    expect((await errorOf(prepareFileSignature(clerk, { fileId: v2 }, { store }))).userMessage).toMatch(/poprzednia wersja/);

    const both = await listFileSignatures(noCert, v3, { store });
    expect(both.items.map((i) => [i.format, i.signerName, i.verification.valid, i.seal])).toEqual([
      ["PADES", `${clerk.actor.firstName} ${clerk.actor.lastName}`, true, false],
      ["PADES", `${colleague.actor.firstName} ${colleague.actor.lastName}`, true, false],
    ]);
    const rows = await db.prisma.documentSignature.findMany({ where: { file: { documentId: doc } }, orderBy: { signedAt: "asc" }, select: { fileId: true, format: true, signatureSha256: true } });
    expect(rows).toEqual([
      { fileId: v2, format: "PADES", signatureSha256: null },
      { fileId: v3, format: "PADES", signatureSha256: null },
    ]);

    // Verification of the downloaded file by anyone: both signatures; one changed byte breaks them.
    const v3Row = await db.prisma.documentFile.findUniqueOrThrow({ where: { id: v3 } });
    const finalBytes = (await store.get(v3Row.sha256))!;
    const report = await verifyUploaded(noCert, { fileName: "decyzja.pdf", fileBytes: finalBytes });
    expect(report.format).toBe("PADES");
    expect(report.signatures.map((v) => v.valid)).toEqual([true, true]);
    const tampered = new Uint8Array(finalBytes);
    const at = Math.floor(original.length / 2); // inside the original revision: covered by both signatures
    tampered[at] = tampered[at]! ^ 0x01;
    const broken = await verifyUploaded(noCert, { fileName: "decyzja.pdf", fileBytes: tampered });
    expect(broken.signatures.length).toBe(2);
    expect(broken.signatures.every((v) => !v.valid && !v.intact)).toBe(true);
  });

  it("signs an XML document inside it (XAdES) as a new version", async () => {
    const xml = new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?>\n<wniosek xmlns="urn:obieg:test"><tresc>Zgoda na zajęcie pasa drogowego – Żółć</tresc></wniosek>\n`);
    const { fileId: x1 } = await createVisibleFile("wniosek.xml", xml);
    const { prepared, complete } = await signAs(clerk, clerkKeys, x1);
    expect(prepared.format).toBe("XADES");
    const done = await complete();
    expect(done).toMatchObject({ format: "XADES", verification: { valid: true, intact: true } });
    const list = await listFileSignatures(colleague, done.fileId, { store });
    expect(list.items.map((i) => [i.format, i.verification.valid])).toEqual([["XADES", true]]);
    const bytes = (await store.get((await db.prisma.documentFile.findUniqueOrThrow({ where: { id: done.fileId } })).sha256))!;
    expect(Buffer.from(bytes).toString("utf8")).toContain("<ds:Signature");
    const changed = Buffer.from(Buffer.from(bytes).toString("utf8").replace("Żółć", "Żółw"), "utf8");
    const report = await verifyUploaded(noCert, { fileName: "wniosek.xml", fileBytes: new Uint8Array(changed) });
    expect(report).toMatchObject({ format: "XADES" });
    expect(report.signatures[0]).toMatchObject({ valid: false, intact: false });
  });

  it("does not change the files of a closed letter: PAdES refused, a detached CAdES still allowed", async () => {
    const { documentId: closed, fileId: pdfId } = await createVisibleFile("zamkniete.pdf", await realPdf("Pismo zalatwione"));
    const { fileId: txtId } = await (async () => {
      const f = await storeDocumentFile(clerk, { documentId: closed, fileName: "notatka.txt", bytes: txt("Notatka"), kind: "ATTACHMENT" }, store);
      return { fileId: f.id };
    })();
    await db.prisma.document.update({ where: { id: closed }, data: { status: "DONE" } });
    const refused = await errorOf(prepareFileSignature(clerk, { fileId: pdfId }, { store }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.userMessage).toMatch(/załatwione/);
    expect((await prepareFileSignature(clerk, { fileId: txtId })).format).toBe("CADES");
  });

  it("seals system documents automatically, and after the seal is revoked tells old seals from new ones", async () => {
    const admin = await createActor(db.prisma, ["ADMINISTRATOR"]);
    const slip = await sealSystemPdf(clerk, await realPdf("Potwierdzenie przyjecia pisma RPW/1/2026"), { purpose: "letter-confirmation", reason: "Potwierdzenie przyjęcia pisma", location: "Urząd", documentId });
    const receipt = await sealSystemXml(clerk, new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?><UPP><Id>1</Id></UPP>`), { purpose: "upp" });
    const before = await verifyUploaded(noCert, { fileName: "potwierdzenie.pdf", fileBytes: slip });
    expect(before.signatures).toHaveLength(1);
    expect(before.signatures[0]).toMatchObject({ valid: true, validNow: true, revocation: null });
    expect(before.signatures[0]!.signer?.commonName).toMatch(/^Pieczęć elektroniczna/);
    expect((await verifyUploaded(noCert, { fileName: "upp.xml", fileBytes: receipt })).signatures[0]).toMatchObject({ valid: true });
    const sealAudit = await db.prisma.auditEvent.findMany({ where: { action: "signature.sealed" }, orderBy: { id: "asc" }, select: { data: true, documentId: true } });
    expect(sealAudit.slice(-2).map((a) => (a.data as { purpose: string }).purpose)).toEqual(["letter-confirmation", "upp"]);

    // The standard tools accept what the app sealed, with the CA chain the app publishes at /pki.
    const tools = spawnSync("pdfsig", ["-v"]).error === undefined && spawnSync("xmlsec1", ["--version"]).error === undefined && spawnSync("certutil", ["-H"]).error === undefined;
    if (tools) {
      const dir = await mkdtemp(path.join(tmpdir(), "obieg-seal-tools-"));
      const ca = await getCaCertificates(db.prisma);
      writeFileSync(path.join(dir, "root.pem"), toPem(ca.rootDer, "CERTIFICATE"));
      writeFileSync(path.join(dir, "issuing.pem"), toPem(ca.issuingDer, "CERTIFICATE"));
      writeFileSync(path.join(dir, "slip.pdf"), slip);
      writeFileSync(path.join(dir, "upp.xml"), receipt);
      const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { cwd: dir, encoding: "utf8" });
      expect(run("certutil", ["-N", "-d", "sql:.", "--empty-password"]).status).toBe(0);
      expect(run("certutil", ["-A", "-d", "sql:.", "-n", "root", "-t", "CT,C,C", "-i", "root.pem"]).status).toBe(0);
      expect(run("certutil", ["-A", "-d", "sql:.", "-n", "issuing", "-t", ",,", "-i", "issuing.pem"]).status).toBe(0);
      const pdfsig = run("pdfsig", ["-nssdir", "sql:.", "-no-ocsp", "slip.pdf"]);
      expect(pdfsig.stdout).toContain("Signature is Valid");
      expect(pdfsig.stdout).toContain("Certificate is Trusted");
      const xmlsec = run("xmlsec1", ["--verify", "--trusted-pem", "root.pem", "--untrusted-pem", "issuing.pem", "--id-attr:Id", "http://uri.etsi.org/01903/v1.3.2#:SignedProperties", "upp.xml"]);
      expect(xmlsec.status, xmlsec.stderr).toBe(0);
      writeFileSync(path.join(dir, "upp.xml"), Buffer.from(Buffer.from(receipt).toString("utf8").replace("<Id>1</Id>", "<Id>2</Id>")));
      expect(run("xmlsec1", ["--verify", "--trusted-pem", "root.pem", "--untrusted-pem", "issuing.pem", "--id-attr:Id", "http://uri.etsi.org/01903/v1.3.2#:SignedProperties", "upp.xml"]).status).not.toBe(0);
      await rm(dir, { recursive: true, force: true });
    } else console.warn("pdfsig/xmlsec1/certutil missing: the standard-tool checks of sealed documents are skipped (CI installs them).");

    const oldSerial = before.signatures[0]!.signer!.serial;
    expect((await errorOf(revokeSeal(clerk, { reason: "KEY_COMPROMISE" }))).code).toBe("FORBIDDEN");
    const seals = await revokeSeal(admin, { reason: "KEY_COMPROMISE" });
    expect(seals.map((s) => [s.active, s.revocationReason])).toEqual([[true, null], [false, "KEY_COMPROMISE"]]);
    expect(seals[1]!.serial).toBe(oldSerial);
    expect(await listSealCertificates(admin)).toEqual(seals);
    const crl = new x509.X509Crl((await db.prisma.publishedCrl.findUniqueOrThrow({ where: { id: 1 } })).der.slice().buffer);
    expect(crl.entries.map((e) => e.serialNumber.toLowerCase().replace(/^0+/, ""))).toContain(oldSerial.replace(/^0+/, ""));

    // The slip sealed before the revocation: valid when sealed, not now, revoked after sealing.
    const after = (await verifyUploaded(noCert, { fileName: "potwierdzenie.pdf", fileBytes: slip })).signatures[0]!;
    expect(after).toMatchObject({ valid: true, validAtSigning: true, validNow: false, revokedBeforeSigning: false, revocation: { reason: "KEY_COMPROMISE" } });
    // New documents carry the new seal.
    const fresh = (await verifyUploaded(noCert, { fileName: "nowe.pdf", fileBytes: await sealSystemPdf(clerk, await realPdf("Nowe"), { purpose: "letter-confirmation", reason: "Potwierdzenie", location: "Urząd" }) })).signatures[0]!;
    expect(fresh).toMatchObject({ valid: true, validNow: true });
    expect(fresh.signer!.serial).toBe(seals[0]!.serial);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "pki.seal-replaced" }, select: { actorId: true, data: true } });
    expect(audit).toEqual({ actorId: admin.actor.id, data: { revoked: oldSerial, issued: seals[0]!.serial, reason: "KEY_COMPROMISE" } });
  });
});
