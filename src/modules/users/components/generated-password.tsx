"use client";

import { useState } from "react";
import { useT } from "@/components/i18n";

/** A password shown once, with a copy button. */
export function GeneratedPassword({ label, password }: { label: string; password: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 p-4">
      <p className="text-sm font-medium text-slate-900">{label}</p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <output data-testid="generated-password" className="rounded bg-white px-3 py-2 font-mono text-lg tracking-wide text-slate-900 select-all">
          {password}
        </output>
        <button
          type="button"
          className="btn-secondary"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(password);
              setCopied(true);
            } catch {
              setCopied(false);
            }
          }}
        >
          {t("users.created.copy")}
        </button>
        <span role="status" className="text-sm text-green-900">
          {copied ? t("users.created.copied") : ""}
        </span>
      </div>
      <p className="mt-2 text-sm text-slate-800">{t("users.created.passwordHint")}</p>
    </div>
  );
}
