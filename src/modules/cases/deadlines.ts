/**
 * Case deadlines (KPA). Pure and client-safe; dates are calendar days "YYYY-MM-DD".
 * - art. 35: 1 month (KPA_1M) or 2 months (KPA_2M); zaświadczenie / dostępność 7 days; informacja
 *   publiczna 14 days; a custom date; or none.
 * - art. 57 §1–§3: a term in days ends on its last day, the starting day not counted; a term in
 *   months ends on the day of the month matching the start (or the month's last day).
 * - art. 57 §4: a term ending on a Saturday or a day off by statute moves to the next working day.
 * - art. 35 §5: periods of suspension are not counted — the due date moves by the suspended days.
 */
export const DEADLINE_TYPES = ["KPA_1M", "KPA_2M", "DAYS_7", "DAYS_14", "CUSTOM", "NONE"] as const;
export type DeadlineType = (typeof DEADLINE_TYPES)[number];

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const parse = (day: string) => new Date(`${day}T00:00:00.000Z`);

export function addDays(day: string, days: number): string {
  const d = parse(day);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
}

/** Calendar months: 31.01 + 1 month = 28.02 (29.02 in a leap year). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return iso(target);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parse(to).getTime() - parse(from).getTime()) / 86_400_000);
}

/** Easter Sunday (Gregorian calendar, the anonymous algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const holidayCache = new Map<number, Set<string>>();

/** Days off by statute in Poland (ustawa o dniach wolnych od pracy), Wigilia (24 December) from 2025. */
export function polishHolidays(year: number): Set<string> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const easter = easterSunday(year);
  const fixed = ["01-01", "01-06", "05-01", "05-03", "08-15", "11-01", "11-11", "12-25", "12-26", ...(year >= 2025 ? ["12-24"] : [])];
  const days = new Set([
    ...fixed.map((md) => `${year}-${md}`),
    easter,
    addDays(easter, 1), // Poniedziałek Wielkanocny
    addDays(easter, 49), // Zielone Świątki (a Sunday)
    addDays(easter, 60), // Boże Ciało
  ]);
  holidayCache.set(year, days);
  return days;
}

export function isPublicHoliday(day: string): boolean {
  return polishHolidays(Number(day.slice(0, 4))).has(day);
}

/** Saturday, Sunday or a public holiday. */
export function isNonWorkingDay(day: string): boolean {
  const weekday = parse(day).getUTCDay();
  return weekday === 0 || weekday === 6 || isPublicHoliday(day);
}

/** The day itself when it is a working day, else the next working day (art. 57 §4 KPA). */
export function nextWorkingDay(day: string): string {
  let d = day;
  while (isNonWorkingDay(d)) d = addDays(d, 1);
  return d;
}

/** The raw end of the term by type, before art. 57 §4 (null for NONE, the given date for CUSTOM). */
function rawDueDate(type: DeadlineType, startDate: string, customDate?: string | null): string | null {
  switch (type) {
    case "KPA_1M":
      return addMonths(startDate, 1);
    case "KPA_2M":
      return addMonths(startDate, 2);
    case "DAYS_7":
      return addDays(startDate, 7);
    case "DAYS_14":
      return addDays(startDate, 14);
    case "CUSTOM":
      return customDate ?? null;
    case "NONE":
      return null;
  }
}

/**
 * The due date of a case: by type from the start date, moved by the suspended days, then to the
 * next working day (a custom date is the clerk's choice and moves only by suspensions).
 */
export function computeDueDate(input: { type: DeadlineType; startDate: string; customDate?: string | null; suspendedDays?: number }): string | null {
  const raw = rawDueDate(input.type, input.startDate, input.customDate);
  if (!raw) return null;
  const moved = addDays(raw, input.suspendedDays ?? 0);
  return input.type === "CUSTOM" && !input.suspendedDays ? moved : nextWorkingDay(moved);
}

/** After a suspension of `days` days ends: the due date moves by them, to a working day. */
export function extendDueDate(dueDate: string | null, days: number): string | null {
  if (!dueDate || days <= 0) return dueDate;
  return nextWorkingDay(addDays(dueDate, days));
}

/** Days of a suspension: from the day it started to the day it ended (or today, when it goes on). */
export function suspendedDays(startedOn: string, endedOn: string): number {
  return Math.max(0, daysBetween(startedOn, endedOn));
}

export type DeadlineState = "none" | "overdue" | "today" | "soon" | "ok" | "paused" | "closed";

/** How a case stands against its deadline today ("soon" = within 7 days). */
export function deadlineState(input: { dueDate: string | null; today: string; status: string }): DeadlineState {
  if (input.status === "CLOSED") return "closed";
  if (input.status === "SUSPENDED") return "paused";
  if (!input.dueDate) return "none";
  const left = daysBetween(input.today, input.dueDate);
  if (left < 0) return "overdue";
  if (left === 0) return "today";
  return left <= 7 ? "soon" : "ok";
}
