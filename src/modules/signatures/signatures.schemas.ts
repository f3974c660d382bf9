/**
 * Inputs and DTOs of the signatures module (client-safe): staff certificates (request, approval,
 * rejection, revocation) and — in the section at the end — signing files and verification.
 */
import { z } from "zod";

// ——— Certificates (helper E1) ———

export const CERTIFICATE_STATUSES = ["REQUESTED", "ISSUED", "REJECTED", "REVOKED"] as const;
export const ZCertificateStatus = z.enum(CERTIFICATE_STATUSES);
export type CertificateStatus = z.infer<typeof ZCertificateStatus>;

export const REVOCATION_REASONS = ["KEY_COMPROMISE", "AFFILIATION_CHANGED", "SUPERSEDED", "CESSATION_OF_OPERATION", "UNSPECIFIED"] as const;
export const ZRevocationReason = z.enum(REVOCATION_REASONS);
export type RevocationReason = z.infer<typeof ZRevocationReason>;

/** The reasons a user may give when revoking their own certificate. */
export const OWN_REVOCATION_REASONS = ["KEY_COMPROMISE", "SUPERSEDED", "CESSATION_OF_OPERATION"] as const satisfies readonly RevocationReason[];

/** A renewal may be requested this many days before the current certificate expires. */
export const RENEWAL_WINDOW_DAYS = 60;

export const CERTIFICATES_PAGE_SIZE = 25;

/** A PKCS#10 request (DER), base64; a P-256 CSR is about 400 bytes, an RSA-4096 one under 2 kB. */
export const ZRequestCertificateInput = z.object({
  csrBase64: z
    .string()
    .trim()
    .min(100, "Wniosek o certyfikat jest pusty albo niepełny.")
    .max(16_000, "Wniosek o certyfikat jest za duży.")
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, "Wniosek o certyfikat musi być zakodowany w base64."),
});
export type RequestCertificateInput = z.infer<typeof ZRequestCertificateInput>;

const ZCertificateId = z.string().trim().min(1).max(64);

export const ZCertificateIdInput = z.object({ id: ZCertificateId });
export type CertificateIdInput = z.infer<typeof ZCertificateIdInput>;

export const ZRejectCertificateInput = z.object({
  id: ZCertificateId,
  reason: z.string().trim().min(3, "Podaj powód odrzucenia (co najmniej 3 znaki).").max(500, "Powód może mieć najwyżej 500 znaków."),
});
export type RejectCertificateInput = z.infer<typeof ZRejectCertificateInput>;

export const ZRevokeCertificateInput = z.object({ id: ZCertificateId, reason: ZRevocationReason });
export type RevokeCertificateInput = z.infer<typeof ZRevokeCertificateInput>;

/** The office seal: revoked (e.g. key compromise) and replaced at once by a new one. */
export const SEAL_REVOCATION_REASONS = ["KEY_COMPROMISE", "SUPERSEDED", "CESSATION_OF_OPERATION"] as const satisfies readonly RevocationReason[];
export const ZRevokeSealInput = z.object({ reason: z.enum(SEAL_REVOCATION_REASONS) });
export type RevokeSealInput = z.infer<typeof ZRevokeSealInput>;

export const ZSealCertificate = z.object({
  id: z.string(),
  serial: z.string(),
  subject: z.string(),
  notBefore: z.date(),
  notAfter: z.date(),
  active: z.boolean(),
  revokedAt: z.date().nullable(),
  revocationReason: ZRevocationReason.nullable(),
});
export type SealCertificateDto = z.infer<typeof ZSealCertificate>;

export const ZCertificateListInput = z.object({
  status: ZCertificateStatus.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
});
export type CertificateListInput = z.input<typeof ZCertificateListInput>;

export const ZCertificate = z.object({
  id: z.string(),
  userId: z.string(),
  userName: z.string(),
  userEmail: z.string(),
  status: ZCertificateStatus,
  publicKeyHash: z.string(),
  subject: z.string().nullable(),
  serial: z.string().nullable(),
  notBefore: z.date().nullable(),
  notAfter: z.date().nullable(),
  requestedAt: z.date(),
  decidedAt: z.date().nullable(),
  decidedByName: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  revokedAt: z.date().nullable(),
  revocationReason: ZRevocationReason.nullable(),
  revokedByName: z.string().nullable(),
  renewsId: z.string().nullable(),
});
export type CertificateDto = z.infer<typeof ZCertificate>;

export const ZCertificatePage = z.object({
  items: z.array(ZCertificate),
  total: z.number(),
  page: z.number(),
  pages: z.number(),
  counts: z.object({ REQUESTED: z.number(), ISSUED: z.number(), REJECTED: z.number(), REVOKED: z.number() }),
});
export type CertificatePage = z.infer<typeof ZCertificatePage>;

export const ZMyCertificates = z.object({
  items: z.array(ZCertificate),
  /** The newest issued, unexpired, unrevoked certificate. */
  active: ZCertificate.nullable(),
  /** An open (REQUESTED) request, if any. */
  pending: ZCertificate.nullable(),
  /** May the user request now: no open request and no active certificate, or the active one expires within the renewal window. */
  canRequest: z.boolean(),
  renewalFrom: z.date().nullable(),
});
export type MyCertificates = z.infer<typeof ZMyCertificates>;

type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).trim();

export const ADMIN_CERTIFICATES_PATH = "/admin/certyfikaty";

/** Reads /admin/certyfikaty's address bar (status, q, strona); unknown values are ignored. */
export function certificateListInputFromParams(params: SearchParams): { status?: CertificateStatus; q?: string; page: number } {
  const status = ZCertificateStatus.safeParse(one(params.status));
  const q = one(params.q).slice(0, 100);
  const page = Number.parseInt(one(params.strona), 10);
  return { status: status.success ? status.data : undefined, q: q || undefined, page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1 };
}

export function certificateListHref(input: { status?: CertificateStatus; q?: string }, page = 1): string {
  const p = new URLSearchParams();
  if (input.status) p.set("status", input.status);
  if (input.q) p.set("q", input.q);
  if (page > 1) p.set("strona", String(page));
  const qs = p.toString();
  return qs ? `${ADMIN_CERTIFICATES_PATH}?${qs}` : ADMIN_CERTIFICATES_PATH;
}

// ——— Signing and verification (helper E2) — append below ———
// CAdES over stored files: prepare → the browser signs → complete; verification of uploaded files.

export const ZFileIdInput = z.object({ fileId: z.string().min(1).max(64) });

/** Why a file is signed: it goes into the PDF's /Reason and the visible block. */
export const SIGNATURE_PURPOSES = ["SIGN", "SUBMIT", "APPROVE"] as const;
export type SignaturePurpose = (typeof SIGNATURE_PURPOSES)[number];
export const ZPrepareFileSignatureInput = ZFileIdInput.extend({ purpose: z.enum(SIGNATURE_PURPOSES).default("SIGN") });
export type PrepareFileSignatureInput = z.input<typeof ZPrepareFileSignatureInput>;

export const SIGNATURE_FORMATS = ["CADES", "PADES", "XADES"] as const;
export type SignatureFormatName = (typeof SIGNATURE_FORMATS)[number];

/** PDF → PAdES inside the file (a new version of it), XML → XAdES enveloped (a new version), anything else → CAdES .p7s beside it. */
export function signatureFormatFor(mimeType: string): SignatureFormatName {
  if (mimeType === "application/pdf") return "PADES";
  if (mimeType === "application/xml" || mimeType === "text/xml") return "XADES";
  return "CADES";
}

export const ZPreparedSignature = z.object({
  requestId: z.string(),
  format: z.enum(SIGNATURE_FORMATS),
  /** DER of the CMS signed attributes, base64: what the browser signs. */
  toBeSignedBase64: z.string(),
  /** Which browser key must sign (SHA-256 hex of the certificate's SubjectPublicKeyInfo). */
  publicKeyHash: z.string(),
  expiresAt: z.coerce.date(),
});
export type PreparedSignature = z.infer<typeof ZPreparedSignature>;

/** A P1363 ECDSA P-256 signature is 64 bytes (≈ 88 base64 characters); DER is ≤ 72 bytes. Room for RSA-4096 too. */
export const ZCompleteFileSignatureInput = z.object({
  requestId: z.string().min(1).max(64),
  signatureBase64: z
    .string()
    .min(8)
    .max(2048)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, "Podpis ma niepoprawny format."),
});
export type CompleteFileSignatureInput = z.infer<typeof ZCompleteFileSignatureInput>;

/** The verification of one signature, without the certificate bytes (client-safe DTO of SignatureReport). */
export const ZSignatureVerification = z.object({
  /** intact, from our CA and valid at signing time: the signature holds. */
  valid: z.boolean(),
  intact: z.boolean(),
  chainTrusted: z.boolean(),
  validAtSigning: z.boolean(),
  validNow: z.boolean(),
  signingTime: z.coerce.date().nullable(),
  signer: z
    .object({
      subject: z.string(),
      commonName: z.string(),
      email: z.string().nullable(),
      serial: z.string(),
      issuer: z.string(),
      notBefore: z.coerce.date(),
      notAfter: z.coerce.date(),
    })
    .nullable(),
  revocation: z.object({ at: z.coerce.date(), reason: z.string() }).nullable(),
  revokedBeforeSigning: z.boolean().nullable(),
  /** Polish sentences for the screen. */
  problems: z.array(z.string()),
});
export type SignatureVerification = z.infer<typeof ZSignatureVerification>;

export const ZFileSignature = z.object({
  id: z.string(),
  fileId: z.string(),
  format: z.enum(SIGNATURE_FORMATS),
  signerName: z.string(),
  serial: z.string().nullable(),
  seal: z.boolean(),
  signedAt: z.coerce.date(),
  verification: ZSignatureVerification,
  /** GET /api/podpisy/<id>: the .p7s as an attachment (CAdES only). */
  downloadUrl: z.string().nullable(),
});
export type FileSignatureDto = z.infer<typeof ZFileSignature>;

/** The caller's certificate that signs now (newest ISSUED, within validity, not revoked), if any. */
export const ZSigningCertificate = z.object({ id: z.string(), userId: z.string(), serial: z.string(), publicKeyHash: z.string(), notAfter: z.coerce.date() });
export const ZFileSignatureList = z.object({
  items: z.array(ZFileSignature),
  /** The caller's signing certificate now, or null (then "Podpisz" leads to /profil/podpis). */
  certificate: ZSigningCertificate.nullable(),
});
export type FileSignatureList = z.infer<typeof ZFileSignatureList>;

/**
 * The report of POST /api/podpisy/weryfikacja (dates as ISO strings over JSON, parsed back here):
 * a file with its .p7s (CAdES), or a PDF/XML with the signatures inside (PAdES/XAdES, maybe several).
 */
export const ZVerifyUploadedResult = z.object({
  fileName: z.string(),
  signatureFileName: z.string().nullable(),
  format: z.enum(SIGNATURE_FORMATS),
  signatures: z.array(ZSignatureVerification),
});
export type VerifyUploadedResult = z.infer<typeof ZVerifyUploadedResult>;
