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
import { filesReadOnlyReason } from "@/modules/files/files.policy";
import { recordAudit } from "@/server/audit/audit";
import { actorName, assertCan, type ServiceContext } from "@/server/context";
import { AppError, badRequest, conflict, notFound } from "@/server/errors";
import { getFileStore, type FileStore } from "@/server/integrations/storage";
import { assembleCadesSignature, getCaCertificates, prepareCadesSignature, verifyCades, type SignatureReport } from "@/server/pki";
import { officeName } from "@/server/pki/ca";
import { x509 } from "@/server/pki/crypto";
import { embedPdfSignature, preparePdfSignature } from "@/server/pki/pades";
import { assembleXadesSignature, prepareXadesSignature, type XadesState } from "@/server/pki/xades";
import { verifyEmbeddedSignatures } from "./signatures.embedded";
import type {
  CompleteFileSignatureInput,
  FileSignatureDto,
  FileSignatureList,
  PrepareFileSignatureInput,
  PreparedSignature,
  SignatureFormatName,
  SignaturePurpose,
  SignatureVerification,
  VerifyUploadedResult,
} from "./signatures.schemas";
import { signatureFormatFor } from "./signatures.schemas";

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

const fileSelect = {
  id: true,
  documentId: true,
  fileName: true,
  mimeType: true,
  kind: true,
  size: true,
  sha256: true,
  supersededAt: true,
  document: { select: { caseId: true, kind: true, status: true } },
} as const satisfies Prisma.DocumentFileSelect;

/** The file, when its document is visible to the actor; else NOT_FOUND. */
async function loadVisibleFile(ctx: ServiceContext, fileId: string, now: Date) {
  const scope = await loadWorkScope(ctx.db, ctx.actor, now);
  const file = await ctx.db.documentFile.findFirst({ where: { id: fileId, document: documentVisibleWhere(scope) }, select: fileSelect });
  if (!file) throw notFound(FILE_NOT_FOUND);
  return file;
}

type VisibleFile = Awaited<ReturnType<typeof loadVisibleFile>>;

/** PAdES and XAdES write a new version of the file: only the current one, and not once the letter is closed. */
function assertNewVersionAllowed(file: VisibleFile) {
  if (file.supersededAt) throw conflict("To jest poprzednia wersja pliku. Podpisz jego aktualną wersję.");
  const readOnly = filesReadOnlyReason(file.document);
  if (readOnly) throw badRequest(`${readOnly} Podpis w pliku PDF lub XML zmieniłby plik — możesz złożyć podpis zewnętrzny tylko przed zamknięciem pisma.`);
}

async function readStoredFile(store: FileStore, file: { sha256: string; fileName: string }): Promise<Uint8Array> {
  const bytes = await store.get(file.sha256);
  if (!bytes || sha256Hex(bytes) !== file.sha256) {
    throw new AppError("CONFLICT", `Plik „${file.fileName}” jest uszkodzony albo go brakuje w magazynie plików. Zgłoś to administratorowi.`);
  }
  return bytes;
}

const PURPOSE_REASON: Record<SignaturePurpose, string> = {
  SIGN: "Podpis dokumentu",
  SUBMIT: "Podpis autora — przekazanie do akceptacji",
  APPROVE: "Akceptacja dokumentu",
};

const warsawTime = new Intl.DateTimeFormat("pl-PL", { timeZone: "Europe/Warsaw", dateStyle: "long", timeStyle: "short" });

/** The visible signature block: who (name, position, unit from the certificate), when, which certificate. */
function appearanceLines(certDer: Uint8Array, signerName: string, purpose: SignaturePurpose, signingTime: Date): string[] {
  const cert = new x509.X509Certificate(certDer.slice().buffer);
  const field = (type: string) => cert.subjectName.getField(type)[0] ?? null;
  const role = [field("T"), field("OU")].filter(Boolean).join(", ");
  const serial = cert.serialNumber.toLowerCase();
  return [
    purpose === "APPROVE" ? "Zatwierdzono i podpisano elektronicznie" : "Podpisano elektronicznie",
    field("CN") ?? signerName,
    ...(role ? [role] : []),
    warsawTime.format(signingTime),
    `Certyfikat nr ${serial.slice(0, 8)}…${serial.slice(-4)}`,
  ];
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
 * server prepares what the browser signs and keeps it in a SignatureRequest that expires in 10
 * minutes. CAdES: the CMS signed attributes over the file's SHA-256. PAdES: the PDF with a visible
 * signature block and a placeholder is stored, the attributes cover its byte range. XAdES: the
 * canonical SignedInfo of an enveloped signature.
 */
export async function prepareFileSignature(ctx: ServiceContext, input: PrepareFileSignatureInput, options: SigningOptions = {}): Promise<PreparedSignature> {
  assertCan(ctx.actor, "documents.work");
  const now = options.now ?? new Date();
  const store = options.store ?? getFileStore();
  const file = await loadVisibleFile(ctx, input.fileId, now);
  const format = signatureFormatFor(file.mimeType);
  if (format !== "CADES") assertNewVersionAllowed(file);
  const cert = await findSigningCertificate(ctx, now);
  if (!cert?.certificate || !cert.serial) throw badRequest(NO_CERTIFICATE);
  const signingTime = new Date(Math.floor(now.getTime() / 1000) * 1000);
  const purpose = input.purpose ?? "SIGN";
  let toBeSigned: Uint8Array;
  let state: Prisma.InputJsonObject = { sha256: file.sha256, purpose };
  if (format === "CADES") {
    ({ toBeSigned } = await prepareCadesSignature({ contentSha256: Buffer.from(file.sha256, "hex"), signerCertDer: cert.certificate, signingTime }));
  } else if (format === "PADES") {
    const signerName = actorName(ctx.actor);
    const prepared = await preparePdfSignature(await readStoredFile(store, file), {
      signerName,
      reason: PURPOSE_REASON[purpose],
      location: await officeName(ctx.db),
      signingTime,
      appearance: appearanceLines(cert.certificate, signerName, purpose, signingTime),
    });
    const preparedSha256 = sha256Hex(prepared.prepared);
    await store.put(preparedSha256, prepared.prepared);
    ({ toBeSigned } = await prepareCadesSignature({ contentSha256: prepared.digest, signerCertDer: cert.certificate, signingTime: null }));
    state = { ...state, preparedSha256 };
  } else {
    const prepared = await prepareXadesSignature(await readStoredFile(store, file), { signerCertDer: cert.certificate, signingTime });
    toBeSigned = prepared.toBeSigned;
    state = { ...state, xades: prepared.state as unknown as Prisma.InputJsonObject };
  }
  const expiresAt = new Date(now.getTime() + SIGNATURE_REQUEST_TTL_MS);
  const request = await ctx.db.signatureRequest.create({
    data: { userId: ctx.actor.id, certificateId: cert.id, fileId: file.id, format, toBeSigned: new Uint8Array(toBeSigned), signingTime, expiresAt, state },
    select: { id: true },
  });
  return { requestId: request.id, format, toBeSignedBase64: toBase64(toBeSigned), publicKeyHash: cert.publicKeyHash, expiresAt };
}

interface RequestState {
  sha256: string;
  purpose?: SignaturePurpose;
  preparedSha256?: string;
  xades?: XadesState;
}

/**
 * Step 2: the browser's signature over what was prepared. The request must be the caller's, open
 * and unexpired; the file still visible (and, for PAdES/XAdES, unchanged since step 1); the
 * certificate still usable; the signature must verify against it (the assemble functions refuse
 * otherwise). CAdES: the .p7s is stored beside the file. PAdES/XAdES: the signed file is stored as
 * a new version of the file (the old one stays, marked superseded). The bytes go to the file store
 * first, then one transaction closes the request, records the version, the DocumentSignature and
 * the audit entry.
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
  const state = request.state as unknown as RequestState;
  const format = request.format;
  if (format !== "CADES") {
    assertNewVersionAllowed(file);
    if (file.sha256 !== state.sha256) throw conflict("Plik zmienił się od rozpoczęcia podpisywania. Zacznij podpisywanie jeszcze raz.");
  }
  const cert = await ctx.db.signingCertificate.findFirst({ where: { id: request.certificateId, ...usableCertificateWhere(ctx.actor.id, now) }, select: certificateSelect });
  if (!cert?.certificate) throw badRequest("Twój certyfikat nie jest już ważny (wygasł albo został unieważniony). Podpisu nie złożono.");

  const signature = new Uint8Array(Buffer.from(input.signatureBase64, "base64"));
  const { issuingDer } = await getCaCertificates(ctx.db);
  let output: Uint8Array;
  if (format === "XADES") {
    output = await assembleXadesSignature({ state: state.xades!, signature, signerCertDer: cert.certificate });
  } else {
    const cms = await assembleCadesSignature({ toBeSigned: request.toBeSigned, signature, signerCertDer: cert.certificate, chainDer: [issuingDer] });
    if (format === "CADES") output = cms;
    else {
      const prepared = state.preparedSha256 ? await store.get(state.preparedSha256) : null;
      if (!prepared || sha256Hex(prepared) !== state.preparedSha256) throw conflict("Przygotowany do podpisu plik zniknął z magazynu plików. Zacznij podpisywanie jeszcze raz.");
      output = embedPdfSignature(prepared, cms);
    }
  }
  const outputSha256 = sha256Hex(output);
  // The bytes first: a failed transaction leaves at most an unreferenced blob, never a record without bytes.
  await store.put(outputSha256, output);
  const signerName = actorName(ctx.actor);

  const row = await ctx.db.$transaction(async (tx) => {
    const closed = await tx.signatureRequest.updateMany({ where: { id: request.id, completedAt: null }, data: { completedAt: now } });
    if (closed.count !== 1) throw conflict("Ten podpis został już złożony.");
    await tx.fileBlob.upsert({ where: { sha256: outputSha256 }, create: { sha256: outputSha256, size: output.byteLength }, update: {} });
    let signedFileId = file.id;
    if (format !== "CADES") {
      const replaced = await tx.documentFile.updateMany({ where: { id: file.id, supersededAt: null, sha256: state.sha256 }, data: { supersededAt: now } });
      if (replaced.count !== 1) throw conflict("Plik zmienił się od rozpoczęcia podpisywania. Zacznij podpisywanie jeszcze raz.");
      const version = await tx.documentFile.create({
        data: {
          documentId: file.documentId,
          sha256: outputSha256,
          fileName: file.fileName,
          mimeType: file.mimeType,
          size: output.byteLength,
          kind: file.kind,
          uploadedById: ctx.actor.id,
          previousVersionId: file.id,
        },
        select: { id: true },
      });
      signedFileId = version.id;
    }
    const created = await tx.documentSignature.create({
      data: { fileId: signedFileId, format, certificateId: cert.id, signerName, signatureSha256: format === "CADES" ? outputSha256 : null, signedAt: request.signingTime },
      select: signatureSelect,
    });
    await recordAudit(tx, ctx, {
      action: "signature.created",
      entityType: "signature",
      entityId: created.id,
      documentId: file.documentId,
      caseId: file.document.caseId,
      data: { format, fileId: signedFileId, fileName: file.fileName, serial: cert.serial, seal: false },
    });
    return created;
  });
  if (format === "CADES") return toDto(row, await verifyStored(ctx, await store.get(file.sha256), output, now));
  const [embedded] = (await verifyEmbeddedSignatures(ctx.db, format, output, now)).slice(-1);
  return toDto(row, embedded ? toVerification(embedded.report) : unverifiable("Nie znaleziono podpisu w podpisanym pliku."));
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
  const format = signatureFormatFor(file.mimeType);
  const [rows, cert] = await Promise.all([
    ctx.db.documentSignature.findMany({ where: { fileId: file.id, format: "CADES" }, orderBy: [{ signedAt: "asc" }, { id: "asc" }], select: signatureSelect }),
    findSigningCertificate(ctx, now),
  ]);
  const content = rows.length > 0 || format !== "CADES" ? await store.get(file.sha256) : null;
  const items: FileSignatureDto[] = [];
  // Signatures inside the file (PAdES/XAdES): the file itself is the record.
  if (format !== "CADES" && content && sha256Hex(content) === file.sha256) {
    const embedded = await verifyEmbeddedSignatures(ctx.db, format, content, now);
    const sealSerials = embedded.length > 0 ? await sealSerialSet(ctx) : new Set<string>();
    embedded.forEach((e, index) => {
      const serial = e.report.signer?.serial ?? null;
      items.push({
        id: `${file.id}:${index + 1}`,
        fileId: file.id,
        format: e.format,
        signerName: e.signerName,
        serial,
        seal: serial !== null && sealSerials.has(serial),
        signedAt: e.signedAt ?? file.supersededAt ?? now,
        verification: toVerification(e.report),
        downloadUrl: null,
      });
    });
  }
  for (const row of rows) {
    const p7s = row.signatureSha256 ? await store.get(row.signatureSha256) : null;
    items.push(toDto(row, await verifyStored(ctx, content, p7s && sha256Hex(p7s) === row.signatureSha256 ? p7s : null, now)));
  }
  return {
    items,
    certificate: cert?.serial ? { id: cert.id, userId: ctx.actor.id, serial: cert.serial, publicKeyHash: cert.publicKeyHash, notAfter: cert.notAfter ?? now } : null,
  };
}

async function sealSerialSet(ctx: ServiceContext): Promise<Set<string>> {
  const seals = await ctx.db.caKey.findMany({ where: { kind: "SEAL" }, select: { serial: true } });
  return new Set(seals.map((s) => s.serial));
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
  /** The detached .p7s; absent for a PDF or XML file that carries its signatures inside. */
  signatureFileName?: string | null;
  p7sBytes?: Uint8Array | null;
}

/**
 * Verifies a file brought by the user (e.g. received by e-mail): with its detached .p7s (CAdES),
 * or a PDF/XML with the signatures inside (PAdES/XAdES). Who signed, when, with which certificate,
 * intact or not, valid then and now. Audited "signature.verified". A .p7s that is not a CMS
 * signature at all is reported, not thrown.
 */
export async function verifyUploaded(ctx: ServiceContext, input: VerifyUploadedInput, options: { now?: Date } = {}): Promise<VerifyUploadedResult> {
  const now = options.now ?? new Date();
  const max = env.MAX_UPLOAD_MB * 1024 * 1024;
  const p7s = input.p7sBytes && input.p7sBytes.byteLength > 0 ? input.p7sBytes : null;
  if (input.fileBytes.byteLength === 0) throw badRequest("Wybierz podpisany plik.", { file: "Wybierz podpisany plik." });
  if (input.fileBytes.byteLength > max || (p7s?.byteLength ?? 0) > max) throw badRequest(`Plik jest za duży — najwyżej ${env.MAX_UPLOAD_MB} MB.`);
  const embeddedFormat = sniffEmbeddedFormat(input.fileBytes);
  if (!p7s && !embeddedFormat) {
    throw badRequest("Wybierz plik podpisu (.p7s) — ten plik nie jest dokumentem PDF ani XML, więc podpis musi być w osobnym pliku.", {
      signature: "Wybierz plik podpisu (.p7s).",
    });
  }
  let format: SignatureFormatName;
  let signatures: SignatureVerification[];
  if (p7s) {
    format = "CADES";
    try {
      signatures = [toVerification(await verifyCades(ctx.db, { content: input.fileBytes, p7s, now }))];
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      signatures = [unverifiable(error.userMessage)];
    }
  } else {
    format = embeddedFormat!;
    signatures = (await verifyEmbeddedSignatures(ctx.db, format, input.fileBytes, now)).map((e) => toVerification(e.report));
  }
  await recordAudit(ctx.db, ctx, {
    action: "signature.verified",
    entityType: "signature",
    entityId: null,
    data: {
      fileName: input.fileName.slice(0, 255),
      valid: signatures.length > 0 && signatures.every((v) => v.valid),
      signer: signatures.map((v) => v.signer?.commonName).filter(Boolean).join(", ").slice(0, 500) || null,
      serial: signatures[0]?.signer?.serial ?? null,
    },
  });
  return { fileName: input.fileName, signatureFileName: p7s ? (input.signatureFileName ?? null) : null, format, signatures };
}

/** PDF by its header, XML by its declaration or first element: the formats that carry signatures inside. */
function sniffEmbeddedFormat(bytes: Uint8Array): SignatureFormatName | null {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  if (head.startsWith("%PDF-")) return "PADES";
  if (/^(\xEF\xBB\xBF)?\s*<(\?xml|[A-Za-z_])/.test(head)) return "XADES";
  return null;
}
