/**
 * Pure helpers of the Pusher Channels protocol, shared by the embedded server and the app-side
 * adapter. Framework-free and without `server-only`, so scripts, benchmarks and tests can use them;
 * they need Node's `crypto` (never import this file from client components).
 *
 * - Channel authorisation (https://pusher.com/docs/channels/library_auth_reference/auth-signatures/):
 *   auth = "<key>:" + hex(HMAC-SHA256(secret, "<socket_id>:<channel>[:<channel_data>]")).
 * - HTTP API authentication (https://pusher.com/docs/channels/library_auth_reference/rest-api/):
 *   query parameters auth_key, auth_timestamp, auth_version=1.0, body_md5 (when there is a body) and
 *   auth_signature = hex(HMAC-SHA256(secret, "METHOD\n/path\nk1=v1&k2=v2…")), the parameters
 *   (without auth_signature) sorted by name and not URL-escaped — exactly what the `pusher` SDK signs.
 */
import { createHash, createHmac, randomInt, timingSafeEqual } from "node:crypto";

/** Pusher's limits: channel and event names up to 200 characters, event data up to 10 kB. */
export const MAX_CHANNEL_NAME_LENGTH = 200;
export const MAX_EVENT_NAME_LENGTH = 200;
export const MAX_EVENT_DATA_BYTES = 10 * 1024;
/** How far auth_timestamp may be from the server's clock (Pusher uses 600 s). */
export const REST_TIMESTAMP_TOLERANCE_SEC = 600;

const CHANNEL_NAME = /^[A-Za-z0-9_\-=@,.;]+$/;
const SOCKET_ID = /^\d+\.\d+$/;

export type ChannelType = "public" | "private" | "presence" | "private-encrypted";

export function isValidChannelName(name: unknown): name is string {
  return typeof name === "string" && name.length > 0 && name.length <= MAX_CHANNEL_NAME_LENGTH && CHANNEL_NAME.test(name);
}

/** The kind of a (valid) channel name; "private-encrypted-" is checked before "private-". */
export function channelType(name: string): ChannelType {
  if (name.startsWith("private-encrypted-")) return "private-encrypted";
  if (name.startsWith("private-")) return "private";
  if (name.startsWith("presence-")) return "presence";
  return "public";
}

export function isValidEventName(name: unknown): name is string {
  return typeof name === "string" && name.length > 0 && name.length <= MAX_EVENT_NAME_LENGTH;
}

export function isValidSocketId(id: unknown): id is string {
  return typeof id === "string" && SOCKET_ID.test(id);
}

/** A new socket id in Pusher's shape "123.456" (two random positive integers). */
export function socketId(): string {
  return `${randomInt(1, 2 ** 31)}.${randomInt(1, 2 ** 31)}`;
}

export function hmacSha256Hex(secret: string, data: string): string {
  return createHmac("sha256", secret).update(data, "utf8").digest("hex");
}

export function md5Hex(data: string): string {
  return createHash("md5").update(data, "utf8").digest("hex");
}

/** Compares two strings without leaking where they differ (the length may leak, as everywhere). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  if (x.length !== y.length) {
    timingSafeEqual(x, x); // same work either way
    return false;
  }
  return timingSafeEqual(x, y);
}

// ---------------------------------------------------------------------------------------------
// Channel authorisation (private- and presence- subscriptions)

export type ChannelAuthInput = {
  key: string;
  secret: string;
  socketId: string;
  channel: string;
  /** Presence only: the JSON string sent as channel_data (signed byte for byte). */
  channelData?: string;
};

function channelAuthString({ socketId, channel, channelData }: ChannelAuthInput): string {
  return channelData === undefined ? `${socketId}:${channel}` : `${socketId}:${channel}:${channelData}`;
}

/** "key:hexhmac", as the `pusher` SDK's `authorizeChannel(...).auth`. */
export function signChannelAuth(input: ChannelAuthInput): string {
  return `${input.key}:${hmacSha256Hex(input.secret, channelAuthString(input))}`;
}

/** True when `auth` was made with this key and secret for this socket, channel and channel_data. */
export function verifyChannelAuth(input: ChannelAuthInput & { auth: unknown }): boolean {
  if (typeof input.auth !== "string") return false;
  return safeEqual(input.auth, signChannelAuth(input));
}

export type PresenceMember = { userId: string; userInfo: unknown };

/** Parses presence channel_data ({"user_id": "…", "user_info": {…}}); null when unusable. */
export function parsePresenceChannelData(channelData: unknown): PresenceMember | null {
  if (typeof channelData !== "string") return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(channelData);
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return null;
  const { user_id: userId, user_info: userInfo } = parsed as { user_id?: unknown; user_info?: unknown };
  if (typeof userId === "number" && Number.isFinite(userId)) return { userId: String(userId), userInfo };
  if (typeof userId === "string" && userId.length > 0 && userId.length <= 128) return { userId, userInfo };
  return null;
}

// ---------------------------------------------------------------------------------------------
// HTTP API request signatures

export type RestQuery = Record<string, string>;

/** "k1=v1&k2=v2…" sorted by key, without auth_signature, values not escaped (as the SDK signs). */
export function restQueryToSign(query: RestQuery): string {
  return Object.keys(query)
    .filter((k) => k !== "auth_signature")
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((k) => `${k}=${query[k]}`)
    .join("&");
}

function restSignature(method: string, path: string, query: RestQuery, secret: string): string {
  return hmacSha256Hex(secret, [method.toUpperCase(), path, restQueryToSign(query)].join("\n"));
}

export type SignRestRequestInput = {
  method: string;
  /** The full request path, e.g. "/apps/1/events". */
  path: string;
  query?: RestQuery;
  key: string;
  secret: string;
  /** The exact request body (JSON text), if any. */
  body?: string;
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
};

/** The query parameters of a signed request (the caller's query plus auth_*, body_md5). */
export function signRestRequest(input: SignRestRequestInput): RestQuery {
  const query: RestQuery = {
    ...input.query,
    auth_key: input.key,
    auth_timestamp: String(input.timestamp ?? Math.floor(Date.now() / 1000)),
    auth_version: "1.0",
  };
  if (input.body) query.body_md5 = md5Hex(input.body);
  query.auth_signature = restSignature(input.method, input.path, query, input.secret);
  return query;
}

/** The query string of a signed request, values written as signed (they are plain ASCII here). */
export function signedRestQueryString(input: SignRestRequestInput): string {
  const query = signRestRequest(input);
  return `${restQueryToSign(query)}&auth_signature=${query.auth_signature}`;
}

export type VerifyRestRequestInput = {
  method: string;
  path: string;
  /** The decoded query parameters of the request. */
  query: RestQuery;
  key: string;
  secret: string;
  body?: string;
  /** Seconds since the epoch; defaults to now. */
  now?: number;
  toleranceSec?: number;
};

export type RestVerification = { ok: true } | { ok: false; reason: string };

export function verifyRestRequest(input: VerifyRestRequestInput): RestVerification {
  const { query } = input;
  if (query.auth_key !== input.key) return { ok: false, reason: "Unknown auth_key" };
  if (query.auth_version !== "1.0") return { ok: false, reason: "auth_version must be 1.0" };
  const timestamp = Number(query.auth_timestamp);
  const now = input.now ?? Math.floor(Date.now() / 1000);
  if (!/^\d+$/.test(query.auth_timestamp ?? "")) return { ok: false, reason: "Missing auth_timestamp" };
  if (Math.abs(now - timestamp) > (input.toleranceSec ?? REST_TIMESTAMP_TOLERANCE_SEC)) {
    return { ok: false, reason: "auth_timestamp expired: check the clock" };
  }
  if (input.body) {
    if (query.body_md5 === undefined || !safeEqual(query.body_md5, md5Hex(input.body))) {
      return { ok: false, reason: "body_md5 does not match the body" };
    }
  } else if (query.body_md5 !== undefined && query.body_md5 !== md5Hex("")) {
    return { ok: false, reason: "body_md5 given without a body" };
  }
  if (typeof query.auth_signature !== "string") return { ok: false, reason: "Missing auth_signature" };
  if (!safeEqual(query.auth_signature, restSignature(input.method, input.path, query, input.secret))) {
    return { ok: false, reason: "Invalid signature" };
  }
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// Messages

export type PusherMessage = { event: string; channel?: string; data?: unknown; user_id?: string };

/** One protocol frame. `data` is always sent as a string, as Pusher does (pusher-js parses it). */
export function encodeMessage(message: PusherMessage): string {
  const data = message.data === undefined ? undefined : typeof message.data === "string" ? message.data : JSON.stringify(message.data);
  return JSON.stringify({ event: message.event, channel: message.channel, data, user_id: message.user_id });
}

/** Parses a frame sent by a client; null when it is not a Pusher message. */
export function decodeMessage(raw: string): PusherMessage | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return null;
  const { event, channel, data } = parsed as { event?: unknown; channel?: unknown; data?: unknown };
  if (typeof event !== "string" || event.length === 0) return null;
  if (channel !== undefined && typeof channel !== "string") return null;
  return { event, channel, data };
}
