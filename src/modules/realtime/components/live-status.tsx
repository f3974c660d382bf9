"use client";

import { useT } from "@/components/i18n";
import { useRealtime } from "./realtime-provider";

/** A small dot under the menu: whether this tab receives live updates (and why not, in words). */
export function LiveStatus() {
  const t = useT();
  const { connected } = useRealtime();
  const text = connected ? t("notifications.live.connected") : t("notifications.live.offline");
  return (
    <p data-testid="live-status" data-state={connected ? "connected" : "offline"} className="flex items-center gap-2 px-3 text-xs text-brand-100" title={text}>
      <span aria-hidden="true" className={`inline-block size-2 rounded-full ${connected ? "bg-green-400" : "bg-slate-400"}`} />
      <span className="truncate">{text}</span>
    </p>
  );
}
