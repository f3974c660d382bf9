/**
 * Pure helpers of the audit viewer (client-safe): Polish-time day bounds, a short user agent and
 * the display of recorded values.
 */
import { formatDate, formatDateTime, type Locale, type MessageKey, type Translate } from "@/lib/i18n/translator";
import type { AuditAction } from "@/server/audit/audit.events";

/** Compile-time check: every audit action has a label in the catalog (audit.messages.ts, both languages). */
const _everyActionLabelled: [Exclude<`audit.actions.${AuditAction}`, MessageKey>] extends [never] ? true : never = true;
void _everyActionLabelled;

const TIME_ZONE = "Europe/Warsaw";

const partsFormatter = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** Offset of Polish time from UTC at an instant, in ms (+1 h in winter, +2 h in summer). */
function warsawOffsetMs(at: Date): number {
  const p = Object.fromEntries(partsFormatter.formatToParts(at).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant a calendar day (`YYYY-MM-DD`) begins in Poland. Midnight never falls in a DST gap there. */
export function warsawDayStart(day: string, addDays = 0): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d + addDays);
  const first = guess - warsawOffsetMs(new Date(guess));
  return new Date(guess - warsawOffsetMs(new Date(first)));
}

/** "Chrome 131 · Windows" from a full user agent; short strings are kept as they are. */
export function shortUserAgent(ua: string | null): string | null {
  if (!ua) return null;
  const browser =
    match(ua, /Edg(?:e|A|iOS)?\/(\d+)/, "Edge") ??
    match(ua, /(?:OPR|Opera)\/(\d+)/, "Opera") ??
    match(ua, /Firefox\/(\d+)/, "Firefox") ??
    match(ua, /(?:Chrome|CriOS)\/(\d+)/, "Chrome") ??
    (/Safari\//.test(ua) ? match(ua, /Version\/(\d+)/, "Safari") : null);
  const os = /Windows/.test(ua)
    ? "Windows"
    : /Android/.test(ua)
      ? "Android"
      : /iPhone|iPad|iPod/.test(ua)
        ? "iOS"
        : /Mac OS X|Macintosh/.test(ua)
          ? "macOS"
          : /Linux|X11/.test(ua)
            ? "Linux"
            : null;
  if (browser) return os ? `${browser} · ${os}` : browser;
  return ua.length <= 40 ? ua : `${ua.slice(0, 39)}…`;
}

function match(ua: string, re: RegExp, name: string): string | null {
  const m = re.exec(ua);
  return m ? `${name} ${m[1]}` : null;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A recorded value as text: empty → "brak", booleans → tak/nie, instants in Polish time, lists joined. */
export function formatAuditValue(value: unknown, t: Translate, locale: Locale): string {
  if (value === null || value === undefined || value === "") return t("common.none");
  if (typeof value === "boolean") return value ? t("common.yes") : t("common.no");
  if (typeof value === "string") {
    if (ISO_INSTANT.test(value)) return formatDateTime(value, locale);
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(`${value}T12:00:00Z`, locale);
    return value;
  }
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (Array.isArray(value)) return value.length === 0 ? t("common.none") : value.map((v) => formatAuditValue(v, t, locale)).join(", ");
  return JSON.stringify(value);
}

/** The label under `prefix.<name>`, or the name itself when the catalog has none (an older or unknown value). */
export function labelOr(t: Translate, prefix: "audit.actions" | "audit.entityTypes" | "audit.fields" | "audit.dataKeys" | `audit.values.${string}`, name: string): string {
  const key = `${prefix}.${name}`;
  const label = t(key as MessageKey);
  return label === key ? name : label;
}
