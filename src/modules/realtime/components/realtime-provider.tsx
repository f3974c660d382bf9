"use client";

/**
 * The browser's live connection: one pusher-js client per tab, subscribed to the channels the
 * server lists for the user (each subscription authorized by /api/realtime/auth). A "changed"
 * signal refetches the bell and the inbox badge and tells the page's <LiveRefresh> components,
 * which re-render their server components. Nothing else travels over the connection.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Pusher from "pusher-js";
import { createContext, useContext, useEffect, useRef, useState } from "react";
import { useTRPC } from "@/trpc/react";
import { CHANNEL, type ChangedSignal, type Topic } from "../realtime.channels";

const OFFICE_PRESENCE = CHANNEL.office;

type Listener = (signal: ChangedSignal) => void;

interface RealtimeContextValue {
  subscribe(listener: Listener): () => void;
  connected: boolean;
  /** Ids of the staff signed in right now (presence-office), across all offices. */
  online: ReadonlySet<string>;
  /** The tab's live client (null until it starts connecting): for channels joined only while a view is open. */
  client: Pusher | null;
}

const NOBODY: ReadonlySet<string> = new Set();
const RealtimeContext = createContext<RealtimeContextValue>({ subscribe: () => () => undefined, connected: false, online: NOBODY, client: null });

export function useRealtime(): RealtimeContextValue {
  return useContext(RealtimeContext);
}

/** Runs `onSignal` for signals about any of `topics` (debounced: a burst of changes → one call). */
export function useLiveSignal(topics: Topic[], onSignal: () => void, debounceMs = 150): void {
  const { subscribe } = useRealtime();
  const latest = useRef(onSignal);
  useEffect(() => {
    latest.current = onSignal;
  });
  const key = topics.join(",");
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const wanted = key.split(",");
    const unsubscribe = subscribe((signal) => {
      if (!signal.topics.some((t) => wanted.includes(t))) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => latest.current(), debounceMs);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [key, subscribe, debounceMs]);
}

/**
 * Joins `channel` while the calling component is mounted (e.g. an open conversation's
 * private-chat-<id>, authorized by /api/realtime/auth) and runs `handlers[event](data)` for its events.
 */
export function useChannelEvents(channel: string | null, handlers: Record<string, (data: unknown) => void>): void {
  const { client } = useRealtime();
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  const events = Object.keys(handlers).sort().join(",");
  useEffect(() => {
    if (!client || !channel) return;
    const subscription = client.subscribe(channel);
    const bound = events.split(",").map((event) => {
      const callback = (data: unknown) => latest.current[event]?.(data);
      subscription.bind(event, callback);
      return [event, callback] as const;
    });
    return () => {
      bound.forEach(([event, callback]) => subscription.unbind(event, callback));
      client.unsubscribe(channel);
    };
  }, [client, channel, events]);
}

export function RealtimeProvider({ children }: { children: React.ReactNode }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const setup = useQuery(trpc.realtime.setup.queryOptions(undefined, { staleTime: 10 * 60_000, refetchOnWindowFocus: false }));
  const listeners = useRef(new Set<Listener>());
  const [connected, setConnected] = useState(false);
  const [online, setOnline] = useState<ReadonlySet<string>>(NOBODY);
  const [client, setClient] = useState<Pusher | null>(null);
  const [value] = useState<Pick<RealtimeContextValue, "subscribe">>(() => ({
    subscribe(listener) {
      listeners.current.add(listener);
      return () => listeners.current.delete(listener);
    },
  }));

  useEffect(() => {
    const data = setup.data;
    if (!data?.config) return;
    const { config } = data;
    const secure = config.forceTLS || (config.wsHost === null && window.location.protocol === "https:");
    const client = new Pusher(config.key, {
      cluster: config.cluster,
      wsHost: config.wsHost ?? window.location.hostname,
      ...(config.wsPort && { wsPort: config.wsPort, wssPort: config.wsPort }),
      forceTLS: secure,
      enabledTransports: ["ws", "wss"],
      disableStats: true,
      channelAuthorization: { endpoint: "/api/realtime/auth", transport: "ajax" },
    });
    client.connection.bind("state_change", ({ current }: { current: string }) => {
      setClient(client);
      setConnected(current === "connected");
    });
    const onChanged = (signal: ChangedSignal) => {
      // The bell, the inbox badge and every list fed by tRPC refetch; server-rendered pages follow via <LiveRefresh>.
      void queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() });
      if (signal.topics.some((t) => t !== "notifications")) void queryClient.invalidateQueries();
      listeners.current.forEach((listener) => listener(signal));
    };
    for (const name of data.channels) {
      const channel = client.subscribe(name);
      if (name === OFFICE_PRESENCE) {
        channel.bind("pusher:subscription_succeeded", (members: { members: Record<string, unknown> }) => setOnline(new Set(Object.keys(members.members))));
        channel.bind("pusher:member_added", (member: { id: string }) => setOnline((s) => new Set(s).add(member.id)));
        channel.bind("pusher:member_removed", (member: { id: string }) =>
          setOnline((s) => {
            const next = new Set(s);
            next.delete(member.id);
            return next;
          }),
        );
      } else {
        channel.bind("changed", onChanged);
      }
    }
    return () => {
      client.disconnect();
      setClient(null);
      setConnected(false);
      setOnline(NOBODY);
    };
  }, [setup.data, queryClient, trpc]);

  return <RealtimeContext.Provider value={{ ...value, connected, online, client }}>{children}</RealtimeContext.Provider>;
}
