"use client";

import { useRouter } from "next/navigation";
import type { Topic } from "../realtime.channels";
import { useLiveSignal } from "./realtime-provider";

/**
 * Placed on a server-rendered page that shows live data (a register, "Do mnie", the dashboard): a
 * signal about one of its topics re-renders the page's server components in place (client state,
 * scroll position and form input stay).
 */
export function LiveRefresh({ topics }: { topics: Topic[] }) {
  const router = useRouter();
  useLiveSignal(topics, () => router.refresh());
  return null;
}
