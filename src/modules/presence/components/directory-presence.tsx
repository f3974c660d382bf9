"use client";

import { Badge } from "@/components/badge";
import { useLocale, useT } from "@/components/i18n";
import { usePresence } from "./presence-provider";
import { presenceText } from "./presence-status";

/**
 * The directory's presence badge: "online" while the person is connected and active, "nieaktywny(-a)"
 * while all their tabs are idle, "na urlopie do …" / "nieobecny(-a) do …" (with the substitutes) when
 * absent today; nothing when offline.
 */
export function DirectoryPresence({ userId, className }: { userId: string; className?: string }) {
  const t = useT();
  const locale = useLocale();
  const p = usePresence(userId);
  if (p.status === "offline") return null;
  if (p.status === "online") {
    return (
      <Badge tone="green" className={className}>
        <span data-testid="online-badge">{t("notifications.live.online")}</span>
      </Badge>
    );
  }
  const text = presenceText(p, t, locale);
  return (
    <>
      <Badge tone={p.status === "away" ? "amber" : "sky"} className={className}>
        <span data-testid="presence-badge" data-state={p.status}>
          {text}
        </span>
      </Badge>
      {p.absence && p.absence.substitutes.length > 0 && <span className="block text-xs text-slate-700">{t("presence.substitutes", { names: p.absence.substitutes.join(", ") })}</span>}
    </>
  );
}
