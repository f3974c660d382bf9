/**
 * Inputs and outputs of the organisation module: the office, its locations, departments
 * (komórki organizacyjne), positions (stanowiska) and the staff directory. Client-safe: the forms
 * validate with the same schemas as the router. Messages are Polish (they reach the user as is).
 */
import { z } from "zod";
import { digitsOf, isValidNip, isValidPostalCode, isValidRegon } from "@/lib/identifiers";

export const PAGE_SIZE = 25;

// ---------------------------------------------------------------- building blocks

const tooLong = (max: number) => `Najwyżej ${max} znaków.`;

/** Required text: trimmed, not empty. */
const text = (max: number, empty: string) => z.string(empty).trim().min(1, empty).max(max, tooLong(max));

/** Optional text: trimmed; "" (an empty form field), null and undefined all become null. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, tooLong(max))
    .nullish()
    .transform((v) => (v ? v : null));

/** An optional id from a <select>: "" means none. */
const optionalId = z
  .string()
  .max(64)
  .nullish()
  .transform((v) => (v ? v : null));

const id = z.string().min(1).max(64);

const phone = z
  .string()
  .trim()
  .max(40, tooLong(40))
  .regex(/^[0-9 +()-]*$/, "Numer telefonu może zawierać tylko cyfry, spacje i znaki + ( ) -.")
  .nullish()
  .transform((v) => (v ? v : null));

const email = z
  .string()
  .trim()
  .max(200, tooLong(200))
  .nullish()
  .transform((v) => (v ? v.toLowerCase() : null))
  .refine((v) => v === null || z.email().safeParse(v).success, "Podaj poprawny adres e-mail, np. sekretariat@urzad.gov.pl.");

const postalCode = z
  .string("Podaj kod pocztowy.")
  .trim()
  .refine(isValidPostalCode, "Kod pocztowy ma postać NN-NNN, np. 36-040.");

const page = z.number().int().min(1).max(100_000).default(1);

export function ZPaged<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), pageCount: z.number().int() });
}
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

export const ZPageInput = z.object({ page });
export type PageInput = z.infer<typeof ZPageInput>;

export const ZSetActiveInput = z.object({ id, active: z.boolean() });
export type SetActiveInput = z.infer<typeof ZSetActiveInput>;

export const ZIdInput = z.object({ id });
export type IdInput = z.infer<typeof ZIdInput>;

// ---------------------------------------------------------------- office (urząd)

export const ZOfficeInput = z.object({
  name: text(200, "Podaj pełną nazwę urzędu."),
  shortName: text(80, "Podaj nazwę skróconą."),
  street: text(200, "Podaj ulicę i numer budynku."),
  postalCode,
  city: text(100, "Podaj miejscowość."),
  nip: z
    .string()
    .trim()
    .nullish()
    .transform((v) => (v ? digitsOf(v).replace(/^PL/i, "") : null))
    .superRefine((v, ctx) => {
      if (v === null) return;
      if (!/^\d{10}$/.test(v)) ctx.addIssue({ code: "custom", message: "NIP to 10 cyfr, np. 817-199-74-06." });
      else if (!isValidNip(v)) ctx.addIssue({ code: "custom", message: "Nieprawidłowy NIP: cyfra kontrolna się nie zgadza. Sprawdź, czy nie ma literówki." });
    }),
  regon: z
    .string()
    .trim()
    .nullish()
    .transform((v) => (v ? digitsOf(v) : null))
    .superRefine((v, ctx) => {
      if (v === null) return;
      if (!/^(\d{9}|\d{14})$/.test(v)) ctx.addIssue({ code: "custom", message: "REGON to 9 albo 14 cyfr." });
      else if (!isValidRegon(v)) ctx.addIssue({ code: "custom", message: "Nieprawidłowy REGON: cyfra kontrolna się nie zgadza. Sprawdź, czy nie ma literówki." });
    }),
  email,
  phone,
  epuapAddress: optionalText(200).refine(
    (v) => v === null || /^\/[^/\s]+\/[^/\s]+$/.test(v),
    "Adres skrytki ePUAP ma postać /nazwa-urzedu/SkrytkaESP.",
  ),
  website: optionalText(300).refine((v) => v === null || /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(v), "Podaj pełny adres strony, np. https://www.urzad.gov.pl."),
});
export type OfficeInput = z.infer<typeof ZOfficeInput>;

export const ZOffice = z.object({
  name: z.string(),
  shortName: z.string(),
  street: z.string(),
  postalCode: z.string(),
  city: z.string(),
  nip: z.string().nullable(),
  regon: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  epuapAddress: z.string().nullable(),
  website: z.string().nullable(),
});
export type Office = z.infer<typeof ZOffice>;

// ---------------------------------------------------------------- locations (siedziba, oddziały)

export const LOCATION_KINDS = ["SIEDZIBA", "ODDZIAL"] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];

const ZLocationFields = z.object({
  code: z
    .string("Podaj kod lokalizacji.")
    .trim()
    .transform((v) => v.toLocaleUpperCase("pl"))
    .pipe(z.string().min(1, "Podaj kod lokalizacji.").regex(/^[A-Z0-9]{1,10}$/, "Kod to od 1 do 10 wielkich liter lub cyfr, np. O12.")),
  name: text(200, "Podaj nazwę lokalizacji."),
  kind: z.enum(LOCATION_KINDS, "Wybierz rodzaj: siedziba albo oddział zamiejscowy."),
  street: text(200, "Podaj ulicę i numer budynku."),
  postalCode,
  city: text(100, "Podaj miejscowość."),
  phone,
});

export const ZCreateLocationInput = ZLocationFields;
export type CreateLocationInput = z.infer<typeof ZCreateLocationInput>;
export const ZUpdateLocationInput = ZLocationFields.extend({ id });
export type UpdateLocationInput = z.infer<typeof ZUpdateLocationInput>;

export const ZLocation = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(LOCATION_KINDS),
  street: z.string(),
  postalCode: z.string(),
  city: z.string(),
  phone: z.string().nullable(),
  active: z.boolean(),
  /** Active staff working there. */
  staffCount: z.number().int(),
});
export type Location = z.infer<typeof ZLocation>;

export const ZLocationOption = z.object({ id: z.string(), code: z.string(), name: z.string() });
export type LocationOption = z.infer<typeof ZLocationOption>;

export function locationSortKey(kind: LocationKind, nameKey: string): string {
  return `${kind === "SIEDZIBA" ? "0" : "1"} ${nameKey}`;
}

// ---------------------------------------------------------------- departments (komórki organizacyjne)

const LETTER = "A-ZĄĆĘŁŃÓŚŹŻ";
/** A top-level komórka: 2–5 upper-case letters (GK, USC, OŚ). */
export const TOP_SYMBOL = new RegExp(`^[${LETTER}]{2,5}$`);
/** A referat: its wydział's symbol, a hyphen, 1–5 letters or digits (GK-D). */
export const REFERAT_SYMBOL = new RegExp(`^[${LETTER}]{2,5}-[${LETTER}0-9]{1,5}$`);

const ZDepartmentFields = z.object({
  symbol: z
    .string("Podaj symbol komórki.")
    .trim()
    .transform((v) => v.toLocaleUpperCase("pl"))
    .pipe(z.string().min(1, "Podaj symbol komórki.").max(11, tooLong(11))),
  name: text(200, "Podaj nazwę komórki."),
  parentId: optionalId,
  locationId: optionalId,
  headId: optionalId,
  email,
  phone,
});

/** The symbol's form follows from the parent: a wydział has letters only, a referat PARENT-X. */
function symbolRule(v: { symbol: string; parentId: string | null }, ctx: z.core.$RefinementCtx) {
  if (!v.symbol) return;
  if (!v.parentId && !TOP_SYMBOL.test(v.symbol)) {
    ctx.addIssue({
      code: "custom",
      path: ["symbol"],
      message: REFERAT_SYMBOL.test(v.symbol)
        ? "Symbol z łącznikiem ma tylko referat: wybierz komórkę nadrzędną albo usuń łącznik."
        : "Symbol komórki to od 2 do 5 wielkich liter, np. GK albo USC.",
    });
  }
  if (v.parentId && !REFERAT_SYMBOL.test(v.symbol)) {
    ctx.addIssue({ code: "custom", path: ["symbol"], message: "Symbol referatu to symbol wydziału, łącznik i od 1 do 5 liter, np. GK-D." });
  }
}

export const ZCreateDepartmentInput = ZDepartmentFields.superRefine(symbolRule);
export type CreateDepartmentInput = z.infer<typeof ZCreateDepartmentInput>;
export const ZUpdateDepartmentInput = ZDepartmentFields.extend({ id }).superRefine(symbolRule);
export type UpdateDepartmentInput = z.infer<typeof ZUpdateDepartmentInput>;

export const ZListDepartmentsInput = z.object({ page, includeInactive: z.boolean().default(false) });
export type ListDepartmentsInput = z.infer<typeof ZListDepartmentsInput>;

const ZPersonRef = z.object({ id: z.string(), name: z.string(), positionName: z.string().nullable() });

export const ZDepartment = z.object({
  id: z.string(),
  symbol: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  location: z.object({ id: z.string(), name: z.string(), active: z.boolean() }).nullable(),
  head: ZPersonRef.nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  active: z.boolean(),
  staffCount: z.number().int(),
});
export type Department = z.infer<typeof ZDepartment>;

export const ZDepartmentNode = ZDepartment.extend({ children: z.array(ZDepartment) });
export type DepartmentNode = z.infer<typeof ZDepartmentNode>;

export const ZDepartmentFormOptions = z.object({
  parents: z.array(z.object({ id: z.string(), symbol: z.string(), name: z.string() })),
  locations: z.array(ZLocationOption),
  heads: z.array(z.object({ id: z.string(), name: z.string(), positionName: z.string().nullable(), departmentSymbol: z.string().nullable() })),
});
export type DepartmentFormOptions = z.infer<typeof ZDepartmentFormOptions>;

// ---------------------------------------------------------------- positions (stanowiska)

const ZPositionFields = z.object({
  name: text(120, "Podaj nazwę stanowiska."),
  rank: z.coerce
    .number("Podaj liczbę od 1 do 999.")
    .int("Podaj liczbę całkowitą od 1 do 999.")
    .min(1, "Podaj liczbę od 1 do 999.")
    .max(999, "Podaj liczbę od 1 do 999."),
});
export const ZCreatePositionInput = ZPositionFields;
export type CreatePositionInput = z.infer<typeof ZCreatePositionInput>;
export const ZUpdatePositionInput = ZPositionFields.extend({ id });
export type UpdatePositionInput = z.infer<typeof ZUpdatePositionInput>;

export const ZPosition = z.object({ id: z.string(), name: z.string(), rank: z.number().int(), userCount: z.number().int() });
export type Position = z.infer<typeof ZPosition>;

// ---------------------------------------------------------------- directory (struktura urzędu)

export const ZDirectoryDepartment = z.object({
  id: z.string(),
  symbol: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  location: z.object({ id: z.string(), name: z.string(), street: z.string(), postalCode: z.string(), city: z.string() }).nullable(),
  head: ZPersonRef.extend({ phone: z.string().nullable(), email: z.string() }).nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  staffCount: z.number().int(),
});
export type DirectoryDepartment = z.infer<typeof ZDirectoryDepartment>;
export const ZDirectoryNode = ZDirectoryDepartment.extend({ children: z.array(ZDirectoryDepartment) });
export type DirectoryNode = z.infer<typeof ZDirectoryNode>;

export const ZStaffQuery = z.object({
  q: z.string().trim().max(100, tooLong(100)).default(""),
  departmentId: optionalId,
  locationId: optionalId,
  /** Honoured for administrators (users.manage) only. */
  includeInactive: z.boolean().default(false),
  page,
});
export type StaffQuery = z.infer<typeof ZStaffQuery>;

export const ZStaffMember = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  positionName: z.string().nullable(),
  department: z.object({ id: z.string(), symbol: z.string(), name: z.string() }).nullable(),
  location: z.object({ id: z.string(), name: z.string() }).nullable(),
  active: z.boolean(),
});
export type StaffMember = z.infer<typeof ZStaffMember>;

type SearchParams = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/**
 * The directory's state lives in the address (?q=…&komorka=…&lokalizacja=…&nieaktywni=1&strona=2),
 * so results can be bookmarked and page links are real links.
 */
export function staffQueryFromSearchParams(sp: SearchParams): StaffQuery {
  const pageNo = Number.parseInt(first(sp.strona), 10);
  return {
    q: first(sp.q).trim().slice(0, 100),
    departmentId: first(sp.komorka) || null,
    locationId: first(sp.lokalizacja) || null,
    includeInactive: first(sp.nieaktywni) === "1",
    page: Number.isFinite(pageNo) && pageNo >= 1 && pageNo <= 100_000 ? pageNo : 1,
  };
}

export function staffQueryHref(query: Partial<StaffQuery>, base = "/struktura"): string {
  const sp = new URLSearchParams();
  if (query.q) sp.set("q", query.q);
  if (query.departmentId) sp.set("komorka", query.departmentId);
  if (query.locationId) sp.set("lokalizacja", query.locationId);
  if (query.includeInactive) sp.set("nieaktywni", "1");
  if (query.page && query.page > 1) sp.set("strona", String(query.page));
  const s = sp.toString();
  return s ? `${base}?${s}` : base;
}
