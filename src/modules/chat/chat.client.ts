/**
 * Small client-safe helpers of the Komunikator UI (pure, unit-tested): message ids for idempotent
 * retries, the typing-signal throttle and the "Anna pisze…" line.
 */

/** A new clientId for one message (kept for its retries): 24 url-safe characters, works outside secure contexts too. */
export function newClientId(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
  return Array.from(random(new Uint8Array(24)), (b) => alphabet[b & 63]).join("");
}

export const TYPING_THROTTLE_MS = 3_000;
/** How long "… pisze" stays after the last typing signal from a person. */
export const TYPING_VISIBLE_MS = 5_000;

/** True when a typing signal may be sent now (at most one per TYPING_THROTTLE_MS). */
export function mayAnnounceTyping(lastSentAt: number | null, now: number): boolean {
  return lastSentAt === null || now - lastSentAt >= TYPING_THROTTLE_MS;
}

/**
 * Names of the people still typing at `now` (each with the time of their last signal); `sent`: the
 * newest message's author and time — a signal before it was about that message.
 */
export function typingNames(typing: ReadonlyMap<string, { name: string; at: number }>, now: number, sent?: { userId: string; at: number }): string[] {
  return [...typing.entries()].filter(([userId, x]) => now - x.at < TYPING_VISIBLE_MS && !(sent && sent.userId === userId && sent.at >= x.at)).map(([, x]) => x.name);
}
