"use client";

import { useQuery } from "@tanstack/react-query";
import { useT } from "@/components/i18n";
import { countLabel } from "@/lib/paging";
import { useTRPC } from "@/trpc/react";

/** Unread messages in all the person's conversations, next to "Komunikator" in the menu (refetched on live chat signals). */
export function ChatNavBadge({ current }: { current: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const unread = useQuery(trpc.chat.unread.queryOptions(undefined, { staleTime: 60_000, refetchInterval: 5 * 60_000 })).data ?? 0;
  if (unread <= 0) return null;
  return (
    <span data-testid="chat-unread" className={`rounded-full px-2 text-xs leading-5 font-bold ${current ? "bg-brand-900 text-white" : "bg-white text-brand-900"}`}>
      <span className="sr-only">{t("chat.navUnread")} </span>
      {countLabel(unread)}
    </span>
  );
}
