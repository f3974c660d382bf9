/** Calendar dates of substitutions: `YYYY-MM-DD` strings, both ends inclusive. Pure and client-safe. */
import type { SubstitutionStatus } from "./substitutions.schemas";

export interface DateRange {
  dateFrom: string;
  dateTo: string;
}

/** Two inclusive ranges share at least one day. */
export function rangesOverlap(a: DateRange, b: DateRange): boolean {
  return a.dateFrom <= b.dateTo && b.dateFrom <= a.dateTo;
}

/** A `@db.Date` column value (midnight UTC) as `YYYY-MM-DD`. */
export function toDateOnly(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` as the Date Prisma stores in a `@db.Date` column. */
export function fromDateOnly(value: string): Date {
  return new Date(`${value}T00:00:00.000Z`);
}

export function substitutionStatus(s: DateRange & { cancelledAt: Date | null }, today: string): SubstitutionStatus {
  if (s.cancelledAt) return "cancelled";
  if (s.dateTo < today) return "past";
  if (s.dateFrom > today) return "upcoming";
  return "current";
}
