"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { useLocale, useT } from "@/components/i18n";
import { useModalDialog } from "@/components/modal";
import { formatDateTime } from "@/lib/i18n/translator";
import { FileSignatures } from "@/modules/signatures/components/file-signatures";
import { useTRPC } from "@/trpc/react";
import type { DocumentFileDto } from "../files.schemas";
import { ACCEPT_ATTRIBUTE, ALLOWED_TYPES_TEXT, extensionOf, FILE_TYPES, formatFileSize, tooLargeMessage } from "../files.types";
import { sendDocumentFiles, type UploadKind } from "../upload-client";

type Status = { kind: "idle" } | { kind: "uploading"; count: number; percent: number } | { kind: "done"; count: number } | { kind: "error"; message: string };

/**
 * The files of a document: list (name, type, size, who, when), preview of PDFs and images in a
 * dialog, download, and — when `canUpload` and the server agree — upload by drag-and-drop, the
 * file chooser or, on phones, the camera. Progress and results are announced to screen readers.
 */
export function DocumentFiles({ documentId, canUpload, title, defaultKind = "ATTACHMENT" }: { documentId: string; canUpload: boolean; title?: string; defaultKind?: UploadKind }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const headingId = useId();
  const list = useQuery(trpc.files.list.queryOptions({ documentId }));
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [kind, setKind] = useState<UploadKind>(defaultKind);
  const [dragging, setDragging] = useState(false);
  const [preview, setPreview] = useState<DocumentFileDto | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const cameraInput = useRef<HTMLInputElement>(null);

  const data = list.data;
  const mayUpload = canUpload && Boolean(data?.canUpload);
  const maxMb = data?.maxUploadMb ?? 50;

  async function upload(files: File[]) {
    if (files.length === 0 || status.kind === "uploading") return;
    for (const f of files) {
      if (!FILE_TYPES[extensionOf(f.name)]) return setStatus({ kind: "error", message: t("files.uploadFailed", { message: `Plik „${f.name}” ma nieobsługiwany rodzaj. Dozwolone są: ${ALLOWED_TYPES_TEXT}.` }) });
      if (f.size > maxMb * 1024 * 1024) return setStatus({ kind: "error", message: t("files.uploadFailed", { message: tooLargeMessage(f.name, maxMb) }) });
    }
    setStatus({ kind: "uploading", count: files.length, percent: 0 });
    try {
      await sendDocumentFiles(documentId, files, kind, (fraction) => setStatus({ kind: "uploading", count: files.length, percent: Math.round(fraction * 100) }));
      await queryClient.invalidateQueries({ queryKey: trpc.files.list.queryKey({ documentId }) });
      setStatus({ kind: "done", count: files.length });
    } catch (error) {
      setStatus({ kind: "error", message: t("files.uploadFailed", { message: error instanceof Error ? error.message : String(error) }) });
    } finally {
      if (fileInput.current) fileInput.current.value = "";
      if (cameraInput.current) cameraInput.current.value = "";
    }
  }

  return (
    <section className="card" aria-labelledby={headingId} data-testid="document-files">
      <h2 id={headingId} className="mb-3 text-lg font-semibold">
        {title ?? t("files.title")}
        {data && data.items.length > 0 && <span className="ml-2 text-sm font-normal text-slate-700">({t("files.count", { n: data.items.length })})</span>}
      </h2>

      {list.isPending && <p className="text-sm text-slate-700">{t("files.loading")}</p>}
      {list.isError && (
        <p role="alert" className="text-sm text-red-800">
          {list.error.message || t("files.loadError")}
        </p>
      )}
      {data && data.items.length === 0 && <p className="text-sm text-slate-700">{t("files.empty")}</p>}
      {data && data.items.length > 0 && (
        <ul aria-label={t("files.listLabel")} className="divide-y divide-slate-200">
          {data.items.map((f) => (
            <li key={f.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0">
                <p className="font-medium break-all">{f.fileName}</p>
                <p className="text-sm text-slate-700">
                  <span className="mr-2 inline-block rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-800">{t(`files.kinds.${f.kind}`)}</span>
                  {t("files.meta", { type: FILE_TYPES[extensionOf(f.fileName)]?.label ?? f.mimeType, size: formatFileSize(f.size, locale), who: f.uploadedByName, when: formatDateTime(f.createdAt, locale) })}
                </p>
                {f.previousVersion && (
                  <p className="text-sm text-slate-700">
                    <a className="text-brand-800 underline" href={f.previousVersion.url} download={f.fileName}>
                      {t("files.previousVersion")}
                    </a>{" "}
                    ({formatDateTime(f.previousVersion.createdAt, locale)})
                  </p>
                )}
                <FileSignatures file={f} />
              </div>
              <div className="flex shrink-0 flex-wrap gap-2">
                {f.preview && (
                  <button type="button" className="btn-secondary" onClick={() => setPreview(f)}>
                    {t("files.preview")}
                    <span className="sr-only"> {t("files.previewOf", { name: f.fileName })}</span>
                  </button>
                )}
                <a className="btn-secondary" href={f.url} download={f.fileName}>
                  {t("files.download")}
                  <span className="sr-only"> {t("files.downloadOf", { name: f.fileName })}</span>
                </a>
              </div>
            </li>
          ))}
        </ul>
      )}

      {canUpload && data && !data.canUpload && data.readOnlyReason && <p className="mt-3 text-sm text-slate-700">{t("files.readOnly", { reason: data.readOnlyReason })}</p>}

      {mayUpload && (
        <div className="mt-4 space-y-3 border-t border-slate-200 pt-4">
          <h3 className="font-semibold">{t("files.upload")}</h3>
          <div className="max-w-xs">
            <label className="label" htmlFor={`${headingId}-kind`}>
              {t("files.uploadKind")}
            </label>
            <select id={`${headingId}-kind`} className="input" value={kind} onChange={(e) => setKind(e.target.value as UploadKind)}>
              <option value="ATTACHMENT">{t("files.kinds.ATTACHMENT")}</option>
              <option value="SCAN">{t("files.kinds.SCAN")}</option>
            </select>
          </div>
          <label
            className={`flex min-h-24 cursor-pointer flex-col items-center justify-center gap-1 rounded-lg border-2 border-dashed px-4 py-6 text-center focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-blue-700 ${dragging ? "border-blue-700 bg-blue-50" : "border-slate-400 bg-slate-50 hover:bg-slate-100"}`}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(e) => {
              e.preventDefault();
              setDragging(false);
              void upload([...e.dataTransfer.files]);
            }}
          >
            <span className="font-medium">{t("files.dropZone")}</span>
            <span className="text-sm text-slate-700" id={`${headingId}-hint`}>
              {t("files.dropHint", { types: ALLOWED_TYPES_TEXT, max: maxMb })}
            </span>
            <input
              ref={fileInput}
              type="file"
              multiple
              accept={ACCEPT_ATTRIBUTE}
              className="sr-only"
              aria-label={t("files.upload")}
              aria-describedby={`${headingId}-hint`}
              disabled={status.kind === "uploading"}
              onChange={(e) => void upload([...(e.target.files ?? [])])}
            />
          </label>
          <label className="btn-secondary w-full cursor-pointer justify-center focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-blue-700 md:hidden">
            {t("files.takePhoto")}
            <input
              ref={cameraInput}
              type="file"
              accept="image/*"
              capture="environment"
              className="sr-only"
              disabled={status.kind === "uploading"}
              onChange={(e) => void upload([...(e.target.files ?? [])])}
            />
          </label>
        </div>
      )}

      <div aria-live="polite" role="status" className="mt-3 text-sm empty:hidden">
        {status.kind === "uploading" && (
          <span className="flex items-center gap-2">
            <progress max={100} value={status.percent} className="w-32" aria-hidden="true" />
            {t("files.uploading", { n: status.count, percent: status.percent })}
          </span>
        )}
        {status.kind === "done" && <span className="text-green-900">{t("files.uploaded", { n: status.count })}</span>}
      </div>
      {status.kind === "error" && (
        <p role="alert" className="mt-3 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          {status.message}
        </p>
      )}

      <FilePreview file={preview} onClose={() => setPreview(null)} />
    </section>
  );
}

function FilePreview({ file, onClose }: { file: DocumentFileDto | null; onClose: () => void }) {
  const t = useT();
  const ref = useModalDialog(file !== null);
  const id = useId();
  const src = file ? `${file.url}?podglad=1` : "";
  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      className="m-auto h-[calc(100dvh-1rem)] max-h-[calc(100dvh-1rem)] w-[min(64rem,calc(100vw-1rem))] rounded-lg bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
    >
      {file && (
        <div className="flex h-full flex-col gap-3 p-3 sm:p-4">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <h2 id={`${id}-title`} className="min-w-0 text-lg font-semibold break-all">
              {t("files.previewTitle", { name: file.fileName })}
            </h2>
            <div className="flex flex-wrap gap-2">
              <a className="btn-secondary" href={src} target="_blank" rel="noopener">
                {t("files.openInNewTab")}
              </a>
              <a className="btn-secondary" href={file.url} download={file.fileName}>
                {t("files.download")}
              </a>
              <button type="button" className="btn-primary" onClick={onClose}>
                {t("files.close")}
              </button>
            </div>
          </div>
          <div className="min-h-0 flex-1 overflow-auto rounded border border-slate-300 bg-slate-100">
            {file.preview === "pdf" ? (
              <iframe src={src} title={t("files.previewFrame", { name: file.fileName })} className="h-full w-full" />
            ) : (
              // eslint-disable-next-line @next/next/no-img-element -- an authorized, private file: no optimisation or caching.
              <img src={src} alt={file.fileName} className="mx-auto h-auto max-w-full" />
            )}
          </div>
        </div>
      )}
    </dialog>
  );
}
