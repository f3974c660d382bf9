"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useId } from "react";
import { Field, FormMessage } from "@/components/form/field";
import { formValues, useFormErrors } from "@/components/form/form-errors";
import { useLocale, useT } from "@/components/i18n";
import { formatDate } from "@/lib/i18n/translator";
import { useTRPC } from "@/trpc/react";
import { ZCreateSubstitutionInput } from "../substitutions.schemas";
import { SelectOptions } from "@/components/form/select-options";

const REASONS = ["vacation", "sick", "training", "trip", "care"] as const;

/** Recording a substitution. Inputs are uncontrolled: a refused save keeps everything that was entered. */
export function SubstitutionForm() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const reasonsId = useId();
  const { data: options } = useSuspenseQuery(trpc.substitutions.options.queryOptions());
  const create = useMutation(
    trpc.substitutions.create.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.substitutions.list.pathKey() });
      },
    }),
  );
  const { formRef, errors, clientErrors, check } = useFormErrors(ZCreateSubstitutionInput, create.error);
  const fieldCount = Object.keys(errors).length;

  const created = create.data;
  const success = created
    ? t("substitutions.form.created", {
        absent: created.absent.name,
        substitute: created.substitute.name,
        period: `${formatDate(created.dateFrom, locale)} – ${formatDate(created.dateTo, locale)}`,
      })
    : null;
  // A server message tied to one field is shown beside it; a general one (or several fields) at the top.
  const topError = clientErrors ? t("substitutions.form.hasErrors") : create.error ? (fieldCount > 1 ? t("substitutions.form.hasErrors") : fieldCount === 1 ? null : create.error.message) : null;

  const people = (list: { id: string; label: string }[]) => (
    <>
      <SelectOptions empty={t("substitutions.form.choose")} options={list.map((o) => ({ value: o.id, label: o.label }))} />
    </>
  );

  return (
    <section className="card" aria-labelledby="substitution-new">
      <h2 id="substitution-new" className="mb-4 text-lg font-semibold">
        {t("substitutions.form.title")}
      </h2>
      <form
        ref={formRef}
        noValidate
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          const el = e.currentTarget;
          const ok = check(formValues(el));
          if (!ok) {
            create.reset();
            return;
          }
          create.mutate(ok.input, { onSuccess: () => el.reset() });
        }}
      >
        <div aria-live="polite">
          <FormMessage error={topError} success={!create.error && !clientErrors ? success : null} />
        </div>
        <div className="grid gap-4 md:grid-cols-2">
          <Field label={t("substitutions.form.absent")} error={errors.absentId} required>
            {(p) => (
              <select {...p} name="absentId" defaultValue="" className="input">
                {people(options.absentees)}
              </select>
            )}
          </Field>
          <Field label={t("substitutions.form.substitute")} error={errors.substituteId} hint={t("substitutions.form.substituteHint")} required>
            {(p) => (
              <select {...p} name="substituteId" defaultValue="" className="input">
                {people(options.substitutes)}
              </select>
            )}
          </Field>
          <Field label={t("substitutions.form.dateFrom")} error={errors.dateFrom} required>
            {(p) => <input {...p} name="dateFrom" type="date" min={options.today} defaultValue={options.today} className="input" />}
          </Field>
          <Field label={t("substitutions.form.dateTo")} error={errors.dateTo} required>
            {(p) => <input {...p} name="dateTo" type="date" min={options.today} className="input" />}
          </Field>
          <div className="md:col-span-2">
            <Field label={t("substitutions.form.reason")} error={errors.reason} hint={t("substitutions.form.reasonHint")} required>
              {(p) => <input {...p} name="reason" list={reasonsId} maxLength={200} autoComplete="off" className="input" />}
            </Field>
            <datalist id={reasonsId}>
              {REASONS.map((r) => (
                <option key={r} value={t(`substitutions.reasons.${r}`)} />
              ))}
            </datalist>
          </div>
        </div>
        <button type="submit" className="btn-primary" disabled={create.isPending}>
          {create.isPending ? t("substitutions.form.saving") : t("substitutions.form.submit")}
        </button>
      </form>
    </section>
  );
}
