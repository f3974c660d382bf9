"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";

/** The bell's and the "Do mnie" badge's data: one query shared by both, refetched on live signals. */
export function useNotificationSummary() {
  const trpc = useTRPC();
  return useQuery(trpc.notifications.summary.queryOptions(undefined, { staleTime: 60_000, refetchInterval: 5 * 60_000 }));
}
