"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { FormMessage } from "@/components/form/field";
import { useLocale, useT } from "@/components/i18n";
import { ACCEPT_ATTRIBUTE, formatFileSize } from "@/modules/files/files.types";
import { useTRPC } from "@/trpc/react";
import type { ArticleDetail } from "../../bip.editor.schemas";

/** The article's files: current ones (removable in a draft), removed ones with their version, and the upload form. */
export function AttachmentsPanel({ article }: { article: ArticleDetail }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.bip.articles.get.queryKey({ articleId: article.id }) });
  const remove = useMutation(trpc.bip.articles.removeAttachment.mutationOptions({ onSuccess: refresh, onError: (e) => setMessage({ error: e.message }) }));

  const upload = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) return setMessage({ error: t("bipEditor.attachmentFile") });
    setBusy(true);
    setMessage({});
    const form = new FormData();
    form.set("articleId", article.id);
    form.set("title", title);
    form.set("file", file, file.name);
    try {
      const res = await fetch("/api/bip-redakcja/zalaczniki", { method: "POST", body: form, headers: { Accept: "application/json" } });
      const body = (await res.json().catch(() => null)) as { error?: string } | null;
      if (!res.ok) throw new Error(body?.error ?? `HTTP ${res.status}`);
      setTitle("");
      if (fileRef.current) fileRef.current.value = "";
      setMessage({ success: t("bipEditor.uploaded") });
      await refresh();
    } catch (error) {
      setMessage({ error: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  const current = article.attachments.filter((a) => a.removedInVersion === null);
  const removed = article.attachments.filter((a) => a.removedInVersion !== null);
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="mb-3 text-lg font-semibold">
        {t("bipEditor.attachments")}
      </h2>
      <FormMessage error={message.error} success={message.success} />
      {current.length === 0 ? (
        <p className="text-sm text-slate-700">{t("bipEditor.noAttachments")}</p>
      ) : (
        <ul className="divide-y divide-slate-200" data-testid="bip-attachments">
          {current.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <span>
                <a href={`/api/bip-redakcja/zalaczniki/${a.id}`} className="font-medium text-brand-800 underline">
                  {a.title}
                </a>{" "}
                <span className="text-slate-700">
                  ({a.fileName}, {formatFileSize(a.size, locale)}, {t("bipEditor.addedIn", { n: a.addedInVersion })})
                </span>
              </span>
              {article.can.attach && (
                <button type="button" className="btn-secondary" aria-label={t("bipEditor.removeAttachmentLabel", { name: a.title })} disabled={remove.isPending} onClick={() => remove.mutate({ attachmentId: a.id })}>
                  {t("bipEditor.removeAttachment")}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {removed.length > 0 && (
        <ul className="mt-2 text-sm text-slate-700">
          {removed.map((a) => (
            <li key={a.id}>
              <s>{a.title}</s> ({a.fileName}) — {t("bipEditor.addedIn", { n: a.addedInVersion })}, {t("bipEditor.removedIn", { n: a.removedInVersion! })}
            </li>
          ))}
        </ul>
      )}
      {article.can.attach ? (
        <form onSubmit={upload} className="mt-4 grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end" data-testid="bip-attachment-form">
          <div>
            <label htmlFor={`${id}-title`} className="label">
              {t("bipEditor.attachmentTitle")}
            </label>
            <input id={`${id}-title`} value={title} onChange={(e) => setTitle(e.target.value)} className="input" maxLength={300} />
          </div>
          <div>
            <label htmlFor={`${id}-file`} className="label">
              {t("bipEditor.attachmentFile")}
            </label>
            <input id={`${id}-file`} ref={fileRef} type="file" accept={ACCEPT_ATTRIBUTE} className="input" aria-describedby={`${id}-hint`} required />
          </div>
          <button type="submit" className="btn-primary" disabled={busy}>
            {busy ? t("bipEditor.uploading") : t("bipEditor.upload")}
          </button>
          <p id={`${id}-hint`} className="text-xs text-slate-700 sm:col-span-3">
            {t("bipEditor.attachmentHint")}
          </p>
        </form>
      ) : (
        article.can.edit && <p className="mt-3 text-sm text-slate-700">{t("bipEditor.attachmentsNeedDraft")}</p>
      )}
    </section>
  );
}
