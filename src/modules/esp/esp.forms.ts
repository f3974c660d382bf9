/**
 * The ESP's forms: "pismo ogólne" and the service forms linked from "Jak załatwić sprawę". Each has
 * its fields (for rendering, client-side validation and the letter's PDF) and one zod schema used by
 * the browser and the server alike. Client-safe.
 */
import { z } from "zod";

export type EspFieldKind = "text" | "textarea" | "tel" | "date" | "number" | "select" | "checkbox";

export interface EspField {
  name: string;
  kind: EspFieldKind;
  required: boolean;
  /** For selects: the option values (labels under esp.options.<name>.<value>). */
  options?: readonly string[];
  autoComplete?: string;
  maxLength?: number;
}

const text = (max: number, required: string) => z.string().trim().min(1, required).max(max, `Najwyżej ${max} znaków.`);
const optionalText = (max: number) => z.string().trim().max(max, `Najwyżej ${max} znaków.`).default("");
const postalCode = z.string().trim().regex(/^\d{2}-\d{3}$/, "Kod pocztowy w postaci 00-000.");
const phone = z
  .string()
  .trim()
  .regex(/^$|^\+?[0-9 ()-]{7,20}$/, "Podaj numer telefonu cyframi, np. 17 123 45 67.")
  .default("");
const isoDate = (required: string) => z.string().trim().min(1, required).regex(/^\d{4}-\d{2}-\d{2}$/, "Podaj datę w postaci RRRR-MM-DD.");

const senderShape = {
  senderName: text(200, "Podaj imię i nazwisko albo nazwę."),
  street: text(200, "Podaj ulicę i numer domu."),
  postalCode,
  city: text(100, "Podaj miejscowość."),
  phone,
};
const senderFields: EspField[] = [
  { name: "senderName", kind: "text", required: true, autoComplete: "name", maxLength: 200 },
  { name: "street", kind: "text", required: true, autoComplete: "street-address", maxLength: 200 },
  { name: "postalCode", kind: "text", required: true, autoComplete: "postal-code", maxLength: 6 },
  { name: "city", kind: "text", required: true, autoComplete: "address-level2", maxLength: 100 },
  { name: "phone", kind: "tel", required: false, autoComplete: "tel", maxLength: 20 },
];

const ZGeneral = z.object({
  ...senderShape,
  subject: text(300, "Podaj temat pisma."),
  body: text(20_000, "Wpisz treść pisma."),
});

const OCCUPATION_PURPOSES = ["works", "device", "advert", "other"] as const;
const ZRoadOccupation = z
  .object({
    ...senderShape,
    roadName: text(200, "Podaj drogę (ulicę) i miejscowość."),
    place: text(300, "Opisz miejsce zajęcia (np. odcinek, numer działki)."),
    purpose: z.enum(OCCUPATION_PURPOSES, "Wybierz cel zajęcia pasa drogowego."),
    dateFrom: isoDate("Podaj datę rozpoczęcia."),
    dateTo: isoDate("Podaj datę zakończenia."),
    area: z
      .string()
      .trim()
      .regex(/^\d{1,6}([.,]\d{1,2})?$/, "Podaj powierzchnię w m², np. 12,5."),
    body: optionalText(5_000),
  })
  .refine((v) => v.dateTo >= v.dateFrom, { path: ["dateTo"], message: "Data zakończenia nie może być wcześniejsza niż data rozpoczęcia." });

const ZTreeRemoval = z.object({
  ...senderShape,
  parcel: text(100, "Podaj numer działki."),
  precinct: text(100, "Podaj obręb ewidencyjny."),
  species: text(300, "Podaj gatunki drzew."),
  treeCount: z
    .string()
    .trim()
    .regex(/^[1-9]\d{0,3}$/, "Podaj liczbę drzew (1–9999)."),
  circumference: text(300, "Podaj obwody pni mierzone na wysokości 130 cm."),
  reason: text(5_000, "Podaj przyczynę usunięcia drzew."),
  plannedDate: isoDate("Podaj planowany termin usunięcia."),
  ownerConsent: z.literal("on", "Potwierdź tytuł prawny do nieruchomości albo zgodę właściciela."),
});

export const ESP_FORMS = {
  "pismo-ogolne": {
    schema: ZGeneral,
    fields: [...senderFields, { name: "subject", kind: "text", required: true, maxLength: 300 }, { name: "body", kind: "textarea", required: true, maxLength: 20_000 }] as EspField[],
    title: (v: z.output<typeof ZGeneral>) => v.subject,
  },
  "zajecie-pasa": {
    schema: ZRoadOccupation,
    fields: [
      ...senderFields,
      { name: "roadName", kind: "text", required: true, maxLength: 200 },
      { name: "place", kind: "text", required: true, maxLength: 300 },
      { name: "purpose", kind: "select", required: true, options: OCCUPATION_PURPOSES },
      { name: "dateFrom", kind: "date", required: true },
      { name: "dateTo", kind: "date", required: true },
      { name: "area", kind: "text", required: true, maxLength: 10 },
      { name: "body", kind: "textarea", required: false, maxLength: 5_000 },
    ] as EspField[],
    title: (v: z.output<typeof ZRoadOccupation>) => `Wniosek o zezwolenie na zajęcie pasa drogowego — ${v.roadName}`,
  },
  "wycinka-drzew": {
    schema: ZTreeRemoval,
    fields: [
      ...senderFields,
      { name: "parcel", kind: "text", required: true, maxLength: 100 },
      { name: "precinct", kind: "text", required: true, maxLength: 100 },
      { name: "species", kind: "text", required: true, maxLength: 300 },
      { name: "treeCount", kind: "number", required: true },
      { name: "circumference", kind: "text", required: true, maxLength: 300 },
      { name: "reason", kind: "textarea", required: true, maxLength: 5_000 },
      { name: "plannedDate", kind: "date", required: true },
      { name: "ownerConsent", kind: "checkbox", required: true },
    ] as EspField[],
    title: (v: z.output<typeof ZTreeRemoval>) => `Wniosek o zezwolenie na usunięcie drzew — dz. nr ${v.parcel}, obręb ${v.precinct}`,
  },
} as const;

export type EspFormCode = keyof typeof ESP_FORMS;
export const ESP_FORM_CODES = Object.keys(ESP_FORMS) as EspFormCode[];

export function isEspFormCode(code: unknown): code is EspFormCode {
  return typeof code === "string" && Object.hasOwn(ESP_FORMS, code);
}

export type EspFormValues = Record<string, string>;

export type EspFormParse = { ok: true; values: EspFormValues; title: string } | { ok: false; errors: Record<string, string> };

/** Validates raw form values (strings) against the form's schema; the same on both sides. */
export function parseEspForm(code: EspFormCode, raw: Record<string, unknown>): EspFormParse {
  const form = ESP_FORMS[code];
  const picked: Record<string, unknown> = {};
  for (const f of form.fields) {
    const v = raw[f.name];
    picked[f.name] = typeof v === "string" ? v : f.kind === "checkbox" ? undefined : "";
  }
  const parsed = form.schema.safeParse(picked);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[issue.path.map(String).join(".") || "_"] ??= issue.message;
    return { ok: false, errors };
  }
  const values: EspFormValues = {};
  for (const [k, v] of Object.entries(parsed.data as Record<string, unknown>)) values[k] = String(v);
  const title = (form.title as (v: never) => string)(parsed.data as never);
  return { ok: true, values, title: title.slice(0, 500) };
}
