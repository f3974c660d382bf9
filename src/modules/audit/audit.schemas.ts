/**
 * Inputs and DTOs of the audit trail viewer, shared by the page, the router and the service.
 * Client-safe. Pagination is keyset on (occurredAt, id), newest first; a cursor is the string
 * `<epoch ms>-<id>` of the entry to continue from.
 */
import { z } from "zod";
import { AUDIT_ACTIONS, type AuditAction } from "@/server/audit/audit.events";

export const AUDIT_PAGE_SIZE = 50;

/** Actor filter value for entries without a signed-in person (system jobs, unknown e-mails). */
export const NO_ACTOR = "system";

const CURSOR_RE = /^\d{1,15}-\d{1,19}$/;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}

/** A calendar day `YYYY-MM-DD` that exists. */
export const ZDay = z
  .string()
  .regex(DAY_RE, "Podaj datę w formacie dd.mm.rrrr.")
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, "Taka data nie istnieje.");

export const ZAuditCursor = z.string().regex(CURSOR_RE, "Nieprawidłowy kursor.");

export const ZAuditFilters = z
  .object({
    action: z.enum(AUDIT_ACTIONS).optional(),
    /** A user id, or NO_ACTOR for entries without a person. */
    actorId: z.string().trim().min(1).max(64).optional(),
    entityType: z.string().trim().min(1).max(40).optional(),
    entityId: z.string().trim().min(1).max(100, "Identyfikator może mieć najwyżej 100 znaków.").optional(),
    /** Days in Polish time (Europe/Warsaw), both inclusive. */
    from: ZDay.optional(),
    to: ZDay.optional(),
    /** The beginning of an address is enough ("192.168."). */
    ip: z
      .string()
      .trim()
      .min(1)
      .max(64, "Adres IP może mieć najwyżej 64 znaki.")
      .regex(/^[0-9a-fA-F.:]+$/, "Adres IP może zawierać tylko cyfry, litery a–f, kropki i dwukropki.")
      .optional(),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: "Data końcowa nie może być wcześniejsza niż początkowa.", path: ["to"] });
export type AuditFilters = z.infer<typeof ZAuditFilters>;

export const ZAuditListInput = z.object({
  filters: ZAuditFilters,
  /** Show entries older than this cursor ("Starsze"). */
  before: ZAuditCursor.optional(),
  /** Show entries newer than this cursor ("Nowsze"). */
  after: ZAuditCursor.optional(),
  limit: z.number().int().min(1).max(200).optional(),
});
export type AuditListInput = z.infer<typeof ZAuditListInput>;

export const ZFieldChange = z.object({ field: z.string(), from: z.unknown(), to: z.unknown() });
export type FieldChange = z.infer<typeof ZFieldChange>;

export const ZAuditEntry = z.object({
  id: z.string(),
  occurredAt: z.date(),
  action: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorPosition: z.string().nullable(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  caseId: z.string().nullable(),
  documentId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  /** `data.changes` as a list (field: before → after). */
  changes: z.array(ZFieldChange),
  /** The rest of `data`. */
  data: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditPage = z.object({
  entries: z.array(ZAuditEntry),
  /** Cursor for "Starsze", when older entries exist. */
  olderCursor: z.string().nullable(),
  /** Cursor for "Nowsze", when newer entries exist. */
  newerCursor: z.string().nullable(),
});
export type AuditPage = z.infer<typeof ZAuditPage>;

export const ZEntityHistoryInput = z.object({ entityType: z.string().trim().min(1).max(40), entityId: z.string().trim().min(1).max(100) });

export const ZAuditActor = z.object({ id: z.string(), name: z.string(), email: z.string(), active: z.boolean() });
export type AuditActor = z.infer<typeof ZAuditActor>;

export function auditCursor(entry: { occurredAt: Date; id: string }): string {
  return `${entry.occurredAt.getTime()}-${entry.id}`;
}

export function parseAuditCursor(cursor: string): { occurredAt: Date; id: bigint } {
  const [ms, id] = cursor.split("-");
  return { occurredAt: new Date(Number(ms)), id: BigInt(id!) };
}

/** "05.03.2026" (as typed in Poland) or "2026-03-05" (a date input) → "2026-03-05"; anything else unchanged. */
export function normalizeDayInput(value: string): string {
  const v = value.trim();
  const pl = /^(\d{1,2})[.\-/](\d{1,2})[.\-/](\d{4})$/.exec(v);
  if (pl) return `${pl[3]}-${pl[2]!.padStart(2, "0")}-${pl[1]!.padStart(2, "0")}`;
  return v;
}

type SearchParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined): string | undefined => {
  const s = Array.isArray(v) ? v[0] : v;
  return s === undefined || s.trim() === "" ? undefined : s.trim();
};

/** The URL names of the viewer's filters (also the names of the filter form's fields). */
export const AUDIT_PARAMS = { action: "action", actorId: "actor", entityType: "entityType", entityId: "entityId", from: "from", to: "to", ip: "ip" } as const;

/**
 * Reads the viewer's URL. Invalid filters are dropped and reported per field (the form shows the
 * message), so a mistyped date never hides the whole trail; invalid cursors are ignored.
 */
export function auditInputFromSearchParams(params: SearchParams): { input: AuditListInput; errors: Partial<Record<keyof AuditFilters, string>>; raw: Record<keyof AuditFilters, string> } {
  const raw = Object.fromEntries(Object.entries(AUDIT_PARAMS).map(([key, name]) => [key, first(params[name]) ?? ""])) as Record<keyof AuditFilters, string>;
  const candidate: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === "") continue;
    candidate[key] = key === "from" || key === "to" ? normalizeDayInput(value) : value;
  }
  const errors: Partial<Record<keyof AuditFilters, string>> = {};
  let parsed = ZAuditFilters.safeParse(candidate);
  while (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = String(issue.path[0] ?? "") as keyof AuditFilters;
    if (!(key in candidate)) break;
    errors[key] ??= key === "action" ? "Nieznana czynność." : issue.message;
    delete candidate[key];
    parsed = ZAuditFilters.safeParse(candidate);
  }
  const filters = parsed.success ? parsed.data : {};
  const before = first(params.before);
  const after = first(params.after);
  return {
    input: {
      filters,
      before: before && CURSOR_RE.test(before) ? before : undefined,
      after: !before && after && CURSOR_RE.test(after) ? after : undefined,
    },
    errors,
    raw,
  };
}

/** The URL of the viewer for the given filters and cursor. */
export function auditHref(filters: AuditFilters, cursor?: { before?: string | null; after?: string | null }): string {
  const q = new URLSearchParams();
  for (const [key, name] of Object.entries(AUDIT_PARAMS)) {
    const value = filters[key as keyof AuditFilters];
    if (value) q.set(name, value);
  }
  if (cursor?.before) q.set("before", cursor.before);
  if (cursor?.after) q.set("after", cursor.after);
  const s = q.toString();
  return s ? `/admin/dziennik?${s}` : "/admin/dziennik";
}
