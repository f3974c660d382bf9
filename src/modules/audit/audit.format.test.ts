import { describe, expect, it } from "vitest";
import { createTranslator } from "@/lib/i18n/translator";
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from "@/server/audit/audit.events";
import { formatAuditValue, labelOr, shortUserAgent, warsawDayStart } from "./audit.format";
import { auditCursor, auditHref, normalizeDayInput, parseAuditCursor } from "./audit.schemas";

const pl = createTranslator("pl");
const en = createTranslator("en");

describe("labels", () => {
  it("has a Polish and an English label for every audit action and entity type", () => {
    for (const action of AUDIT_ACTIONS) {
      expect(labelOr(pl, "audit.actions", action), action).not.toBe(action);
      expect(labelOr(en, "audit.actions", action), action).not.toBe(action);
    }
    for (const type of AUDIT_ENTITY_TYPES) expect(labelOr(pl, "audit.entityTypes", type), type).not.toBe(type);
    expect(labelOr(pl, "audit.actions", "auth.sign-in-failed")).toBe("Nieudane logowanie");
    expect(labelOr(pl, "audit.actions", "job.retried")).toBe("Ponowienie zadania w tle");
  });

  it("shows an unknown name as it is", () => {
    expect(labelOr(pl, "audit.actions", "legacy.action")).toBe("legacy.action");
    expect(labelOr(pl, "audit.fields", "someField")).toBe("someField");
    expect(labelOr(pl, "audit.fields", "phone")).toBe("telefon");
  });
});

describe("warsawDayStart", () => {
  it("gives midnight in Polish time, winter (+1) and summer (+2)", () => {
    expect(warsawDayStart("2026-01-15").toISOString()).toBe("2026-01-14T23:00:00.000Z");
    expect(warsawDayStart("2026-07-15").toISOString()).toBe("2026-07-14T22:00:00.000Z");
  });

  it("handles the days of the clock changes and month ends", () => {
    expect(warsawDayStart("2026-03-29").toISOString()).toBe("2026-03-28T23:00:00.000Z"); // spring forward at 02:00
    expect(warsawDayStart("2026-03-29", 1).toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(warsawDayStart("2026-10-25").toISOString()).toBe("2026-10-24T22:00:00.000Z"); // fall back at 03:00
    expect(warsawDayStart("2026-10-25", 1).toISOString()).toBe("2026-10-25T23:00:00.000Z");
    expect(warsawDayStart("2026-12-31", 1).toISOString()).toBe("2026-12-31T23:00:00.000Z");
  });
});

describe("shortUserAgent", () => {
  it("names the browser, its version and the system", () => {
    expect(shortUserAgent("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36")).toBe("Chrome 131 · Windows");
    expect(shortUserAgent("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86")).toBe("Edge 131 · Windows");
    expect(shortUserAgent("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0")).toBe("Firefox 133 · Linux");
    expect(shortUserAgent("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1")).toBe("Safari 18 · iOS");
    expect(shortUserAgent("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36")).toBe("Chrome 131 · Android");
    expect(shortUserAgent("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15")).toBe("Safari 18 · macOS");
  });

  it("keeps short strings and shortens unknown long ones", () => {
    expect(shortUserAgent(null)).toBeNull();
    expect(shortUserAgent("obieg-system")).toBe("obieg-system");
    const long = `curl-like-agent/${"x".repeat(80)}`;
    expect(shortUserAgent(long)).toHaveLength(40);
    expect(shortUserAgent(long)!.endsWith("…")).toBe(true);
  });
});

describe("formatAuditValue", () => {
  it("shows empty values, booleans, dates, lists and objects readably", () => {
    expect(formatAuditValue(null, pl, "pl")).toBe("brak");
    expect(formatAuditValue("", pl, "pl")).toBe("brak");
    expect(formatAuditValue(true, pl, "pl")).toBe("Tak");
    expect(formatAuditValue("2026-03-01T23:30:00.000Z", pl, "pl")).toBe("02.03.2026, 00:30:00");
    expect(formatAuditValue("2026-03-05", pl, "pl")).toBe("05.03.2026");
    expect(formatAuditValue(["PRACOWNIK", "KIEROWNIK"], pl, "pl")).toBe("PRACOWNIK, KIEROWNIK");
    expect(formatAuditValue([], pl, "pl")).toBe("brak");
    expect(formatAuditValue(12, pl, "pl")).toBe("12");
    expect(formatAuditValue({ a: 1 }, pl, "pl")).toBe('{"a":1}');
    expect(formatAuditValue("zwykły tekst", pl, "pl")).toBe("zwykły tekst");
  });
});

describe("cursors and URLs", () => {
  it("round-trips a cursor", () => {
    const c = auditCursor({ occurredAt: new Date("2026-03-02T10:00:00.123Z"), id: "12345" });
    expect(c).toBe(`${Date.UTC(2026, 2, 2, 10, 0, 0, 123)}-12345`);
    expect(parseAuditCursor(c)).toEqual({ occurredAt: new Date("2026-03-02T10:00:00.123Z"), id: 12345n });
  });

  it("accepts Polish day formats", () => {
    expect(normalizeDayInput("5.3.2026")).toBe("2026-03-05");
    expect(normalizeDayInput("05.03.2026")).toBe("2026-03-05");
    expect(normalizeDayInput("2026-03-05")).toBe("2026-03-05");
  });

  it("builds the viewer's URL with filters and a cursor", () => {
    expect(auditHref({})).toBe("/admin/dziennik");
    expect(auditHref({ action: "user.updated", actorId: "abc", from: "2026-03-01" }, { before: "1-2" })).toBe("/admin/dziennik?action=user.updated&actor=abc&from=2026-03-01&before=1-2");
  });
});
