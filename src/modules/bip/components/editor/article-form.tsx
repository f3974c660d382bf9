"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field, fieldErrorsOf, FormMessage } from "@/components/form/field";
import { zodFieldErrors } from "@/components/form/form-errors";
import { useT } from "@/components/i18n";
import { todayInPoland } from "@/lib/i18n/translator";
import { useTRPC } from "@/trpc/react";
import { bipEditorArticleHref, ZArticleFields, type ArticleDetail, type MenuItemDto } from "../../bip.editor.schemas";
import type { ProcedureCard } from "../../bip.schemas";
import { RichTextEditor } from "./rich-text-editor";

interface FormState {
  title: string;
  summary: string;
  bodyHtml: string;
  producedBy: string;
  producedAt: string;
  changeNote: string;
  restrictionScope: string;
  restrictionBasis: string;
  restrictedBy: string;
  documents: string;
  fees: string;
  deadline: string;
  where: string;
  who: string;
  appeal: string;
  legalBasis: string;
  espFormCode: string;
}

const EMPTY_CARD: ProcedureCard = { documents: [], fees: "", deadline: "", where: "", who: "", appeal: "", legalBasis: "" };

function initialState(article: ArticleDetail | null): FormState {
  const v = article?.versions[0];
  const card = v?.procedure ?? EMPTY_CARD;
  const editingOpen = article?.openVersion != null;
  return {
    title: v?.title ?? "",
    summary: v?.summary ?? "",
    bodyHtml: v?.bodyHtml ?? "",
    producedBy: v?.producedBy ?? "",
    producedAt: v?.producedAt ?? todayInPoland(),
    changeNote: editingOpen ? (v?.changeNote ?? "") : "",
    restrictionScope: v?.restrictionScope ?? "",
    restrictionBasis: v?.restrictionBasis ?? "",
    restrictedBy: v?.restrictedBy ?? "",
    documents: card.documents.join("\n"),
    fees: card.fees,
    deadline: card.deadline,
    where: card.where,
    who: card.who,
    appeal: card.appeal,
    legalBasis: card.legalBasis,
    espFormCode: article?.espFormCode ?? "",
  };
}

/**
 * The form of one version: a new article (with its menu item) or the draft of an existing one.
 * Saving an approved article starts a new version (the notice says so); from version 2 "co
 * zmieniono" is required. Procedure-card fields show under "Jak załatwić sprawę".
 */
export function ArticleForm({ article, menu, initialMenuId, onSaved }: { article: ArticleDetail | null; menu?: MenuItemDto[]; initialMenuId?: string; onSaved?: (number: number) => void }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [state, setState] = useState<FormState>(() => initialState(article));
  const [menuItemId, setMenuItemId] = useState(initialMenuId ?? "");
  const [clientErrors, setClientErrors] = useState<Record<string, string> | null>(null);
  const create = useMutation(trpc.bip.articles.create.mutationOptions());
  const save = useMutation(trpc.bip.articles.saveDraft.mutationOptions());
  const pending = create.isPending || save.isPending;
  const serverError = article ? save.error : create.error;
  const server = fieldErrorsOf(serverError);
  const err = (name: string) => clientErrors?.[`fields.${name}`] ?? clientErrors?.[name] ?? server[`fields.${name}`] ?? server[name] ?? null;
  const general = serverError && Object.keys(server).length === 0 ? serverError.message : null;

  const writable = (menu ?? []).filter((m) => m.holdsArticles);
  const procedure = article ? article.menuItem.procedure : !!writable.find((m) => m.id === menuItemId)?.procedure;
  const latest = article?.versions[0];
  const nextNumber = article ? (article.openVersion ?? (latest ? latest.number + 1 : 1)) : 1;
  const set = (k: keyof FormState) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setState((s) => ({ ...s, [k]: e.target.value }));

  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const fields = {
      title: state.title,
      summary: state.summary,
      bodyHtml: state.bodyHtml,
      producedBy: state.producedBy,
      producedAt: state.producedAt,
      changeNote: state.changeNote,
      restrictionScope: state.restrictionScope,
      restrictionBasis: state.restrictionBasis,
      restrictedBy: state.restrictedBy,
      procedure: procedure
        ? { documents: state.documents.split("\n").map((d) => d.trim()).filter(Boolean), fees: state.fees, deadline: state.deadline, where: state.where, who: state.who, appeal: state.appeal, legalBasis: state.legalBasis }
        : null,
      espFormCode: procedure ? state.espFormCode : "",
    };
    const parsed = ZArticleFields.safeParse(fields);
    const errors: Record<string, string> = parsed.success ? {} : zodFieldErrors(parsed.error);
    if (!article && !menuItemId) errors.menuItemId = t("bipEditor.chooseMenu");
    if (nextNumber >= 2 && !state.changeNote.trim()) errors.changeNote = t("bipEditor.fieldChangeNoteHint");
    if (Object.keys(errors).length) {
      setClientErrors(errors);
      setTimeout(() => document.querySelector<HTMLElement>('[data-testid="bip-article-form"] [aria-invalid="true"]')?.focus(), 0);
      return;
    }
    setClientErrors(null);
    if (!article) {
      create.mutate({ menuItemId, fields }, { onSuccess: (r) => router.push(bipEditorArticleHref(r.articleId)) });
    } else {
      save.mutate(
        { articleId: article.id, fields },
        {
          onSuccess: async (r) => {
            onSaved?.(r.number);
            await queryClient.invalidateQueries({ queryKey: trpc.bip.articles.get.queryKey({ articleId: article.id }) });
          },
        },
      );
    }
  };

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4" data-testid="bip-article-form">
      <FormMessage error={general} />
      {article && !article.openVersion && latest && (
        <p className="rounded-md border border-sky-300 bg-sky-50 px-3 py-2 text-sm text-sky-950">{t("bipEditor.newVersionNotice", { n: nextNumber })}</p>
      )}
      {!article && (
        <Field label={t("bipEditor.menuItem")} error={err("menuItemId")} required>
          {(p) => (
            <select {...p} value={menuItemId} onChange={(e) => setMenuItemId(e.target.value)} className="input">
              <option value="">{t("bipEditor.chooseMenu")}</option>
              {writable.map((m) => (
                <option key={m.id} value={m.id}>
                  {"— ".repeat(m.depth)}
                  {m.title}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label={t("bipEditor.fieldTitle")} error={err("title")} required>
        {(p) => <input {...p} value={state.title} onChange={set("title")} className="input" maxLength={300} />}
      </Field>
      <Field label={t("bipEditor.fieldSummary")} hint={t("bipEditor.fieldSummaryHint")} error={err("summary")}>
        {(p) => <textarea {...p} value={state.summary} onChange={set("summary")} className="input" rows={2} maxLength={500} />}
      </Field>
      <RichTextEditor id="bip-body" label={t("bipEditor.fieldBody")} hint={t("bipEditor.fieldBodyHint")} error={err("bodyHtml")} initialHtml={state.bodyHtml} onChange={(html) => setState((s) => ({ ...s, bodyHtml: html }))} />
      <div className="grid gap-4 md:grid-cols-[1fr_12rem]">
        <Field label={t("bipEditor.fieldProducedBy")} hint={t("bipEditor.fieldProducedByHint")} error={err("producedBy")} required>
          {(p) => <input {...p} value={state.producedBy} onChange={set("producedBy")} className="input" maxLength={200} />}
        </Field>
        <Field label={t("bipEditor.fieldProducedAt")} error={err("producedAt")} required>
          {(p) => <input {...p} type="date" value={state.producedAt} onChange={set("producedAt")} className="input" />}
        </Field>
      </div>
      {nextNumber >= 2 && (
        <Field label={t("bipEditor.fieldChangeNote")} hint={t("bipEditor.fieldChangeNoteHint")} error={err("changeNote")} required>
          {(p) => <input {...p} value={state.changeNote} onChange={set("changeNote")} className="input" maxLength={1000} />}
        </Field>
      )}
      {procedure && (
        <fieldset className="space-y-3 rounded-md border border-slate-300 p-3">
          <legend className="px-1 font-semibold">{t("bipEditor.procedureCard")}</legend>
          <Field label={t("bipEditor.fieldDocuments")} error={err("procedure.documents")}>
            {(p) => <textarea {...p} value={state.documents} onChange={set("documents")} className="input" rows={4} />}
          </Field>
          <div className="grid gap-3 md:grid-cols-2">
            {(["fees", "deadline", "where", "who", "appeal", "legalBasis"] as const).map((k) => (
              <Field key={k} label={t(`bipEditor.field${k === "legalBasis" ? "LegalBasis" : k[0]!.toUpperCase() + k.slice(1)}` as "bipEditor.fieldFees")} error={err(`procedure.${k}`)}>
                {(p) => <textarea {...p} value={state[k]} onChange={set(k)} className="input" rows={2} />}
              </Field>
            ))}
          </div>
          <Field label={t("bipEditor.fieldEspFormCode")} hint={t("bipEditor.fieldEspFormCodeHint")} error={err("espFormCode")}>
            {(p) => <input {...p} value={state.espFormCode} onChange={set("espFormCode")} className="input" maxLength={60} />}
          </Field>
        </fieldset>
      )}
      <details className="rounded-md border border-slate-300 p-3" open={!!state.restrictionScope || !!err("restrictionScope") || !!err("restrictionBasis") || !!err("restrictedBy")}>
        <summary className="cursor-pointer font-semibold">{t("bipEditor.restriction")}</summary>
        <p className="mt-1 text-sm text-slate-700">{t("bipEditor.restrictionHint")}</p>
        <div className="mt-3 grid gap-3 md:grid-cols-3">
          <Field label={t("bipEditor.fieldRestrictionScope")} error={err("restrictionScope")}>
            {(p) => <textarea {...p} value={state.restrictionScope} onChange={set("restrictionScope")} className="input" rows={2} />}
          </Field>
          <Field label={t("bipEditor.fieldRestrictionBasis")} error={err("restrictionBasis")}>
            {(p) => <textarea {...p} value={state.restrictionBasis} onChange={set("restrictionBasis")} className="input" rows={2} />}
          </Field>
          <Field label={t("bipEditor.fieldRestrictedBy")} error={err("restrictedBy")}>
            {(p) => <input {...p} value={state.restrictedBy} onChange={set("restrictedBy")} className="input" />}
          </Field>
        </div>
      </details>
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? t("bipEditor.saving") : t("bipEditor.saveDraft")}
      </button>
    </form>
  );
}
