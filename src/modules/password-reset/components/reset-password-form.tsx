"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef } from "react";
import { Field } from "@/components/form/field";
import { useT } from "@/components/i18n";
import type { ResetFormState } from "../password-reset.schemas";
import { TokenProblemNotice } from "./token-problem-notice";

type ResetAction = (state: ResetFormState, form: FormData) => Promise<ResetFormState>;

/** The new password, twice, for the account of a working link; then the way to sign in. */
export function ResetPasswordForm({ action, token, email }: { action: ResetAction; token: string; email: string }) {
  const t = useT();
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const formRef = useRef<HTMLFormElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const generalRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (state.status === "done") doneRef.current?.focus();
    else if (state.status === "invalid" || state.status === "error") {
      (formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? generalRef.current)?.focus();
    }
  }, [state]);

  if (state.status === "done") {
    return (
      <div ref={doneRef} tabIndex={-1} role="status" data-testid="reset-done" className="space-y-3 outline-none">
        <p className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">{t("passwordReset.reset.done")}</p>
        <Link href="/logowanie" className="btn-primary w-full">
          {t("passwordReset.goToSignIn")}
        </Link>
      </div>
    );
  }
  if (state.status === "token") return <TokenProblemNotice reason={state.reason} announce />;

  const errors = state.status === "invalid" ? state.errors : {};
  const general = state.status === "error" ? t("passwordReset.errors.unexpected") : state.status === "invalid" && Object.keys(errors).length === 0 ? (state.message ?? null) : null;
  return (
    <form ref={formRef} action={formAction} noValidate className="space-y-4">
      <p className="text-sm text-slate-700">{t("passwordReset.reset.intro", { email })}</p>
      {general && (
        <p ref={generalRef} tabIndex={-1} role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          {general}
        </p>
      )}
      <input type="hidden" name="token" value={token} />
      {/* Lets password managers file the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field label={t("passwordReset.reset.password")} error={errors.password} hint={t("profile.passwordRules")} required>
        {(p) => <input {...p} name="password" type="password" autoComplete="new-password" className="input" />}
      </Field>
      <Field label={t("passwordReset.reset.repeatPassword")} error={errors.repeatPassword} required>
        {(p) => <input {...p} name="repeatPassword" type="password" autoComplete="new-password" className="input" />}
      </Field>
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {pending ? t("passwordReset.reset.submitting") : t("passwordReset.reset.submit")}
      </button>
    </form>
  );
}
