"use client";

import { Badge } from "@/components/badge";
import { useT } from "@/components/i18n";
import { useRealtime } from "./realtime-provider";

/** "online" next to a person who is signed in right now (in any office). */
export function OnlineBadge({ userId, className }: { userId: string; className?: string }) {
  const t = useT();
  const { online } = useRealtime();
  if (!online.has(userId)) return null;
  return (
    <Badge tone="green" className={className}>
      <span data-testid="online-badge">{t("notifications.live.online")}</span>
    </Badge>
  );
}
