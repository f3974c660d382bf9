"use client";

import { useId, useState } from "react";
import { Field } from "@/components/form/field";
import { useT } from "@/components/i18n";

export type PasswordChoiceValue = { passwordMode: "generate" } | { passwordMode: "set"; password: string };

/** Reads the choice below from a submitted form. */
export function readPasswordChoice(form: HTMLFormElement): PasswordChoiceValue {
  const f = new FormData(form);
  return f.get("passwordMode") === "set" ? { passwordMode: "set", password: String(f.get("password") ?? "") } : { passwordMode: "generate" };
}

/** "Generate a password" or "I will type one" (with the policy hint and an optional reveal). */
export function PasswordChoice({ legend, error }: { legend: string; error?: string }) {
  const t = useT();
  const id = useId();
  const [mode, setMode] = useState<"generate" | "set">("generate");
  const [show, setShow] = useState(false);
  return (
    <fieldset className="space-y-3">
      <legend className="text-base font-semibold text-slate-900">{legend}</legend>
      <div className="space-y-1">
        {(["generate", "set"] as const).map((m) => (
          <label key={m} className="flex min-h-10 items-center gap-2 text-sm text-slate-900">
            <input type="radio" name="passwordMode" value={m} checked={mode === m} onChange={() => setMode(m)} className="size-4 accent-brand-700" />
            {m === "generate" ? t("users.form.passwordGenerate") : t("users.form.passwordSet")}
          </label>
        ))}
      </div>
      {mode === "set" && (
        <div className="max-w-sm space-y-2">
          <Field label={t("users.form.password")} error={error} hint={t("users.form.passwordRules")} required>
            {(p) => <input {...p} name="password" type={show ? "text" : "password"} autoComplete="new-password" spellCheck={false} className="input font-mono" />}
          </Field>
          <label htmlFor={`${id}-show`} className="flex items-center gap-2 text-sm text-slate-900">
            <input id={`${id}-show`} type="checkbox" checked={show} onChange={(e) => setShow(e.target.checked)} className="size-4 accent-brand-700" />
            {t("users.form.showPassword")}
          </label>
        </div>
      )}
    </fieldset>
  );
}
