import "reflect-metadata";
import { webcrypto } from "node:crypto";
import * as x509 from "@peculiar/x509";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceContext } from "@/server/context";
import { currentCrl } from "@/server/pki";
import { browserKeys, makeCsr } from "@/server/pki/test-helpers";
import { createTestDb, TEST_DB_KINDS, type TestDb } from "@/test/db";
import { actorOf, createActor, createDepartment, createPosition, createUser, errorOf, TEST_META } from "@/test/factories";
import {
  approveCertificate,
  getCertificateFile,
  getMyActiveCertificate,
  listCertificates,
  listMyCertificates,
  rejectCertificate,
  requestCertificate,
  revokeCertificate,
  withdrawCertificateRequest,
} from "./signatures.certificates.service";

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const b64 = (der: Uint8Array) => Buffer.from(der).toString("base64");
const DAY = 24 * 60 * 60 * 1000;

async function csrBase64() {
  return b64(await makeCsr(await browserKeys()));
}

describe.each(TEST_DB_KINDS)("staff certificates on %s", (kind) => {
  let db: TestDb;
  let admin: ServiceContext;
  let clerk: ServiceContext;
  let other: ServiceContext;

  beforeAll(async () => {
    db = await createTestDb(kind);
    await db.prisma.office.upsert({ where: { id: 1 }, update: { name: "Urząd Miasta Testowo" }, create: { id: 1, name: "Urząd Miasta Testowo", shortName: "UM Testowo", street: "ul. Rynek 1", postalCode: "00-001", city: "Testowo" } });
    admin = await createActor(db.prisma, ["ADMINISTRATOR"]);
    const dep = await createDepartment(db.prisma, { name: "Wydział Geodezji" });
    const position = await createPosition(db.prisma, { name: "Inspektor" });
    const user = await createUser(db.prisma, { firstName: "Łucja", lastName: "Żółć", roles: ["PRACOWNIK"], departmentId: dep.id, positionId: position.id, email: "lucja@test.example" });
    clerk = { db: db.prisma, actor: actorOf(user), meta: TEST_META };
    other = await createActor(db.prisma, ["PRACOWNIK"]);
  }, 60_000);
  afterAll(async () => db?.destroy());

  const auditOf = (entityId: string) => db.prisma.auditEvent.findMany({ where: { entityType: "certificate", entityId }, orderBy: { id: "asc" }, select: { action: true, actorId: true, data: true } });

  it("requests, approves with the subject from the user's record, and revokes with a CRL entry", async () => {
    const requested = await requestCertificate(clerk, { csrBase64: await csrBase64() });
    expect(requested).toMatchObject({ status: "REQUESTED", userId: clerk.actor.id, serial: null, subject: null });
    expect(requested.publicKeyHash).toMatch(/^[0-9a-f]{64}$/);

    // One open request per user.
    const second = await errorOf(requestCertificate(clerk, { csrBase64: await csrBase64() }));
    expect(second.code).toBe("CONFLICT");

    // Only an administrator approves; the requester and others are refused.
    expect((await errorOf(approveCertificate(clerk, { id: requested.id }))).code).toBe("FORBIDDEN");
    expect((await errorOf(listCertificates(other, {}))).code).toBe("FORBIDDEN");

    const queue = await listCertificates(admin, { status: "REQUESTED" });
    expect(queue.items.map((c) => c.id)).toContain(requested.id);

    const now = new Date();
    const issued = await approveCertificate(admin, { id: requested.id }, { now });
    expect(issued.status).toBe("ISSUED");
    expect(issued.serial).toMatch(/^[0-9a-f]+$/);
    expect(issued.notBefore?.getTime()).toBe(now.getTime() - (now.getTime() % 1000));
    expect(Math.round((issued.notAfter!.getTime() - issued.notBefore!.getTime()) / DAY)).toBe(730);
    expect(issued.decidedByName).toBe(`${admin.actor.firstName} ${admin.actor.lastName}`);

    const file = await getCertificateFile(clerk, { id: issued.id });
    const cert = new x509.X509Certificate(Buffer.from(file.base64, "base64"));
    expect(cert.subject).toContain("CN=Łucja Żółć");
    expect(cert.subject).toContain("Inspektor");
    expect(cert.subject).toContain("Wydział Geodezji");
    expect(cert.subject).toContain("lucja@test.example");
    expect(cert.subject).toContain("Urząd Miasta Testowo");
    expect(cert.subject).not.toContain("Przeglądarka"); // the CSR's own subject is ignored
    expect(cert.serialNumber.toLowerCase().replace(/^0+/, "")).toBe(issued.serial!.replace(/^0+/, ""));

    expect((await getMyActiveCertificate(clerk))?.id).toBe(issued.id);
    const mine = await listMyCertificates(clerk);
    expect(mine.active?.id).toBe(issued.id);
    expect(mine.canRequest).toBe(false);
    expect(mine.renewalFrom?.getTime()).toBe(issued.notAfter!.getTime() - 60 * DAY);
    // No new request while the certificate is valid for longer than the renewal window.
    expect((await errorOf(requestCertificate(clerk, { csrBase64: await csrBase64() }))).code).toBe("CONFLICT");

    // Another user's certificate does not exist for them.
    expect((await errorOf(getCertificateFile(other, { id: issued.id }))).code).toBe("NOT_FOUND");
    expect((await errorOf(revokeCertificate(other, { id: issued.id, reason: "KEY_COMPROMISE" }))).code).toBe("NOT_FOUND");

    const revoked = await revokeCertificate(clerk, { id: issued.id, reason: "KEY_COMPROMISE" });
    expect(revoked).toMatchObject({ status: "REVOKED", revocationReason: "KEY_COMPROMISE", revokedByName: `${clerk.actor.firstName} ${clerk.actor.lastName}` });
    const crl = new x509.X509Crl(new Uint8Array(await currentCrl(db.prisma)));
    const entry = crl.entries.find((e) => e.serialNumber.toLowerCase().replace(/^0+/, "") === issued.serial!.replace(/^0+/, ""));
    expect(entry).toBeDefined();
    expect(entry?.reason).toBe(x509.X509CrlReason.keyCompromise);
    expect((await errorOf(revokeCertificate(clerk, { id: issued.id, reason: "KEY_COMPROMISE" }))).code).toBe("CONFLICT");
    expect(await getMyActiveCertificate(clerk)).toBeNull();

    expect(await auditOf(issued.id)).toEqual([
      { action: "certificate.requested", actorId: clerk.actor.id, data: { publicKeyHash: requested.publicKeyHash, renewsId: null } },
      { action: "certificate.issued", actorId: admin.actor.id, data: { serial: issued.serial, subject: cert.subject, notAfter: issued.notAfter!.toISOString() } },
      { action: "certificate.revoked", actorId: clerk.actor.id, data: { serial: issued.serial, reason: "KEY_COMPROMISE" } },
    ]);
    expect(await db.prisma.auditEvent.count({ where: { action: "pki.crl-published" } })).toBeGreaterThan(0);
  });

  it("rejects with a reason, lets the requester withdraw, and allows a new request after", async () => {
    const first = await requestCertificate(other, { csrBase64: await csrBase64() });
    expect((await errorOf(rejectCertificate(other, { id: first.id, reason: "Nie" }))).code).toBe("FORBIDDEN");
    const rejected = await rejectCertificate(admin, { id: first.id, reason: "Wniosek z niewłaściwego komputera." });
    expect(rejected).toMatchObject({ status: "REJECTED", rejectionReason: "Wniosek z niewłaściwego komputera.", serial: null });
    expect((await errorOf(approveCertificate(admin, { id: first.id }))).code).toBe("CONFLICT");
    expect(await auditOf(first.id)).toMatchObject([{ action: "certificate.requested" }, { action: "certificate.rejected", actorId: admin.actor.id, data: { reason: "Wniosek z niewłaściwego komputera." } }]);

    const second = await requestCertificate(other, { csrBase64: await csrBase64() });
    expect((await errorOf(withdrawCertificateRequest(clerk, { id: second.id }))).code).toBe("NOT_FOUND");
    expect((await withdrawCertificateRequest(other, { id: second.id })).status).toBe("REJECTED");
    expect((await listMyCertificates(other)).canRequest).toBe(true);
  });

  it("renews within 60 days of expiry and the administrator revokes with a reason", async () => {
    const user = await createActor(db.prisma, ["PRACOWNIK"]);
    const longAgo = new Date(Date.now() - 700 * DAY);
    const old = await requestCertificate(user, { csrBase64: await csrBase64() }, { now: longAgo });
    const oldIssued = await approveCertificate(admin, { id: old.id }, { now: longAgo });
    const mine = await listMyCertificates(user);
    expect(mine.active?.id).toBe(oldIssued.id);
    expect(mine.canRequest).toBe(true);

    const renewal = await requestCertificate(user, { csrBase64: await csrBase64() });
    expect(renewal.renewsId).toBe(oldIssued.id);
    const renewed = await approveCertificate(admin, { id: renewal.id });
    expect((await getMyActiveCertificate(user))?.id).toBe(renewed.id);

    // The same key cannot be certified twice.
    const csr = await csrBase64();
    const withKey = await requestCertificate(other, { csrBase64: csr });
    await rejectCertificate(admin, { id: withKey.id, reason: "Test ponownego klucza" });
    await approveCertificate(admin, { id: (await requestCertificate(other, { csrBase64: await csrBase64() })).id });

    const revoked = await revokeCertificate(admin, { id: oldIssued.id, reason: "SUPERSEDED" });
    expect(revoked).toMatchObject({ status: "REVOKED", revocationReason: "SUPERSEDED", revokedByName: `${admin.actor.firstName} ${admin.actor.lastName}` });
    const crl = new x509.X509Crl(new Uint8Array(await currentCrl(db.prisma)));
    expect(crl.entries.map((e) => e.serialNumber.toLowerCase().replace(/^0+/, ""))).toContain(oldIssued.serial!.replace(/^0+/, ""));

    const issuedPage = await listCertificates(admin, { status: "ISSUED", q: user.actor.lastName });
    expect(issuedPage.items.map((c) => c.id)).toEqual([renewed.id]);
    expect(issuedPage.counts).toMatchObject({ ISSUED: 1, REVOKED: 1 });
  });

  it("refuses a damaged request and a key already certified", async () => {
    expect((await errorOf(requestCertificate(other, { csrBase64: "A".repeat(200) }))).code).toBe("BAD_REQUEST");
    const keys = await browserKeys();
    const csr = b64(await makeCsr(keys));
    const user = await createActor(db.prisma, ["PRACOWNIK"]);
    const issued = await approveCertificate(admin, { id: (await requestCertificate(user, { csrBase64: csr })).id });
    await revokeCertificate(admin, { id: issued.id, reason: "AFFILIATION_CHANGED" });
    const again = await errorOf(requestCertificate(user, { csrBase64: b64(await makeCsr(keys)) }));
    expect(again.code).toBe("CONFLICT");
  });
});
