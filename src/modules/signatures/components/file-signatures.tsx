"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useLocale, useT } from "@/components/i18n";
import { Modal } from "@/components/modal";
import { formatDate, formatDateTime } from "@/lib/i18n/translator";
import type { DocumentFileDto } from "@/modules/files/files.schemas";
import { formatFileSize } from "@/modules/files/files.types";
import { useTRPC } from "@/trpc/react";
import type { FileSignatureList } from "../signatures.schemas";
import { browserKeyHash, signWithBrowserKey } from "./browser-key";
import { revocationText, ValidityBadge } from "./signature-status";

type Status =
  | { kind: "idle" }
  | { kind: "confirm" }
  | { kind: "signing" }
  | { kind: "done" }
  | { kind: "noCertificate" }
  | { kind: "error"; message: string };

const fromBase64 = (value: string) => Uint8Array.from(atob(value), (c) => c.charCodeAt(0));
const toBase64 = (bytes: Uint8Array) => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(""));
/** "3f2a9c1e…b07d44e1": enough to compare by eye, the whole digest in the title and for screen readers. */
const shortDigest = (hex: string) => `${hex.slice(0, 8)}…${hex.slice(-8)}`;

/**
 * The signatures of one stored file ("Podpisano: <who>, <when>" with ważny / nieważny and why, and
 * the .p7s), and "Podpisz": a confirmation dialog naming what is signed, then the server prepares
 * the signed attributes, the key in this browser signs them and the server completes the .p7s.
 */
export function FileSignatures({ file }: { file: DocumentFileDto }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.signatures.signing.list.queryOptions({ fileId: file.id }));
  const prepare = useMutation(trpc.signatures.signing.prepare.mutationOptions());
  const complete = useMutation(trpc.signatures.signing.complete.mutationOptions());
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const data: FileSignatureList | undefined = list.data;
  const certificate = data?.certificate ?? null;

  /** Before the dialog: a certificate, and its key in this browser. */
  async function start() {
    if (!certificate) return setStatus({ kind: "noCertificate" });
    try {
      const hash = await browserKeyHash(certificate.userId, certificate.publicKeyHash);
      if (hash !== certificate.publicKeyHash) return setStatus({ kind: "error", message: t("signatures.signing.keyMissing") });
    } catch (error) {
      return setStatus({ kind: "error", message: t("signatures.signing.keyCheckFailed", { message: error instanceof Error ? error.message : String(error) }) });
    }
    setStatus({ kind: "confirm" });
  }

  async function sign() {
    if (!certificate) return;
    setStatus({ kind: "signing" });
    try {
      const prepared = await prepare.mutateAsync({ fileId: file.id });
      // A renewal issued meanwhile may name another key: check again against what the server chose.
      if ((await browserKeyHash(certificate.userId, prepared.publicKeyHash)) !== prepared.publicKeyHash) {
        return setStatus({ kind: "error", message: t("signatures.signing.keyMissing") });
      }
      const signature = await signWithBrowserKey(certificate.userId, prepared.publicKeyHash, fromBase64(prepared.toBeSignedBase64));
      await complete.mutateAsync({ requestId: prepared.requestId, signatureBase64: toBase64(new Uint8Array(signature)) });
      await queryClient.invalidateQueries({ queryKey: trpc.signatures.signing.list.queryKey({ fileId: file.id }) });
      setStatus({ kind: "done" });
    } catch (error) {
      setStatus({ kind: "error", message: t("signatures.signing.failed", { message: error instanceof Error ? error.message : String(error) }) });
    }
  }

  return (
    <div className="mt-2 space-y-2" data-testid="file-signatures">
      {list.isError && (
        <p role="alert" className="text-sm text-red-800">
          {list.error.message || t("signatures.signing.loadError")}
        </p>
      )}
      {data && data.items.length > 0 && (
        <ul aria-label={t("signatures.signing.listLabel", { name: file.fileName })} className="space-y-2">
          {data.items.map((s) => {
            const v = s.verification;
            return (
              <li key={s.id} className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{t(s.seal ? "signatures.signing.sealedBy" : "signatures.signing.signedBy", { name: s.signerName, when: formatDateTime(s.signedAt, locale) })}</span>
                  <ValidityBadge valid={v.valid} />
                </p>
                {!v.valid && v.problems.length > 0 && <p className="mt-1 text-red-900">{t("signatures.signing.why", { reasons: v.problems.join(" ") })}</p>}
                {v.valid && v.revocation && !v.revokedBeforeSigning && <p className="mt-1 text-slate-800">{revocationText(t, locale, v)}</p>}
                {s.downloadUrl && (
                  <a className="mt-1 inline-block text-brand-800 underline" href={s.downloadUrl} download>
                    {t("signatures.signing.downloadP7s")}
                    <span className="sr-only"> {t("signatures.signing.downloadP7sOf", { name: file.fileName })}</span>
                  </a>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {data && (
        <button type="button" className="btn-secondary" aria-haspopup="dialog" disabled={status.kind === "signing"} onClick={() => void start()} data-testid="sign-file">
          {status.kind === "signing" ? t("signatures.signing.signing") : t("signatures.signing.sign")}
          <span className="sr-only"> {t("signatures.signing.signOf", { name: file.fileName })}</span>
        </button>
      )}

      <div role="status" aria-live="polite" className="text-sm empty:hidden">
        {status.kind === "done" && <span className="text-green-900">{t("signatures.signing.signed", { name: file.fileName })}</span>}
      </div>
      {status.kind === "noCertificate" && (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {t("signatures.signing.noCertificate")}{" "}
          <Link href="/profil/podpis" className="font-medium underline">
            {t("signatures.signing.noCertificateLink")}
          </Link>
        </p>
      )}
      {status.kind === "error" && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          {status.message}
        </p>
      )}

      <Modal open={status.kind === "confirm"} title={t("signatures.signing.dialogTitle")} description={t("signatures.signing.dialogIntro")} onClose={() => setStatus({ kind: "idle" })}>
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
          {certificate && (
            <>
              <dt className="font-medium text-slate-800">{t("signatures.signing.certificate")}</dt>
              <dd className="break-all">
                {t("signatures.signing.certificateSerial", { serial: certificate.serial, date: formatDate(certificate.notAfter, locale) })}
              </dd>
            </>
          )}
        </dl>
        <div className="flex flex-wrap gap-2">
          <button type="button" className="btn-secondary" onClick={() => setStatus({ kind: "idle" })}>
            {t("common.cancel")}
          </button>
          <button type="button" className="btn-primary" onClick={() => void sign()} data-testid="confirm-sign">
            {t("signatures.signing.confirm")}
          </button>
        </div>
      </Modal>
    </div>
  );
}
