"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef } from "react";
import { Field } from "@/components/form/field";
import { FormMessage } from "@/components/form/field";
import { useT } from "@/components/i18n";
import { LOGIN_CODE_VALID_MINUTES } from "../esp.schemas";

export type EspLoginState =
  | { step: "email"; email: string; errors: Record<string, string>; message?: string | null }
  | { step: "code"; email: string; errors: Record<string, string>; message?: string | null };

type Action = (state: EspLoginState, form: FormData) => Promise<EspLoginState>;

/** E-mail → code. Works without JavaScript (useActionState posts the form to the page). */
export function EspLoginForm({ action, initialMessage, next }: { action: Action; initialMessage?: string | null; next?: string | null }) {
  const t = useT();
  const [state, formAction, pending] = useActionState(action, { step: "email", email: "", errors: {}, message: initialMessage ?? null });
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) invalid.focus();
    else if (state.step === "code") formRef.current?.querySelector<HTMLElement>('input[name="code"]')?.focus();
  }, [state]);

  if (state.step === "code") {
    return (
      <form ref={formRef} action={formAction} noValidate className="space-y-4">
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
          {t("esp.login.sent", { email: state.email })}
        </p>
        <FormMessage error={state.message} />
        <input type="hidden" name="email" value={state.email} />
        <input type="hidden" name="step" value="code" />
        {next && <input type="hidden" name="next" value={next} />}
        <Field label={t("esp.login.code")} error={state.errors.code} required>
          {(p) => <input {...p} name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" maxLength={6} className="input max-w-40 font-mono text-lg tracking-widest" />}
        </Field>
        <div className="flex flex-wrap gap-3">
          <button type="submit" className="btn-primary" disabled={pending}>
            {t("esp.login.verify")}
          </button>
          <Link href="/esp/logowanie" className="btn-secondary">
            {t("esp.login.otherEmail")}
          </Link>
        </div>
      </form>
    );
  }
  return (
    <form ref={formRef} action={formAction} noValidate className="space-y-4">
      <p className="text-sm text-slate-700">{t("esp.login.intro", { minutes: LOGIN_CODE_VALID_MINUTES })}</p>
      <FormMessage error={state.message} />
      <input type="hidden" name="step" value="email" />
      <Field label={t("esp.login.email")} error={state.errors.email} required>
        {(p) => <input {...p} name="email" type="email" autoComplete="email" inputMode="email" defaultValue={state.email} className="input" />}
      </Field>
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending}>
        {t("esp.login.send")}
      </button>
    </form>
  );
}
