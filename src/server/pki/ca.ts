/**
 * The office's local certification authority: a root CA (20 years), an issuing CA (10 years,
 * pathLen 0) that signs staff certificates and CRLs, and the office seal certificate (3 years).
 * All ECDSA P-256 with SHA-256. Created once, on first use; the private keys are stored only
 * encrypted under the PKI master key.
 */
import "server-only";
import type { CaKeyKind, RevocationReason } from "@prisma/client";
import { env } from "@/env";
import { recordAudit, type AuditWho } from "@/server/audit/audit";
import { SYSTEM_META } from "@/server/context";
import type { Db } from "@/server/db";
import { isUniqueViolation } from "@/server/errors";
import { EC_KEY_ALGORITHM, EC_SIGNING_ALGORITHM, OID, ab, cryptoImpl, normalizeSerial, randomSerial, subtle, u8, x509 } from "./crypto";
import { decryptPrivateKey, encryptPrivateKey, getPkiMasterKey } from "./master-key";

export interface CaCertificates {
  rootDer: Uint8Array;
  issuingDer: Uint8Array;
  sealDer: Uint8Array;
}

const CA_LOCK_ID = 4_211_992_027; // pg_advisory_xact_lock key for creating the CA

const DAY = 24 * 60 * 60 * 1000;

export function pkiUrls(appUrl: string = env.APP_URL) {
  const base = appUrl.replace(/\/+$/, "");
  return { crl: `${base}/pki/crl.der`, issuing: `${base}/pki/ca-issuing.crt`, root: `${base}/pki/ca-root.crt` };
}

function addYears(date: Date, years: number): Date {
  const d = new Date(date);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d;
}

export async function officeName(db: Db): Promise<string> {
  const office = await db.office.findUnique({ where: { id: 1 }, select: { name: true } });
  return office?.name.trim() || "Urząd";
}

type NamePart = Record<string, x509.JsonAttributeObject[]>;
const utf8 = (type: string, value: string): NamePart => ({ [type]: [{ utf8String: value }] });
export const caName = (office: string, cn: string): x509.JsonNameParams => [{ C: [{ printableString: "PL" }] }, utf8("O", office), utf8("CN", cn)];

export const CA_COMMON_NAMES = {
  root: (office: string) => `Obieg — główne centrum certyfikacji (${office})`,
  issuing: (office: string) => `Obieg — centrum certyfikacji podpisów (${office})`,
  seal: (office: string) => `Pieczęć elektroniczna — ${office}`,
};

function toName(name: x509.JsonNameParams): x509.Name {
  return new x509.Name(name);
}

async function generateKeys(): Promise<CryptoKeyPair> {
  return (await subtle.generateKey(EC_KEY_ALGORITHM, true, ["sign", "verify"])) as CryptoKeyPair;
}

interface CreatedCa {
  kind: CaKeyKind;
  cert: x509.X509Certificate;
  pkcs8: Uint8Array;
}

/** Builds a fresh root, issuing CA and seal (nothing stored). Exported for tests that need a foreign CA with the same names. */
export async function buildCaHierarchy(office: string, now: Date, appUrl?: string): Promise<CreatedCa[]> {
  const urls = pkiUrls(appUrl);
  const rootKeys = await generateKeys();
  const rootName = toName(caName(office, CA_COMMON_NAMES.root(office)));
  const root = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: rootName,
    issuer: rootName,
    notBefore: now,
    notAfter: addYears(now, 20),
    publicKey: rootKeys.publicKey,
    signingKey: rootKeys.privateKey,
    signingAlgorithm: EC_SIGNING_ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(rootKeys.publicKey, false, cryptoImpl),
    ],
  }, cryptoImpl);

  const issuingKeys = await generateKeys();
  const issuingName = toName(caName(office, CA_COMMON_NAMES.issuing(office)));
  const issuing = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: issuingName,
    issuer: root.subjectName,
    notBefore: now,
    notAfter: addYears(now, 10),
    publicKey: issuingKeys.publicKey,
    signingKey: rootKeys.privateKey,
    signingAlgorithm: EC_SIGNING_ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(issuingKeys.publicKey, false, cryptoImpl),
      await x509.AuthorityKeyIdentifierExtension.create(rootKeys.publicKey, false, cryptoImpl),
      new x509.AuthorityInfoAccessExtension({ caIssuers: urls.root }),
    ],
  }, cryptoImpl);

  const { keys: sealKeys, cert: seal } = await createSealCertificate(office, issuing, issuingKeys.privateKey, now, appUrl);
  const pkcs8 = async (keys: CryptoKeyPair) => u8(await subtle.exportKey("pkcs8", keys.privateKey));
  return [
    { kind: "ROOT", cert: root, pkcs8: await pkcs8(rootKeys) },
    { kind: "ISSUING", cert: issuing, pkcs8: await pkcs8(issuingKeys) },
    { kind: "SEAL", cert: seal, pkcs8: await pkcs8(sealKeys) },
  ];
}

/** A new office seal certificate (organisation certificate for signing system documents), issued by `issuing`. */
async function createSealCertificate(office: string, issuing: x509.X509Certificate, issuingKey: CryptoKey, now: Date, appUrl?: string) {
  const urls = pkiUrls(appUrl);
  const sealKeys = await generateKeys();
  const seal = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: toName(caName(office, CA_COMMON_NAMES.seal(office))),
    issuer: issuing.subjectName,
    notBefore: now,
    notAfter: new Date(Math.min(addYears(now, 3).getTime(), issuing.notAfter.getTime())),
    publicKey: sealKeys.publicKey,
    signingKey: issuingKey,
    signingAlgorithm: EC_SIGNING_ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.emailProtection, OID.documentSigning], false),
      await x509.SubjectKeyIdentifierExtension.create(sealKeys.publicKey, false, cryptoImpl),
      await x509.AuthorityKeyIdentifierExtension.create(issuing.publicKey, false, cryptoImpl),
      new x509.CRLDistributionPointsExtension([urls.crl]),
      new x509.AuthorityInfoAccessExtension({ caIssuers: urls.issuing }),
    ],
  }, cryptoImpl);
  return { keys: sealKeys, cert: seal };
}

async function readActive(db: Db): Promise<CaCertificates | null> {
  const rows = await db.caKey.findMany({ where: { active: true }, select: { kind: true, certificate: true } });
  const byKind = new Map(rows.map((r) => [r.kind, new Uint8Array(r.certificate)]));
  const rootDer = byKind.get("ROOT");
  const issuingDer = byKind.get("ISSUING");
  const sealDer = byKind.get("SEAL");
  return rootDer && issuingDer && sealDer ? { rootDer, issuingDer, sealDer } : null;
}

/** Creates root CA, issuing CA and seal on first call (idempotent, safe under concurrency), audited "pki.ca-created". */
export async function ensureCertificationAuthority(db: Db, opts: { now?: Date } = {}): Promise<CaCertificates> {
  const existing = await readActive(db);
  if (existing) return existing;
  const now = opts.now ?? new Date();
  const office = await officeName(db);
  const created = await buildCaHierarchy(office, now);
  const masterKey = getPkiMasterKey();
  try {
    await db.$transaction(async (tx) => {
      // Two processes starting at once: the second waits here, then finds the first one's CA.
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${CA_LOCK_ID})`);
      const active = await tx.caKey.count({ where: { active: true } });
      if (active > 0) return;
      const ids: Record<string, string> = {};
      for (const c of created) {
        const row = await tx.caKey.create({
          data: {
            kind: c.kind,
            certificate: Buffer.from(c.cert.rawData) as Uint8Array<ArrayBuffer>,
            serial: normalizeSerial(c.cert.serialNumber),
            subject: c.cert.subject,
            notBefore: c.cert.notBefore,
            notAfter: c.cert.notAfter,
            encryptedKey: Buffer.from(encryptPrivateKey(c.pkcs8, masterKey)) as Uint8Array<ArrayBuffer>,
          },
          select: { id: true },
        });
        ids[c.kind] = row.id;
      }
      const serial = (kind: CaKeyKind) => normalizeSerial(created.find((c) => c.kind === kind)!.cert.serialNumber);
      await recordAudit(tx, { actor: null, meta: SYSTEM_META }, {
        action: "pki.ca-created",
        entityType: "certificate",
        entityId: ids.ROOT,
        data: { root: serial("ROOT"), issuing: serial("ISSUING"), seal: serial("SEAL") },
      });
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error; // the partial unique index caught a race: use the winner's CA
  } finally {
    for (const c of created) c.pkcs8.fill(0);
  }
  const result = await readActive(db);
  if (!result) throw new Error("The certification authority is incomplete (some active CA keys are missing)");
  return result;
}

export async function getCaCertificates(db: Db): Promise<CaCertificates> {
  return ensureCertificationAuthority(db);
}

export interface CaSigner {
  id: string;
  cert: x509.X509Certificate;
  der: Uint8Array;
  privateKey: CryptoKey;
}

/** The active key of one kind, decrypted into a non-extractable WebCrypto key. */
export async function loadCaSigner(db: Db, kind: CaKeyKind): Promise<CaSigner> {
  await ensureCertificationAuthority(db);
  const row = await db.caKey.findFirst({ where: { kind, active: true }, select: { id: true, certificate: true, encryptedKey: true } });
  if (!row) throw new Error(`No active ${kind} CA key`);
  const pkcs8 = decryptPrivateKey(new Uint8Array(row.encryptedKey), getPkiMasterKey());
  try {
    const privateKey = await subtle.importKey("pkcs8", ab(pkcs8), EC_KEY_ALGORITHM, false, ["sign"]);
    const der = new Uint8Array(row.certificate);
    return { id: row.id, cert: new x509.X509Certificate(der), der, privateKey };
  } finally {
    pkcs8.fill(0);
  }
}

/** Every issuing CA certificate we ever had (active or rotated out), for verifying older signatures. */
export async function listIssuingCertificates(db: Db): Promise<x509.X509Certificate[]> {
  const rows = await db.caKey.findMany({ where: { kind: "ISSUING" }, select: { certificate: true } });
  return rows.map((r) => new x509.X509Certificate(new Uint8Array(r.certificate)));
}

export const MS_PER_DAY = DAY;

/**
 * Revokes the office seal (e.g. its key was compromised) and puts a new one in its place in one
 * transaction: the old CaKey becomes inactive with revokedAt/reason (it goes on the CRL), the new
 * seal is issued by the active issuing CA. Audited "pki.seal-revoked". The caller republishes the CRL.
 */
export async function replaceSeal(
  db: Db,
  input: { reason: RevocationReason; who: AuditWho & { actor: NonNullable<AuditWho["actor"]> }; now?: Date },
): Promise<{ revoked: string; issued: string }> {
  const now = input.now ?? new Date();
  const issuing = await loadCaSigner(db, "ISSUING");
  const office = await officeName(db);
  const { keys, cert } = await createSealCertificate(office, issuing.cert, issuing.privateKey, now);
  const pkcs8 = u8(await subtle.exportKey("pkcs8", keys.privateKey));
  try {
    return await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${CA_LOCK_ID})`);
      const old = await tx.caKey.findFirst({ where: { kind: "SEAL", active: true }, select: { id: true, serial: true } });
      if (!old) throw new Error("No active seal");
      await tx.caKey.update({ where: { id: old.id }, data: { active: false, revokedAt: now, revocationReason: input.reason, revokedById: input.who.actor.id } });
      const issued = normalizeSerial(cert.serialNumber);
      await tx.caKey.create({
        data: {
          kind: "SEAL",
          certificate: Buffer.from(cert.rawData) as Uint8Array<ArrayBuffer>,
          serial: issued,
          subject: cert.subject,
          notBefore: cert.notBefore,
          notAfter: cert.notAfter,
          encryptedKey: Buffer.from(encryptPrivateKey(pkcs8, getPkiMasterKey())) as Uint8Array<ArrayBuffer>,
        },
      });
      const result = { revoked: old.serial, issued };
      await recordAudit(tx, input.who, { action: "pki.seal-replaced", entityType: "certificate", entityId: old.id, data: { ...result, reason: input.reason } });
      return result;
    });
  } finally {
    pkcs8.fill(0);
  }
}

/** The seal certificates: the active one and the revoked ones (for the administrator's page). */
export async function listSeals(db: Db) {
  return db.caKey.findMany({
    where: { kind: "SEAL" },
    orderBy: { notBefore: "desc" },
    select: { id: true, serial: true, subject: true, notBefore: true, notAfter: true, active: true, revokedAt: true, revocationReason: true },
  });
}
