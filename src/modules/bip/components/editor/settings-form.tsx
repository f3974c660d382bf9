"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Field, fieldErrorsOf, FormMessage } from "@/components/form/field";
import { zodFieldErrors } from "@/components/form/form-errors";
import { useT } from "@/components/i18n";
import { useTRPC } from "@/trpc/react";
import { ZBipSettingsInput, type BipSettingsDto } from "../../bip.editor.schemas";
import type { AccessibilityStatement } from "../../bip.schemas";

type A11yKey = keyof AccessibilityStatement;
const A11Y_LABELS: Record<Exclude<A11yKey, "status">, string> = {
  publishedOn: "a11yPublishedOn",
  updatedOn: "a11yUpdatedOn",
  preparedOn: "a11yPreparedOn",
  nonCompliance: "a11yNonCompliance",
  assessment: "a11yAssessment",
  contactPerson: "a11yContactPerson",
  contactEmail: "a11yContactEmail",
  contactPhone: "a11yContactPhone",
  architecture: "a11yArchitecture",
  other: "a11yOther",
};
const DATES = new Set<A11yKey>(["publishedOn", "updatedOn", "preparedOn"]);
const LONG = new Set<A11yKey>(["nonCompliance", "architecture", "other"]);

/** /bip-redakcja/ustawienia: the publishing entity, the redakcja's contacts and the accessibility statement's data. */
export function BipSettingsForm() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(trpc.bip.settings.get.queryOptions());
  const [state, setState] = useState<BipSettingsDto>(data);
  const [clientErrors, setClientErrors] = useState<Record<string, string> | null>(null);
  const save = useMutation(trpc.bip.settings.update.mutationOptions({ onSuccess: (d) => queryClient.setQueryData(trpc.bip.settings.get.queryKey(), d) }));
  const server = fieldErrorsOf(save.error);
  const err = (k: string) => clientErrors?.[k] ?? server[k] ?? null;
  const general = save.error && Object.keys(server).length === 0 ? save.error.message : null;
  const setA = (k: A11yKey, v: string) => setState((s) => ({ ...s, accessibility: { ...s.accessibility, [k]: v } }));

  return (
    <form
      noValidate
      className="space-y-6"
      data-testid="bip-settings-form"
      onSubmit={(e) => {
        e.preventDefault();
        const input = { publisher: state.publisher, editorName: state.editorName, editorPhone: state.editorPhone, editorEmail: state.editorEmail, accessibility: state.accessibility };
        const parsed = ZBipSettingsInput.safeParse(input);
        if (!parsed.success) {
          setClientErrors(zodFieldErrors(parsed.error));
          setTimeout(() => document.querySelector<HTMLElement>('[data-testid="bip-settings-form"] [aria-invalid="true"]')?.focus(), 0);
          return;
        }
        setClientErrors(null);
        save.mutate(input);
      }}
    >
      <FormMessage error={general} success={save.isSuccess ? t("bipEditor.settingsSaved") : null} />
      <fieldset className="card grid gap-4 md:grid-cols-2">
        <legend className="text-lg font-semibold">{t("bipEditor.redakcja")}</legend>
        <Field label={t("bipEditor.publisher")} error={err("publisher")} required>
          {(p) => <input {...p} value={state.publisher} onChange={(e) => setState({ ...state, publisher: e.target.value })} className="input" />}
        </Field>
        <Field label={t("bipEditor.editorName")} error={err("editorName")} required>
          {(p) => <input {...p} value={state.editorName} onChange={(e) => setState({ ...state, editorName: e.target.value })} className="input" autoComplete="name" />}
        </Field>
        <Field label={t("bipEditor.editorPhone")} error={err("editorPhone")}>
          {(p) => <input {...p} type="tel" value={state.editorPhone} onChange={(e) => setState({ ...state, editorPhone: e.target.value })} className="input" />}
        </Field>
        <Field label={t("bipEditor.editorEmail")} error={err("editorEmail")} required>
          {(p) => <input {...p} type="email" value={state.editorEmail} onChange={(e) => setState({ ...state, editorEmail: e.target.value })} className="input" />}
        </Field>
      </fieldset>
      <fieldset className="card grid gap-4 md:grid-cols-2">
        <legend className="text-lg font-semibold">{t("bipEditor.a11y")}</legend>
        <Field label={t("bipEditor.a11yStatus")} error={err("accessibility.status")}>
          {(p) => (
            <select {...p} value={state.accessibility.status} onChange={(e) => setA("status", e.target.value)} className="input">
              {(["zgodna", "czesciowo-zgodna", "niezgodna"] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`bipEditor.a11yStatusValue.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {(Object.keys(A11Y_LABELS) as Exclude<A11yKey, "status">[]).map((k) => (
          <div key={k} className={LONG.has(k) ? "md:col-span-2" : undefined}>
            <Field label={t(`bipEditor.${A11Y_LABELS[k]}` as "bipEditor.a11yOther")} hint={k === "assessment" ? t("bipEditor.a11yAssessmentHint") : undefined} error={err(`accessibility.${k}`)}>
              {(p) =>
                LONG.has(k) ? (
                  <textarea {...p} value={state.accessibility[k]} onChange={(e) => setA(k, e.target.value)} className="input" rows={4} />
                ) : (
                  <input {...p} type={DATES.has(k) ? "date" : k === "contactEmail" ? "email" : "text"} value={state.accessibility[k]} onChange={(e) => setA(k, e.target.value)} className="input" />
                )
              }
            </Field>
          </div>
        ))}
      </fieldset>
      <button type="submit" className="btn-primary" disabled={save.isPending}>
        {save.isPending ? t("bipEditor.saving") : t("bipEditor.saveSettings")}
      </button>
    </form>
  );
}
