/**
 * Verification of the signatures carried inside a file: PAdES in a PDF (one per incremental
 * revision) and XAdES enveloped in an XML document. Each signature is checked for integrity here
 * and for its signer (our CA, key usage, revocation, validity then and now) by assessSigner —
 * the same rules as for a CAdES .p7s. Framework-free.
 */
import "server-only";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { assessSigner, describeSigner, emptyReport, verifyCades, type SignatureReport } from "@/server/pki";
import { x509 } from "@/server/pki/crypto";
import { readPdfSignatures } from "@/server/pki/pades";
import { readXadesSignatures } from "@/server/pki/xades";
import type { SignatureFormatName } from "./signatures.schemas";

export interface EmbeddedSignature {
  format: SignatureFormatName;
  /** The name in the signature (PDF /Name) or the certificate's common name. */
  signerName: string;
  signedAt: Date | null;
  report: SignatureReport;
}

const CHANGED_AFTER_LAST = "Po złożeniu ostatniego podpisu plik zmieniono: dopisane zmiany nie są objęte żadnym podpisem.";
const BAD_RANGE = "Zakres bajtów objętych podpisem jest nieprawidłowy: podpis nie obejmuje całej treści swojej wersji pliku.";

async function verifyPdf(db: Db, pdf: Uint8Array, now: Date): Promise<EmbeddedSignature[]> {
  const entries = readPdfSignatures(pdf);
  const out: EmbeddedSignature[] = [];
  for (const [index, entry] of entries.entries()) {
    const report = await verifyCades(db, { contentSha256: entry.digest, p7s: entry.cms, now, claimedSigningTime: entry.signingTime });
    if (!entry.byteRangeSane) {
      report.intact = false;
      report.problems.unshift(BAD_RANGE);
    }
    // Only the last signature may reach the end of the file; bytes after it are unsigned changes.
    if (index === entries.length - 1 && !entry.coversWholeFile) {
      report.intact = false;
      report.problems.unshift(CHANGED_AFTER_LAST);
    }
    out.push({ format: "PADES", signerName: report.signer?.commonName ?? entry.signerName ?? "—", signedAt: report.signingTime, report });
  }
  return out;
}

async function verifyXml(db: Db, xml: Uint8Array, now: Date): Promise<EmbeddedSignature[]> {
  const out: EmbeddedSignature[] = [];
  for (const entry of readXadesSignatures(xml)) {
    const report = emptyReport();
    report.problems.push(...entry.problems);
    report.signingTime = entry.signingTime;
    if (!entry.signingTime) report.problems.push("Podpis nie zawiera czasu złożenia.");
    let signer: x509.X509Certificate | null = null;
    if (entry.signerCertDer) {
      try {
        signer = new x509.X509Certificate(entry.signerCertDer.slice().buffer);
      } catch {
        report.problems.push("Certyfikat w podpisie jest uszkodzony.");
      }
    } else report.problems.push("Podpis nie zawiera certyfikatu podpisującego.");
    report.intact = entry.intact && entry.certificateDigestOk && signer !== null;
    if (signer) {
      report.signer = describeSigner(signer, entry.signerCertDer!);
      await assessSigner(db, report, signer, now);
    }
    out.push({ format: "XADES", signerName: report.signer?.commonName ?? "—", signedAt: report.signingTime, report });
  }
  return out;
}

/** The signatures inside a PDF or XML file, each verified now; [] for other types and unsigned files. */
export async function verifyEmbeddedSignatures(db: Db, format: SignatureFormatName, bytes: Uint8Array, now: Date = new Date()): Promise<EmbeddedSignature[]> {
  try {
    if (format === "PADES") return await verifyPdf(db, bytes, now);
    if (format === "XADES") return await verifyXml(db, bytes, now);
    return [];
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const report = emptyReport();
    report.problems.push(error.userMessage);
    return [{ format, signerName: "—", signedAt: null, report }];
  }
}
