"use client";

import { useT } from "@/components/i18n";
import { useRealtime } from "@/modules/realtime/components/realtime-provider";

/** A green (online) or grey (offline) dot with the status in words for screen readers, or in full with `label`. */
export function PresenceDot({ userId, label = false }: { userId: string; label?: boolean }) {
  const t = useT();
  const online = useRealtime().online.has(userId);
  const status = online ? t("chat.online") : t("chat.offline");
  return (
    <span className="inline-flex items-center gap-1.5" data-testid="presence" data-state={online ? "online" : "offline"}>
      <span aria-hidden="true" className={`inline-block size-2.5 shrink-0 rounded-full ${online ? "bg-green-600" : "border border-slate-500 bg-white"}`} />
      <span className={label ? "text-xs text-slate-700" : "sr-only"}>{label ? status : t("chat.presence", { status })}</span>
    </span>
  );
}
