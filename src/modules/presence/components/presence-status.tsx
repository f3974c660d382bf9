"use client";

import { useLocale, useT } from "@/components/i18n";
import { formatDate, type Translate } from "@/lib/i18n/translator";
import type { Locale } from "@/lib/i18n/locales";
import type { PresenceStatus as Status } from "../presence.state";
import { usePresence, type PersonPresence } from "./presence-provider";

/** The status in words: "dostępny(-a)", "nieaktywny(-a)", "na urlopie do 27.11.2026", "niedostępny(-a)". */
export function presenceText(p: PersonPresence, t: Translate, locale: Locale): string {
  if (p.status === "leave" && p.absence) return t(p.absence.onLeave ? "presence.status.leave" : "presence.status.absent", { date: formatDate(p.absence.until, locale) });
  return t(`presence.status.${p.status === "leave" ? "offline" : p.status}`);
}

/** Each status has its own shape too, so the dot does not rely on colour alone. */
const DOT: Record<Status, string> = {
  online: "size-2.5 rounded-full bg-green-600",
  away: "size-2.5 rounded-full border-[3px] border-amber-600 bg-white",
  leave: "size-2.5 rotate-45 bg-violet-700",
  offline: "size-2.5 rounded-full border border-slate-500 bg-white",
};

/**
 * A person's presence: a dot with the status in words (visible with `label`, otherwise for screen
 * readers and as a tooltip), the substitutes of an absent person, and their office when given.
 */
export function PresenceStatus({ userId, label = false, office }: { userId: string; label?: boolean; office?: string | null }) {
  const t = useT();
  const locale = useLocale();
  const p = usePresence(userId);
  const text = presenceText(p, t, locale);
  const substitutes = p.absence?.substitutes.length ? t("presence.substitutes", { names: p.absence.substitutes.join(", ") }) : null;
  const full = [text, substitutes].filter(Boolean).join("; ");
  return (
    <span className="inline-flex flex-wrap items-center gap-x-1.5" data-testid="presence" data-state={p.status} title={full}>
      <span aria-hidden="true" className={`inline-block shrink-0 ${DOT[p.status]}`} />
      {label ? (
        <span className="text-xs text-slate-700">
          {text}
          {substitutes && <span className="text-slate-700"> ({substitutes})</span>}
        </span>
      ) : (
        <span className="sr-only">{t("presence.label", { status: full })}</span>
      )}
      {office && (
        <span className="text-xs text-slate-700" data-testid="presence-office">
          <span aria-hidden="true">· </span>
          <span className="sr-only">{t("presence.office")} </span>
          {office}
        </span>
      )}
    </span>
  );
}
