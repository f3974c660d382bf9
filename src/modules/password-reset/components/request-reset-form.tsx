"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef, useState } from "react";
import { Field } from "@/components/form/field";
import { useT } from "@/components/i18n";
import { RESET_LINK_VALID_MINUTES, type RequestResetState } from "../password-reset.schemas";

type RequestAction = (state: RequestResetState, form: FormData) => Promise<RequestResetState>;

/** "Nie pamiętasz hasła?": the e-mail field, then the same confirmation for every address. */
export function RequestResetForm({ action }: { action: RequestAction }) {
  // "Wyślij ponownie" starts over with a fresh form (and a fresh action state).
  const [round, setRound] = useState(0);
  return <RequestResetRound key={round} action={action} again={round > 0} onAgain={() => setRound((r) => r + 1)} />;
}

function RequestResetRound({ action, again, onAgain }: { action: RequestAction; again: boolean; onAgain: () => void }) {
  const t = useT();
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const formRef = useRef<HTMLFormElement>(null);
  const sentRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state.status === "sent") sentRef.current?.focus();
    else if (state.status === "invalid") formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    else if (again) formRef.current?.querySelector<HTMLElement>("input")?.focus();
  }, [state, again]);

  if (state.status === "sent") {
    return (
      <div ref={sentRef} tabIndex={-1} role="status" data-testid="reset-requested" className="space-y-3 outline-none">
        <p className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
          {t("passwordReset.request.sent", { email: state.email, minutes: RESET_LINK_VALID_MINUTES })}
        </p>
        <p className="text-sm text-slate-700">{t("passwordReset.request.sentHint")}</p>
        <div className="flex flex-wrap gap-2">
          <Link href="/logowanie" className="btn-primary">
            {t("passwordReset.backToSignIn")}
          </Link>
          <button type="button" className="btn-secondary" onClick={onAgain}>
            {t("passwordReset.request.again")}
          </button>
        </div>
      </div>
    );
  }

  const errors = state.status === "invalid" ? state.errors : {};
  return (
    <form ref={formRef} action={formAction} noValidate className="space-y-4">
      <p className="text-sm text-slate-700">{t("passwordReset.request.intro", { minutes: RESET_LINK_VALID_MINUTES })}</p>
      <Field label={t("passwordReset.request.email")} error={errors.email} required>
        {(p) => (
          <input
            {...p}
            name="email"
            type="email"
            autoComplete="username"
            inputMode="email"
            defaultValue={state.status === "invalid" ? state.email : ""}
            className="input"
          />
        )}
      </Field>
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {pending ? t("passwordReset.request.submitting") : t("passwordReset.request.submit")}
      </button>
      <p className="text-sm">
        <Link href="/logowanie" className="link">
          {t("passwordReset.backToSignIn")}
        </Link>
      </p>
    </form>
  );
}
