import "reflect-metadata";
import { createHash, webcrypto } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import * as x509 from "@peculiar/x509";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeDocumentFile } from "@/modules/files/files.service";
import type { ServiceContext } from "@/server/context";
import type { FileStore } from "@/server/integrations/storage/file-store";
import { createLocalFileStore } from "@/server/integrations/storage/local-file-store";
import { ensureCertificationAuthority, inspectCsr, issueStaffCertificate, publishCrl } from "@/server/pki";
import { createTestDb, TEST_DB_KINDS, type TestDb } from "@/test/db";
import { createActor, createDepartment, errorOf } from "@/test/factories";
import { completeFileSignature, downloadSignature, listFileSignatures, NO_CERTIFICATE, prepareFileSignature, SIGNATURE_REQUEST_TTL_MS, verifyUploaded } from "./signatures.signing.service";

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const ECDSA = { name: "ECDSA", namedCurve: "P-256" } as const;
const SIGN = { name: "ECDSA", hash: "SHA-256" } as const;
const b64 = (bytes: Uint8Array | ArrayBuffer) => Buffer.from(bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes).toString("base64");
const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.7\n${text}\n%%EOF`);

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
  const content = pdf("Decyzja w sprawie wycinki drzewa – Żółć");

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
    ({ documentId, fileId } = await createVisibleFile("Decyzja – Żółć.pdf", content));
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
    expect(download.fileName).toBe("Decyzja – Żółć.pdf.p7s");
    expect(Buffer.from(download.bytes).equals(Buffer.from(p7s!))).toBe(true);

    const audit = await db.prisma.auditEvent.findMany({ where: { action: "signature.created", entityId: signed.id }, select: { actorId: true, documentId: true, entityType: true, data: true } });
    const cert = await db.prisma.signingCertificate.findFirstOrThrow({ where: { userId: clerk.actor.id } });
    expect(audit).toEqual([{ actorId: clerk.actor.id, documentId, entityType: "signature", data: { format: "CADES", fileId, fileName: "Decyzja – Żółć.pdf", serial: cert.serial, seal: false } }]);

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
      const f = await storeDocumentFile(signer, { documentId: doc.id, fileName: "notatka.pdf", bytes: pdf("Notatka służbowa"), kind: "ATTACHMENT" }, store);
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
    const good = await verifyUploaded(noCert, { fileName: "decyzja.pdf", fileBytes: content, signatureFileName: "decyzja.pdf.p7s", p7sBytes: p7s });
    expect(good).toMatchObject({ valid: true, intact: true, chainTrusted: true, validAtSigning: true, validNow: true, fileName: "decyzja.pdf" });
    expect(good.signer?.serial).toBeTruthy();
    expect(good.signingTime?.getTime()).toBe(row.signedAt.getTime());

    const tampered = new Uint8Array(content);
    tampered[12] = tampered[12]! ^ 0x01;
    const bad = await verifyUploaded(noCert, { fileName: "decyzja-zmieniona.pdf", fileBytes: tampered, signatureFileName: "decyzja.pdf.p7s", p7sBytes: p7s });
    expect(bad.valid).toBe(false);
    expect(bad.intact).toBe(false);
    expect(bad.problems.length).toBeGreaterThan(0);

    const garbage = await verifyUploaded(noCert, { fileName: "decyzja.pdf", fileBytes: content, signatureFileName: "nie-podpis.p7s", p7sBytes: pdf("to nie jest podpis") });
    expect(garbage.valid).toBe(false);
    expect(garbage.problems.length).toBeGreaterThan(0);

    const audit = await db.prisma.auditEvent.findMany({ where: { action: "signature.verified", actorId: noCert.actor.id }, orderBy: { id: "asc" }, select: { entityType: true, data: true } });
    expect(audit.map((a) => a.data)).toEqual([
      { fileName: "decyzja.pdf", valid: true, signer: good.signer!.commonName, serial: good.signer!.serial },
      { fileName: "decyzja-zmieniona.pdf", valid: false, signer: bad.signer?.commonName ?? null, serial: bad.signer?.serial ?? null },
      { fileName: "decyzja.pdf", valid: false, signer: null, serial: null },
    ]);
    expect(new Set(audit.map((a) => a.entityType))).toEqual(new Set(["signature"]));
  });

  it("refuses empty uploads", async () => {
    const error = await errorOf(verifyUploaded(noCert, { fileName: "a.pdf", fileBytes: new Uint8Array(), signatureFileName: "a.p7s", p7sBytes: new Uint8Array([1]) }));
    expect(error.code).toBe("BAD_REQUEST");
  });
});
