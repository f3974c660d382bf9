"use client";

import { useId, useRef, useState } from "react";
import { useT } from "@/components/i18n";
import { ZVerifyUploadedResult, type VerifyUploadedResult } from "../signatures.schemas";
import { SignatureDetails } from "./signature-status";

type Status = { kind: "idle" } | { kind: "checking" } | { kind: "done"; result: VerifyUploadedResult } | { kind: "error"; message: string };

/**
 * Verification of a file brought by the user: with its detached signature (.p7s), or a PDF/XML
 * with the signatures inside. Both go to POST /api/podpisy/weryfikacja; the answer is summed up
 * first (role=status: ważny / nieważny) and then detailed per signature (who, when, which
 * certificate, each check).
 */
export function VerifySignatureForm({ maxUploadMb }: { maxUploadMb: number }) {
  const t = useT();
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const signatureRef = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [fieldErrors, setFieldErrors] = useState<{ file?: string; signature?: string }>({});

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    const signature = signatureRef.current?.files?.[0];
    const errors: { file?: string; signature?: string } = {};
    if (!file) errors.file = t("signatures.signing.verify.missingFile");
    const embedded = file ? /\.(pdf|xml)$/i.test(file.name) : false;
    if (!signature && !embedded) errors.signature = t("signatures.signing.verify.missingSignature");
    for (const [key, f] of [["file", file], ["signature", signature]] as const) {
      if (f && f.size > maxUploadMb * 1024 * 1024) errors[key] = t("signatures.signing.verify.tooLarge", { name: f.name, max: maxUploadMb });
    }
    setFieldErrors(errors);
    if (!file || errors.file || errors.signature) {
      (errors.file ? fileRef : signatureRef).current?.focus();
      return;
    }
    setStatus({ kind: "checking" });
    const form = new FormData();
    form.set("file", file, file.name);
    if (signature) form.set("signature", signature, signature.name);
    try {
      const res = await fetch("/api/podpisy/weryfikacja", { method: "POST", body: form, headers: { Accept: "application/json" } });
      const body: unknown = await res.json().catch(() => null);
      if (!res.ok) {
        const message = body && typeof body === "object" && "error" in body && typeof body.error === "string" ? body.error : `HTTP ${res.status}`;
        return setStatus({ kind: "error", message: t("signatures.signing.verify.failed", { message }) });
      }
      setStatus({ kind: "done", result: ZVerifyUploadedResult.parse(body) });
    } catch (error) {
      setStatus({ kind: "error", message: t("signatures.signing.verify.failed", { message: error instanceof Error ? error.message : String(error) }) });
    }
  }

  const result = status.kind === "done" ? status.result : null;
  const valid = result ? result.signatures.length > 0 && result.signatures.every((v) => v.valid) : false;
  return (
    <div className="space-y-6">
      <form className="card space-y-4" onSubmit={(e) => void submit(e)} noValidate aria-busy={status.kind === "checking"}>
        <div>
          <label className="label" htmlFor={`${id}-file`}>
            {t("signatures.signing.verify.file")}
          </label>
          <input
            ref={fileRef}
            id={`${id}-file`}
            name="file"
            type="file"
            className="input"
            aria-describedby={`${id}-file-hint${fieldErrors.file ? ` ${id}-file-error` : ""}`}
            aria-invalid={fieldErrors.file ? true : undefined}
          />
          <p id={`${id}-file-hint`} className="mt-1 text-sm text-slate-700">
            {t("signatures.signing.verify.fileHint", { max: maxUploadMb })}
          </p>
          {fieldErrors.file && (
            <p id={`${id}-file-error`} className="mt-1 text-sm text-red-800">
              {fieldErrors.file}
            </p>
          )}
        </div>
        <div>
          <label className="label" htmlFor={`${id}-signature`}>
            {t("signatures.signing.verify.signature")}
          </label>
          <input
            ref={signatureRef}
            id={`${id}-signature`}
            name="signature"
            type="file"
            accept=".p7s,application/pkcs7-signature"
            className="input"
            aria-describedby={`${id}-signature-hint${fieldErrors.signature ? ` ${id}-signature-error` : ""}`}
            aria-invalid={fieldErrors.signature ? true : undefined}
          />
          <p id={`${id}-signature-hint`} className="mt-1 text-sm text-slate-700">
            {t("signatures.signing.verify.signatureHint")}
          </p>
          {fieldErrors.signature && (
            <p id={`${id}-signature-error`} className="mt-1 text-sm text-red-800">
              {fieldErrors.signature}
            </p>
          )}
        </div>
        <button type="submit" className="btn-primary" disabled={status.kind === "checking"}>
          {status.kind === "checking" ? t("signatures.signing.verify.checking") : t("signatures.signing.verify.submit")}
        </button>
        {status.kind === "error" && (
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
            {status.message}
          </p>
        )}
      </form>

      <div role="status" aria-live="polite" aria-atomic="true" data-testid="verification-summary">
        {result && (
          <div className={`rounded-lg border-2 px-4 py-3 ${valid ? "border-green-700 bg-green-50 text-green-950" : "border-red-700 bg-red-50 text-red-950"}`}>
            <p className="text-lg font-semibold">{valid ? t("signatures.signing.verify.successTitle") : t("signatures.signing.verify.failureTitle")}</p>
            <p className="text-sm">
              {result.signatures.length === 0
                ? t("signatures.signing.verify.noSignatures", { file: result.fileName })
                : valid
                  ? t("signatures.signing.verify.successText", { file: result.fileName })
                  : t("signatures.signing.verify.failureText", { file: result.fileName })}
            </p>
            {result.signatures.length > 1 && <p className="text-sm">{t("signatures.signing.verify.count", { count: result.signatures.length, format: t(`signatures.signing.formats.${result.format}`) })}</p>}
          </div>
        )}
      </div>
      {result?.signatures.map((verification, index) => (
        <section key={index} className="card" aria-labelledby={`${id}-details-${index}`}>
          <h2 id={`${id}-details-${index}`} className="mb-3 text-lg font-semibold">
            {result.signatures.length > 1 ? t("signatures.signing.verify.detailsOf", { n: index + 1, format: t(`signatures.signing.formats.${result.format}`) }) : t("signatures.signing.verify.details")}
          </h2>
          <SignatureDetails verification={verification} />
        </section>
      ))}
    </div>
  );
}
