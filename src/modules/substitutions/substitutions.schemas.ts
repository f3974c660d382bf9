/** Inputs and DTOs of substitutions (zastępstwa). Client-safe: the form validates with the router's schema. */
import { z } from "zod";

export const SUBSTITUTIONS_PAGE_SIZE = 25;

/** The list views: current today (in Poland), upcoming, past and cancelled. */
export const SUBSTITUTION_VIEWS = ["biezace", "nadchodzace", "minione", "anulowane"] as const;
export type SubstitutionView = (typeof SUBSTITUTION_VIEWS)[number];

const ZId = z.string().min(1).max(64);
const ZDate = (empty: string) => z.string().min(1, empty).pipe(z.iso.date("Podaj datę w formacie RRRR-MM-DD."));

export const ZSubstitutionListInput = z.object({
  view: z.enum(SUBSTITUTION_VIEWS).default("biezace"),
  q: z.string().trim().max(100).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
});
export type SubstitutionListInput = z.input<typeof ZSubstitutionListInput>;

export const ZCreateSubstitutionInput = z
  .object({
    absentId: z.string().min(1, "Wybierz osobę nieobecną.").max(64),
    substituteId: z.string().min(1, "Wybierz osobę zastępującą.").max(64),
    dateFrom: ZDate("Podaj pierwszy dzień zastępstwa."),
    dateTo: ZDate("Podaj ostatni dzień zastępstwa."),
    reason: z.string().trim().min(1, "Podaj powód nieobecności, np. urlop wypoczynkowy.").max(200, "Najwyżej 200 znaków."),
  })
  .refine((v) => v.absentId !== v.substituteId, { message: "Osoba nie może zastępować samej siebie.", path: ["substituteId"] })
  // ISO dates compare correctly as text.
  .refine((v) => !v.dateFrom || !v.dateTo || v.dateTo >= v.dateFrom, { message: "Ostatni dzień nie może być wcześniejszy niż pierwszy.", path: ["dateTo"] });
export type CreateSubstitutionInput = z.input<typeof ZCreateSubstitutionInput>;

export const ZSubstitutionIdInput = z.object({ id: ZId });

const ZPersonRef = z.object({ id: z.string(), name: z.string(), departmentSymbol: z.string().nullable() });

export const ZSubstitutionStatus = z.enum(["current", "upcoming", "past", "cancelled"]);
export type SubstitutionStatus = z.infer<typeof ZSubstitutionStatus>;

export const ZSubstitution = z.object({
  id: z.string(),
  absent: ZPersonRef,
  substitute: ZPersonRef,
  /** Calendar dates, YYYY-MM-DD, both inclusive. */
  dateFrom: z.string(),
  dateTo: z.string(),
  reason: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.date(),
  cancelledAt: z.date().nullable(),
  status: ZSubstitutionStatus,
  canCancel: z.boolean(),
});
export type SubstitutionDto = z.infer<typeof ZSubstitution>;

export const ZSubstitutionList = z.object({
  items: z.array(ZSubstitution),
  total: z.number().int(),
  page: z.number().int(),
  pages: z.number().int(),
  pageSize: z.number().int(),
  today: z.string(),
  counts: z.object({ biezace: z.number().int(), nadchodzace: z.number().int(), minione: z.number().int(), anulowane: z.number().int() }),
});
export type SubstitutionList = z.infer<typeof ZSubstitutionList>;

const ZPersonOption = z.object({ id: z.string(), label: z.string() });

/** Whom the actor may mark absent (their scope) and who may substitute (any active user). */
export const ZSubstitutionOptions = z.object({
  absentees: z.array(ZPersonOption),
  substitutes: z.array(ZPersonOption),
  today: z.string(),
});
export type SubstitutionOptions = z.infer<typeof ZSubstitutionOptions>;
