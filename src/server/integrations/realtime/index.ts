/**
 * Realtime adapter. The server publishes with the official `pusher` SDK, browsers subscribe with
 * `pusher-js`. With PUSHER_APP_ID/KEY/SECRET set that is Pusher (PUSHER_CLUSTER) or any
 * Pusher-protocol server (PUSHER_HOST/PUSHER_PORT, e.g. soketi); without them the embedded
 * Pusher-protocol server (./embedded-server.ts) runs inside the app on REALTIME_PORT, with
 * credentials derived from the auth secret, so a fresh machine needs nothing else.
 */
import "server-only";
import { createHmac } from "node:crypto";
import Pusher from "pusher";
import { env } from "@/env";
import { getAuthSecret } from "@/server/auth/secret";

export interface RealtimeSettings {
  embedded: boolean;
  appId: string;
  key: string;
  secret: string;
  /** Where the server publishes (null: Pusher's cluster host). */
  host: string | null;
  port: number | null;
  useTLS: boolean;
  cluster: string;
}

/** What a browser needs to connect (no secret). */
export interface BrowserRealtimeConfig {
  key: string;
  cluster: string;
  /** null: the page's own host name (embedded server, same machine). */
  wsHost: string | null;
  wsPort: number | null;
  forceTLS: boolean;
}

export function realtimeSettings(): RealtimeSettings {
  if (env.PUSHER_APP_ID && env.PUSHER_KEY && env.PUSHER_SECRET) {
    return {
      embedded: false,
      appId: env.PUSHER_APP_ID,
      key: env.PUSHER_KEY,
      secret: env.PUSHER_SECRET,
      host: env.PUSHER_HOST ?? null,
      port: env.PUSHER_PORT ?? null,
      useTLS: env.PUSHER_USE_TLS,
      cluster: env.PUSHER_CLUSTER,
    };
  }
  const derive = (label: string) => createHmac("sha256", getAuthSecret()).update(`obieg-realtime-${label}`).digest("hex");
  return {
    embedded: true,
    appId: "obieg",
    key: derive("key").slice(0, 20),
    secret: derive("secret"),
    host: "127.0.0.1",
    port: embeddedPort(),
    useTLS: false,
    cluster: "",
  };
}

export function browserRealtimeConfig(): BrowserRealtimeConfig | null {
  const s = realtimeSettings();
  if (s.embedded && !env.REALTIME_EMBEDDED) return null;
  return {
    key: s.key,
    cluster: s.cluster || "eu",
    wsHost: env.PUSHER_PUBLIC_HOST ?? (s.embedded ? null : s.host),
    wsPort: env.PUSHER_PUBLIC_PORT ?? s.port,
    forceTLS: env.PUSHER_PUBLIC_HOST ? env.PUSHER_USE_TLS : s.useTLS,
  };
}

const state = globalThis as unknown as { obiegRealtime?: { port: number | null; pusher?: Pusher } };
state.obiegRealtime ??= { port: null };

function embeddedPort(): number {
  return state.obiegRealtime?.port ?? env.REALTIME_PORT;
}

/** Starts the embedded server once per process (no-op when a Pusher service is configured). */
export async function startRealtime(): Promise<void> {
  const s = realtimeSettings();
  if (!s.embedded || !env.REALTIME_EMBEDDED || state.obiegRealtime?.port) return;
  const { startEmbeddedRealtimeServer } = await import("./embedded-server");
  try {
    const server = await startEmbeddedRealtimeServer({ port: env.REALTIME_PORT, appId: s.appId, key: s.key, secret: s.secret });
    state.obiegRealtime = { port: server.port };
    console.log(`[realtime] wbudowany serwer Pusher na porcie ${server.port}`);
  } catch (error) {
    // The app works without live updates (pages still load fresh data); say why loudly.
    console.error(`[realtime] nie udało się uruchomić wbudowanego serwera na porcie ${env.REALTIME_PORT}`, error);
  }
}

function publisher(): Pusher | null {
  const s = realtimeSettings();
  if (s.embedded && !env.REALTIME_EMBEDDED) return null;
  const holder = state.obiegRealtime ?? (state.obiegRealtime = { port: null });
  if (!holder.pusher) {
    const base = { appId: s.appId, key: s.key, secret: s.secret, useTLS: s.useTLS, timeout: 5_000 };
    holder.pusher = s.host ? new Pusher({ ...base, host: s.host, port: s.port ? String(s.port) : undefined }) : new Pusher({ ...base, cluster: s.cluster });
  }
  return holder.pusher;
}

export interface RealtimeEvent {
  channels: string[];
  name: string;
  data: unknown;
}

/** Publishes events (throws when the server refuses, so the outbox retries). */
export async function publishRealtime(events: RealtimeEvent[]): Promise<void> {
  const pusher = publisher();
  if (!pusher) return;
  for (const event of events) {
    // Pusher accepts at most 100 channels per trigger.
    for (let i = 0; i < event.channels.length; i += 100) {
      const response = await pusher.trigger(event.channels.slice(i, i + 100), event.name, event.data);
      if (response.status >= 300) throw new Error(`Realtime trigger refused: HTTP ${response.status}`);
    }
  }
}

/** Signs a private/presence channel subscription (our auth endpoint decides whether to). */
export function signChannel(socketId: string, channel: string, presence?: { user_id: string; user_info: Record<string, string> }) {
  const s = realtimeSettings();
  const p = new Pusher({ appId: s.appId, key: s.key, secret: s.secret, cluster: s.cluster || "eu" });
  return p.authorizeChannel(socketId, channel, presence);
}
