"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field, FormMessage } from "@/components/form/field";
import { formValues, useFormErrors } from "@/components/form/form-errors";
import { useT } from "@/components/i18n";
import { foldText } from "@/lib/polish";
import { PendingAttachments, usePendingAttachments } from "@/modules/files/components/pending-attachments";
import { useTRPC } from "@/trpc/react";
import { MAX_ATTACHMENTS, TASK_PRIORITIES, ZCreateTaskInput } from "../tasks.schemas";

/** "Wydaj polecenie": title, description, priority, deadline and the people (only those below the actor). */
export function TaskForm({ today, subject }: { today: string; subject?: { type: "document" | "case"; id: string } }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data: people } = useSuspenseQuery(trpc.tasks.assignable.queryOptions({ q: "" }));
  const [chosen, setChosen] = useState<string[]>([]);
  const [filter, setFilter] = useState("");
  const files = usePendingAttachments("/api/polecenia/zalaczniki", MAX_ATTACHMENTS);
  const create = useMutation(
    trpc.tasks.create.mutationOptions({
      onSuccess: async (created) => {
        await queryClient.invalidateQueries({ queryKey: trpc.tasks.pathKey() });
        router.push(`/polecenia/${created.id}`);
      },
    }),
  );
  const { formRef, errors, clientErrors, check } = useFormErrors(ZCreateTaskInput, create.error);
  const hasFieldErrors = Object.keys(errors).length > 0;
  const topError = clientErrors || (create.error && hasFieldErrors) ? t("tasks.form.hasErrors") : (create.error?.message ?? null);
  const shown = people.filter((p) => !filter || foldText(`${p.name} ${p.department ?? ""}`).includes(foldText(filter)));

  if (people.length === 0) return <FormMessage error={t("tasks.form.nobody")} />;

  return (
    <form
      ref={formRef}
      noValidate
      className="card space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (files.busy) return;
        const v = formValues(e.currentTarget);
        const ok = check({ title: v.title, description: v.description, priority: v.priority, dueDate: v.dueDate || undefined, assigneeIds: chosen, subject, attachmentIds: files.ids });
        if (!ok) {
          create.reset();
          return;
        }
        create.mutate(ok.input);
      }}
    >
      <FormMessage error={topError} />
      <Field label={t("tasks.form.title")} error={errors.title} required>
        {(p) => <input {...p} name="title" className="input" maxLength={200} autoComplete="off" />}
      </Field>
      <Field label={t("tasks.form.description")} hint={t("tasks.form.descriptionHint")} error={errors.description}>
        {(p) => <textarea {...p} name="description" rows={4} className="input" maxLength={5000} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("tasks.form.priority")} error={errors.priority}>
          {(p) => (
            <select {...p} name="priority" defaultValue="NORMAL" className="input">
              {TASK_PRIORITIES.map((x) => (
                <option key={x} value={x}>
                  {t(`tasks.priority.${x}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("tasks.form.dueDate")} hint={t("tasks.form.dueDateHint")} error={errors.dueDate}>
          {(p) => <input {...p} name="dueDate" type="date" min={today} className="input" />}
        </Field>
      </div>
      <fieldset className="space-y-2" aria-describedby="task-people-hint" aria-invalid={errors.assigneeIds ? true : undefined}>
        <legend className="text-sm font-semibold text-slate-900">{t("tasks.form.people")}</legend>
        <p id="task-people-hint" className="text-sm text-slate-700">
          {t("tasks.form.peopleHint")}
        </p>
        {errors.assigneeIds && (
          <p className="text-sm font-medium text-red-800" role="alert">
            {errors.assigneeIds}
          </p>
        )}
        <Field label={t("tasks.form.filter")}>{(p) => <input {...p} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} className="input" />}</Field>
        {shown.length === 0 ? (
          <p className="text-sm text-slate-800">{t("tasks.form.noMatch")}</p>
        ) : (
          <ul className="max-h-72 space-y-1 overflow-y-auto rounded-md border border-slate-300 p-2">
            {shown.map((p) => (
              <li key={p.id}>
                <label className="flex min-h-11 cursor-pointer items-center gap-3 rounded px-2 hover:bg-slate-50">
                  <input
                    type="checkbox"
                    className="size-5"
                    checked={chosen.includes(p.id)}
                    onChange={(e) => setChosen((c) => (e.target.checked ? [...c, p.id] : c.filter((x) => x !== p.id)))}
                  />
                  <span>
                    <span className="font-medium">{p.name}</span>
                    {(p.position || p.department) && <span className="block text-sm text-slate-700">{[p.position, p.department].filter(Boolean).join(", ")}</span>}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-slate-900">{t("tasks.form.files")}</legend>
        <PendingAttachments state={files} max={MAX_ATTACHMENTS} />
      </fieldset>
      {files.busy && <p className="text-sm text-slate-700">{t("files.pending.wait")}</p>}
      <button type="submit" className="btn-primary" disabled={create.isPending || files.busy}>
        {t("tasks.form.submit")}
      </button>
    </form>
  );
}
