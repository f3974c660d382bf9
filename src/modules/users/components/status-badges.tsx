import type { Translate } from "@/lib/i18n/translator";

const BADGE = "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap";

export function UserStatusBadges({ active, locked, t }: { active: boolean; locked: boolean; t: Translate }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      {active ? (
        <span className={`${BADGE} bg-green-100 text-green-900`}>{t("users.badge.active")}</span>
      ) : (
        <span className={`${BADGE} bg-slate-200 text-slate-900`}>{t("users.badge.inactive")}</span>
      )}
      {locked && <span className={`${BADGE} bg-red-100 text-red-900`}>{t("users.badge.locked")}</span>}
    </span>
  );
}
