/**
 * Staff signing certificates: checking the browser's PKCS#10 request and issuing the certificate
 * from its public key, with the subject taken from our records (never from the request).
 */
import "server-only";
import { createPublicKey } from "node:crypto";
import type { Db } from "@/server/db";
import { AppError, badRequest } from "@/server/errors";
import { EC_SIGNING_ALGORITHM, OID, ab, cryptoImpl, normalizeSerial, randomSerial, sha256, toHex, u8, x509 } from "./crypto";
import { MS_PER_DAY, loadCaSigner, pkiUrls } from "./ca";

export interface StaffSubject {
  givenName: string;
  surname: string;
  title: string | null;
  department: string | null;
  email: string;
  organization: string;
}

export interface CsrInfo {
  publicKeyHash: string;
  publicKeyAlgorithm: "ECDSA-P256" | "RSA";
}

export interface IssuedCertificate {
  der: Uint8Array;
  serial: string;
  subject: string;
  notBefore: Date;
  notAfter: Date;
}

export const STAFF_VALIDITY_DAYS = 730;

function parseCsr(csrDer: Uint8Array): x509.Pkcs10CertificateRequest {
  try {
    return new x509.Pkcs10CertificateRequest(ab(csrDer));
  } catch (cause) {
    throw Object.assign(badRequest("Wniosek o certyfikat jest uszkodzony (to nie jest poprawny wniosek PKCS#10)."), { cause });
  }
}

/** Parses and checks a PKCS#10 (DER): signature valid, key ECDSA P-256 or RSA ≥ 3072. */
export async function inspectCsr(csrDer: Uint8Array): Promise<CsrInfo> {
  const csr = parseCsr(csrDer);
  const spki = u8(csr.publicKey.rawData);
  let algorithm: CsrInfo["publicKeyAlgorithm"];
  try {
    const key = createPublicKey({ key: Buffer.from(spki), format: "der", type: "spki" });
    const details = key.asymmetricKeyDetails ?? {};
    if (key.asymmetricKeyType === "ec" && details.namedCurve === "prime256v1") algorithm = "ECDSA-P256";
    else if (key.asymmetricKeyType === "rsa" && (details.modulusLength ?? 0) >= 3072) algorithm = "RSA";
    else throw badRequest("Klucz we wniosku ma nieobsługiwany typ albo jest za krótki: wymagany klucz ECDSA P-256 lub RSA co najmniej 3072-bitowy.");
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw Object.assign(badRequest("Nie udało się odczytać klucza publicznego z wniosku o certyfikat."), { cause: error });
  }
  let valid = false;
  try {
    valid = await csr.verify(cryptoImpl);
  } catch {
    valid = false;
  }
  if (!valid) throw badRequest("Podpis wniosku o certyfikat jest nieprawidłowy: wniosek nie został podpisany kluczem, którego dotyczy.");
  return { publicKeyHash: toHex(sha256(spki)), publicKeyAlgorithm: algorithm };
}

/** The subject of a staff certificate, in the order C, O, OU, title, surname, givenName, CN, emailAddress. */
export function staffName(subject: StaffSubject): x509.JsonNameParams {
  const text = (type: string, value: string) => ({ [type]: [{ utf8String: value }] });
  const name: x509.JsonNameParams = [{ C: [{ printableString: "PL" }] }, text("O", subject.organization)];
  if (subject.department) name.push(text("OU", subject.department));
  if (subject.title) name.push(text("T", subject.title));
  name.push(text("SN", subject.surname), text("G", subject.givenName), text("CN", `${subject.givenName} ${subject.surname}`));
  name.push({ E: [{ ia5String: subject.email }] });
  return name;
}

/** Issues a staff signing certificate from the CSR's public key (the subject comes from our data, not from the CSR). */
export async function issueStaffCertificate(
  db: Db,
  input: { csrDer: Uint8Array; subject: StaffSubject; now?: Date; validityDays?: number },
): Promise<IssuedCertificate> {
  await inspectCsr(input.csrDer);
  const csr = parseCsr(input.csrDer);
  const issuer = await loadCaSigner(db, "ISSUING");
  const now = input.now ?? new Date();
  const days = input.validityDays ?? STAFF_VALIDITY_DAYS;
  const notAfter = new Date(Math.min(now.getTime() + days * MS_PER_DAY, issuer.cert.notAfter.getTime()));
  const publicKey = await csr.publicKey.export(cryptoImpl);
  const urls = pkiUrls();
  const cert = await x509.X509CertificateGenerator.create(
    {
      serialNumber: randomSerial(),
      subject: new x509.Name(staffName(input.subject)),
      issuer: issuer.cert.subjectName,
      notBefore: now,
      notAfter,
      publicKey: csr.publicKey,
      signingKey: issuer.privateKey,
      signingAlgorithm: EC_SIGNING_ALGORITHM,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.emailProtection, OID.documentSigning], false),
        new x509.SubjectAlternativeNameExtension([{ type: "email", value: input.subject.email }], false),
        await x509.SubjectKeyIdentifierExtension.create(publicKey, false, cryptoImpl),
        await x509.AuthorityKeyIdentifierExtension.create(issuer.cert.publicKey, false, cryptoImpl),
        new x509.CRLDistributionPointsExtension([urls.crl]),
        new x509.AuthorityInfoAccessExtension({ caIssuers: urls.issuing }),
      ],
    },
    cryptoImpl,
  );
  return { der: u8(cert.rawData), serial: normalizeSerial(cert.serialNumber), subject: cert.subject, notBefore: cert.notBefore, notAfter: cert.notAfter };
}
