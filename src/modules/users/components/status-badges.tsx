import { Badge } from "@/components/badge";
import type { Translate } from "@/lib/i18n/translator";

export function UserStatusBadges({ active, locked, t }: { active: boolean; locked: boolean; t: Translate }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      {active ? <Badge tone="green">{t("users.badge.active")}</Badge> : <Badge tone="slate">{t("users.badge.inactive")}</Badge>}
      {locked && <Badge tone="red">{t("users.badge.locked")}</Badge>}
    </span>
  );
}
