/**
 * The issuing CA's certificate revocation list, rebuilt from the REVOKED staff certificates and the revoked office seals, and
 * kept in PublishedCrl (one row). nextUpdate = thisUpdate + 7 days.
 */
import "server-only";
import type { RevocationReason } from "@prisma/client";
import * as asn1js from "asn1js";
import { recordAudit } from "@/server/audit/audit";
import { SYSTEM_META } from "@/server/context";
import type { Db } from "@/server/db";
import { EC_SIGNING_ALGORITHM, cryptoImpl, u8, x509 } from "./crypto";
import { MS_PER_DAY, loadCaSigner } from "./ca";

const CRL_LOCK_ID = 4_211_992_028;
export const CRL_VALIDITY_DAYS = 7;

const REASONS: Record<RevocationReason, x509.X509CrlReason | undefined> = {
  UNSPECIFIED: undefined, // RFC 5280: leave reasonCode out rather than say "unspecified"
  KEY_COMPROMISE: x509.X509CrlReason.keyCompromise,
  AFFILIATION_CHANGED: x509.X509CrlReason.affiliationChanged,
  SUPERSEDED: x509.X509CrlReason.superseded,
  CESSATION_OF_OPERATION: x509.X509CrlReason.cessationOfOperation,
};

/** Rebuilds and stores the CRL from the REVOKED SigningCertificates and revoked seals (number+1, nextUpdate = now+7 days); audited "pki.crl-published". */
export async function publishCrl(db: Db, now: Date = new Date()): Promise<{ der: Uint8Array; number: number }> {
  const issuer = await loadCaSigner(db, "ISSUING");
  return db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${CRL_LOCK_ID})`);
    const previous = await tx.publishedCrl.findUnique({ where: { id: 1 }, select: { number: true } });
    const number = (previous?.number ?? 0) + 1;
    const [staff, seals] = await Promise.all([
      tx.signingCertificate.findMany({ where: { status: "REVOKED", serial: { not: null } }, select: { serial: true, revokedAt: true, revocationReason: true } }),
      tx.caKey.findMany({ where: { kind: "SEAL", revokedAt: { not: null } }, select: { serial: true, revokedAt: true, revocationReason: true } }),
    ]);
    const revoked = [...staff, ...seals].sort((a, b) => (a.revokedAt?.getTime() ?? 0) - (b.revokedAt?.getTime() ?? 0));
    const crl = await x509.X509CrlGenerator.create(
      {
        issuer: issuer.cert.subjectName,
        thisUpdate: now,
        nextUpdate: new Date(now.getTime() + CRL_VALIDITY_DAYS * MS_PER_DAY),
        signingKey: issuer.privateKey,
        signingAlgorithm: EC_SIGNING_ALGORITHM,
        extensions: [
          await x509.AuthorityKeyIdentifierExtension.create(issuer.cert.publicKey, false, cryptoImpl),
          new x509.Extension("2.5.29.20", false, new asn1js.Integer({ value: number }).toBER()),
        ],
        entries: revoked.map((r) => ({
          serialNumber: r.serial!,
          revocationDate: r.revokedAt ?? now,
          reason: r.revocationReason ? REASONS[r.revocationReason] : undefined,
        })),
      },
      cryptoImpl,
    );
    const der = u8(crl.rawData);
    const data = { number, thisUpdate: now, nextUpdate: new Date(now.getTime() + CRL_VALIDITY_DAYS * MS_PER_DAY), der: Buffer.from(der) as Uint8Array<ArrayBuffer> };
    await tx.publishedCrl.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
    await recordAudit(tx, { actor: null, meta: SYSTEM_META }, { action: "pki.crl-published", entityType: "certificate", data: { number, revoked: revoked.length } });
    return { der, number };
  });
}

/** The current CRL; publishes one when there is none or it is past nextUpdate. */
export async function currentCrl(db: Db, now: Date = new Date()): Promise<Uint8Array> {
  const row = await db.publishedCrl.findUnique({ where: { id: 1 }, select: { der: true, nextUpdate: true } });
  if (row && row.nextUpdate > now) return new Uint8Array(row.der);
  return (await publishCrl(db, now)).der;
}
