"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useLocale, useT } from "@/components/i18n";
import { Modal } from "@/components/modal";
import { formatDate } from "@/lib/i18n/translator";
import type { DocumentFileDto } from "@/modules/files/files.schemas";
import { formatFileSize } from "@/modules/files/files.types";
import { useTRPC } from "@/trpc/react";
import { signatureFormatFor, type FileSignatureDto, type SignaturePurpose } from "../signatures.schemas";
import { browserKeyHash, signWithBrowserKey } from "./browser-key";

export type SigningStatus =
  | { kind: "idle" }
  | { kind: "confirm" }
  | { kind: "signing" }
  | { kind: "done"; signature: FileSignatureDto }
  | { kind: "noCertificate" }
  | { kind: "error"; message: string };

/** The signer's usable certificate as the server reports it (which browser key must sign). */
export interface SignerCertificate {
  userId: string;
  serial: string;
  publicKeyHash: string;
  notAfter: Date;
}

const fromBase64 = (value: string) => Uint8Array.from(atob(value), (c) => c.charCodeAt(0));
const toBase64 = (bytes: Uint8Array) => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(""));
/** "3f2a9c1e…b07d44e1": enough to compare by eye, the whole digest in the title and for screen readers. */
const shortDigest = (hex: string) => `${hex.slice(0, 8)}…${hex.slice(-8)}`;

/**
 * One signature over a stored file, as an explicit act: start() checks the certificate and the key
 * in this browser and opens the confirmation; sign() has the server prepare what is signed, the
 * browser key sign it, and the server complete it (a .p7s, or a new signed version of a PDF/XML).
 * The file and signature lists are refreshed afterwards.
 */
export function useFileSigning(certificate: SignerCertificate | null) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const prepare = useMutation(trpc.signatures.signing.prepare.mutationOptions());
  const complete = useMutation(trpc.signatures.signing.complete.mutationOptions());
  const [status, setStatus] = useState<SigningStatus>({ kind: "idle" });

  async function start(): Promise<void> {
    if (!certificate) return setStatus({ kind: "noCertificate" });
    try {
      const hash = await browserKeyHash(certificate.userId, certificate.publicKeyHash);
      if (hash !== certificate.publicKeyHash) return setStatus({ kind: "error", message: t("signatures.signing.keyMissing") });
    } catch (error) {
      return setStatus({ kind: "error", message: t("signatures.signing.keyCheckFailed", { message: error instanceof Error ? error.message : String(error) }) });
    }
    setStatus({ kind: "confirm" });
  }

  async function sign(fileId: string, purpose: SignaturePurpose = "SIGN"): Promise<FileSignatureDto | null> {
    if (!certificate) return null;
    setStatus({ kind: "signing" });
    try {
      const prepared = await prepare.mutateAsync({ fileId, purpose });
      // A renewal issued meanwhile may name another key: check again against what the server chose.
      if ((await browserKeyHash(certificate.userId, prepared.publicKeyHash)) !== prepared.publicKeyHash) {
        setStatus({ kind: "error", message: t("signatures.signing.keyMissing") });
        return null;
      }
      const signature = await signWithBrowserKey(certificate.userId, prepared.publicKeyHash, fromBase64(prepared.toBeSignedBase64));
      const done = await complete.mutateAsync({ requestId: prepared.requestId, signatureBase64: toBase64(new Uint8Array(signature)) });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.signatures.signing.list.queryKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.files.list.queryKey() }),
      ]);
      setStatus({ kind: "done", signature: done });
      return done;
    } catch (error) {
      setStatus({ kind: "error", message: t("signatures.signing.failed", { message: error instanceof Error ? error.message : String(error) }) });
      return null;
    }
  }

  return { status, start, sign, cancel: () => setStatus({ kind: "idle" }), busy: status.kind === "signing" };
}

/** The confirmation: what is signed (file, size, SHA-256), in which format, with which certificate. */
export function SignFileDialog({
  open,
  file,
  certificate,
  title,
  confirmLabel,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  file: DocumentFileDto;
  certificate: SignerCertificate | null;
  title?: string;
  confirmLabel?: string;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const format = signatureFormatFor(file.mimeType);
  return (
    <Modal open={open} title={title ?? t("signatures.signing.dialogTitle")} description={t("signatures.signing.dialogIntro")} onClose={onCancel}>
      <dl className="mb-4 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="font-medium text-slate-800">{t("signatures.signing.fileName")}</dt>
        <dd className="break-all">{file.fileName}</dd>
        <dt className="font-medium text-slate-800">{t("signatures.signing.fileSize")}</dt>
        <dd>{formatFileSize(file.size, locale)}</dd>
        <dt className="font-medium text-slate-800">{t("signatures.signing.fileDigest")}</dt>
        <dd>
          <span className="font-mono" title={file.sha256} aria-hidden="true">
            {shortDigest(file.sha256)}
          </span>
          <span className="sr-only">{file.sha256}</span>
        </dd>
        <dt className="font-medium text-slate-800">{t("signatures.signing.format")}</dt>
        <dd>{t(`signatures.signing.formats.${format}`)}</dd>
        {certificate && (
          <>
            <dt className="font-medium text-slate-800">{t("signatures.signing.certificate")}</dt>
            <dd className="break-all">{t("signatures.signing.certificateSerial", { serial: certificate.serial, date: formatDate(certificate.notAfter, locale) })}</dd>
          </>
        )}
      </dl>
      <p className="mb-4 text-sm text-slate-800">{t(`signatures.signing.formatNote.${format}`)}</p>
      <div className="flex flex-wrap gap-2">
        <button type="button" className="btn-secondary" onClick={onCancel}>
          {t("common.cancel")}
        </button>
        <button type="button" className="btn-primary" onClick={onConfirm} data-testid="confirm-sign">
          {confirmLabel ?? t("signatures.signing.confirm")}
        </button>
      </div>
    </Modal>
  );
}

/** What became of the signing: no certificate (with the link to request one) or an error. */
export function SigningProblem({ status }: { status: SigningStatus }) {
  const t = useT();
  if (status.kind === "noCertificate") {
    return (
      <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
        {t("signatures.signing.noCertificate")}{" "}
        <Link href="/profil/podpis" className="font-medium underline">
          {t("signatures.signing.noCertificateLink")}
        </Link>
      </p>
    );
  }
  if (status.kind === "error") {
    return (
      <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
        {status.message}
      </p>
    );
  }
  return null;
}
