"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field, FormMessage } from "@/components/form/field";
import { useFormErrors } from "@/components/form/form-errors";
import { useT } from "@/components/i18n";
import { useTRPC } from "@/trpc/react";
import { ZInternalLetterInput, type LetterDetail } from "../letters.schemas";
import { DepartmentChecks } from "./letter-form-parts";

/**
 * Drafting an internal letter (new, or a saved draft): "Zapisz szkic" keeps it, "Wyślij" registers
 * it (WEW/…) and routes it to the recipient departments. Either way the letter's page opens next.
 */
export function InternalLetterForm({ draft, caseRef }: { draft?: LetterDetail; caseRef?: { id: string; mark: string } | null }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data: options } = useSuspenseQuery(trpc.letters.options.queryOptions());
  const [confidential, setConfidential] = useState(draft?.confidential ?? false);
  const after = async (r: { id: string }) => {
    await Promise.all([queryClient.invalidateQueries({ queryKey: trpc.letters.list.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.letters.get.pathKey() })]);
    router.push(`/pisma/wewnetrzne/${r.id}`);
  };
  const create = useMutation(trpc.letters.createInternal.mutationOptions({ onSuccess: after }));
  const update = useMutation(trpc.letters.updateInternal.mutationOptions({ onSuccess: after }));
  const mutation = draft ? update : create;
  const { formRef, errors, clientErrors, check } = useFormErrors(ZInternalLetterInput, mutation.error);
  const top = clientErrors ? t("letters.form.hasErrors") : mutation.error ? (Object.keys(errors).length ? t("letters.form.hasErrors") : mutation.error.message) : null;
  const caseId = draft?.case?.id ?? caseRef?.id ?? "";
  const caseMark = draft?.case?.mark ?? caseRef?.mark ?? null;

  return (
    <section className="card" aria-labelledby="internal-form-title">
      <h2 id="internal-form-title" className="mb-4 text-lg font-semibold">
        {draft ? t("letters.internalForm.titleEdit") : t("letters.internalForm.titleNew")}
      </h2>
      <form
        ref={formRef}
        noValidate
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          const values = {
            subject: String(data.get("subject") ?? ""),
            body: String(data.get("body") ?? ""),
            recipientDepartmentIds: data.getAll("recipientDepartmentIds").map(String),
            caseId,
            confidential,
            send: (e.nativeEvent as SubmitEvent).submitter?.getAttribute("value") === "send",
          };
          const ok = check(values);
          if (!ok) return;
          if (draft) update.mutate({ ...ok.input, id: draft.id });
          else create.mutate(ok.input);
        }}
      >
        <div aria-live="polite">
          <FormMessage error={top} />
        </div>
        {caseMark && <p className="text-sm text-slate-800">{t("letters.internalForm.caseHint", { mark: caseMark })}</p>}
        <Field label={t("letters.internalForm.subject")} error={errors.subject} required>
          {(p) => <input {...p} name="subject" defaultValue={draft?.subject ?? ""} maxLength={500} autoComplete="off" className="input" />}
        </Field>
        <Field label={t("letters.internalForm.body")} error={errors.body}>
          {(p) => <textarea {...p} name="body" defaultValue={draft?.body ?? ""} rows={8} maxLength={20000} className="input" />}
        </Field>
        <DepartmentChecks
          name="recipientDepartmentIds"
          legend={t("letters.internalForm.recipients")}
          hint={t("letters.internalForm.recipientsHint")}
          departments={options.departments}
          defaultChecked={draft?.recipients.map((r) => r.id) ?? []}
          error={errors.recipientDepartmentIds}
          open
        />
        <label className="flex items-start gap-2">
          <input type="checkbox" className="mt-1 size-4" checked={confidential} onChange={(e) => setConfidential(e.target.checked)} />
          <span>{t("letters.internalForm.confidential")}</span>
        </label>
        <p className="text-xs text-slate-700">{t("letters.internalForm.filesHint")}</p>
        <div className="flex flex-wrap gap-2">
          <button type="submit" name="intent" value="send" className="btn-primary" disabled={mutation.isPending}>
            {t("letters.internalForm.send")}
          </button>
          <button type="submit" name="intent" value="draft" className="btn-secondary" disabled={mutation.isPending}>
            {t("letters.internalForm.saveDraft")}
          </button>
        </div>
      </form>
    </section>
  );
}
