"use client";

import { useCallback, useEffect, useId, useRef, useState } from "react";
import { useLocale, useT } from "@/components/i18n";
import { ACCEPT_ATTRIBUTE, ALLOWED_TYPES_TEXT, formatFileSize } from "../files.types";

/**
 * Files attached to something not created yet (a chat message, a task, a thread entry): each chosen
 * file is uploaded at once to `endpoint` (one `file` per request, answered {attachment: {id}}) with
 * its progress shown; the form sends the ids of the uploaded ones. The server checks type and size.
 */
export interface PendingFile {
  key: string;
  name: string;
  size: number;
  /** 0–1 while uploading. */
  progress: number;
  status: "uploading" | "ready" | "error";
  error?: string;
  id?: string;
}

type Texts = ReturnType<typeof useT>;

/** A paperclip (decorative: the text next to it says what it is). */
function Clip({ className = "size-4" }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false" className={`shrink-0 ${className}`}>
      <path d="m21.44 11.05-9.19 9.19a6 6 0 0 1-8.49-8.49l8.57-8.57A4 4 0 1 1 18 8.84l-8.59 8.57a2 2 0 0 1-2.83-2.83l8.49-8.48" />
    </svg>
  );
}

function send(endpoint: string, file: File, t: Texts, onProgress: (fraction: number) => void): { promise: Promise<string>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<string>((resolve, reject) => {
    const form = new FormData();
    form.set("file", file, file.name);
    xhr.open("POST", endpoint);
    xhr.responseType = "json";
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new Error(t("files.networkError")));
    xhr.onabort = () => reject(new Error("aborted"));
    xhr.onload = () => {
      const body = (xhr.response ?? null) as { attachment?: { id: string }; error?: string } | null;
      if (xhr.status >= 200 && xhr.status < 300 && body?.attachment) resolve(body.attachment.id);
      else reject(new Error(body?.error ?? t("files.pending.rejected", { status: xhr.status })));
    };
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}

export function usePendingAttachments(endpoint: string, max: number) {
  const t = useT();
  const [files, setFiles] = useState<PendingFile[]>([]);
  const [limitError, setLimitError] = useState<string | null>(null);
  const aborts = useRef(new Map<string, () => void>());
  const seq = useRef(0);

  useEffect(() => {
    const pending = aborts.current;
    return () => {
      for (const abort of pending.values()) abort();
    };
  }, []);

  const update = (key: string, patch: Partial<PendingFile>) => setFiles((list) => list.map((f) => (f.key === key ? { ...f, ...patch } : f)));

  const add = (chosen: File[]) => {
    const room = max - files.length;
    setLimitError(chosen.length > room ? t("files.pending.tooMany", { max }) : null);
    for (const file of chosen.slice(0, Math.max(0, room))) {
      const key = `f${seq.current++}`;
      setFiles((list) => [...list, { key, name: file.name, size: file.size, progress: 0, status: "uploading" }]);
      const { promise, abort } = send(endpoint, file, t, (progress) => update(key, { progress }));
      aborts.current.set(key, abort);
      promise.then(
        (id) => update(key, { status: "ready", progress: 1, id }),
        (error: Error) => {
          if (error.message !== "aborted") update(key, { status: "error", error: error.message });
        },
      ).finally(() => aborts.current.delete(key));
    }
  };

  const remove = (key: string) => {
    aborts.current.get(key)?.();
    setLimitError(null);
    setFiles((list) => list.filter((f) => f.key !== key));
  };

  const reset = useCallback(() => {
    setLimitError(null);
    setFiles([]);
  }, []);

  return {
    files,
    add,
    remove,
    reset,
    limitError,
    ids: files.filter((f) => f.status === "ready" && f.id).map((f) => f.id!),
    busy: files.some((f) => f.status === "uploading"),
    failed: files.some((f) => f.status === "error"),
  };
}

export type PendingAttachmentsState = ReturnType<typeof usePendingAttachments>;

/**
 * "Załącz plik": a real file input (keyboard: Tab to it, Enter or Space opens the chooser) styled as
 * a button through its label, then the chosen files with their progress, errors and remove buttons.
 */
export function PendingAttachments({ state, max, disabled, compact = false }: { state: PendingAttachmentsState; max: number; disabled?: boolean; compact?: boolean }) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  return (
    <div className="min-w-0">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <input
          id={id}
          type="file"
          multiple
          accept={ACCEPT_ATTRIBUTE}
          className="peer sr-only"
          disabled={disabled}
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            const chosen = Array.from(e.currentTarget.files ?? []);
            e.currentTarget.value = "";
            if (chosen.length) state.add(chosen);
          }}
        />
        <label
          htmlFor={id}
          className="btn-secondary inline-flex min-h-11 cursor-pointer items-center gap-1 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-700 peer-disabled:cursor-not-allowed peer-disabled:opacity-60"
        >
          <Clip />
          {t("files.pending.attach")}
        </label>
        <p id={`${id}-hint`} className={`text-xs text-slate-700 ${compact ? "sr-only" : ""}`}>
          {t("files.pending.hint", { max, types: ALLOWED_TYPES_TEXT })}
        </p>
      </div>
      {state.limitError && (
        <p role="alert" className="mt-1 text-sm text-red-800">
          {state.limitError}
        </p>
      )}
      {state.files.length > 0 && (
        <ul className="mt-2 space-y-1" aria-label={t("files.pending.chosen")} data-testid="pending-files">
          {state.files.map((f) => (
            <li key={f.key} className="flex flex-wrap items-center gap-x-2 gap-y-1 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm" data-status={f.status}>
              <span className="min-w-0 flex-1 break-all">
                <span className="font-medium">{f.name}</span> <span className="text-slate-700">({formatFileSize(f.size, locale)})</span>
              </span>
              <span aria-live="polite" className="text-xs">
                {f.status === "uploading" && (
                  <span className="inline-flex items-center gap-1 text-slate-700">
                    <progress className="h-2 w-16" max={1} value={f.progress} aria-label={t("files.pending.progressOf", { name: f.name })} />
                    {t("files.pending.uploading", { percent: Math.round(f.progress * 100) })}
                  </span>
                )}
                {f.status === "ready" && <span className="text-green-800">{t("files.pending.ready")}</span>}
              </span>
              {f.status === "error" && (
                <span role="alert" className="basis-full text-red-800">
                  {t("files.pending.failed", { message: f.error ?? "" })}
                </span>
              )}
              <button type="button" className="link min-h-11 px-1 text-sm" onClick={() => state.remove(f.key)}>
                {t("files.pending.remove")}
                <span className="sr-only"> {t("files.pending.removeOf", { name: f.name })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Download links of stored attachments: the name, then the size (Polish or English number format). */
export function AttachmentLinks({ files, className = "" }: { files: { id: string; fileName: string; size: number; url: string }[]; className?: string }) {
  const t = useT();
  const locale = useLocale();
  if (!files.length) return null;
  return (
    <ul className={`space-y-1 text-sm ${className}`} aria-label={t("files.pending.attachments")} data-testid="attachments">
      {files.map((a) => (
        <li key={a.id} className="flex flex-wrap items-center gap-x-1">
          <Clip className="size-3.5 text-slate-700" />
          <a href={a.url} download={a.fileName} className="link break-all" aria-label={t("files.pending.downloadOf", { name: a.fileName, size: formatFileSize(a.size, locale) })}>
            {a.fileName}
          </a>
          <span className="text-xs text-slate-700">({formatFileSize(a.size, locale)})</span>
        </li>
      ))}
    </ul>
  );
}
