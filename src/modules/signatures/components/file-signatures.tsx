"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useT } from "@/components/i18n";
import { formatDateTime } from "@/lib/i18n/translator";
import type { DocumentFileDto } from "@/modules/files/files.schemas";
import { useTRPC } from "@/trpc/react";
import { signatureFormatFor, type FileSignatureList } from "../signatures.schemas";
import { revocationText, ValidityBadge } from "./signature-status";
import { SignFileDialog, SigningProblem, useFileSigning } from "./use-file-signing";

/**
 * The signatures of one stored file ("Podpisano: <who>, <when>" with ważny / nieważny and why, and
 * the .p7s), and "Podpisz": a confirmation dialog naming what is signed, then the server prepares
 * what is signed, the key in this browser signs it and the server completes the signature (a .p7s,
 * or for a PDF/XML a new version of the file with the signature inside).
 */
export function FileSignatures({ file }: { file: DocumentFileDto }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const list = useQuery(trpc.signatures.signing.list.queryOptions({ fileId: file.id }));
  const data: FileSignatureList | undefined = list.data;
  const certificate = data?.certificate ?? null;
  const signing = useFileSigning(certificate);
  const status = signing.status;
  const newVersion = signatureFormatFor(file.mimeType) !== "CADES";

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
        <button type="button" className="btn-secondary" aria-haspopup="dialog" disabled={signing.busy} onClick={() => void signing.start()} data-testid="sign-file">
          {status.kind === "signing" ? t("signatures.signing.signing") : t("signatures.signing.sign")}
          <span className="sr-only"> {t("signatures.signing.signOf", { name: file.fileName })}</span>
        </button>
      )}

      <div role="status" aria-live="polite" className="text-sm empty:hidden">
        {status.kind === "done" && <span className="text-green-900">{t(newVersion ? "signatures.signing.signedVersion" : "signatures.signing.signed", { name: file.fileName })}</span>}
      </div>
      <SigningProblem status={status} />
      <SignFileDialog open={status.kind === "confirm"} file={file} certificate={certificate} onCancel={signing.cancel} onConfirm={() => void signing.sign(file.id)} />
    </div>
  );
}
