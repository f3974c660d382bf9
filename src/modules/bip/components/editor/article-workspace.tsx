"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState } from "react";
import { FormMessage } from "@/components/form/field";
import { useLocale, useT } from "@/components/i18n";
import { Modal } from "@/components/modal";
import { formatDateTime } from "@/lib/i18n/translator";
import { useTRPC } from "@/trpc/react";
import { BIP_EDITOR_PATH } from "../../bip.editor.schemas";
import { bipArticleHref, bipMenuHref } from "../../bip.schemas";
import { ArticleForm } from "./article-form";
import { ArticlePreview } from "./article-preview";
import { AttachmentsPanel } from "./attachments-panel";
import { ArticleStatusBadge, VersionStatusBadge } from "./status-badges";

/** /bip-redakcja/<id>: the article's state, approval controls, the editor, attachments, and the versions with previews. */
export function ArticleWorkspace({ articleId }: { articleId: string }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const { data: article } = useSuspenseQuery(trpc.bip.articles.get.queryOptions({ articleId }));
  const [flash, setFlash] = useState<{ error?: string; success?: string }>({});
  const [dialog, setDialog] = useState<"return" | "withdraw" | null>(null);
  const [publishAt, setPublishAt] = useState("");
  const [comment, setComment] = useState("");
  const [reason, setReason] = useState("");
  const [preview, setPreview] = useState<number | null>(null);
  const [savedNote, setSavedNote] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.bip.articles.get.queryKey({ articleId }) });
  const ok = (text: string) => async () => {
    setFlash({ success: text });
    setSavedNote(null);
    setDialog(null);
    await refresh();
  };
  const failed = (e: { message: string }) => setFlash({ error: t("bipEditor.failed", { message: e.message }) });
  const submit = useMutation(trpc.bip.articles.submit.mutationOptions({ onSuccess: ok(t("bipEditor.submitted")), onError: failed }));
  const approve = useMutation(
    trpc.bip.articles.approve.mutationOptions({
      onSuccess: async (r) => {
        setPublishAt("");
        await ok(t("bipEditor.approved", { at: formatDateTime(r.publishAt, locale) }))();
      },
      onError: failed,
    }),
  );
  const giveBack = useMutation(trpc.bip.articles.return.mutationOptions({ onSuccess: ok(t("bipEditor.returned")), onError: failed }));
  const withdraw = useMutation(trpc.bip.articles.withdraw.mutationOptions({ onSuccess: ok(t("bipEditor.withdrawn")), onError: failed }));

  const latest = article.versions[0]!;
  const open = article.versions.find((v) => v.number === article.openVersion) ?? null;
  const previewed = article.versions.find((v) => v.number === preview) ?? null;
  const published = article.versions.some((v) => v.published);

  return (
    <div className="space-y-6">
      <section className="card" aria-labelledby={`${id}-state`}>
        <h2 id={`${id}-state`} className="sr-only">
          {t("bipEditor.status")}
        </h2>
        <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
          <dt className="font-medium">{t("bipEditor.status")}</dt>
          <dd className="flex flex-wrap gap-2">
            <ArticleStatusBadge status={article.status} t={t} />
            <VersionStatusBadge status={latest.status} publishAt={latest.publishAt} scheduled={latest.scheduled} t={t} locale={locale} />
          </dd>
          <dt className="font-medium">{t("bipEditor.menuPath")}</dt>
          <dd>
            {article.menuItem.title} <span className="text-slate-700">({bipMenuHref(article.menuItem.path)})</span>
          </dd>
          {published && article.status !== "WITHDRAWN" && (
            <>
              <dt className="font-medium">{t("bipEditor.publicLink")}</dt>
              <dd>
                <a href={bipArticleHref(article.seq)} className="text-brand-800 underline">
                  {bipArticleHref(article.seq)}
                </a>
              </dd>
            </>
          )}
        </dl>
        <div className="mt-3 space-y-2">
          {article.status === "WITHDRAWN" && (
            <p className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-950">
              {t("bipEditor.readOnlyWithdrawn", { at: article.withdrawnAt ? formatDateTime(article.withdrawnAt, locale) : "", who: article.withdrawnByName ?? "", reason: article.withdrawalReason ?? "" })}
            </p>
          )}
          {open?.status === "RETURNED" && (
            <p className="rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="bip-returned">
              {t("bipEditor.returnedNotice", { n: open.number, who: open.reviewedByName ?? "", comment: open.reviewComment ?? "" })}
            </p>
          )}
          {open?.status === "SUBMITTED" && <p className="rounded-md border border-sky-300 bg-sky-50 px-3 py-2 text-sm text-sky-950">{t("bipEditor.waitingForApproval", { n: open.number })}</p>}
        </div>
      </section>

      {(article.can.submit || article.can.approve || article.can.withdraw) && (
        <section className="card space-y-4" aria-labelledby={`${id}-wf`}>
          <h2 id={`${id}-wf`} className="text-lg font-semibold">
            {t("bipEditor.workflow")}
          </h2>
          <FormMessage error={flash.error} success={flash.success} />
          {article.can.submit && (
            <div>
              <button type="button" className="btn-primary" disabled={submit.isPending} onClick={() => submit.mutate({ articleId })}>
                {t("bipEditor.submit")}
              </button>
            </div>
          )}
          {article.can.approve && (
            <div className="flex flex-wrap items-end gap-3">
              <div>
                <label htmlFor={`${id}-at`} className="label">
                  {t("bipEditor.publishAt")}
                </label>
                <input id={`${id}-at`} type="datetime-local" value={publishAt} onChange={(e) => setPublishAt(e.target.value)} className="input" aria-describedby={`${id}-at-hint`} />
                <p id={`${id}-at-hint`} className="mt-1 text-xs text-slate-700">
                  {t("bipEditor.publishAtHint")}
                </p>
              </div>
              <button type="button" className="btn-primary" disabled={approve.isPending} onClick={() => approve.mutate({ articleId, publishAt })}>
                {t("bipEditor.approve")}
              </button>
              <button type="button" className="btn-secondary" onClick={() => setDialog("return")}>
                {t("bipEditor.returnVersion")}
              </button>
            </div>
          )}
          {article.can.withdraw && (
            <div>
              <button type="button" className="btn-danger" onClick={() => setDialog("withdraw")}>
                {t("bipEditor.withdraw")}
              </button>
            </div>
          )}
        </section>
      )}
      {!(article.can.submit || article.can.approve || article.can.withdraw) && <FormMessage error={flash.error} success={flash.success} />}

      <section className="card" aria-labelledby={`${id}-edit`}>
        <h2 id={`${id}-edit`} className="mb-3 text-lg font-semibold">
          {t("bipEditor.editSection")}
        </h2>
        {article.can.edit ? (
          <>
            {savedNote && <FormMessage success={savedNote} />}
            <ArticleForm key={`${latest.number}-${latest.status}`} article={article} onSaved={(n) => setSavedNote(t("bipEditor.savedDraft", { n }))} />
          </>
        ) : (
          <p className="text-sm text-slate-700">{article.status === "WITHDRAWN" ? t("bipEditor.readOnly") : t("bipEditor.notAuthor")}</p>
        )}
      </section>

      <AttachmentsPanel article={article} />

      <section className="card" aria-labelledby={`${id}-versions`}>
        <h2 id={`${id}-versions`} className="mb-3 text-lg font-semibold">
          {t("bipEditor.versions")}
        </h2>
        <ol className="divide-y divide-slate-200" data-testid="bip-versions">
          {article.versions.map((v) => (
            <li key={v.id} className="py-3 text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-semibold">{t("bipEditor.versionN", { n: v.number })}</span>
                <VersionStatusBadge status={v.status} publishAt={v.publishAt} scheduled={v.scheduled} t={t} locale={locale} />
                <span className="text-slate-800">{v.title}</span>
                <button type="button" className="btn-secondary ml-auto" aria-expanded={preview === v.number} onClick={() => setPreview(preview === v.number ? null : v.number)}>
                  {preview === v.number ? t("bipEditor.hidePreview") : t("bipEditor.preview")}
                </button>
              </div>
              <p className="mt-1 text-slate-700">
                {t("bipEditor.meta.enteredBy")}: {v.enteredByName}, {formatDateTime(v.updatedAt, locale)}
                {v.reviewedByName && v.status === "APPROVED" && ` · ${t("bipEditor.meta.approvedBy")}: ${v.reviewedByName}`}
                {v.changeNote && ` · ${t("bipEditor.meta.changeNote")}: ${v.changeNote}`}
              </p>
            </li>
          ))}
        </ol>
        {previewed && (
          <div className="mt-4" data-testid="bip-preview">
            <h3 className="mb-2 font-semibold">{t("bipEditor.previewOf", { n: previewed.number })}</h3>
            <ArticlePreview version={previewed} publisher={article.publisher} attachments={article.attachments} t={t} locale={locale} />
          </div>
        )}
      </section>

      <p>
        <Link href={BIP_EDITOR_PATH} className="text-brand-800 underline">
          {t("bipEditor.backToList")}
        </Link>
      </p>

      <ReasonDialog
        open={dialog === "return"}
        title={t("bipEditor.returnVersion")}
        fieldId={`${id}-comment`}
        label={t("bipEditor.returnComment")}
        value={comment}
        onChange={setComment}
        pending={giveBack.isPending}
        confirmClass="btn-primary"
        cancelLabel={t("bipEditor.cancel")}
        onClose={() => setDialog(null)}
        onConfirm={() => giveBack.mutate({ articleId, comment })}
      />
      <ReasonDialog
        open={dialog === "withdraw"}
        title={t("bipEditor.withdraw")}
        description={t("bipEditor.withdrawConfirm")}
        fieldId={`${id}-reason`}
        label={t("bipEditor.withdrawReason")}
        value={reason}
        onChange={setReason}
        pending={withdraw.isPending}
        confirmClass="btn-danger"
        cancelLabel={t("bipEditor.cancel")}
        onClose={() => setDialog(null)}
        onConfirm={() => withdraw.mutate({ articleId, reason })}
      />
    </div>
  );
}

/** A dialog asking for a required reason (return with a comment, withdraw to the archive); confirmed with the dialog's title. */
function ReasonDialog(props: {
  open: boolean;
  title: string;
  description?: string;
  fieldId: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  pending: boolean;
  confirmClass: "btn-primary" | "btn-danger";
  cancelLabel: string;
  onClose: () => void;
  onConfirm: () => void;
}) {
  return (
    <Modal open={props.open} title={props.title} description={props.description} narrow onClose={props.onClose}>
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          props.onConfirm();
        }}
      >
        <label htmlFor={props.fieldId} className="label">
          {props.label}
        </label>
        <textarea id={props.fieldId} value={props.value} onChange={(e) => props.onChange(e.target.value)} className="input" rows={3} required maxLength={1000} />
        <div className="flex flex-wrap gap-2">
          <button type="submit" className={props.confirmClass} disabled={props.pending || !props.value.trim()}>
            {props.title}
          </button>
          <button type="button" className="btn-secondary" onClick={props.onClose}>
            {props.cancelLabel}
          </button>
        </div>
      </form>
    </Modal>
  );
}
