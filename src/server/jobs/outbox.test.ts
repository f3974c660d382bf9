import { describe, expect, it } from "vitest";
import { backoffMs } from "./outbox";

describe("backoffMs", () => {
  it("starts at 5 s and doubles per attempt, before jitter", () => {
    const mid = () => 0.5; // jitter factor 0.8 + 0.4 · 0.5 = 1
    expect([1, 2, 3, 4, 5].map((a) => backoffMs(a, mid))).toEqual([5_000, 10_000, 20_000, 40_000, 80_000]);
  });

  it("keeps the jitter within ±20 %", () => {
    expect(backoffMs(1, () => 0)).toBe(4_000);
    expect(backoffMs(1, () => 1)).toBe(6_000);
    expect(backoffMs(3, () => 0)).toBe(16_000);
    expect(backoffMs(3, () => 1)).toBe(24_000);
    for (let i = 0; i < 200; i += 1) {
      const attempt = 1 + (i % 15);
      const base = Math.min(5_000 * 2 ** (attempt - 1), 3_600_000);
      const ms = backoffMs(attempt);
      expect(ms).toBeGreaterThanOrEqual(base * 0.8);
      expect(ms).toBeLessThanOrEqual(base * 1.2);
    }
  });

  it("is capped at one hour (plus jitter), even for huge attempt numbers", () => {
    expect(backoffMs(11, () => 0.5)).toBe(3_600_000); // 5 s · 2^10 = 5120 s > 1 h
    expect(backoffMs(1_000, () => 0.5)).toBe(3_600_000);
    expect(backoffMs(1_000, () => 1)).toBe(4_320_000);
    expect(Number.isFinite(backoffMs(1e9))).toBe(true);
  });

  it("treats attempt 0 and negative numbers like the first attempt", () => {
    expect(backoffMs(0, () => 0.5)).toBe(5_000);
    expect(backoffMs(-3, () => 0.5)).toBe(5_000);
  });

  it("never goes down as attempts go up", () => {
    let previous = 0;
    for (let a = 1; a <= 20; a += 1) {
      const ms = backoffMs(a, () => 0.5);
      expect(ms).toBeGreaterThanOrEqual(previous);
      previous = ms;
    }
  });
});
