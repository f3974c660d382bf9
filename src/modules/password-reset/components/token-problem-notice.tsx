"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { useT } from "@/components/i18n";
import type { MessageKey } from "@/lib/i18n/translator";
import { RESET_LINK_VALID_MINUTES, type ResetTokenProblem } from "../password-reset.schemas";

const TEXTS: Record<ResetTokenProblem, { title: MessageKey; text: MessageKey }> = {
  invalid: { title: "passwordReset.reset.invalidTitle", text: "passwordReset.reset.invalid" },
  expired: { title: "passwordReset.reset.expiredTitle", text: "passwordReset.reset.expired" },
  used: { title: "passwordReset.reset.usedTitle", text: "passwordReset.reset.used" },
  inactive: { title: "passwordReset.reset.inactiveTitle", text: "passwordReset.reset.inactive" },
};

/**
 * Why a reset link does not work, with the way out: a new link (or, for an inactive account, the
 * administrator). `announce` when it replaces the form after a submission: focus moves to it.
 */
export function TokenProblemNotice({ reason, announce = false }: { reason: ResetTokenProblem; announce?: boolean }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (announce) ref.current?.focus();
  }, [announce]);
  const { title, text } = TEXTS[reason];
  return (
    <div ref={ref} tabIndex={-1} role={announce ? "alert" : undefined} data-testid="reset-token-problem" className="space-y-3 outline-none">
      <h2 className="text-lg font-semibold text-red-900">{t(title)}</h2>
      <p className="text-sm text-slate-800">{t(text, { minutes: RESET_LINK_VALID_MINUTES })}</p>
      <div className="flex flex-wrap gap-2">
        {reason !== "inactive" && (
          <Link href="/logowanie/przypomnij-haslo" className="btn-primary">
            {t("passwordReset.requestNewLink")}
          </Link>
        )}
        <Link href="/logowanie" className="btn-secondary">
          {t("passwordReset.backToSignIn")}
        </Link>
      </div>
    </div>
  );
}
