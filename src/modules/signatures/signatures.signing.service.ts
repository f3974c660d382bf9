/**
 * Signing stored files with the signer's browser-held key (CAdES-BES detached .p7s) and verifying
 * signatures in the app. The server prepares the CMS signed attributes, the browser signs them with
 * the private key only it holds, the server assembles the .p7s (which must verify against the
 * certificate) and keeps it content-addressed in the file store next to the files.
 * Framework-free; every read starts from documentVisibleWhere (hidden → NOT_FOUND).
 */
import "server-only";
import { createHash } from "node:crypto";
import type { Prisma } from "@prisma/client";
import { env } from "@/env";
import { documentVisibleWhere, loadWorkScope } from "@/modules/documents/documents.policy";
import { recordAudit } from "@/server/audit/audit";
import { actorName, assertCan, type ServiceContext } from "@/server/context";
import { AppError, badRequest, conflict, notFound } from "@/server/errors";
import { getFileStore, type FileStore } from "@/server/integrations/storage";
import { assembleCadesSignature, getCaCertificates, prepareCadesSignature, verifyCades, type SignatureReport } from "@/server/pki";
import type {
  CompleteFileSignatureInput,
  FileSignatureDto,
  FileSignatureList,
  PrepareFileSignatureInput,
  PreparedSignature,
  SignatureVerification,
  VerifyUploadedResult,
} from "./signatures.schemas";

/** How long the browser has to sign what the server prepared. */
export const SIGNATURE_REQUEST_TTL_MS = 10 * 60 * 1000;

const FILE_NOT_FOUND = "Nie znaleziono takiego pliku albo nie masz do niego dostępu.";
const REQUEST_NOT_FOUND = "Nie znaleziono takiego podpisywania. Zacznij podpisywanie jeszcze raz.";
const SIGNATURE_NOT_FOUND = "Nie znaleziono takiego podpisu albo nie masz do niego dostępu.";
export const NO_CERTIFICATE =
  "Nie masz ważnego certyfikatu do podpisu. Złóż wniosek o certyfikat na stronie „Mój podpis elektroniczny” (Profil → Podpis) i poczekaj na jego wydanie.";
const REQUEST_EXPIRED = "Czas na złożenie podpisu (10 minut) minął. Zacznij podpisywanie jeszcze raz.";

export interface SigningOptions {
  now?: Date;
  store?: FileStore;
}

const sha256Hex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

const fileSelect = { id: true, documentId: true, fileName: true, size: true, sha256: true, document: { select: { caseId: true } } } as const satisfies Prisma.DocumentFileSelect;

/** The file, when its document is visible to the actor; else NOT_FOUND. */
async function loadVisibleFile(ctx: ServiceContext, fileId: string, now: Date) {
  const scope = await loadWorkScope(ctx.db, ctx.actor, now);
  const file = await ctx.db.documentFile.findFirst({ where: { id: fileId, document: documentVisibleWhere(scope) }, select: fileSelect });
  if (!file) throw notFound(FILE_NOT_FOUND);
  return file;
}

/** Where a certificate is usable for signing at `now`: issued, within validity, not revoked. */
const usableCertificateWhere = (userId: string, now: Date): Prisma.SigningCertificateWhereInput => ({
  userId,
  status: "ISSUED",
  revokedAt: null,
  certificate: { not: null },
  notBefore: { lte: now },
  notAfter: { gt: now },
});

const certificateSelect = { id: true, serial: true, publicKeyHash: true, notAfter: true, certificate: true } as const satisfies Prisma.SigningCertificateSelect;

/** The actor's newest usable signing certificate, or null. */
async function findSigningCertificate(ctx: ServiceContext, now: Date) {
  return ctx.db.signingCertificate.findFirst({ where: usableCertificateWhere(ctx.actor.id, now), orderBy: [{ notBefore: "desc" }, { id: "desc" }], select: certificateSelect });
}

/**
 * Step 1 of a signature: the caller sees the file's document and holds a usable certificate; the
 * server builds the CMS signed attributes over the file's SHA-256 (what the confirmation dialog
 * showed) and keeps them in a SignatureRequest that expires in 10 minutes.
 */
export async function prepareFileSignature(ctx: ServiceContext, input: PrepareFileSignatureInput, options: SigningOptions = {}): Promise<PreparedSignature> {
  assertCan(ctx.actor, "documents.work");
  const now = options.now ?? new Date();
  const file = await loadVisibleFile(ctx, input.fileId, now);
  const cert = await findSigningCertificate(ctx, now);
  if (!cert?.certificate || !cert.serial) throw badRequest(NO_CERTIFICATE);
  const signingTime = new Date(Math.floor(now.getTime() / 1000) * 1000);
  const { toBeSigned } = await prepareCadesSignature({ contentSha256: Buffer.from(file.sha256, "hex"), signerCertDer: cert.certificate, signingTime });
  const expiresAt = new Date(now.getTime() + SIGNATURE_REQUEST_TTL_MS);
  const request = await ctx.db.signatureRequest.create({
    data: { userId: ctx.actor.id, certificateId: cert.id, fileId: file.id, format: "CADES", toBeSigned: new Uint8Array(toBeSigned), signingTime, expiresAt, state: { sha256: file.sha256 } },
    select: { id: true },
  });
  return { requestId: request.id, toBeSignedBase64: toBase64(toBeSigned), publicKeyHash: cert.publicKeyHash, expiresAt };
}

/**
 * Step 2: the browser's signature over the prepared attributes. The request must be the caller's,
 * open and unexpired; the file still visible; the certificate still usable; the signature must
 * verify (assembleCadesSignature refuses otherwise). The .p7s goes to the file store under its
 * SHA-256, then one transaction closes the request, records the DocumentSignature and the audit entry.
 */
export async function completeFileSignature(ctx: ServiceContext, input: CompleteFileSignatureInput, options: SigningOptions = {}): Promise<FileSignatureDto> {
  assertCan(ctx.actor, "documents.work");
  const now = options.now ?? new Date();
  const store = options.store ?? getFileStore();
  const request = await ctx.db.signatureRequest.findFirst({ where: { id: input.requestId, userId: ctx.actor.id } });
  if (!request) throw notFound(REQUEST_NOT_FOUND);
  if (request.completedAt) throw conflict("Ten podpis został już złożony.");
  if (request.expiresAt <= now) throw badRequest(REQUEST_EXPIRED);
  const file = await loadVisibleFile(ctx, request.fileId, now);
  const cert = await ctx.db.signingCertificate.findFirst({ where: { id: request.certificateId, ...usableCertificateWhere(ctx.actor.id, now) }, select: certificateSelect });
  if (!cert?.certificate) throw badRequest("Twój certyfikat nie jest już ważny (wygasł albo został unieważniony). Podpisu nie złożono.");

  const signature = new Uint8Array(Buffer.from(input.signatureBase64, "base64"));
  const { issuingDer } = await getCaCertificates(ctx.db);
  const p7s = await assembleCadesSignature({ toBeSigned: request.toBeSigned, signature, signerCertDer: cert.certificate, chainDer: [issuingDer] });
  const signatureSha256 = sha256Hex(p7s);
  // The bytes first: a failed transaction leaves at most an unreferenced blob, never a record without bytes.
  await store.put(signatureSha256, p7s);
  const signerName = actorName(ctx.actor);

  const row = await ctx.db.$transaction(async (tx) => {
    const closed = await tx.signatureRequest.updateMany({ where: { id: request.id, completedAt: null }, data: { completedAt: now } });
    if (closed.count !== 1) throw conflict("Ten podpis został już złożony.");
    await tx.fileBlob.upsert({ where: { sha256: signatureSha256 }, create: { sha256: signatureSha256, size: p7s.byteLength }, update: {} });
    const created = await tx.documentSignature.create({
      data: { fileId: file.id, format: "CADES", certificateId: cert.id, signerName, signatureSha256, signedAt: request.signingTime },
      select: signatureSelect,
    });
    await recordAudit(tx, ctx, {
      action: "signature.created",
      entityType: "signature",
      entityId: created.id,
      documentId: file.documentId,
      caseId: file.document.caseId,
      data: { format: "CADES", fileId: file.id, fileName: file.fileName, serial: cert.serial, seal: false },
    });
    return created;
  });
  const content = await store.get(file.sha256);
  return toDto(row, await verifyStored(ctx, content, p7s, now));
}

const signatureSelect = {
  id: true,
  fileId: true,
  format: true,
  signerName: true,
  signatureSha256: true,
  signedAt: true,
  sealKeyId: true,
  certificate: { select: { serial: true } },
} as const satisfies Prisma.DocumentSignatureSelect;

type SignatureRow = Prisma.DocumentSignatureGetPayload<{ select: typeof signatureSelect }>;

function toDto(row: SignatureRow, verification: SignatureVerification): FileSignatureDto {
  return {
    id: row.id,
    fileId: row.fileId,
    format: row.format,
    signerName: row.signerName,
    serial: row.certificate?.serial ?? null,
    seal: row.sealKeyId !== null,
    signedAt: row.signedAt,
    verification,
    downloadUrl: row.format === "CADES" && row.signatureSha256 ? `/api/podpisy/${row.id}` : null,
  };
}

/** The client-safe view of a report: valid = intact, from our CA and valid when signed. */
export function toVerification(report: SignatureReport): SignatureVerification {
  const { signer } = report;
  return {
    valid: report.intact && report.chainTrusted && report.validAtSigning,
    intact: report.intact,
    chainTrusted: report.chainTrusted,
    validAtSigning: report.validAtSigning,
    validNow: report.validNow,
    signingTime: report.signingTime,
    signer: signer
      ? { subject: signer.subject, commonName: signer.commonName, email: signer.email, serial: signer.serial, issuer: signer.issuer, notBefore: signer.notBefore, notAfter: signer.notAfter }
      : null,
    revocation: report.revocation,
    revokedBeforeSigning: report.revokedBeforeSigning,
    problems: report.problems,
  };
}

function unverifiable(problem: string): SignatureVerification {
  return { valid: false, intact: false, chainTrusted: false, validAtSigning: false, validNow: false, signingTime: null, signer: null, revocation: null, revokedBeforeSigning: null, problems: [problem] };
}

async function verifyStored(ctx: ServiceContext, content: Uint8Array | null, p7s: Uint8Array | null, now: Date): Promise<SignatureVerification> {
  if (!content) return unverifiable("Zawartości podpisanego pliku nie ma w magazynie plików — podpisu nie da się sprawdzić. Zgłoś to administratorowi.");
  if (!p7s) return unverifiable("Pliku podpisu (.p7s) nie ma w magazynie plików — podpisu nie da się sprawdzić. Zgłoś to administratorowi.");
  try {
    return toVerification(await verifyCades(ctx.db, { content, p7s, now }));
  } catch (error) {
    if (error instanceof AppError) return unverifiable(error.userMessage);
    throw error;
  }
}

/**
 * The signatures of a visible file, oldest first, each verified now against the stored content,
 * and the caller's usable signing certificate (the UI offers "Podpisz" only with one).
 */
export async function listFileSignatures(ctx: ServiceContext, fileId: string, options: SigningOptions = {}): Promise<FileSignatureList> {
  assertCan(ctx.actor, "documents.work");
  const now = options.now ?? new Date();
  const store = options.store ?? getFileStore();
  const file = await loadVisibleFile(ctx, fileId, now);
  const [rows, cert] = await Promise.all([
    ctx.db.documentSignature.findMany({ where: { fileId: file.id }, orderBy: [{ signedAt: "asc" }, { id: "asc" }], select: signatureSelect }),
    findSigningCertificate(ctx, now),
  ]);
  const content = rows.length > 0 ? await store.get(file.sha256) : null;
  const items: FileSignatureDto[] = [];
  for (const row of rows) {
    if (row.format !== "CADES" || !row.signatureSha256) {
      items.push(toDto(row, unverifiable("Ten rodzaj podpisu sprawdza się w samym pliku.")));
      continue;
    }
    const p7s = await store.get(row.signatureSha256);
    items.push(toDto(row, await verifyStored(ctx, content, p7s && sha256Hex(p7s) === row.signatureSha256 ? p7s : null, now)));
  }
  return {
    items,
    certificate: cert?.serial ? { id: cert.id, userId: ctx.actor.id, serial: cert.serial, publicKeyHash: cert.publicKeyHash, notAfter: cert.notAfter ?? now } : null,
  };
}

/** The .p7s of a signature over a visible file, re-verified against its recorded SHA-256. */
export async function downloadSignature(ctx: ServiceContext, signatureId: string, options: SigningOptions = {}): Promise<{ fileName: string; bytes: Uint8Array }> {
  assertCan(ctx.actor, "documents.work");
  const now = options.now ?? new Date();
  const store = options.store ?? getFileStore();
  const row = await ctx.db.documentSignature.findFirst({ where: { id: signatureId }, select: { fileId: true, signatureSha256: true } });
  if (!row?.signatureSha256) throw notFound(SIGNATURE_NOT_FOUND);
  const file = await loadVisibleFile(ctx, row.fileId, now).catch((error: unknown) => {
    throw error instanceof AppError && error.code === "NOT_FOUND" ? notFound(SIGNATURE_NOT_FOUND) : error;
  });
  const bytes = await store.get(row.signatureSha256);
  if (!bytes || sha256Hex(bytes) !== row.signatureSha256) {
    throw new AppError("CONFLICT", `Plik podpisu pliku „${file.fileName}” jest uszkodzony albo go brakuje. Zgłoś to administratorowi.`);
  }
  return { fileName: `${file.fileName}.p7s`, bytes };
}

export interface VerifyUploadedInput {
  fileName: string;
  fileBytes: Uint8Array;
  signatureFileName: string;
  p7sBytes: Uint8Array;
}

/**
 * Verifies a file and its detached signature brought by the user (e.g. received by e-mail):
 * who signed, when, with which certificate, intact or not, valid then and now. Audited
 * "signature.verified". A .p7s that is not a CMS signature at all is reported, not thrown.
 */
export async function verifyUploaded(ctx: ServiceContext, input: VerifyUploadedInput, options: { now?: Date } = {}): Promise<VerifyUploadedResult> {
  const now = options.now ?? new Date();
  const max = env.MAX_UPLOAD_MB * 1024 * 1024;
  if (input.fileBytes.byteLength === 0) throw badRequest("Wybierz podpisany plik.", { file: "Wybierz podpisany plik." });
  if (input.p7sBytes.byteLength === 0) throw badRequest("Wybierz plik podpisu (.p7s).", { signature: "Wybierz plik podpisu (.p7s)." });
  if (input.fileBytes.byteLength > max || input.p7sBytes.byteLength > max) throw badRequest(`Plik jest za duży — najwyżej ${env.MAX_UPLOAD_MB} MB.`);
  let verification: SignatureVerification;
  try {
    verification = toVerification(await verifyCades(ctx.db, { content: input.fileBytes, p7s: input.p7sBytes, now }));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    verification = unverifiable(error.userMessage);
  }
  await recordAudit(ctx.db, ctx, {
    action: "signature.verified",
    entityType: "signature",
    entityId: null,
    data: { fileName: input.fileName.slice(0, 255), valid: verification.valid, signer: verification.signer?.commonName ?? null, serial: verification.signer?.serial ?? null },
  });
  return { ...verification, fileName: input.fileName, signatureFileName: input.signatureFileName };
}
