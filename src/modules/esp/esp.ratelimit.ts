/**
 * A small in-process sliding-window counter, for limits that have no table of their own (the case
 * status look-ups per IP). Process-local: with several app instances each counts separately.
 */
const holder = globalThis as unknown as { obiegEspHits?: Map<string, number[]> };
const windows: Map<string, number[]> = (holder.obiegEspHits ??= new Map());

/** Records one hit of `key`; false when `limit` hits within `windowMs` were already recorded. */
export function hit(key: string, limit: number, windowMs: number, now = Date.now()): boolean {
  const recent = (windows.get(key) ?? []).filter((t: number) => t > now - windowMs);
  if (recent.length >= limit) {
    windows.set(key, recent);
    return false;
  }
  recent.push(now);
  windows.set(key, recent);
  if (windows.size > 50_000) {
    for (const [k, v] of windows) if (!v.some((t: number) => t > now - windowMs)) windows.delete(k);
  }
  return true;
}

/** Tests only. */
export function resetHits(): void {
  windows.clear();
}
