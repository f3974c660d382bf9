/** Times of letters in Polish local time (Europe/Warsaw). Pure and client-safe. */

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

function warsawParts(at: Date): Record<string, string> {
  return Object.fromEntries(partsFormatter.formatToParts(at).map((x) => [x.type, x.value]));
}

/** Offset of Polish time from UTC at an instant, in ms (+1 h in winter, +2 h in summer). */
function warsawOffsetMs(at: Date): number {
  const p = warsawParts(at);
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** "2026-11-25T09:15" read as Polish local time → the instant. */
export function warsawLocalToDate(local: string): Date {
  const guess = Date.parse(`${local.length === 16 ? `${local}:00` : local}Z`);
  const first = guess - warsawOffsetMs(new Date(guess));
  return new Date(guess - warsawOffsetMs(new Date(first)));
}

/** The instant as "2026-11-25T09:15" in Polish local time (the value of a datetime-local control). */
export function dateToWarsawLocal(at: Date): string {
  const p = warsawParts(at);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** The instant a Polish calendar day begins (`addDays` later). */
export function warsawDayStart(day: string, addDays = 0): Date {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + addDays);
  return warsawLocalToDate(`${d.toISOString().slice(0, 10)}T00:00`);
}

/** A `@db.Date` column value (midnight UTC) as `YYYY-MM-DD`. */
export function toDateOnly(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` as the Date Prisma stores in a `@db.Date` column. */
export function fromDateOnly(value: string): Date {
  return new Date(`${value}T00:00:00.000Z`);
}
