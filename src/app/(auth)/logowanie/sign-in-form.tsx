"use client";

import { signIn } from "next-auth/react";
import { useRef, useState } from "react";
import { useLocale, useT } from "@/components/i18n";
import type { MessageKey } from "@/lib/i18n/translator";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useT();
  const locale = useLocale();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLParagraphElement>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (result?.ok && !result.error) {
      window.location.assign(callbackUrl);
      return;
    }
    setBusy(false);
    setError(describe(result?.error ?? null));
    requestAnimationFrame(() => errorRef.current?.focus());
  }

  function describe(code: string | null): string {
    if (code?.startsWith("locked:")) {
      const until = new Date(code.slice("locked:".length));
      const time = new Intl.DateTimeFormat(locale === "pl" ? "pl-PL" : "en-GB", { timeZone: "Europe/Warsaw", hour: "2-digit", minute: "2-digit" }).format(until);
      return t("auth.locked", { time });
    }
    const known: Record<string, MessageKey> = { invalid: "auth.invalid", inactive: "auth.inactive", CredentialsSignin: "auth.invalid" };
    return t(known[code ?? ""] ?? "auth.unknownError");
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {error && (
        <p ref={errorRef} tabIndex={-1} role="alert" id="sign-in-error" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          {error}
        </p>
      )}
      <div>
        <label htmlFor="email" className="label">
          {t("auth.email")}
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required className="input" aria-invalid={error ? true : undefined} aria-describedby={error ? "sign-in-error" : undefined} />
      </div>
      <div>
        <label htmlFor="password" className="label">
          {t("auth.password")}
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className="input" aria-invalid={error ? true : undefined} aria-describedby={error ? "sign-in-error" : undefined} />
      </div>
      <button type="submit" className="btn-primary w-full" disabled={busy}>
        {busy ? t("auth.submitting") : t("auth.submit")}
      </button>
    </form>
  );
}
