import { createPublicKey } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import * as asn1js from "asn1js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/env";
import { AppError } from "@/server/errors";
import { openDatabase } from "@/server/db/open";
import { createTestDb, TEST_DB_KINDS, type TestDb } from "@/test/db";
import { createUser } from "@/test/factories";
import { assembleCadesSignature, prepareCadesSignature, sealCades, verifyCades } from "./cades";
import { buildCaHierarchy, ensureCertificationAuthority, getCaCertificates } from "./ca";
import { issueStaffCertificate, type StaffSubject } from "./certificates";
import { currentCrl, publishCrl } from "./crl";
import { EC_KEY_ALGORITHM, EC_SIGNING_ALGORITHM, OID, ab, cryptoImpl, sha256, subtle, toPem, u8, x509 } from "./crypto";
import { decryptPrivateKey, getPkiMasterKey } from "./master-key";
import { HAS_OPENSSL, browserKeys, browserSign, makeCsr, openssl, tempDir, writeFiles } from "./test-helpers";

const SUBJECT: StaffSubject = {
  givenName: "Zofia",
  surname: "Łąckа-Źrebięć",
  title: "Inspektor",
  department: "Wydział Organizacyjny",
  email: "zofia.lacka@boguchwala.example",
  organization: "Urząd Miasta i Gminy Boguchwała",
};

const DAY = 24 * 60 * 60 * 1000;
const content = new TextEncoder().encode("Decyzja nr 1/2026 — treść dokumentu „próbnego”.\n");

async function signContent(keys: CryptoKeyPair, certDer: Uint8Array, issuingDer: Uint8Array, data: Uint8Array, signingTime: Date) {
  const { toBeSigned } = await prepareCadesSignature({ contentSha256: sha256(data), signerCertDer: certDer, signingTime });
  const signature = await browserSign(keys, toBeSigned);
  return assembleCadesSignature({ toBeSigned, signature, signerCertDer: certDer, chainDer: [issuingDer] });
}

function flipByte(data: Uint8Array, index: number): Uint8Array {
  const copy = new Uint8Array(data);
  copy[index]! ^= 0x01;
  return copy;
}

describe.each(TEST_DB_KINDS)("PKI on %s", (kind) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(kind);
    await db.prisma.office.upsert({ where: { id: 1 }, create: { id: 1, name: "Urząd Miasta i Gminy Boguchwała", shortName: "UMiG", street: "ul. Suszyckich 33", postalCode: "36-040", city: "Boguchwała" }, update: {} });
  });
  afterAll(async () => db?.destroy());

  describe("CA bootstrap", () => {
    it("creates the CA once, even when called concurrently", async () => {
      const results = await Promise.all([ensureCertificationAuthority(db.prisma), ensureCertificationAuthority(db.prisma), getCaCertificates(db.prisma)]);
      const again = await ensureCertificationAuthority(db.prisma);
      for (const r of [...results, again]) {
        expect(Buffer.from(r.rootDer).equals(Buffer.from(again.rootDer))).toBe(true);
        expect(Buffer.from(r.issuingDer).equals(Buffer.from(again.issuingDer))).toBe(true);
        expect(Buffer.from(r.sealDer).equals(Buffer.from(again.sealDer))).toBe(true);
      }
      expect(await db.prisma.caKey.count()).toBe(3);
      const audits = await db.prisma.auditEvent.findMany({ where: { action: "pki.ca-created" } });
      expect(audits).toHaveLength(1);
      expect(audits[0]!.actorId).toBeNull();
      const root = new x509.X509Certificate(ab(again.rootDer));
      expect(root.subject).toContain("CN=Obieg — główne centrum certyfikacji (Urząd Miasta i Gminy Boguchwała)");
      expect(audits[0]!.data).toMatchObject({ root: root.serialNumber.toLowerCase().replace(/^(00)+/, "") });
    });

    it("two processes (separate connections) starting at once create one CA", async () => {
      const fresh = await createTestDb(kind);
      // On the server a second client with its own pool is a second process; PGlite has one connection.
      const second = kind === "server" ? await openDatabase(fresh.target) : fresh;
      try {
        const [a, b] = await Promise.all([ensureCertificationAuthority(fresh.prisma), ensureCertificationAuthority(second.prisma)]);
        expect(Buffer.from(a.rootDer).equals(Buffer.from(b.rootDer))).toBe(true);
        expect(Buffer.from(a.sealDer).equals(Buffer.from(b.sealDer))).toBe(true);
        expect(await fresh.prisma.caKey.groupBy({ by: ["kind"], _count: true })).toHaveLength(3);
        expect(await fresh.prisma.caKey.count()).toBe(3);
        expect(await fresh.prisma.auditEvent.count({ where: { action: "pki.ca-created" } })).toBe(1);
      } finally {
        if (second !== fresh) await second.close();
        await fresh.destroy();
      }
    });

    it("a second process's late insert hits the one-active-per-kind index", async () => {
      const [rogue] = await buildCaHierarchy("Inny", new Date());
      const error = await db.prisma.caKey
        .create({ data: { kind: "ROOT", certificate: Buffer.from(rogue!.cert.rawData), serial: "01", subject: "x", notBefore: new Date(), notAfter: new Date(), encryptedKey: Buffer.from([1]) } })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect(await db.prisma.caKey.count()).toBe(3);
    });

    it.skipIf(!!env.PKI_MASTER_KEY)("keeps the generated master key in DATA_DIR/pki-master-key, readable by the owner only", () => {
      const file = path.resolve(env.DATA_DIR, "pki-master-key");
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(Buffer.from(readFileSync(file, "utf8").trim(), "base64").equals(getPkiMasterKey())).toBe(true);
    });

    it("keeps the private keys only encrypted under the master key", async () => {
      const rows = await db.prisma.caKey.findMany();
      const master = getPkiMasterKey();
      for (const row of rows) {
        const blob = new Uint8Array(row.encryptedKey);
        const otherKey = Buffer.alloc(32, 9);
        expect(() => decryptPrivateKey(blob, otherKey)).toThrow();
        const pkcs8 = decryptPrivateKey(blob, master);
        // The decrypted key is the certificate's key.
        const key = await subtle.importKey("pkcs8", ab(pkcs8), EC_KEY_ALGORITHM, true, ["sign"]);
        const jwk = await subtle.exportKey("jwk", key);
        const cert = new x509.X509Certificate(new Uint8Array(row.certificate));
        const certJwk = createPublicKey({ key: Buffer.from(cert.publicKey.rawData), format: "der", type: "spki" }).export({ format: "jwk" });
        expect([jwk.x, jwk.y]).toEqual([certJwk.x, certJwk.y]);
        // Scan every stored byte for the plaintext key: PKCS#8 and the bare private scalar.
        const scalar = Buffer.from(jwk.d!, "base64url");
        const stored = await db.prisma.$queryRawUnsafe<{ dump: string }[]>(`SELECT string_agg(encode("certificate", 'hex') || encode("encryptedKey", 'hex'), '') AS dump FROM "CaKey"`);
        const audit = await db.prisma.$queryRawUnsafe<{ dump: string | null }[]>(`SELECT string_agg("data"::text, '') AS dump FROM "AuditEvent"`);
        const hexDump = stored[0]!.dump;
        expect(hexDump.includes(Buffer.from(pkcs8).toString("hex"))).toBe(false);
        expect(hexDump.includes(scalar.toString("hex"))).toBe(false);
        expect(hexDump.includes(Buffer.from(pkcs8.subarray(0, 26)).toString("hex"))).toBe(false); // the PKCS#8 EC header
        expect((audit[0]!.dump ?? "").includes(scalar.toString("base64"))).toBe(false);
      }
    });
  });

  describe("staff certificates, signatures and revocation", () => {
    let ca: Awaited<ReturnType<typeof getCaCertificates>>;
    let keys: CryptoKeyPair;
    let issued: Awaited<ReturnType<typeof issueStaffCertificate>>;
    let certId: string;
    const issuedAt = new Date(Date.now() - 10 * DAY);

    beforeAll(async () => {
      ca = await getCaCertificates(db.prisma);
      keys = await browserKeys();
      const csrDer = await makeCsr(keys);
      issued = await issueStaffCertificate(db.prisma, { csrDer, subject: SUBJECT, now: issuedAt });
      const user = await createUser(db.prisma);
      const row = await db.prisma.signingCertificate.create({
        data: {
          userId: user.id,
          status: "ISSUED",
          csr: Buffer.from(csrDer),
          publicKeyHash: "x",
          subject: issued.subject,
          certificate: Buffer.from(issued.der),
          serial: issued.serial,
          notBefore: issued.notBefore,
          notAfter: issued.notAfter,
        },
      });
      certId = row.id;
    });

    it("issues the certificate with our subject, key usages, EKU, SAN, CRL DP, AIA and key identifiers", async () => {
      const cert = new x509.X509Certificate(ab(issued.der));
      const issuing = new x509.X509Certificate(ab(ca.issuingDer));
      expect(issued.serial).toMatch(/^[1-7][0-9a-f]{31}$|^0[1-9a-f][0-9a-f]{30}$/);
      expect(cert.serialNumber.toLowerCase()).toContain(issued.serial);
      expect(cert.getExtension(x509.BasicConstraintsExtension)!.ca).toBe(false);
      const get = (type: string) => cert.subjectName.getField(type);
      expect(get("CN")).toEqual(["Zofia Łąckа-Źrebięć"]);
      expect(get("G")).toEqual(["Zofia"]);
      expect(get("SN")).toEqual(["Łąckа-Źrebięć"]);
      expect(get("T")).toEqual(["Inspektor"]);
      expect(get("OU")).toEqual(["Wydział Organizacyjny"]);
      expect(get("O")).toEqual(["Urząd Miasta i Gminy Boguchwała"]);
      expect(get("C")).toEqual(["PL"]);
      expect(get("E")).toEqual(["zofia.lacka@boguchwala.example"]);
      expect(cert.subject).toBe(issued.subject);
      expect(cert.issuer).toBe(issuing.subject);
      expect(issued.notBefore.getTime()).toBe(Math.floor(issuedAt.getTime() / 1000) * 1000);
      expect(issued.notAfter.getTime() - issued.notBefore.getTime()).toBe(730 * DAY);
      const ku = cert.getExtension(x509.KeyUsagesExtension)!;
      expect(ku.critical).toBe(true);
      expect(ku.usages).toBe(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation);
      expect(cert.getExtension(x509.ExtendedKeyUsageExtension)!.usages).toEqual([OID.emailProtection, OID.documentSigning]);
      expect(cert.getExtension(x509.SubjectAlternativeNameExtension)!.names.items.map((n) => [n.type, n.value])).toEqual([["email", SUBJECT.email]]);
      expect(JSON.stringify(cert.getExtension(x509.CRLDistributionPointsExtension)!.toTextObject())).toContain("/pki/crl.der");
      expect(cert.getExtension(x509.AuthorityInfoAccessExtension)!.caIssuers[0]!.value).toMatch(/\/pki\/ca-issuing\.crt$/);
      const ski = cert.getExtension(x509.SubjectKeyIdentifierExtension)!.keyId;
      expect(ski).toBe((await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, cryptoImpl)).keyId);
      expect(cert.getExtension(x509.AuthorityKeyIdentifierExtension)!.keyId).toBe(issuing.getExtension(x509.SubjectKeyIdentifierExtension)!.keyId);
      expect(await cert.verify({ publicKey: issuing.publicKey, signatureOnly: true }, cryptoImpl)).toBe(true);
    });

    it("refuses a bad CSR when issuing", async () => {
      const csr = await makeCsr(keys);
      const error = await issueStaffCertificate(db.prisma, { csrDer: flipByte(csr, csr.length - 3), subject: SUBJECT }).catch((e: unknown) => e);
      expect((error as AppError).code).toBe("BAD_REQUEST");
    });

    it("verifies our signature and rejects changed content or signature", async () => {
      const signingTime = new Date(Date.now() - DAY);
      const p7s = await signContent(keys, issued.der, ca.issuingDer, content, signingTime);
      const report = await verifyCades(db.prisma, { content, p7s });
      expect(report).toMatchObject({ intact: true, chainTrusted: true, validAtSigning: true, validNow: true, revocation: null, revokedBeforeSigning: null, problems: [] });
      expect(report.signer).toMatchObject({ commonName: "Zofia Łąckа-Źrebięć", email: SUBJECT.email, serial: issued.serial });
      expect(report.signingTime!.getTime()).toBe(Math.floor(signingTime.getTime() / 1000) * 1000);

      const changedContent = await verifyCades(db.prisma, { content: flipByte(content, 3), p7s });
      expect(changedContent.intact).toBe(false);
      expect(changedContent.problems.join(" ")).toMatch(/Treść pliku nie odpowiada/);
      const changedSignature = await verifyCades(db.prisma, { content, p7s: flipByte(p7s, p7s.length - 1) });
      expect(changedSignature.intact).toBe(false);
      expect(changedSignature.problems.join(" ")).toMatch(/Wartość podpisu/);
      const garbage = await verifyCades(db.prisma, { content, p7s: content });
      expect(garbage).toMatchObject({ intact: false, signer: null });
    });

    it("refuses to assemble a signature made with another key", async () => {
      const { toBeSigned } = await prepareCadesSignature({ contentSha256: sha256(content), signerCertDer: issued.der, signingTime: new Date() });
      const other = await browserSign(await browserKeys(), toBeSigned);
      const error = await assembleCadesSignature({ toBeSigned, signature: other, signerCertDer: issued.der, chainDer: [ca.issuingDer] }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("BAD_REQUEST");
      // The DER form of the right signature is accepted too.
      const { ecdsaSignatureToDer } = await import("./cades");
      const der = ecdsaSignatureToDer(await browserSign(keys, toBeSigned));
      const p7s = await assembleCadesSignature({ toBeSigned, signature: der, signerCertDer: issued.der, chainDer: [ca.issuingDer] });
      expect((await verifyCades(db.prisma, { content, p7s })).intact).toBe(true);
    });

    it("rejects a certificate from a self-made CA with the same names", async () => {
      const [, fakeIssuing, fakeSeal] = await buildCaHierarchy("Urząd Miasta i Gminy Boguchwała", new Date(Date.now() - DAY));
      expect(fakeIssuing!.cert.subject).toBe(new x509.X509Certificate(ab(ca.issuingDer)).subject);
      const sealKey = await subtle.importKey("pkcs8", ab(fakeSeal!.pkcs8), EC_KEY_ALGORITHM, false, ["sign"]);
      const sealDer = u8(fakeSeal!.cert.rawData);
      const { toBeSigned } = await prepareCadesSignature({ contentSha256: sha256(content), signerCertDer: sealDer, signingTime: new Date() });
      const signature = u8(await subtle.sign(EC_SIGNING_ALGORITHM, sealKey, ab(toBeSigned)));
      const p7s = await assembleCadesSignature({ toBeSigned, signature, signerCertDer: sealDer, chainDer: [u8(fakeIssuing!.cert.rawData)] });
      const report = await verifyCades(db.prisma, { content, p7s });
      expect(report.intact).toBe(true);
      expect(report.chainTrusted).toBe(false);
      expect(report.validAtSigning).toBe(false);
      expect(report.problems.join(" ")).toMatch(/nie został wydany przez centrum certyfikacji urzędu/);
    });

    it("tells a certificate expired at signing time", async () => {
      const oldKeys = await browserKeys();
      const old = await issueStaffCertificate(db.prisma, { csrDer: await makeCsr(oldKeys), subject: SUBJECT, now: new Date(Date.now() - 5 * DAY), validityDays: 2 });
      const p7s = await signContent(oldKeys, old.der, ca.issuingDer, content, new Date(Date.now() - DAY));
      const report = await verifyCades(db.prisma, { content, p7s });
      expect(report).toMatchObject({ intact: true, chainTrusted: true, validAtSigning: false, validNow: false });
      expect(report.problems.join(" ")).toMatch(/nie był ważny w chwili złożenia podpisu/);
      const inTime = await signContent(oldKeys, old.der, ca.issuingDer, content, new Date(Date.now() - 4 * DAY));
      expect(await verifyCades(db.prisma, { content, p7s: inTime })).toMatchObject({ intact: true, validAtSigning: true, validNow: false });
    });

    it("verifies the office seal", async () => {
      const p7s = await sealCades(db.prisma, content);
      const report = await verifyCades(db.prisma, { content, p7s });
      expect(report).toMatchObject({ intact: true, chainTrusted: true, validAtSigning: true, validNow: true });
      expect(report.signer!.commonName).toBe("Pieczęć elektroniczna — Urząd Miasta i Gminy Boguchwała");
    });

    it("publishes CRLs with increasing numbers and reports revocation before and after signing", async () => {
      const first = await publishCrl(db.prisma);
      expect(Buffer.from(await currentCrl(db.prisma)).equals(Buffer.from(first.der))).toBe(true);
      const before = await signContent(keys, issued.der, ca.issuingDer, content, new Date(Date.now() - 3 * DAY));
      const after = await signContent(keys, issued.der, ca.issuingDer, content, new Date(Date.now() - DAY));
      const revokedAt = new Date(Date.now() - 2 * DAY);
      await db.prisma.signingCertificate.update({ where: { id: certId }, data: { status: "REVOKED", revokedAt, revocationReason: "KEY_COMPROMISE" } });
      const second = await publishCrl(db.prisma);
      expect(second.number).toBe(first.number + 1);
      const crl = new x509.X509Crl(ab(second.der));
      const entry = crl.findRevoked(issued.serial);
      expect(entry?.reason).toBe(x509.X509CrlReason.keyCompromise);
      expect(await crl.verify({ publicKey: new x509.X509Certificate(ab(ca.issuingDer)).publicKey }, cryptoImpl)).toBe(true);
      const number = crl.getExtension("2.5.29.20")!;
      expect((asn1js.fromBER(number.value).result as asn1js.Integer).valueBlock.valueDec).toBe(second.number);

      const signedBefore = await verifyCades(db.prisma, { content, p7s: before });
      expect(signedBefore).toMatchObject({ intact: true, chainTrusted: true, validAtSigning: true, validNow: false, revokedBeforeSigning: false });
      expect(signedBefore.revocation).toEqual({ at: revokedAt, reason: "KEY_COMPROMISE" });
      const signedAfter = await verifyCades(db.prisma, { content, p7s: after });
      expect(signedAfter).toMatchObject({ intact: true, chainTrusted: true, validAtSigning: false, validNow: false, revokedBeforeSigning: true });
      expect(signedAfter.problems.join(" ")).toMatch(/przed złożeniem podpisu/);

      // A CRL past nextUpdate is republished on read.
      const later = new Date(Date.now() + 8 * DAY);
      const refreshed = new x509.X509Crl(ab(await currentCrl(db.prisma, later)));
      expect(refreshed.thisUpdate.getTime()).toBe(Math.floor(later.getTime() / 1000) * 1000);
      const audits = await db.prisma.auditEvent.count({ where: { action: "pki.crl-published" } });
      expect(audits).toBe(3);
    });
  });

  describe.skipIf(!HAS_OPENSSL)("openssl cross-checks", () => {
    it("openssl verifies chain, CAdES signature, seal and revocation", async () => {
      const ca = await getCaCertificates(db.prisma);
      const keys = await browserKeys();
      const issued = await issueStaffCertificate(db.prisma, { csrDer: await makeCsr(keys), subject: SUBJECT, now: new Date(Date.now() - 60_000) });
      const p7s = await signContent(keys, issued.der, ca.issuingDer, content, new Date());
      const seal = await sealCades(db.prisma, content);
      const dir = tempDir();
      writeFiles(dir, {
        "root.pem": toPem(ca.rootDer, "CERTIFICATE"),
        "issuing.pem": toPem(ca.issuingDer, "CERTIFICATE"),
        "chain.pem": toPem(ca.rootDer, "CERTIFICATE") + toPem(ca.issuingDer, "CERTIFICATE"),
        "staff.pem": toPem(issued.der, "CERTIFICATE"),
        "seal.pem": toPem(ca.sealDer, "CERTIFICATE"),
        "content.txt": content,
        "changed.txt": flipByte(content, 5),
        "sig.p7s": p7s,
        "bad.p7s": flipByte(p7s, p7s.length - 1),
        "seal.p7s": seal,
      });
      const verify = openssl(dir, ["verify", "-CAfile", "root.pem", "-untrusted", "issuing.pem", "staff.pem"]);
      expect(verify.output).toContain("staff.pem: OK");
      expect(openssl(dir, ["verify", "-CAfile", "root.pem", "-untrusted", "issuing.pem", "seal.pem"]).output).toContain("seal.pem: OK");

      const cms = (file: string, sig: string) =>
        openssl(dir, ["cms", "-verify", "-binary", "-inform", "DER", "-content", file, "-CAfile", "chain.pem", "-in", sig, "-purpose", "any", "-out", path.join(dir, "out.bin")]);
      const good = cms("content.txt", "sig.p7s");
      expect(good.output).toContain("Verification successful");
      expect(good.status).toBe(0);
      expect(readFileSync(path.join(dir, "out.bin"))).toEqual(Buffer.from(content));
      // Also with the default S/MIME signing purpose and only the root as trust anchor (the issuing CA travels in the .p7s).
      const strict = openssl(dir, ["cms", "-verify", "-binary", "-inform", "DER", "-content", "content.txt", "-CAfile", "root.pem", "-in", "sig.p7s", "-out", path.join(dir, "out2.bin")]);
      expect(strict.status).toBe(0);
      expect(strict.output).toContain("Verification successful");
      const changed = cms("changed.txt", "sig.p7s");
      expect(changed.status).not.toBe(0);
      expect(changed.output).toMatch(/Verification failure|digest failure/i);
      const bad = cms("content.txt", "bad.p7s");
      expect(bad.status).not.toBe(0);
      expect(bad.output).toMatch(/Verification failure|signature failure/i);
      const sealCheck = cms("content.txt", "seal.p7s");
      expect(sealCheck.status).toBe(0);
      expect(sealCheck.output).toContain("Verification successful");

      // Revoke and check with the CRL.
      const user = await createUser(db.prisma);
      await db.prisma.signingCertificate.create({
        data: { userId: user.id, status: "REVOKED", csr: Buffer.from([0]), publicKeyHash: "y", subject: issued.subject, certificate: Buffer.from(issued.der), serial: issued.serial, notBefore: issued.notBefore, notAfter: issued.notAfter, revokedAt: new Date(), revocationReason: "AFFILIATION_CHANGED" },
      });
      const { der } = await publishCrl(db.prisma);
      writeFiles(dir, { "crl.pem": toPem(der, "X509 CRL") });
      const revoked = openssl(dir, ["verify", "-crl_check", "-CRLfile", "crl.pem", "-CAfile", "root.pem", "-untrusted", "issuing.pem", "staff.pem"]);
      expect(revoked.status).not.toBe(0);
      expect(revoked.output).toContain("certificate revoked");
      const sealWithCrl = openssl(dir, ["verify", "-crl_check", "-CRLfile", "crl.pem", "-CAfile", "root.pem", "-untrusted", "issuing.pem", "seal.pem"]);
      expect(sealWithCrl.output).toContain("seal.pem: OK");
      const report = await verifyCades(db.prisma, { content, p7s });
      expect(report.revocation?.reason).toBe("AFFILIATION_CHANGED");
    });
  });
});
