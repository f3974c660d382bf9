import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import Pusher from "pusher";
import { describe, expect, it } from "vitest";
import {
  channelType,
  decodeMessage,
  encodeMessage,
  isValidChannelName,
  isValidSocketId,
  parsePresenceChannelData,
  restQueryToSign,
  signChannelAuth,
  signRestRequest,
  signedRestQueryString,
  socketId,
  verifyChannelAuth,
  verifyRestRequest,
} from "./pusher-protocol";

// The example credentials of Pusher's documentation (auth signatures and HTTP API reference).
const DOC = { appId: "3", key: "278d425bdf160c739803", secret: "7ad3773142a6692b25b8" };
const sdk = new Pusher({ ...DOC, host: "127.0.0.1" }); // signs only

describe("channel authorisation", () => {
  it("matches the documented private-channel signature and the pusher SDK", () => {
    const auth = signChannelAuth({ ...DOC, socketId: "1234.1234", channel: "private-foobar" });
    expect(auth).toBe("278d425bdf160c739803:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4");
    expect(auth).toBe(sdk.authorizeChannel("1234.1234", "private-foobar").auth);
  });

  it("matches the documented presence signature, channel_data signed byte for byte", () => {
    const presence = sdk.authorizeChannel("1234.1234", "presence-foobar", { user_id: "10", user_info: { name: "Mr. Channels" } });
    const mine = signChannelAuth({ ...DOC, socketId: "1234.1234", channel: "presence-foobar", channelData: presence.channel_data });
    expect(mine).toBe(presence.auth);
    // Pusher's documented vector (numeric user_id).
    const documented = '{"user_id":10,"user_info":{"name":"Mr. Channels"}}';
    expect(signChannelAuth({ ...DOC, socketId: "1234.1234", channel: "presence-foobar", channelData: documented })).toBe(
      "278d425bdf160c739803:31935e7d86dba64c2a90aed31fdc61869f9b22ba9d8863bba239c03ca481bc80",
    );
  });

  it("agrees with the SDK for many random sockets and channels", () => {
    for (let i = 0; i < 50; i++) {
      const id = socketId();
      const channel = `private-dept-${i}.${id}`;
      expect(signChannelAuth({ ...DOC, socketId: id, channel })).toBe(sdk.authorizeChannel(id, channel).auth);
    }
  });

  it("verifies its own and the SDK's signatures and refuses forged, other-socket and other-channel ones", () => {
    const base = { ...DOC, socketId: "11.22", channel: "private-a" };
    const good = sdk.authorizeChannel("11.22", "private-a").auth;
    expect(verifyChannelAuth({ ...base, auth: good })).toBe(true);
    expect(verifyChannelAuth({ ...base, socketId: "11.23", auth: good })).toBe(false);
    expect(verifyChannelAuth({ ...base, channel: "private-b", auth: good })).toBe(false);
    expect(verifyChannelAuth({ ...base, secret: "other", auth: good })).toBe(false);
    const forged = signChannelAuth({ ...base, secret: "guessed" });
    expect(verifyChannelAuth({ ...base, auth: forged })).toBe(false);
    expect(verifyChannelAuth({ ...base, auth: `${DOC.key}:` })).toBe(false);
    expect(verifyChannelAuth({ ...base, auth: good.replace(DOC.key, "otherkey") })).toBe(false);
    expect(verifyChannelAuth({ ...base, auth: undefined })).toBe(false);
    expect(verifyChannelAuth({ ...base, auth: 42 })).toBe(false);
  });

  it("binds presence signatures to the exact channel_data", () => {
    const { auth, channel_data: channelData } = sdk.authorizeChannel("1.2", "presence-x", { user_id: "u1", user_info: { name: "Anna" } });
    const base = { ...DOC, socketId: "1.2", channel: "presence-x" };
    expect(verifyChannelAuth({ ...base, channelData, auth })).toBe(true);
    expect(verifyChannelAuth({ ...base, channelData: channelData?.replace("u1", "u2"), auth })).toBe(false);
    expect(verifyChannelAuth({ ...base, auth })).toBe(false);
  });
});

describe("presence channel_data", () => {
  it("accepts string and numeric user ids and keeps user_info", () => {
    expect(parsePresenceChannelData('{"user_id":"u1","user_info":{"name":"Anna"}}')).toEqual({ userId: "u1", userInfo: { name: "Anna" } });
    expect(parsePresenceChannelData('{"user_id":10}')).toEqual({ userId: "10", userInfo: undefined });
  });

  it("refuses missing or unusable user ids and non-JSON", () => {
    for (const bad of [undefined, 5, "", "nope", "[]", "null", '{"user_info":{}}', '{"user_id":""}', '{"user_id":{}}', `{"user_id":"${"x".repeat(129)}"}`]) {
      expect(parsePresenceChannelData(bad)).toBeNull();
    }
  });
});

describe("names and ids", () => {
  it("validates channel names like Pusher", () => {
    for (const ok of ["a", "private-user-1", "presence-dept_2", "x=y@z,w.v;u", "A".repeat(200)]) expect(isValidChannelName(ok)).toBe(true);
    for (const bad of ["", "with space", "ąę", "#server-to-user-1", "a/b", "A".repeat(201), 3, null]) expect(isValidChannelName(bad)).toBe(false);
  });

  it("tells channel types apart, encrypted before private", () => {
    expect(channelType("private-encrypted-x")).toBe("private-encrypted");
    expect(channelType("private-x")).toBe("private");
    expect(channelType("presence-x")).toBe("presence");
    expect(channelType("news")).toBe("public");
    expect(channelType("privatex")).toBe("public");
  });

  it("generates socket ids the SDK accepts", () => {
    const ids = new Set(Array.from({ length: 200 }, () => socketId()));
    expect(ids.size).toBe(200);
    for (const id of ids) {
      expect(isValidSocketId(id)).toBe(true);
      expect(() => sdk.authorizeChannel(id, "private-x")).not.toThrow();
    }
    expect(isValidSocketId("1.")).toBe(false);
    expect(isValidSocketId("a.b")).toBe(false);
  });
});

describe("HTTP API signatures", () => {
  const body = '{"name":"foo","channels":["project-3"],"data":"{\\"some\\":\\"data\\"}"}';

  it("reproduces the documented request signature", () => {
    const query = signRestRequest({ method: "POST", path: "/apps/3/events", key: DOC.key, secret: DOC.secret, body, timestamp: 1353088179 });
    expect(query).toEqual({
      auth_key: DOC.key,
      auth_timestamp: "1353088179",
      auth_version: "1.0",
      body_md5: "ec365a775a4cd0599faeb73354201b6f",
      auth_signature: "da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c",
    });
    expect(verifyRestRequest({ method: "POST", path: "/apps/3/events", query, key: DOC.key, secret: DOC.secret, body, now: 1353088179 + 30 })).toEqual({ ok: true });
  });

  it("sorts parameters and leaves out auth_signature when signing", () => {
    expect(restQueryToSign({ b: "2", auth_signature: "x", a: "1", info: "user_count,subscription_count" })).toBe("a=1&b=2&info=user_count,subscription_count");
    const qs = signedRestQueryString({ method: "GET", path: "/apps/3/channels", key: "k", secret: "s", query: { filter_by_prefix: "presence-" }, timestamp: 1 });
    expect(qs).toMatch(/^auth_key=k&auth_timestamp=1&auth_version=1\.0&filter_by_prefix=presence-&auth_signature=[0-9a-f]{64}$/);
  });

  it("refuses tampering: method, path, query, body, key, secret, old timestamps", () => {
    const now = 1_700_000_000;
    const query = signRestRequest({ method: "GET", path: "/apps/3/channels", query: { filter_by_prefix: "presence-" }, key: "k", secret: "s", timestamp: now });
    const ok = { method: "GET", path: "/apps/3/channels", query, key: "k", secret: "s", now };
    expect(verifyRestRequest(ok)).toEqual({ ok: true });
    expect(verifyRestRequest({ ...ok, method: "POST" }).ok).toBe(false);
    expect(verifyRestRequest({ ...ok, path: "/apps/4/channels" }).ok).toBe(false);
    expect(verifyRestRequest({ ...ok, query: { ...query, filter_by_prefix: "private-" } }).ok).toBe(false);
    expect(verifyRestRequest({ ...ok, query: { ...query, extra: "1" } }).ok).toBe(false);
    expect(verifyRestRequest({ ...ok, body: "{}" }).ok).toBe(false);
    expect(verifyRestRequest({ ...ok, key: "other" })).toEqual({ ok: false, reason: "Unknown auth_key" });
    expect(verifyRestRequest({ ...ok, secret: "other" })).toEqual({ ok: false, reason: "Invalid signature" });
    expect(verifyRestRequest({ ...ok, now: now + 601 }).ok).toBe(false);
    const { auth_signature: _s, ...unsigned } = query;
    expect(verifyRestRequest({ ...ok, query: unsigned }).ok).toBe(false);

    const posted = signRestRequest({ method: "POST", path: "/apps/3/events", key: "k", secret: "s", body: "{\"a\":1}", timestamp: now });
    const post = { method: "POST", path: "/apps/3/events", query: posted, key: "k", secret: "s", body: "{\"a\":1}", now };
    expect(verifyRestRequest(post)).toEqual({ ok: true });
    expect(verifyRestRequest({ ...post, body: "{\"a\":2}" })).toEqual({ ok: false, reason: "body_md5 does not match the body" });
  });

  it("verifies what the pusher SDK actually sends (trigger and get)", async () => {
    const seen: { method: string; path: string; query: Record<string, string>; body: string }[] = [];
    const server = createServer(async (req: IncomingMessage, res) => {
      let body = "";
      for await (const chunk of req) body += String(chunk);
      const [path = "", search = ""] = (req.url ?? "").split("?");
      seen.push({ method: req.method ?? "", path, query: Object.fromEntries(new URLSearchParams(search)), body });
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const client = new Pusher({ ...DOC, host: "127.0.0.1", port: String(port), useTLS: false });
      await client.trigger(["news", "private-a"], "letter.registered", { id: "Zażółć „gęślą” jaźń" }, { socket_id: "1.2" });
      await client.get({ path: "/channels", params: { filter_by_prefix: "presence-", info: "user_count" } });
      expect(seen).toHaveLength(2);
      for (const request of seen) {
        expect(verifyRestRequest({ ...request, key: DOC.key, secret: DOC.secret })).toEqual({ ok: true });
        expect(verifyRestRequest({ ...request, key: DOC.key, secret: "wrong" }).ok).toBe(false);
      }
      expect(JSON.parse(seen[0]!.body)).toMatchObject({ name: "letter.registered", channels: ["news", "private-a"], socket_id: "1.2" });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe("messages", () => {
  it("encodes data as a JSON string, as Pusher does", () => {
    const frame = JSON.parse(encodeMessage({ event: "e", channel: "c", data: { a: 1 } }));
    expect(frame).toEqual({ event: "e", channel: "c", data: '{"a":1}' });
    expect(JSON.parse(encodeMessage({ event: "e", data: "raw" })).data).toBe("raw");
    expect(JSON.parse(encodeMessage({ event: "e", channel: "presence-x", data: "{}", user_id: "u1" })).user_id).toBe("u1");
  });

  it("decodes client frames and rejects junk", () => {
    expect(decodeMessage('{"event":"pusher:subscribe","data":{"channel":"a"}}')).toEqual({ event: "pusher:subscribe", channel: undefined, data: { channel: "a" } });
    for (const bad of ["", "x", "[]", "null", '{"event":1}', '{"event":""}', '{"event":"e","channel":5}']) expect(decodeMessage(bad)).toBeNull();
  });
});
