/**
 * The embedded realtime server: a small Pusher-protocol (Channels, protocol 7) server so Obieg runs
 * without a Pusher account or soketi. The app talks to it with the official `pusher` SDK (REST) and
 * browsers with `pusher-js`, exactly as they would talk to Pusher; switching to Pusher or soketi is
 * a matter of env (see src/env.ts). One Node `http` server carries both the WebSocket endpoint and
 * the HTTP API. Single process, state in memory: a restart drops connections, clients reconnect.
 *
 * Implemented
 * - WebSocket `/app/:key` (protocol 5–7): pusher:connection_established {socket_id,
 *   activity_timeout}; pusher:ping → pusher:pong; an unknown key gets pusher:error 4001 and close,
 *   an unsupported protocol 4007.
 * - Subscriptions to public, `private-` and `presence-` channels; private/presence checked against
 *   the HMAC of "socket_id:channel[:channel_data]". A refusal (bad or other socket's signature,
 *   missing channel_data, bad channel name, `private-encrypted-`) answers
 *   `pusher:subscription_error` on that channel ({type, error, status}), which pusher-js 8.6 emits
 *   on the channel object, as soketi does. Unsubscribe; everything is dropped on disconnect.
 * - Presence: channel_data {user_id, user_info}; pusher_internal:subscription_succeeded with
 *   {presence: {ids, hash, count}}; pusher_internal:member_added / member_removed once per user_id
 *   (a user's second tab neither adds nor, when it leaves, removes the member).
 * - Client events (`client-*`): only on private/presence channels the socket is subscribed to,
 *   never echoed to the sender, with `user_id` on presence channels, data ≤ 10 kB, rate-limited per
 *   socket (default 10/s, token bucket); refusals answer pusher:error (4301 for the rate limit).
 * - Idle sockets: after activity_timeout without a frame the server sends pusher:ping (and a
 *   WebSocket ping); a socket silent for a further pong timeout is terminated.
 * - HTTP API, every request signature-checked (401 otherwise; body ≤ 1 MB, data ≤ 10 kB else 413):
 *   POST /apps/:id/events ({name, data, channels | channel, socket_id} – socket_id is excluded),
 *   POST /apps/:id/batch_events ({batch: [{channel, name, data, socket_id?}], ≤ 10}),
 *   GET /apps/:id/channels (filter_by_prefix, info=user_count for presence- prefixes),
 *   GET /apps/:id/channels/:name (info=user_count,subscription_count),
 *   GET /apps/:id/channels/:name/users (presence only).
 * - Fan-out serialises a message once per channel and sends the same buffer to every socket.
 *
 * Not implemented (answered with an error or ignored): end-to-end encrypted channels, user
 * authentication (pusher:signin, sendToUser, terminate_user_connections), watchlists, cache
 * channels' cache_miss, subscription_count events, webhooks, the `info` attributes of a trigger's
 * response, presence member limits, several apps, TLS (put a reverse proxy in front), HTTP
 * fallback transports (xhr/sockjs: configure pusher-js with enabledTransports ["ws", "wss"]),
 * and clustering: every app process needs the one server instance.
 *
 * No `server-only` import on purpose: `bench/realtime.ts` runs it under plain tsx.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { WebSocketServer, type RawData, type WebSocket } from "ws";
import {
  MAX_EVENT_DATA_BYTES,
  MAX_EVENT_NAME_LENGTH,
  channelType,
  decodeMessage,
  encodeMessage,
  isValidChannelName,
  isValidEventName,
  isValidSocketId,
  parsePresenceChannelData,
  socketId as newSocketId,
  verifyChannelAuth,
  verifyRestRequest,
  type PusherMessage,
} from "./pusher-protocol";

export type EmbeddedRealtimeServerOptions = {
  /** 0 picks a free port; the actual one is `server.port`. */
  port: number;
  /** Interface to listen on; Node's default (all interfaces) when omitted. */
  host?: string;
  appId: string;
  key: string;
  secret: string;
  /** Sent to clients as activity_timeout; also when the server pings an idle socket. Default 120 s. */
  activityTimeoutSec?: number;
  /** How long an idle socket has to answer the server's ping before it is terminated. Default 30 s. */
  pongTimeoutSec?: number;
  /** Client events per second and socket (token bucket of the same size). Default 10. */
  clientEventsPerSecond?: number;
  log?: (msg: string) => void;
};

export type EmbeddedRealtimeServer = {
  port: number;
  close(): Promise<void>;
  stats(): { connections: number; channels: number };
};

const MAX_BODY_BYTES = 1024 * 1024;
const MAX_BATCH_EVENTS = 10;
const MAX_TRIGGER_CHANNELS = 100;
/** Client frames are small (subscribe, client events ≤ 10 kB); anything bigger is closed (1009). */
const MAX_FRAME_BYTES = 64 * 1024;
const SUPPORTED_PROTOCOLS = new Set(["5", "6", "7"]);
const SHUTDOWN_GRACE_MS = 1000;

type Connection = {
  id: string;
  ws: WebSocket;
  /** Channel name → user_id on presence channels, null elsewhere. */
  channels: Map<string, string | null>;
  lastActivity: number;
  pingSentAt: number | null;
  tokens: number;
  tokensAt: number;
};

type Member = { info: unknown; sockets: Set<Connection> };

type Channel = {
  name: string;
  sockets: Set<Connection>;
  /** Presence channels only. */
  members: Map<string, Member> | null;
};

/** The data of pusher:subscribe / unsubscribe: an object, or (some clients) its JSON text. */
function objectData(data: unknown): Record<string, unknown> {
  if (typeof data === "string") {
    try {
      data = JSON.parse(data);
    } catch {
      return {};
    }
  }
  return typeof data === "object" && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function startEmbeddedRealtimeServer(options: EmbeddedRealtimeServerOptions): Promise<EmbeddedRealtimeServer> {
  const { appId, key, secret } = options;
  const log = options.log ?? (() => {});
  const activityTimeoutSec = Math.max(1, Math.round(options.activityTimeoutSec ?? 120));
  const activityTimeoutMs = activityTimeoutSec * 1000;
  const pongTimeoutMs = Math.max(0.1, options.pongTimeoutSec ?? 30) * 1000;
  const rate = Math.max(1, options.clientEventsPerSecond ?? 10);

  const connections = new Map<string, Connection>();
  const channels = new Map<string, Channel>();
  let closing = false;

  // --- sending -------------------------------------------------------------------------------

  function send(conn: Connection, message: PusherMessage) {
    if (conn.ws.readyState === conn.ws.OPEN) conn.ws.send(encodeMessage(message));
  }

  /** Serialise once, send the same bytes (as a text frame) to every socket but `except`. */
  function broadcast(channel: Channel, message: PusherMessage, except?: Connection | string | null): number {
    const frame = Buffer.from(encodeMessage(message), "utf8");
    let sent = 0;
    for (const conn of channel.sockets) {
      if (conn === except || conn.id === except) continue;
      if (conn.ws.readyState !== conn.ws.OPEN) continue;
      conn.ws.send(frame, { binary: false });
      sent++;
    }
    return sent;
  }

  function sendError(conn: Connection, code: number | null, message: string) {
    send(conn, { event: "pusher:error", data: { code, message } });
  }

  function refuseSubscription(conn: Connection, channel: string, status: number, type: string, error: string) {
    log(`realtime: subscription to ${channel} refused for ${conn.id}: ${error}`);
    send(conn, { event: "pusher:subscription_error", channel, data: { type, error, status } });
  }

  // --- channels ------------------------------------------------------------------------------

  function presenceData(channel: Channel) {
    const ids: string[] = [];
    const hash: Record<string, unknown> = {};
    for (const [userId, member] of channel.members ?? []) {
      ids.push(userId);
      hash[userId] = member.info ?? null;
    }
    return { presence: { ids, hash, count: ids.length } };
  }

  function subscribe(conn: Connection, data: unknown) {
    const { channel: name, auth, channel_data: channelData } = objectData(data) as { channel?: unknown; auth?: unknown; channel_data?: unknown };
    if (!isValidChannelName(name)) {
      const shown = typeof name === "string" ? name : "";
      return refuseSubscription(conn, shown, 400, "InvalidChannel", "Invalid channel name");
    }
    const type = channelType(name);
    if (type === "private-encrypted") {
      return refuseSubscription(conn, name, 400, "UnsupportedChannel", "Encrypted channels (private-encrypted-) are not supported by the embedded server");
    }
    let userId: string | null = null;
    let userInfo: unknown = undefined;
    if (type === "private" || type === "presence") {
      const signedData = type === "presence" && typeof channelData === "string" ? channelData : undefined;
      if (!verifyChannelAuth({ key, secret, socketId: conn.id, channel: name, channelData: signedData, auth })) {
        return refuseSubscription(conn, name, 401, "AuthError", "Invalid signature: the auth does not match this socket and channel");
      }
      if (type === "presence") {
        const member = parsePresenceChannelData(channelData);
        if (!member) return refuseSubscription(conn, name, 400, "AuthError", "Presence channels need channel_data with a user_id");
        userId = member.userId;
        userInfo = member.userInfo;
      }
    }

    let channel = channels.get(name);
    if (!channel) {
      channel = { name, sockets: new Set(), members: type === "presence" ? new Map() : null };
      channels.set(name, channel);
    }
    if (conn.channels.has(name)) {
      // Already subscribed: confirm again, membership unchanged.
      send(conn, { event: "pusher_internal:subscription_succeeded", channel: name, data: channel.members ? presenceData(channel) : {} });
      return;
    }
    conn.channels.set(name, userId);
    channel.sockets.add(conn);

    if (channel.members && userId !== null) {
      const existing = channel.members.get(userId);
      if (existing) {
        existing.sockets.add(conn);
      } else {
        channel.members.set(userId, { info: userInfo, sockets: new Set([conn]) });
        broadcast(channel, { event: "pusher_internal:member_added", channel: name, data: { user_id: userId, user_info: userInfo } }, conn);
      }
      send(conn, { event: "pusher_internal:subscription_succeeded", channel: name, data: presenceData(channel) });
    } else {
      send(conn, { event: "pusher_internal:subscription_succeeded", channel: name, data: {} });
    }
  }

  function unsubscribe(conn: Connection, name: string) {
    if (!conn.channels.has(name)) return;
    const userId = conn.channels.get(name) ?? null;
    conn.channels.delete(name);
    const channel = channels.get(name);
    if (!channel) return;
    channel.sockets.delete(conn);
    if (channel.members && userId !== null) {
      const member = channel.members.get(userId);
      if (member) {
        member.sockets.delete(conn);
        if (member.sockets.size === 0) {
          channel.members.delete(userId);
          broadcast(channel, { event: "pusher_internal:member_removed", channel: name, data: { user_id: userId } });
        }
      }
    }
    if (channel.sockets.size === 0) channels.delete(name);
  }

  // --- client events -------------------------------------------------------------------------

  function takeToken(conn: Connection): boolean {
    const now = Date.now();
    conn.tokens = Math.min(rate, conn.tokens + ((now - conn.tokensAt) / 1000) * rate);
    conn.tokensAt = now;
    if (conn.tokens < 1) return false;
    conn.tokens -= 1;
    return true;
  }

  function clientEvent(conn: Connection, message: PusherMessage) {
    const name = message.channel;
    if (!isValidEventName(message.event)) return sendError(conn, null, "Invalid event name");
    if (!name || !conn.channels.has(name)) {
      return sendError(conn, null, `Client event rejected: not subscribed to channel ${name ?? ""}`);
    }
    const type = channelType(name);
    if (type !== "private" && type !== "presence") {
      return sendError(conn, null, "Client event rejected: client events are only allowed on private and presence channels");
    }
    const data = message.data === undefined ? "{}" : typeof message.data === "string" ? message.data : JSON.stringify(message.data);
    if (Buffer.byteLength(data, "utf8") > MAX_EVENT_DATA_BYTES) {
      return sendError(conn, null, "Client event rejected: data is larger than 10 kB");
    }
    if (!takeToken(conn)) return sendError(conn, 4301, "Client event rejected due to rate limit");
    const channel = channels.get(name);
    if (!channel) return;
    const userId = conn.channels.get(name) ?? undefined;
    broadcast(channel, { event: message.event, channel: name, data, user_id: type === "presence" ? userId : undefined }, conn);
  }

  // --- WebSocket connections -----------------------------------------------------------------

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES, perMessageDeflate: false });

  function onMessage(conn: Connection, raw: RawData, isBinary: boolean) {
    conn.lastActivity = Date.now();
    conn.pingSentAt = null;
    if (isBinary) return sendError(conn, null, "Binary frames are not supported");
    const message = decodeMessage(raw.toString());
    if (!message) return sendError(conn, null, "Invalid message: expected a JSON object with an event");
    switch (message.event) {
      case "pusher:ping":
        return send(conn, { event: "pusher:pong", data: {} });
      case "pusher:pong":
        return;
      case "pusher:subscribe":
        return subscribe(conn, message.data);
      case "pusher:unsubscribe": {
        const channel = (objectData(message.data) as { channel?: unknown }).channel;
        if (typeof channel === "string") unsubscribe(conn, channel);
        return;
      }
      case "pusher:signin":
        return sendError(conn, null, "User authentication (signin) is not supported by the embedded server");
      default:
        if (message.event.startsWith("client-")) return clientEvent(conn, message);
        return sendError(conn, null, `Unsupported event ${message.event.slice(0, MAX_EVENT_NAME_LENGTH)}`);
    }
  }

  function onConnection(ws: WebSocket, request: IncomingMessage) {
    const url = new URL(request.url ?? "/", "http://localhost");
    let requestedKey = "";
    try {
      requestedKey = decodeURIComponent(url.pathname.slice("/app/".length));
    } catch {
      // malformed escape: treated as an unknown key
    }
    if (closing) {
      ws.close(4200, "Server is shutting down");
      return;
    }
    if (requestedKey !== key) {
      ws.send(encodeMessage({ event: "pusher:error", data: { code: 4001, message: `App key ${requestedKey} does not exist` } }));
      ws.close(4001, "Unknown app key");
      return;
    }
    const protocol = url.searchParams.get("protocol") ?? "";
    if (!SUPPORTED_PROTOCOLS.has(protocol)) {
      ws.send(encodeMessage({ event: "pusher:error", data: { code: 4007, message: "Unsupported protocol version" } }));
      ws.close(4007, "Unsupported protocol version");
      return;
    }

    let id = newSocketId();
    while (connections.has(id)) id = newSocketId();
    const now = Date.now();
    const conn: Connection = { id, ws, channels: new Map(), lastActivity: now, pingSentAt: null, tokens: rate, tokensAt: now };
    connections.set(id, conn);

    ws.on("message", (raw, isBinary) => onMessage(conn, raw, isBinary));
    ws.on("pong", () => {
      conn.lastActivity = Date.now();
      conn.pingSentAt = null;
    });
    ws.on("error", (error) => log(`realtime: socket ${id} error: ${error.message}`));
    ws.on("close", () => drop(conn));
    send(conn, { event: "pusher:connection_established", data: { socket_id: id, activity_timeout: activityTimeoutSec } });
  }

  /** Forgets a socket and leaves its channels (presence: member_removed); safe to call twice. */
  function drop(conn: Connection) {
    if (connections.get(conn.id) !== conn) return;
    connections.delete(conn.id);
    for (const name of [...conn.channels.keys()]) unsubscribe(conn, name);
  }


  function onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer) {
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    if (!/^\/app\/[^/]+$/.test(path)) {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    socket.on("error", () => socket.destroy());
    wss.handleUpgrade(request, socket, head, (ws) => {
      try {
        onConnection(ws, request);
      } catch (error) {
        log(`realtime: connection failed: ${error instanceof Error ? error.message : String(error)}`);
        ws.terminate();
      }
    });
  }

  // --- idle sockets --------------------------------------------------------------------------

  const pingFrame = encodeMessage({ event: "pusher:ping", data: {} });
  const sweep = setInterval(
    () => {
      const now = Date.now();
      for (const conn of connections.values()) {
        if (conn.pingSentAt !== null) {
          if (now - conn.pingSentAt >= pongTimeoutMs) {
            log(`realtime: socket ${conn.id} did not answer the ping, closing it`);
            conn.ws.terminate();
            drop(conn);
          }
        } else if (now - conn.lastActivity >= activityTimeoutMs) {
          conn.pingSentAt = now;
          if (conn.ws.readyState === conn.ws.OPEN) {
            conn.ws.send(pingFrame);
            conn.ws.ping();
          }
        }
      }
    },
    Math.max(100, Math.min(activityTimeoutMs, pongTimeoutMs) / 4),
  );
  sweep.unref();

  // --- HTTP API ------------------------------------------------------------------------------

  async function readBody(request: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of request as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) throw new HttpError(413, "Request body too large");
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString("utf8");
  }

  function parseJson(body: string): Record<string, unknown> {
    try {
      const parsed: unknown = JSON.parse(body);
      if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    } catch {
      // fall through
    }
    throw new HttpError(400, "Body must be a JSON object");
  }

  type Trigger = { name: string; data: string; channels: string[]; socketId: string | null };

  function parseTrigger(input: Record<string, unknown>, allowMany: boolean): Trigger {
    const { name, data, channels: many, channel: one, socket_id: socketId } = input;
    if (!isValidEventName(name)) throw new HttpError(400, "Invalid event name");
    const list = allowMany && Array.isArray(many) ? many : one !== undefined ? [one] : null;
    if (!list || list.length === 0) throw new HttpError(400, "Missing channels");
    if (list.length > MAX_TRIGGER_CHANNELS) throw new HttpError(400, `At most ${MAX_TRIGGER_CHANNELS} channels`);
    for (const c of list) if (!isValidChannelName(c)) throw new HttpError(400, `Invalid channel name ${String(c)}`);
    if (socketId !== undefined && socketId !== null && !isValidSocketId(socketId)) throw new HttpError(400, "Invalid socket_id");
    const text = typeof data === "string" ? data : JSON.stringify(data ?? null);
    if (Buffer.byteLength(text, "utf8") > MAX_EVENT_DATA_BYTES) throw new HttpError(413, "Event data is larger than 10 kB");
    return { name, data: text, channels: list as string[], socketId: typeof socketId === "string" ? socketId : null };
  }

  function deliver(trigger: Trigger) {
    for (const name of trigger.channels) {
      const channel = channels.get(name);
      if (channel) broadcast(channel, { event: trigger.name, channel: name, data: trigger.data }, trigger.socketId);
    }
  }

  function channelInfo(name: string, attributes: string[]) {
    const channel = channels.get(name);
    const info: Record<string, unknown> = { occupied: channel !== undefined };
    if (attributes.includes("user_count")) {
      if (channelType(name) !== "presence") throw new HttpError(400, "user_count is only available for presence channels");
      info.user_count = channel?.members?.size ?? 0;
    }
    if (attributes.includes("subscription_count")) info.subscription_count = channel?.sockets.size ?? 0;
    return info;
  }

  async function handleApi(request: IncomingMessage, path: string, query: Record<string, string>): Promise<unknown> {
    const method = request.method ?? "GET";
    const body = method === "POST" ? await readBody(request) : "";
    const verified = verifyRestRequest({ method, path, query, key, secret, body });
    if (!verified.ok) throw new HttpError(401, verified.reason);

    const route = path.slice(`/apps/${appId}`.length);
    const attributes = (query.info ?? "").split(",").filter(Boolean);

    if (route === "/events") {
      if (method !== "POST") throw new HttpError(405, "Use POST");
      deliver(parseTrigger(parseJson(body), true));
      return {};
    }
    if (route === "/batch_events") {
      if (method !== "POST") throw new HttpError(405, "Use POST");
      const batch = parseJson(body).batch;
      if (!Array.isArray(batch)) throw new HttpError(400, "Missing batch");
      if (batch.length > MAX_BATCH_EVENTS) throw new HttpError(400, `At most ${MAX_BATCH_EVENTS} events in a batch`);
      const triggers = batch.map((item: unknown) => {
        if (typeof item !== "object" || item === null) throw new HttpError(400, "Invalid batch item");
        return parseTrigger(item as Record<string, unknown>, false);
      });
      triggers.forEach(deliver);
      return {};
    }
    if (method !== "GET") throw new HttpError(405, "Use GET");
    if (route === "/channels") {
      const prefix = query.filter_by_prefix ?? "";
      if (attributes.includes("user_count") && !prefix.startsWith("presence-")) {
        throw new HttpError(400, "info=user_count needs filter_by_prefix=presence-");
      }
      const result: Record<string, Record<string, unknown>> = {};
      for (const channel of channels.values()) {
        if (!channel.name.startsWith(prefix)) continue;
        result[channel.name] = attributes.includes("user_count") ? { user_count: channel.members?.size ?? 0 } : {};
      }
      return { channels: result };
    }
    const match = /^\/channels\/([^/]+)(\/users)?$/.exec(route);
    if (match?.[1]) {
      const name = decodeURIComponent(match[1]);
      if (!isValidChannelName(name)) throw new HttpError(400, "Invalid channel name");
      if (!match[2]) return channelInfo(name, attributes);
      if (channelType(name) !== "presence") throw new HttpError(400, "Users are only available for presence channels");
      return { users: [...(channels.get(name)?.members?.keys() ?? [])].map((id) => ({ id })) };
    }
    throw new HttpError(404, "Not found");
  }

  function respond(response: ServerResponse, status: number, body: unknown) {
    const text = JSON.stringify(body);
    response.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
    response.end(text);
  }

  async function onRequest(request: IncomingMessage, response: ServerResponse) {
    const [path = "/", search = ""] = (request.url ?? "/").split("?", 2);
    try {
      if (!path.startsWith(`/apps/${appId}/`)) throw new HttpError(404, "Not found");
      const query: Record<string, string> = {};
      for (const [k, v] of new URLSearchParams(search)) query[k] = v;
      respond(response, 200, await handleApi(request, path, query));
    } catch (error) {
      if (error instanceof HttpError) {
        if (error.status === 413) response.setHeader("connection", "close");
        respond(response, error.status, { error: error.message });
      } else {
        log(`realtime: HTTP API error: ${error instanceof Error ? error.message : String(error)}`);
        respond(response, 500, { error: "Internal error" });
      }
    }
  }

  // --- lifecycle -----------------------------------------------------------------------------

  const server = createServer((request, response) => void onRequest(request, response));
  server.on("upgrade", onUpgrade);
  server.on("clientError", (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  log(`realtime: embedded Pusher-protocol server on port ${port}`);

  async function close() {
    if (closing) return;
    closing = true;
    clearInterval(sweep);
    const closed = [...connections.values()].map(
      (conn) =>
        new Promise<void>((resolve) => {
          if (conn.ws.readyState === conn.ws.CLOSED) return resolve();
          const timer = setTimeout(() => conn.ws.terminate(), SHUTDOWN_GRACE_MS);
          conn.ws.once("close", () => {
            clearTimeout(timer);
            resolve();
          });
          // 4200: "reconnect immediately" in pusher-js, so clients come back after a restart.
          conn.ws.close(4200, "Server is shutting down");
        }),
    );
    await Promise.all(closed);
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    await new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });
  }

  return {
    port,
    close,
    stats: () => ({ connections: connections.size, channels: channels.size }),
  };
}
