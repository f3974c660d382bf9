import { describe, expect, it } from "vitest";
import { ZSendMessageInput } from "./chat.schemas";
import { mayAnnounceTyping, newClientId, TYPING_THROTTLE_MS, typingNames } from "./chat.client";

describe("newClientId", () => {
  it("is accepted by the send schema and differs between messages", () => {
    const a = newClientId();
    const b = newClientId();
    expect(a).not.toBe(b);
    expect(a).toHaveLength(24);
    expect(ZSendMessageInput.safeParse({ conversationId: "c1", clientId: a, body: "x" }).success).toBe(true);
  });
  it("maps every byte into the allowed alphabet", () => {
    const id = newClientId((b) => b.map((_, i) => i * 11));
    expect(id).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });
});

describe("typing", () => {
  it("sends at most once per throttle window", () => {
    expect(mayAnnounceTyping(null, 1000)).toBe(true);
    expect(mayAnnounceTyping(1000, 1000 + TYPING_THROTTLE_MS - 1)).toBe(false);
    expect(mayAnnounceTyping(1000, 1000 + TYPING_THROTTLE_MS)).toBe(true);
  });
  it("forgets people who stopped typing", () => {
    const typing = new Map([
      ["u1", { name: "Anna", at: 10_000 }],
      ["u2", { name: "Jan", at: 1_000 }],
    ]);
    expect(typingNames(typing, 11_000)).toEqual(["Anna"]);
    expect(typingNames(typing, 20_000)).toEqual([]);
  });
  it("forgets a person whose message came after their signal", () => {
    const typing = new Map([["u1", { name: "Anna", at: 10_000 }]]);
    expect(typingNames(typing, 11_000, { userId: "u1", at: 10_500 })).toEqual([]);
    expect(typingNames(typing, 11_000, { userId: "u1", at: 9_000 })).toEqual(["Anna"]);
    expect(typingNames(typing, 11_000, { userId: "u2", at: 10_500 })).toEqual(["Anna"]);
  });
});
