"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field, FormMessage } from "@/components/form/field";
import { formValues, useFormErrors } from "@/components/form/form-errors";
import { useLocale, useT } from "@/components/i18n";
import { formatDate } from "@/lib/i18n/translator";
import { ContactPicker } from "@/modules/contacts/components/contact-picker";
import type { ContactSummary } from "@/modules/contacts/contacts.schemas";
import { useTRPC } from "@/trpc/react";
import { ZOpenCaseInput, type JrwaOption } from "../cases.schemas";
import { computeDueDate, DEADLINE_TYPES, type DeadlineType } from "../deadlines";
import { JrwaPicker } from "./jrwa-picker";

/**
 * The "Załóż sprawę" form: JRWA class, title, department and responsible clerk, parties, deadline,
 * start date, initials and confidentiality. From a letter (`documentId`) the title, start date and
 * the sender as a party are filled in. On success it goes to the new case.
 */
export function OpenCaseForm({ documentId, defaultTitle, onCancel }: { documentId?: string; defaultTitle?: string; onCancel?: () => void }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data: options } = useSuspenseQuery(trpc.cases.openOptions.queryOptions({ documentId: documentId ?? null }));
  const source = options.source;
  const [jrwa, setJrwa] = useState<JrwaOption | null>(null);
  const [parties, setParties] = useState<ContactSummary[]>(source?.sender ? [source.sender] : []);
  const [picking, setPicking] = useState<ContactSummary | null>(null);
  const [deadlineType, setDeadlineType] = useState<DeadlineType>("KPA_1M");
  const [startDate, setStartDate] = useState(source?.startDate ?? options.today);
  const [customDate, setCustomDate] = useState("");
  const [confidential, setConfidential] = useState(false);
  const [access, setAccess] = useState<{ id: string; label: string }[]>([]);
  const [accessChoice, setAccessChoice] = useState("");
  const [departmentId, setDepartmentId] = useState(options.defaultDepartmentId ?? "");

  const open = useMutation(
    trpc.cases.open.mutationOptions({
      onSuccess: async (created) => {
        await queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() });
        router.push(`/sprawy/${created.id}`);
      },
    }),
  );
  const { formRef, errors, clientErrors, check } = useFormErrors(ZOpenCaseInput, open.error);
  const fieldCount = Object.keys(errors).length;
  const topError = clientErrors ? t("cases.form.hasErrors") : open.error ? (fieldCount > 0 ? t("cases.form.hasErrors") : open.error.message) : null;
  const due = computeDueDate({ type: deadlineType, startDate: startDate || options.today, customDate: customDate || null });
  const clerks = options.clerks;

  if (source && !source.canOpen) {
    return <FormMessage error={source.caseMark ? t("cases.form.alreadyInCase", { mark: source.caseMark }) : t("cases.form.notAllowed")} />;
  }

  return (
    <form
      ref={formRef}
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const v = formValues(e.currentTarget);
        const ok = check({
          ...v,
          sourceDocumentId: source?.id ?? null,
          jrwaClassId: jrwa?.id ?? "",
          partyIds: parties.map((p) => p.id),
          accessUserIds: confidential ? access.map((a) => a.id) : [],
          confidential,
        });
        if (!ok) {
          open.reset();
          return;
        }
        open.mutate(ok.data);
      }}
    >
      <div aria-live="polite">
        <FormMessage error={topError} />
      </div>
      {source && <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-900">{t("cases.form.fromLetter", { label: source.label, subject: source.subject })}</p>}
      <JrwaPicker value={jrwa} onChange={setJrwa} error={errors.jrwaClassId} required />
      <Field label={t("cases.form.caseTitle")} error={errors.title} hint={t("cases.form.caseTitleHint")} required>
        {(p) => <input {...p} name="title" defaultValue={source?.subject ?? defaultTitle ?? ""} maxLength={500} className="input" autoComplete="off" />}
      </Field>
      <div className="grid gap-4 md:grid-cols-2">
        {options.departments.length > 1 ? (
          <Field label={t("cases.form.department")} error={errors.departmentId} required>
            {(p) => (
              <select {...p} name="departmentId" value={departmentId} onChange={(e) => setDepartmentId(e.target.value)} className="input">
                {options.departments.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : (
          <input type="hidden" name="departmentId" value={departmentId} />
        )}
        {clerks.length > 1 ? (
          <Field label={t("cases.form.responsible")} error={errors.responsibleId} hint={t("cases.form.responsibleHint")} required>
            {(p) => (
              <select {...p} name="responsibleId" defaultValue={options.selfId} className="input">
                {clerks.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : (
          <input type="hidden" name="responsibleId" value={options.selfId} />
        )}
      </div>

      <fieldset className="space-y-2 rounded-md border border-slate-300 p-3">
        <legend className="px-1 text-sm font-semibold">{t("cases.form.parties")}</legend>
        {parties.length === 0 ? (
          <p className="text-sm text-slate-700">{t("cases.form.noParties")}</p>
        ) : (
          <ul className="space-y-1" aria-label={t("cases.form.parties")}>
            {parties.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md bg-slate-50 px-2 py-1 text-sm">
                <span>
                  <span className="font-medium">{p.name}</span>
                  {p.address && <span className="text-slate-700"> — {p.address}</span>}
                </span>
                <button type="button" className="btn-secondary" onClick={() => setParties((list) => list.filter((x) => x.id !== p.id))} aria-label={t("cases.form.removeParty", { name: p.name })}>
                  {t("common.delete")}
                </button>
              </li>
            ))}
          </ul>
        )}
        <ContactPicker
          label={t("cases.form.partyPicker")}
          value={picking}
          allowCreate
          error={errors.partyIds}
          onChange={(c) => {
            if (c && !parties.some((p) => p.id === c.id)) setParties((list) => [...list, c]);
            setPicking(null);
          }}
        />
      </fieldset>

      <div className="grid gap-4 md:grid-cols-2">
        <Field label={t("cases.form.deadlineType")} error={errors.deadlineType} required>
          {(p) => (
            <select {...p} name="deadlineType" value={deadlineType} onChange={(e) => setDeadlineType(e.target.value as DeadlineType)} className="input">
              {DEADLINE_TYPES.map((d) => (
                <option key={d} value={d}>
                  {t(`cases.deadlineTypes.${d}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("cases.form.startDate")} error={errors.startDate} hint={t("cases.form.startDateHint")} required>
          {(p) => <input {...p} name="startDate" type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} className="input" />}
        </Field>
        {deadlineType === "CUSTOM" && (
          <Field label={t("cases.form.customDueDate")} error={errors.customDueDate} required>
            {(p) => <input {...p} name="customDueDate" type="date" min={startDate} value={customDate} onChange={(e) => setCustomDate(e.target.value)} className="input" />}
          </Field>
        )}
        <Field label={t("cases.form.initials")} error={errors.initials} hint={t("cases.form.initialsHint")}>
          {(p) => <input {...p} name="initials" maxLength={4} autoComplete="off" className="input uppercase" />}
        </Field>
      </div>
      {due && (
        <p className="text-sm font-medium text-slate-900" aria-live="polite">
          {t("cases.form.duePreview", { date: formatDate(`${due}T12:00:00Z`, locale) })}
        </p>
      )}

      <Field label={t("cases.form.description")} error={errors.description}>
        {(p) => <textarea {...p} name="description" rows={3} maxLength={4000} className="input" />}
      </Field>

      <div className="space-y-2">
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" className="mt-1 h-4 w-4" checked={confidential} onChange={(e) => setConfidential(e.target.checked)} aria-describedby="case-confidential-hint" />
          <span>
            <span className="font-medium">{t("cases.form.confidential")}</span>
            <span id="case-confidential-hint" className="block text-xs text-slate-700">
              {t("cases.form.confidentialHint")}
            </span>
          </span>
        </label>
        {confidential && (
          <fieldset className="space-y-2 rounded-md border border-slate-300 p-3">
            <legend className="px-1 text-sm font-semibold">{t("cases.form.access")}</legend>
            <ul className="space-y-1">
              {access.map((a) => (
                <li key={a.id} className="flex items-center justify-between gap-2 text-sm">
                  {a.label}
                  <button type="button" className="btn-secondary" onClick={() => setAccess((l) => l.filter((x) => x.id !== a.id))} aria-label={t("cases.form.removeAccess", { name: a.label })}>
                    {t("common.delete")}
                  </button>
                </li>
              ))}
            </ul>
            <div className="flex flex-wrap items-end gap-2">
              <Field label={t("cases.form.addAccess")} error={errors.accessUserIds}>
                {(p) => (
                  <select {...p} value={accessChoice} onChange={(e) => setAccessChoice(e.target.value)} className="input">
                    <option value="">{t("cases.form.accessChoose")}</option>
                    {options.people
                      .filter((o) => o.id !== options.selfId && !access.some((a) => a.id === o.id))
                      .map((o) => (
                        <option key={o.id} value={o.id}>
                          {o.label}
                        </option>
                      ))}
                  </select>
                )}
              </Field>
              <button
                type="button"
                className="btn-secondary"
                disabled={!accessChoice}
                onClick={() => {
                  const person = options.people.find((o) => o.id === accessChoice);
                  if (person) setAccess((l) => [...l, person]);
                  setAccessChoice("");
                }}
              >
                {t("cases.form.addAccess")}
              </button>
            </div>
          </fieldset>
        )}
      </div>

      <div className="flex flex-wrap gap-2">
        <button type="submit" className="btn-primary" disabled={open.isPending || open.isSuccess}>
          {open.isPending ? t("cases.form.saving") : t("cases.form.submit")}
        </button>
        {onCancel && (
          <button type="button" className="btn-secondary" onClick={onCancel}>
            {t("common.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}
