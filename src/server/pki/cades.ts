/**
 * CAdES-BES detached signatures (CMS SignedData without the content). The signer's browser signs
 * the DER of the signed attributes prepared here; the server assembles the .p7s. The same
 * prepare/assemble pair serves PAdES later (the PDF byte range's digest in messageDigest).
 */
import "server-only";
import * as asn1js from "asn1js";
import type { Db } from "@/server/db";
import { badRequest } from "@/server/errors";
import { EC_SIGNING_ALGORITHM, OID, ab, concat, normalizeSerial, pkijs, sha256, subtle, u8, verifySha256Signature, x509 } from "./crypto";
import { listIssuingCertificates, loadCaSigner } from "./ca";

// — DER helpers —

function derLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  for (let n = length; n > 0; n >>= 8) bytes.unshift(n & 0xff);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

function derTlv(tag: number, content: Uint8Array): Uint8Array {
  return concat([Uint8Array.of(tag), derLength(content.length), content]);
}

/** X.690 DER order of SET OF elements: by their encodings, the shorter padded with zeros. */
function compareDer(a: Uint8Array, b: Uint8Array): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function derInteger(unsigned: Uint8Array): Uint8Array {
  let i = 0;
  while (i < unsigned.length - 1 && unsigned[i] === 0) i++;
  const v = unsigned.subarray(i);
  return derTlv(0x02, v[0]! & 0x80 ? concat([Uint8Array.of(0), v]) : v);
}

/** IEEE P1363 (r‖s) → DER Ecdsa-Sig-Value. DER input is returned as it is. */
export function ecdsaSignatureToDer(signature: Uint8Array): Uint8Array {
  if (signature.length === 64 || signature.length === 96 || signature.length === 132) {
    const half = signature.length / 2;
    return derTlv(0x30, concat([derInteger(signature.subarray(0, half)), derInteger(signature.subarray(half))]));
  }
  if (signature[0] === 0x30) return signature;
  throw badRequest("Podpis ma nieznany format (oczekiwano podpisu ECDSA).");
}

function berOf(schema: { toBER(sizeOnly?: boolean): ArrayBuffer }): Uint8Array {
  return new Uint8Array(schema.toBER(false));
}

function parseAsn1(data: Uint8Array) {
  const parsed = asn1js.fromBER(ab(data));
  if (parsed.offset === -1) throw new Error("Invalid ASN.1");
  return parsed.result;
}

function attribute(type: string, value: asn1js.BaseBlock): Uint8Array {
  return berOf(new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: type }), new asn1js.Set({ value: [value] })] }));
}

function parsePkijsCertificate(der: Uint8Array): pkijs.Certificate {
  return pkijs.Certificate.fromBER(ab(der));
}

/** signingCertificateV2 (RFC 5035): ESSCertIDv2 with SHA-256 (the default, so no algorithm) and issuerSerial. */
function signingCertificateV2(certDer: Uint8Array): asn1js.Sequence {
  const cert = parsePkijsCertificate(certDer);
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({ value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [cert.issuer.toSchema()] })] }),
      cert.serialNumber,
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: ab(sha256(certDer)) }), issuerSerial] });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

function signingTimeValue(date: Date): asn1js.BaseBlock {
  const seconds = new Date(Math.floor(date.getTime() / 1000) * 1000);
  const year = seconds.getUTCFullYear();
  return year >= 1950 && year < 2050 ? new asn1js.UTCTime({ valueDate: seconds }) : new asn1js.GeneralizedTime({ valueDate: seconds });
}

/**
 * CAdES-BES detached: the signed attributes to be signed (DER SET: contentType, signingTime,
 * messageDigest, signingCertificateV2). PAdES (ETSI.CAdES.detached) passes `signingTime: null`:
 * there the time is the PDF signature dictionary's /M and the CMS must not carry signing-time.
 */
export async function prepareCadesSignature(input: { contentSha256: Uint8Array; signerCertDer: Uint8Array; signingTime: Date | null }): Promise<{ toBeSigned: Uint8Array }> {
  if (input.contentSha256.length !== 32) throw badRequest("Skrót treści musi być skrótem SHA-256.");
  const attrs = [
    attribute(OID.contentType, new asn1js.ObjectIdentifier({ value: OID.data })),
    ...(input.signingTime ? [attribute(OID.signingTime, signingTimeValue(input.signingTime))] : []),
    attribute(OID.messageDigest, new asn1js.OctetString({ valueHex: ab(input.contentSha256) })),
    attribute(OID.signingCertificateV2, signingCertificateV2(input.signerCertDer)),
  ].sort(compareDer);
  return { toBeSigned: derTlv(0x31, concat(attrs)) };
}

const verifyRaw = (spkiDer: Uint8Array, data: Uint8Array, derSignature: Uint8Array) => verifySha256Signature(spkiDer, data, derSignature, "der");

function spkiOf(certDer: Uint8Array): Uint8Array {
  return u8(new x509.X509Certificate(ab(certDer)).publicKey.rawData);
}

/** Assembles the .p7s from the prepared attributes and the signature (P1363 r‖s or DER); checks it against the certificate's key first. */
export async function assembleCadesSignature(input: { toBeSigned: Uint8Array; signature: Uint8Array; signerCertDer: Uint8Array; chainDer: Uint8Array[] }): Promise<Uint8Array> {
  const derSignature = ecdsaSignatureToDer(input.signature);
  if (!verifyRaw(spkiOf(input.signerCertDer), input.toBeSigned, derSignature)) {
    throw badRequest("Podpis nie zgadza się z certyfikatem: przeglądarka podpisała innym kluczem albo inne dane. Spróbuj ponownie.");
  }
  const set = parseAsn1(input.toBeSigned);
  if (!(set instanceof asn1js.Set)) throw badRequest("Dane do podpisu są uszkodzone.");
  const signerCert = parsePkijsCertificate(input.signerCertDer);
  const sha256Alg = () => new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 });
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: signerCert.issuer, serialNumber: signerCert.serialNumber }),
    digestAlgorithm: sha256Alg(),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: set.valueBlock.value.map((schema) => new pkijs.Attribute({ schema })) }),
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 }),
    signature: new asn1js.OctetString({ valueHex: ab(derSignature) }),
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [sha256Alg()],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: [signerCert, ...input.chainDer.map(parsePkijsCertificate)],
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  const p7s = berOf(contentInfo.toSchema());
  // The re-encoded attributes must be exactly the bytes that were signed.
  const parsed = parseSignedData(p7s);
  if (!parsed || compareBytes(signedAttributesDer(parsed.signerInfos[0]!), input.toBeSigned) !== true) {
    throw new Error("CMS assembly changed the signed attributes");
  }
  return p7s;
}

/** Signs `content` with the office seal (server-held key), for system documents. */
export async function sealCades(db: Db, content: Uint8Array, now: Date = new Date()): Promise<Uint8Array> {
  const seal = await loadCaSigner(db, "SEAL");
  const issuing = await loadCaSigner(db, "ISSUING");
  const { toBeSigned } = await prepareCadesSignature({ contentSha256: sha256(content), signerCertDer: seal.der, signingTime: now });
  const signature = u8(await subtle.sign(EC_SIGNING_ALGORITHM, seal.privateKey, ab(toBeSigned)));
  return assembleCadesSignature({ toBeSigned, signature, signerCertDer: seal.der, chainDer: [issuing.der] });
}

// — verification —

export interface SignatureReport {
  intact: boolean;
  signer: { subject: string; commonName: string; email: string | null; serial: string; issuer: string; notBefore: Date; notAfter: Date; certificateDer: Uint8Array } | null;
  signingTime: Date | null;
  chainTrusted: boolean;
  validAtSigning: boolean;
  validNow: boolean;
  revocation: { at: Date; reason: string } | null;
  revokedBeforeSigning: boolean | null;
  problems: string[];
}

export function emptyReport(): SignatureReport {
  return { intact: false, signer: null, signingTime: null, chainTrusted: false, validAtSigning: false, validNow: false, revocation: null, revokedBeforeSigning: null, problems: [] };
}

function compareBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function parseSignedData(p7s: Uint8Array): pkijs.SignedData | null {
  try {
    const contentInfo = pkijs.ContentInfo.fromBER(ab(p7s));
    if (contentInfo.contentType !== OID.signedData) return null;
    return new pkijs.SignedData({ schema: contentInfo.content });
  } catch {
    return null;
  }
}

/** The signed attributes exactly as received, with the SET tag the signature covers. */
function signedAttributesDer(signerInfo: pkijs.SignerInfo): Uint8Array {
  const attrs = signerInfo.signedAttrs;
  if (!attrs) return new Uint8Array();
  const encoded = attrs.encodedValue.byteLength ? new Uint8Array(attrs.encodedValue.slice(0)) : berOf(attrs.toSchema());
  encoded[0] = 0x31;
  return encoded;
}

function findAttribute(signerInfo: pkijs.SignerInfo, type: string): asn1js.BaseBlock | null {
  return signerInfo.signedAttrs?.attributes.find((a) => a.type === type)?.values[0] ?? null;
}

const warsaw = new Intl.DateTimeFormat("pl-PL", { timeZone: "Europe/Warsaw", dateStyle: "long", timeStyle: "short" });
const formatDate = (d: Date) => warsaw.format(d);

function attrValue(cert: x509.X509Certificate, type: string): string | null {
  return cert.subjectName.getField(type)[0] ?? null;
}

/**
 * Verifies a CAdES detached signature over `content` (or over content whose SHA-256 is
 * `contentSha256`, e.g. a PDF byte range) against our CA and our revocation state from the DB.
 * `claimedSigningTime` is the time stated outside the CMS (PAdES /M), used when the CMS has none.
 */
export async function verifyCades(
  db: Db,
  input: { content?: Uint8Array; contentSha256?: Uint8Array; p7s: Uint8Array; now?: Date; claimedSigningTime?: Date | null },
): Promise<SignatureReport> {
  const contentDigest = input.contentSha256 ?? sha256(input.content ?? new Uint8Array());
  const now = input.now ?? new Date();
  const report = emptyReport();
  const signedData = parseSignedData(input.p7s);
  if (!signedData) {
    report.problems.push("Plik nie jest podpisem CAdES (.p7s) albo jest uszkodzony.");
    return report;
  }
  if (signedData.signerInfos.length !== 1) {
    report.problems.push(`Plik zawiera ${signedData.signerInfos.length} podpisów; obsługujemy plik z jednym podpisem.`);
    if (signedData.signerInfos.length === 0) return report;
  }
  const signerInfo = signedData.signerInfos[0]!;

  // The signer's certificate, among those carried in the file.
  const certificates = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const sid = signerInfo.sid;
  const signerPkijs =
    sid instanceof pkijs.IssuerAndSerialNumber
      ? certificates.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber))
      : undefined;
  if (!signerPkijs) {
    report.problems.push("Plik podpisu nie zawiera certyfikatu podpisującego.");
    return report;
  }
  const signerDer = berOf(signerPkijs.toSchema());
  const signer = new x509.X509Certificate(ab(signerDer));
  report.signer = describeSigner(signer, signerDer);

  // Integrity: content digest, signature value, and the certificate the signature names.
  const digestOk = signerInfo.digestAlgorithm.algorithmId === OID.sha256;
  const contentType = findAttribute(signerInfo, OID.contentType);
  const messageDigest = findAttribute(signerInfo, OID.messageDigest);
  const digestMatches =
    digestOk && messageDigest instanceof asn1js.OctetString && compareBytes(new Uint8Array(messageDigest.valueBlock.valueHexView), contentDigest);
  const contentTypeOk = contentType instanceof asn1js.ObjectIdentifier && contentType.valueBlock.toString() === OID.data;
  if (!digestOk) report.problems.push("Podpis używa nieobsługiwanej funkcji skrótu (obsługujemy SHA-256).");
  else if (!digestMatches) report.problems.push("Treść pliku nie odpowiada podpisowi: plik zmieniono po podpisaniu albo to inny plik.");
  if (!contentTypeOk) report.problems.push("Podpis nie zawiera wymaganego atrybutu typu treści.");
  const signatureOk = verifyRaw(u8(signer.publicKey.rawData), signedAttributesDer(signerInfo), new Uint8Array(signerInfo.signature.valueBlock.valueHexView));
  if (!signatureOk) report.problems.push("Wartość podpisu jest nieprawidłowa: podpis uszkodzono albo nie pochodzi od właściciela certyfikatu.");
  const essCert = findAttribute(signerInfo, OID.signingCertificateV2);
  let essOk = true;
  if (essCert) {
    try {
      const certHash = (((essCert as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence).valueBlock.value.find(
        (v) => v instanceof asn1js.OctetString,
      ) as asn1js.OctetString | undefined;
      essOk = !!certHash && compareBytes(new Uint8Array(certHash.valueBlock.valueHexView), sha256(signerDer));
    } catch {
      essOk = false;
    }
    if (!essOk) report.problems.push("Podpis wskazuje inny certyfikat niż dołączony do pliku.");
  }
  report.intact = digestMatches && contentTypeOk && signatureOk && essOk;

  const signingTimeAttr = findAttribute(signerInfo, OID.signingTime);
  if (signingTimeAttr instanceof asn1js.UTCTime || signingTimeAttr instanceof asn1js.GeneralizedTime) report.signingTime = signingTimeAttr.toDate();
  else if (input.claimedSigningTime) report.signingTime = input.claimedSigningTime;
  else report.problems.push("Podpis nie zawiera czasu złożenia.");
  return assessSigner(db, report, signer, now);
}

export function describeSigner(signer: x509.X509Certificate, signerDer: Uint8Array): NonNullable<SignatureReport["signer"]> {
  return {
    subject: signer.subject,
    commonName: attrValue(signer, "CN") ?? signer.subject,
    email: attrValue(signer, "E") ?? signer.getExtension(x509.SubjectAlternativeNameExtension)?.names.items.find((n) => n.type === "email")?.value ?? null,
    serial: normalizeSerial(signer.serialNumber),
    issuer: signer.issuer,
    notBefore: signer.notBefore,
    notAfter: signer.notAfter,
    certificateDer: signerDer,
  };
}

/** Key usage for signing documents: digitalSignature or nonRepudiation, and (when present) an EKU for e-mail or document signing. */
export function certificateAllowsSigning(cert: x509.X509Certificate): boolean {
  const usage = cert.getExtension(x509.KeyUsagesExtension);
  if (!usage || !(usage.usages & (x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation))) return false;
  const basic = cert.getExtension(x509.BasicConstraintsExtension);
  if (basic?.ca) return false;
  const eku = cert.getExtension(x509.ExtendedKeyUsageExtension);
  return !eku || eku.usages.some((u) => u === OID.emailProtection || u === OID.documentSigning);
}

/**
 * The signer's side of a verified signature (CAdES, PAdES, XAdES alike): issued by our CA, meant
 * for signing, revoked or not (staff certificates and retired seals, from our records, which the
 * CRL is built from), valid when signed and now. `report` carries intact/signingTime already.
 */
export async function assessSigner(db: Db, report: SignatureReport, signer: x509.X509Certificate, now: Date): Promise<SignatureReport> {
  // Trust: issued by one of our issuing CAs (active or rotated out).
  for (const issuing of await listIssuingCertificates(db)) {
    if (signer.issuer !== issuing.subject) continue;
    const ok = await signer.verify({ publicKey: issuing.publicKey, signatureOnly: true }).catch(() => false);
    if (ok) {
      report.chainTrusted = true;
      break;
    }
  }
  if (!report.chainTrusted) {
    report.problems.push("Certyfikat podpisującego nie został wydany przez centrum certyfikacji urzędu.");
    return report;
  }
  const usageOk = certificateAllowsSigning(signer);
  if (!usageOk) report.problems.push("Certyfikat nie jest przeznaczony do podpisywania dokumentów (rozszerzenia „użycie klucza”).");

  // Revocation, from our records (the CRL is built from them).
  const serial = normalizeSerial(signer.serialNumber);
  const [staff, seal] = await Promise.all([
    db.signingCertificate.findFirst({ where: { serial, status: "REVOKED" }, select: { revokedAt: true, revocationReason: true } }),
    db.caKey.findFirst({ where: { serial, revokedAt: { not: null } }, select: { revokedAt: true, revocationReason: true } }),
  ]);
  const revoked = staff?.revokedAt ? staff : seal;
  if (revoked?.revokedAt) {
    report.revocation = { at: revoked.revokedAt, reason: revoked.revocationReason ?? "UNSPECIFIED" };
    report.revokedBeforeSigning = report.signingTime ? revoked.revokedAt <= report.signingTime : null;
  }

  const within = (d: Date) => d >= signer.notBefore && d <= signer.notAfter;
  if (report.signingTime) {
    const revokedBefore = report.revokedBeforeSigning === true;
    report.validAtSigning = within(report.signingTime) && !revokedBefore && usageOk;
    if (!within(report.signingTime)) report.problems.push(`Certyfikat nie był ważny w chwili złożenia podpisu (${formatDate(report.signingTime)}).`);
    if (revokedBefore) report.problems.push(`Certyfikat unieważniono ${formatDate(report.revocation!.at)}, przed złożeniem podpisu.`);
  }
  report.validNow = within(now) && !report.revocation && usageOk;
  if (report.revocation && report.revokedBeforeSigning === false) {
    report.problems.push(`Certyfikat unieważniono ${formatDate(report.revocation.at)}, już po złożeniu podpisu.`);
  }
  if (now > signer.notAfter) report.problems.push(`Certyfikat wygasł ${formatDate(signer.notAfter)}.`);
  return report;
}
