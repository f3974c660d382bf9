"use client";

import { useActionState, useEffect, useRef } from "react";
import { Field, FormMessage } from "@/components/form/field";
import { useLocale, useT } from "@/components/i18n";
import { formatDate } from "@/lib/i18n/translator";
import type { StatusResult } from "../esp.schemas";

export interface StatusFormState {
  number: string;
  errors: Record<string, string>;
  message: string | null;
  result: StatusResult | null;
}

type Action = (state: StatusFormState, form: FormData) => Promise<StatusFormState>;

/** The case status form; works without JavaScript (useActionState posts to the page). */
export function StatusForm({ action, initialNumber }: { action: Action; initialNumber: string }) {
  const t = useT();
  const locale = useLocale();
  const [state, formAction, pending] = useActionState(action, { number: initialNumber, errors: {}, message: null, result: null });
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.result || state.message) resultRef.current?.focus();
  }, [state]);
  return (
    <>
      <form action={formAction} noValidate className="mt-4 space-y-4">
        <Field label={t("esp.statusPage.number")} error={state.errors.number} required>
          {(p) => <input {...p} name="number" defaultValue={state.number} autoComplete="off" className="input font-mono" />}
        </Field>
        <Field label={t("esp.statusPage.code")} error={state.errors.code} required>
          {(p) => <input {...p} name="code" autoComplete="off" autoCapitalize="characters" spellCheck={false} className="input max-w-56 font-mono uppercase" />}
        </Field>
        <button type="submit" className="btn-primary" disabled={pending}>
          {t("esp.statusPage.check")}
        </button>
      </form>
      <div ref={resultRef} tabIndex={-1} aria-live="polite" className="mt-6 outline-none">
        {state.message && <FormMessage error={state.message} />}
        {state.result && (
          <section aria-labelledby="wynik" className="rounded-lg border border-slate-300 p-4">
            <h2 id="wynik" className="text-lg font-semibold">
              {t("esp.statusPage.result")}
            </h2>
            <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
              <dt className="text-slate-700">{t("esp.statusPage.state")}</dt>
              <dd className="font-semibold" data-testid="case-status">
                {t(`esp.status.${state.result.status}`)}
              </dd>
              <dt className="text-slate-700">{t("esp.statusPage.due")}</dt>
              <dd>{state.result.dueDate ? formatDate(`${state.result.dueDate}T12:00:00Z`, locale) : t("esp.statusPage.noDue")}</dd>
            </dl>
          </section>
        )}
      </div>
    </>
  );
}
