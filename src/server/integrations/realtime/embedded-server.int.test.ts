/**
 * The embedded Pusher-protocol server against the official clients: `pusher-js` 8.6 (its Node
 * build, WebSocket transport) subscribing, and the `pusher` SDK triggering over the HTTP API.
 * A few protocol details (unknown key, encrypted channels, idle sockets, raw frames) use a bare
 * `ws` client. "Nothing arrived" is always proven with a marker event sent afterwards on the
 * same path: the server handles each socket in order, so when the marker arrives, anything
 * that was going to arrive before it already has.
 */
import { createServer } from "node:net";
import Pusher from "pusher";
import PusherClient, { type Channel, type PresenceChannel } from "pusher-js";
import { WebSocket } from "ws";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedRealtimeServer, type EmbeddedRealtimeServer } from "./embedded-server";
import { isValidSocketId, signChannelAuth, signedRestQueryString } from "./pusher-protocol";

const APP = { appId: "obieg-test", key: "test-key", secret: "test-secret" };

let server: EmbeddedRealtimeServer;
let sdk: Pusher;
const clients: PusherClient[] = [];
const raws: WebSocket[] = [];
const logs: string[] = [];

beforeAll(async () => {
  server = await startEmbeddedRealtimeServer({ port: 0, host: "127.0.0.1", ...APP, log: (m) => logs.push(m) });
  sdk = new Pusher({ ...APP, host: "127.0.0.1", port: String(server.port), useTLS: false });
});

afterEach(() => {
  for (const c of clients.splice(0)) c.disconnect();
  for (const ws of raws.splice(0)) ws.terminate();
});

afterAll(async () => {
  await server.close();
});

// --- helpers ---------------------------------------------------------------------------------

type User = { id: string; info?: Record<string, unknown> };
type Authorize = (socketId: string, channel: string) => { auth: string; channel_data?: string };

function signerWith(secret: string, user?: User): Authorize {
  const signer = new Pusher({ ...APP, secret, host: "127.0.0.1" }); // signs only, never connects
  return (socketId, channel) =>
    signer.authorizeChannel(socketId, channel, channel.startsWith("presence-") && user ? { user_id: user.id, user_info: user.info } : undefined);
}

/** A pusher-js client on the embedded server; resolves once connected. */
async function connect(options: { user?: User; authorize?: Authorize; key?: string; port?: number } = {}): Promise<PusherClient> {
  const authorize = options.authorize ?? signerWith(APP.secret, options.user);
  const client = new PusherClient(options.key ?? APP.key, {
    cluster: "",
    wsHost: "127.0.0.1",
    wsPort: options.port ?? server.port,
    forceTLS: false,
    enabledTransports: ["ws"],
    channelAuthorization: {
      customHandler: ({ socketId, channelName }, callback) => {
        try {
          callback(null, authorize(socketId, channelName));
        } catch (error) {
          callback(error as Error, null);
        }
      },
    },
  });
  clients.push(client);
  await new Promise<void>((resolve) => client.connection.bind("connected", () => resolve()));
  return client;
}

type Received = { event: string; data: unknown };

/** Records every event on a channel; `waitFor` resolves on the first match, past or future. */
function record(channel: Channel) {
  const events: Received[] = [];
  const waiters: { match: (e: Received) => boolean; resolve: (e: Received) => void }[] = [];
  channel.bind_global((event: string, data: unknown) => {
    const received = { event, data };
    events.push(received);
    for (const w of [...waiters]) {
      if (w.match(received)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(received);
      }
    }
  });
  return {
    events,
    named: (name: string) => events.filter((e) => e.event === name),
    waitFor(event: string, match: (data: unknown) => boolean = () => true): Promise<Received> {
      const predicate = (e: Received) => e.event === event && match(e.data);
      const seen = events.find(predicate);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ match: predicate, resolve }));
    },
  };
}

async function subscribe(client: PusherClient, name: string) {
  const channel = client.subscribe(name);
  const recorder = record(channel);
  await recorder.waitFor("pusher:subscription_succeeded");
  return { channel, ...recorder };
}

/** A bare WebSocket speaking the protocol by hand. */
function openRaw(options: { key?: string; query?: string; port?: number; autoPong?: boolean } = {}) {
  const url = `ws://127.0.0.1:${options.port ?? server.port}/app/${options.key ?? APP.key}?${options.query ?? "protocol=7&client=raw"}`;
  const ws = new WebSocket(url, { autoPong: options.autoPong ?? true });
  raws.push(ws);
  const frames: { event: string; channel?: string; data: unknown }[] = [];
  const waiters: { match: (f: (typeof frames)[number]) => boolean; resolve: (f: (typeof frames)[number]) => void }[] = [];
  ws.on("message", (raw) => {
    const parsed = JSON.parse(String(raw)) as { event: string; channel?: string; data?: unknown };
    const frame = { ...parsed, data: typeof parsed.data === "string" ? JSON.parse(parsed.data) : parsed.data };
    frames.push(frame);
    for (const w of [...waiters]) {
      if (!w.match(frame)) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(frame);
    }
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on("close", (code, reason) => resolve({ code, reason: String(reason) })));
  return {
    ws,
    frames,
    closed,
    send: (message: unknown) => ws.send(JSON.stringify(message)),
    waitFor(event: string, match: (f: (typeof frames)[number]) => boolean = () => true) {
      const predicate = (f: (typeof frames)[number]) => f.event === event && match(f);
      const seen = frames.find(predicate);
      if (seen) return Promise.resolve(seen);
      return new Promise<(typeof frames)[number]>((resolve) => waiters.push({ match: predicate, resolve }));
    },
  };
}

async function restStatus(method: string, path: string, options: { secret?: string; query?: Record<string, string>; body?: string; key?: string } = {}) {
  const qs = signedRestQueryString({ method, path, key: options.key ?? APP.key, secret: options.secret ?? APP.secret, query: options.query, body: options.body });
  const response = await fetch(`http://127.0.0.1:${server.port}${path}?${qs}`, {
    method,
    body: options.body,
    headers: options.body ? { "content-type": "application/json" } : undefined,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

// --- tests -----------------------------------------------------------------------------------

describe("embedded Pusher-protocol server", { timeout: 15_000 }, () => {
  it("accepts pusher-js connections with a Pusher-shaped socket id", async () => {
    const client = await connect();
    expect(client.connection.state).toBe("connected");
    expect(isValidSocketId(client.connection.socket_id)).toBe(true);
    expect(server.stats().connections).toBeGreaterThanOrEqual(1);
  });

  it("refuses an unknown app key with pusher:error 4001 and an old protocol with 4007", async () => {
    const wrongKey = openRaw({ key: "nope" });
    const error = await wrongKey.waitFor("pusher:error");
    expect(error.data).toMatchObject({ code: 4001 });
    expect((await wrongKey.closed).code).toBe(4001);
    expect(wrongKey.frames.some((f) => f.event === "pusher:connection_established")).toBe(false);

    const oldProtocol = openRaw({ query: "protocol=4" });
    expect((await oldProtocol.waitFor("pusher:error")).data).toMatchObject({ code: 4007 });
    expect((await oldProtocol.closed).code).toBe(4007);
  });

  it("answers pusher:ping with pusher:pong and reports activity_timeout", async () => {
    const raw = openRaw();
    const established = await raw.waitFor("pusher:connection_established");
    expect(established.data).toMatchObject({ activity_timeout: 120 });
    raw.send({ event: "pusher:ping", data: {} });
    await raw.waitFor("pusher:pong");
  });

  it("delivers an SDK trigger to a public channel subscriber", async () => {
    const client = await connect();
    const news = await subscribe(client, "public-news");
    await sdk.trigger("public-news", "letter.registered", { number: "RPW/1/2026", title: "Wniosek „Zażółć”" });
    const received = await news.waitFor("letter.registered");
    expect(received.data).toEqual({ number: "RPW/1/2026", title: "Wniosek „Zażółć”" });
  });

  it("accepts a private subscription signed with the app secret and delivers to it", async () => {
    const client = await connect();
    const inbox = await subscribe(client, "private-user-42");
    await sdk.trigger("private-user-42", "notification.created", { id: "n1" });
    expect((await inbox.waitFor("notification.created")).data).toEqual({ id: "n1" });
  });

  it("refuses forged and other-socket signatures with pusher:subscription_error and delivers nothing to them", async () => {
    const honest = await connect();
    const honestInbox = await subscribe(honest, "private-dept-7");

    const forger = await connect({ authorize: signerWith("guessed-secret") });
    const forgedChannel = forger.subscribe("private-dept-7");
    const forged = record(forgedChannel);
    const refusal = await forged.waitFor("pusher:subscription_error");
    expect(refusal.data).toMatchObject({ type: "AuthError", status: 401 });
    expect(forgedChannel.subscribed).toBe(false);

    // A valid signature, but for somebody else's socket.
    const thief = await connect({ authorize: (_socketId, channel) => ({ auth: signChannelAuth({ ...APP, socketId: "1234.5678", channel }) }) });
    const stolen = record(thief.subscribe("private-dept-7"));
    expect((await stolen.waitFor("pusher:subscription_error")).data).toMatchObject({ type: "AuthError", status: 401 });

    const forgerMarker = await subscribe(forger, "public-marker-1");
    const thiefMarker = await subscribe(thief, "public-marker-1");
    await sdk.trigger(["private-dept-7", "public-marker-1"], "secret.news", { text: "tylko dla wydziału" });
    await honestInbox.waitFor("secret.news");
    await forgerMarker.waitFor("secret.news");
    await thiefMarker.waitFor("secret.news");
    expect(forged.named("secret.news")).toEqual([]);
    expect(stolen.named("secret.news")).toEqual([]);
    const users = await sdk.get({ path: "/channels/private-dept-7", params: { info: "subscription_count" } });
    expect(await users.json()).toEqual({ occupied: true, subscription_count: 1 });
  });

  it("refuses private-encrypted- channels clearly", async () => {
    const raw = openRaw();
    const established = await raw.waitFor("pusher:connection_established");
    const socketId = (established.data as { socket_id: string }).socket_id;
    const channel = "private-encrypted-secrets";
    raw.send({ event: "pusher:subscribe", data: { channel, auth: signChannelAuth({ ...APP, socketId, channel }) } });
    const refusal = await raw.waitFor("pusher:subscription_error", (f) => f.channel === channel);
    expect(refusal.data).toMatchObject({ type: "UnsupportedChannel", status: 400 });
    expect(String((refusal.data as { error: string }).error)).toContain("private-encrypted-");
  });

  it("refuses bad subscriptions and oversized client events at the protocol level", async () => {
    const raw = openRaw();
    const established = await raw.waitFor("pusher:connection_established");
    const socketId = (established.data as { socket_id: string }).socket_id;

    raw.send({ event: "pusher:subscribe", data: { channel: "bad name!" } });
    expect((await raw.waitFor("pusher:subscription_error")).data).toMatchObject({ type: "InvalidChannel", status: 400 });

    // Presence signed without channel_data: the signature is valid, the membership is not.
    const presence = "presence-no-data";
    raw.send({ event: "pusher:subscribe", data: { channel: presence, auth: signChannelAuth({ ...APP, socketId, channel: presence }) } });
    expect((await raw.waitFor("pusher:subscription_error", (f) => f.channel === presence)).data).toMatchObject({ status: 400 });

    // Subscribe data given as JSON text (some clients do), then a client event over 10 kB.
    const channel = "private-raw";
    raw.send({ event: "pusher:subscribe", data: JSON.stringify({ channel, auth: signChannelAuth({ ...APP, socketId, channel }) }) });
    await raw.waitFor("pusher_internal:subscription_succeeded", (f) => f.channel === channel);
    raw.send({ event: "client-big", channel, data: "x".repeat(10 * 1024 + 1) });
    const error = await raw.waitFor("pusher:error");
    expect(String((error.data as { message: string }).message)).toContain("10 kB");
    expect(server.stats().channels).toBeGreaterThanOrEqual(1);
  });

  it("tracks presence members once per user_id, with user_info", async () => {
    const name = "presence-case-17";
    const anna = await connect({ user: { id: "anna", info: { name: "Anna Nowak" } } });
    const annaView = await subscribe(anna, name);
    const annaChannel = annaView.channel as PresenceChannel;
    expect(annaChannel.members.count).toBe(1);
    expect(annaChannel.members.me).toEqual({ id: "anna", info: { name: "Anna Nowak" } });

    const bartek = await connect({ user: { id: "bartek", info: { name: "Bartosz Kowalski" } } });
    const bartekView = await subscribe(bartek, name);
    const bartekChannel = bartekView.channel as PresenceChannel;
    expect(bartekChannel.members.count).toBe(2);
    expect(bartekChannel.members.get("anna")).toEqual({ id: "anna", info: { name: "Anna Nowak" } });
    const added = await annaView.waitFor("pusher:member_added");
    expect(added.data).toEqual({ id: "bartek", info: { name: "Bartosz Kowalski" } });

    // Bartek's second tab: no second member_added, and leaving it does not remove him.
    const bartekTab = await connect({ user: { id: "bartek", info: { name: "Bartosz Kowalski" } } });
    const tabView = await subscribe(bartekTab, name);
    expect((tabView.channel as PresenceChannel).members.count).toBe(2);
    bartekTab.unsubscribe(name);
    await subscribe(bartekTab, "public-after-unsubscribe"); // same socket: the unsubscribe was handled
    const users = await sdk.get({ path: `/channels/${name}/users` });
    expect(await users.json()).toEqual({ users: [{ id: "anna" }, { id: "bartek" }] });
    await sdk.trigger(name, "marker", {});
    await annaView.waitFor("marker");
    expect(annaView.named("pusher:member_added")).toHaveLength(1);
    expect(annaView.named("pusher:member_removed")).toHaveLength(0);

    bartek.disconnect();
    const removed = await annaView.waitFor("pusher:member_removed");
    expect(removed.data).toEqual({ id: "bartek", info: { name: "Bartosz Kowalski" } });
    expect(annaChannel.members.count).toBe(1);
  });

  it("triggers to several channels at once and in a batch", async () => {
    const client = await connect();
    const a = await subscribe(client, "public-a");
    const b = await subscribe(client, "private-b");
    await sdk.trigger(["public-a", "private-b"], "multi", { n: 1 });
    expect((await a.waitFor("multi")).data).toEqual({ n: 1 });
    expect((await b.waitFor("multi")).data).toEqual({ n: 1 });

    await sdk.triggerBatch([
      { channel: "public-a", name: "batch-1", data: { n: 2 } },
      { channel: "private-b", name: "batch-2", data: "plain text" },
    ]);
    expect((await a.waitFor("batch-1")).data).toEqual({ n: 2 });
    expect((await b.waitFor("batch-2")).data).toBe("plain text");
    expect(a.named("batch-2")).toEqual([]);
  });

  it("excludes the socket_id given to trigger", async () => {
    const author = await connect();
    const other = await connect();
    const authorView = await subscribe(author, "private-letter-5");
    const otherView = await subscribe(other, "private-letter-5");
    await sdk.trigger("private-letter-5", "letter.updated", { v: 2 }, { socket_id: author.connection.socket_id });
    await sdk.trigger("private-letter-5", "marker", {});
    await otherView.waitFor("letter.updated");
    await otherView.waitFor("marker");
    await authorView.waitFor("marker");
    expect(authorView.named("letter.updated")).toEqual([]);
  });

  it("relays client events on private and presence channels, never back to the sender", async () => {
    const a = await connect({ user: { id: "a" } });
    const b = await connect({ user: { id: "b" } });
    const aPrivate = await subscribe(a, "private-chat");
    const bPrivate = await subscribe(b, "private-chat");
    aPrivate.channel.trigger("client-typing", { who: "a" });
    expect((await bPrivate.waitFor("client-typing")).data).toEqual({ who: "a" });
    await sdk.trigger("private-chat", "marker", {});
    await aPrivate.waitFor("marker");
    expect(aPrivate.named("client-typing")).toEqual([]);

    const aPresence = await subscribe(a, "presence-chat");
    const bPresence = await subscribe(b, "presence-chat");
    const withUser = new Promise<{ data: unknown; userId: unknown }>((resolve) =>
      bPresence.channel.bind("client-cursor", (data: unknown, metadata: { user_id?: string }) => resolve({ data, userId: metadata?.user_id })),
    );
    aPresence.channel.trigger("client-cursor", { line: 3 });
    expect(await withUser).toEqual({ data: { line: 3 }, userId: "a" });
  });

  it("refuses client events on public channels and on channels the socket has not joined", async () => {
    const a = await connect();
    const b = await connect();
    const aPublic = await subscribe(a, "public-lobby");
    const bPublic = await subscribe(b, "public-lobby");
    const errors: { data?: { message?: string } }[] = [];
    const refused = new Promise<void>((resolve) =>
      a.connection.bind("error", (error: { type: string; data?: { message?: string } }) => {
        if (error.type !== "PusherError") return;
        errors.push(error);
        if (errors.length === 2) resolve();
      }),
    );
    aPublic.channel.trigger("client-shout", { text: "hej" });
    a.send_event("client-sneak", { text: "psst" }, "private-not-joined");
    await refused;
    expect(errors[0]?.data?.message).toContain("only allowed on private and presence");
    expect(errors[1]?.data?.message).toContain("not subscribed");
    await sdk.trigger("public-lobby", "marker", {});
    await bPublic.waitFor("marker");
    expect(bPublic.named("client-shout")).toEqual([]);
  });

  it("rate-limits client events per socket (4301)", async () => {
    const a = await connect();
    const b = await connect();
    const aView = await subscribe(a, "private-flood");
    const bView = await subscribe(b, "private-flood");
    const sent = 30;
    let limited = 0;
    const outcomes = () => limited + bView.named("client-flood").length;
    const done = new Promise<void>((resolve) => {
      a.connection.bind("error", (error: { data?: { code?: number } }) => {
        if (error.data?.code === 4301) limited++;
        if (outcomes() === sent) resolve();
      });
      bView.channel.bind("client-flood", () => {
        if (outcomes() === sent) resolve();
      });
    });
    for (let i = 0; i < sent; i++) aView.channel.trigger("client-flood", { i });
    await done;
    expect(limited).toBeGreaterThan(0);
    expect(bView.named("client-flood").length).toBeGreaterThanOrEqual(10);
  });

  it("refuses REST calls with a bad or missing signature (401) and oversized data (413)", async () => {
    const path = `/apps/${APP.appId}/events`;
    const body = JSON.stringify({ name: "x", channels: ["public-a"], data: "{}" });
    expect((await restStatus("POST", path, { body })).status).toBe(200);
    expect((await restStatus("POST", path, { body, secret: "wrong" })).status).toBe(401);
    expect((await restStatus("POST", path, { body, key: "other-key" })).status).toBe(401);
    expect((await restStatus("GET", `/apps/${APP.appId}/channels`, { secret: "wrong" })).status).toBe(401);
    const unsigned = await fetch(`http://127.0.0.1:${server.port}${path}`, { method: "POST", body });
    expect(unsigned.status).toBe(401);
    // A body changed after signing.
    const qs = signedRestQueryString({ method: "POST", path, key: APP.key, secret: APP.secret, body });
    const tampered = await fetch(`http://127.0.0.1:${server.port}${path}?${qs}`, { method: "POST", body: body.replace("public-a", "public-b") });
    expect(tampered.status).toBe(401);

    await expect(sdk.trigger("public-a", "big", "x".repeat(10 * 1024 + 1))).rejects.toMatchObject({ status: 413 });
    await expect(sdk.trigger("public-a", "fits", "x".repeat(10 * 1024))).resolves.toMatchObject({ status: 200 });
    expect((await restStatus("GET", `/apps/${APP.appId}/nothing-here`)).status).toBe(404);
    expect((await restStatus("GET", `/apps/${APP.appId}/events`)).status).toBe(405);
  });

  it("lists channels, channel info and presence users", async () => {
    const anna = await connect({ user: { id: "anna", info: { name: "Anna" } } });
    const ewa = await connect({ user: { id: "ewa", info: { name: "Ewa" } } });
    await subscribe(anna, "presence-dept-1");
    await subscribe(ewa, "presence-dept-1");
    await subscribe(ewa, "presence-dept-2");
    await subscribe(anna, "private-inbox-anna");

    const all = (await (await sdk.get({ path: "/channels" })).json()) as { channels: Record<string, unknown> };
    expect(all.channels).toMatchObject({ "presence-dept-1": {}, "presence-dept-2": {}, "private-inbox-anna": {} });

    const presence = await sdk.get({ path: "/channels", params: { filter_by_prefix: "presence-dept-", info: "user_count" } });
    expect(await presence.json()).toEqual({ channels: { "presence-dept-1": { user_count: 2 }, "presence-dept-2": { user_count: 1 } } });

    const info = await sdk.get({ path: "/channels/presence-dept-1", params: { info: "user_count,subscription_count" } });
    expect(await info.json()).toEqual({ occupied: true, user_count: 2, subscription_count: 2 });
    const empty = await sdk.get({ path: "/channels/public-nobody" });
    expect(await empty.json()).toEqual({ occupied: false });

    const users = await sdk.get({ path: "/channels/presence-dept-1/users" });
    expect(await users.json()).toEqual({ users: [{ id: "anna" }, { id: "ewa" }] });

    await expect(sdk.get({ path: "/channels/private-inbox-anna/users" })).rejects.toMatchObject({ status: 400 });
    await expect(sdk.get({ path: "/channels", params: { info: "user_count" } })).rejects.toMatchObject({ status: 400 });
  });
});

describe("embedded server lifecycle", { timeout: 15_000 }, () => {
  it("pings an idle socket and closes it when it does not answer", async () => {
    const quick = await startEmbeddedRealtimeServer({ port: 0, host: "127.0.0.1", ...APP, activityTimeoutSec: 1, pongTimeoutSec: 0.5 });
    try {
      const dead = openRaw({ port: quick.port, autoPong: false });
      await dead.waitFor("pusher:connection_established");
      await dead.waitFor("pusher:ping");
      await dead.closed;
      expect(quick.stats().connections).toBe(0);
    } finally {
      await quick.close();
    }
  });

  it("closes cleanly: clients told to reconnect, port released, no listening handle left", async () => {
    // Listening handles of this process: other servers of this file may still be closing, so the
    // count is compared as "no more than before", and the port itself is taken again below.
    const listening = () => process.getActiveResourcesInfo().filter((r) => r === "TCPServerWrap").length;
    const before = listening();
    const own = await startEmbeddedRealtimeServer({ port: 0, host: "127.0.0.1", ...APP });
    const client = await connect({ port: own.port });
    await subscribe(client, "public-x");
    const raw = openRaw({ port: own.port });
    await raw.waitFor("pusher:connection_established");
    expect(own.stats()).toEqual({ connections: 2, channels: 1 });

    const leaving = new Promise<string>((resolve) => client.connection.bind("state_change", ({ current }: { current: string }) => resolve(current)));
    await own.close();
    expect((await raw.closed).code).toBe(4200);
    expect(await leaving).not.toBe("connected");
    client.disconnect();
    expect(own.stats()).toEqual({ connections: 0, channels: 0 });
    expect(listening()).toBeLessThanOrEqual(before);
    await expect(fetch(`http://127.0.0.1:${own.port}/apps/${APP.appId}/channels`)).rejects.toThrow();
    const again = createServer();
    await new Promise<void>((resolve, reject) => again.once("error", reject).listen(own.port, "127.0.0.1", resolve));
    await new Promise((resolve) => again.close(resolve));
    await own.close(); // idempotent
  });
});
