"use client";

/**
 * Presence in the browser: this tab reports whether it is active or idle (no input for 10 minutes,
 * or hidden for a minute) on every change and every minute; the office's overview (who is away,
 * who is absent today) is read from the server and kept current by "presence" events on
 * presence-office. Connected or not comes from the realtime provider (presence-office members).
 */
import { useMutation, useQuery } from "@tanstack/react-query";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { CHANNEL } from "@/modules/realtime/realtime.channels";
import { useRealtime } from "@/modules/realtime/components/realtime-provider";
import { useTRPC } from "@/trpc/react";
import { ZAwayState, type Absence, type AwayState } from "../presence.schemas";
import { CHECK_MS, HEARTBEAT_MS, presenceStatus, tabIsAway, type PresenceStatus, type TabActivity } from "../presence.state";

export interface PersonPresence {
  status: PresenceStatus;
  absence: Absence | null;
}

type Lookup = (userId: string) => PersonPresence;

const PresenceContext = createContext<Lookup>(() => ({ status: "offline", absence: null }));

export function usePresence(userId: string): PersonPresence {
  return useContext(PresenceContext)(userId);
}

function newTabId(): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
  return Array.from(crypto.getRandomValues(new Uint8Array(20)), (b) => alphabet[b & 63]).join("");
}

/** Reports this tab's activity to the server (the server adds up the person's tabs). */
function useReportActivity() {
  const trpc = useTRPC();
  const { mutate } = useMutation(trpc.presence.report.mutationOptions());
  const state = useRef<{ tabId: string; activity: TabActivity; reported: boolean | null; reportedAt: number } | null>(null);

  useEffect(() => {
    const now = Date.now();
    state.current = { tabId: newTabId(), activity: { lastInputAt: now, hiddenSince: document.visibilityState === "hidden" ? now : null }, reported: null, reportedAt: 0 };
    const check = () => {
      const s = state.current;
      if (!s) return;
      const t = Date.now();
      const away = tabIsAway(s.activity, t);
      if (away === s.reported && t - s.reportedAt < HEARTBEAT_MS) return;
      s.reported = away;
      s.reportedAt = t;
      mutate({ tabId: s.tabId, away });
    };
    let lastMove = 0;
    const onInput = (event: Event) => {
      const s = state.current;
      if (!s) return;
      const t = Date.now();
      // Pointer moves come in floods: one per second is plenty.
      if (event.type === "pointermove" && t - lastMove < 1_000) return;
      lastMove = t;
      s.activity.lastInputAt = t;
      if (s.reported) check();
    };
    const onVisibility = () => {
      const s = state.current;
      if (!s) return;
      if (document.visibilityState === "hidden") s.activity.hiddenSince = Date.now();
      else {
        s.activity.hiddenSince = null;
        s.activity.lastInputAt = Date.now();
      }
      check();
    };
    // A closing tab no longer counts (so a colleague's other, idle tab shows them away at once);
    // a keepalive request outlives the page. A page restored from the back-forward cache reports again.
    const onPageHide = () => {
      const s = state.current;
      if (!s) return;
      const body = JSON.stringify({ json: { tabId: s.tabId, away: true, closed: true } });
      void fetch("/api/trpc/presence.report", { method: "POST", headers: { "content-type": "application/json" }, body, keepalive: true }).catch(() => undefined);
      s.reported = null;
    };
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) check();
    };
    const events = ["keydown", "pointerdown", "pointermove", "wheel", "touchstart"] as const;
    events.forEach((e) => window.addEventListener(e, onInput, { passive: true, capture: true }));
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", onPageHide);
    window.addEventListener("pageshow", onPageShow);
    check();
    const timer = setInterval(check, CHECK_MS);
    return () => {
      clearInterval(timer);
      events.forEach((e) => window.removeEventListener(e, onInput, { capture: true }));
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", onPageHide);
      window.removeEventListener("pageshow", onPageShow);
    };
  }, [mutate]);
}

export function PresenceProvider({ children }: { children: React.ReactNode }) {
  const trpc = useTRPC();
  const { client, connected, online } = useRealtime();
  const overview = useQuery(trpc.presence.overview.queryOptions(undefined, { staleTime: 60_000, refetchInterval: 2 * 60_000 }));
  const [events, setEvents] = useState<ReadonlyMap<string, AwayState>>(new Map());
  useReportActivity();

  useEffect(() => {
    if (!client || !connected) return;
    const channel = client.channel(CHANNEL.office);
    if (!channel) return;
    const onPresence = (data: unknown) => {
      const parsed = ZAwayState.safeParse(data);
      if (!parsed.success) return;
      setEvents((current) => {
        const known = current.get(parsed.data.userId);
        if (known && known.at > parsed.data.at) return current;
        return new Map(current).set(parsed.data.userId, parsed.data);
      });
    };
    channel.bind("presence", onPresence);
    return () => {
      channel.unbind("presence", onPresence);
    };
  }, [client, connected]);

  const data = overview.data;
  const absent = useMemo(() => new Map((data?.absent ?? []).map((a) => [a.userId, a])), [data]);
  const awayFromOverview = useMemo(() => new Map((data?.away ?? []).map((a) => [a.userId, a])), [data]);
  const lookup = useCallback<Lookup>(
    (userId) => {
      // An event newer than the overview (by the server's clock) wins; older ones are already in it.
      const event = events.get(userId);
      const away = event && event.at > (data?.now ?? 0) ? event.away : awayFromOverview.has(userId);
      const absence = absent.get(userId) ?? null;
      return { status: presenceStatus({ online: online.has(userId), away, absent: absence !== null }), absence };
    },
    [events, awayFromOverview, absent, online, data],
  );
  return <PresenceContext.Provider value={lookup}>{children}</PresenceContext.Provider>;
}
