/**
 * The CSV layout of the baza teleadresowa (import and export use the same columns) and the
 * validation of one imported row. Pure and client-safe: the import page lists the columns from here.
 */
import type { z } from "zod";
import { foldText } from "@/lib/polish";
import { parseCsv } from "./contacts.csv";
import { type ContactKind, ZCreateContactInput } from "./contacts.schemas";

/** Column names, in file order. */
export const CONTACT_CSV_COLUMNS = [
  "rodzaj",
  "nazwa",
  "imie",
  "nazwisko",
  "pesel",
  "nip",
  "regon",
  "krs",
  "email",
  "telefon",
  "adres_edoreczenia",
  "adres_epuap",
  "ulica",
  "kod_pocztowy",
  "miejscowosc",
  "uwagi",
] as const;
export type ContactCsvColumn = (typeof CONTACT_CSV_COLUMNS)[number];

/** Which input field each column fills. */
const FIELD_OF: Record<ContactCsvColumn, keyof z.input<typeof ZCreateContactInput>> = {
  rodzaj: "kind",
  nazwa: "name",
  imie: "firstName",
  nazwisko: "lastName",
  pesel: "pesel",
  nip: "nip",
  regon: "regon",
  krs: "krs",
  email: "email",
  telefon: "phone",
  adres_edoreczenia: "eDoreczeniaAddress",
  adres_epuap: "epuapAddress",
  ulica: "street",
  kod_pocztowy: "postalCode",
  miejscowosc: "city",
  uwagi: "notes",
};
const COLUMN_OF = Object.fromEntries(Object.entries(FIELD_OF).map(([c, f]) => [f, c])) as Record<string, ContactCsvColumn>;

/** How the kinds are written in the file (export writes the first). */
export const KIND_WORDS: Record<ContactKind, string[]> = {
  PERSON: ["osoba", "osoba fizyczna", "person"],
  INSTITUTION: ["instytucja", "urzad", "institution"],
  COMPANY: ["firma", "przedsiebiorstwo", "company"],
};

export function kindOfWord(word: string): ContactKind | null {
  const w = foldText(word);
  for (const [kind, words] of Object.entries(KIND_WORDS) as [ContactKind, string[]][]) if (words.includes(w) || w === kind.toLowerCase()) return kind;
  return null;
}

/** A header cell as a column name: folded, spaces and hyphens as "_" ("Kod pocztowy" → kod_pocztowy, "Imię" → imie). */
export function columnOf(header: string): ContactCsvColumn | null {
  const key = foldText(header).replace(/[\s-]+/g, "_");
  return (CONTACT_CSV_COLUMNS as readonly string[]).includes(key) ? (key as ContactCsvColumn) : null;
}

export type ContactImportRow = z.output<typeof ZCreateContactInput>;

export interface ParsedContactFile {
  /** Whole-file problems (no header, missing columns, broken quotes): nothing is imported. */
  fileErrors: string[];
  /** Header cells that are not known columns (skipped). */
  unknownColumns: string[];
  rows: { line: number; name: string; input: ContactImportRow | null; reasons: string[] }[];
}

export const MAX_IMPORT_ROWS = 5000;

/** Reads a CSV file of contacts: header, then one contact per record, each validated like the form. */
export function parseContactFile(text: string): ParsedContactFile {
  const { records, unterminated } = parseCsv(text);
  const result: ParsedContactFile = { fileErrors: [], unknownColumns: [], rows: [] };
  if (records.length === 0) {
    result.fileErrors.push("Plik jest pusty.");
    return result;
  }
  const header = records[0]!.fields;
  const columns = header.map(columnOf);
  result.unknownColumns = header.filter((_, i) => columns[i] === null && header[i]!.trim() !== "");
  if (!columns.includes("rodzaj")) result.fileErrors.push("Brak kolumny „rodzaj” w pierwszym wierszu (nagłówku).");
  if (!columns.includes("nazwa") && !columns.includes("nazwisko")) result.fileErrors.push("Brak kolumny „nazwa” ani „nazwisko” w nagłówku.");
  if (unterminated) result.fileErrors.push("Plik kończy się w środku pola w cudzysłowie: sprawdź, czy każdy cudzysłów jest zamknięty.");
  if (records.length - 1 > MAX_IMPORT_ROWS) result.fileErrors.push(`Plik ma ${records.length - 1} wierszy danych; najwyżej ${MAX_IMPORT_ROWS} naraz. Podziel go na mniejsze pliki.`);
  if (result.fileErrors.length > 0) return result;

  for (const record of records.slice(1)) {
    const values: Record<string, string> = {};
    columns.forEach((c, i) => {
      if (c) values[FIELD_OF[c]] = record.fields[i] ?? "";
    });
    const reasons: string[] = [];
    if (record.fields.length > header.length && record.fields.slice(header.length).some((f) => f.trim() !== "")) {
      reasons.push(`Wiersz ma więcej pól (${record.fields.length}) niż nagłówek (${header.length}) — sprawdź separator i cudzysłowy.`);
    }
    const kindWord = values.kind ?? "";
    const kind = kindOfWord(kindWord);
    const name = [values.name, values.lastName, values.firstName].filter((v) => v && v.trim()).join(" ").trim() || "(bez nazwy)";
    if (!kind) {
      reasons.push(kindWord.trim() ? `rodzaj: nieznany rodzaj „${kindWord.trim()}” — wpisz osoba, instytucja albo firma.` : "rodzaj: podaj rodzaj — osoba, instytucja albo firma.");
      result.rows.push({ line: record.line, name, input: null, reasons });
      continue;
    }
    const parsed = ZCreateContactInput.safeParse({ ...values, kind, force: true });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = COLUMN_OF[String(issue.path[0] ?? "")];
        const reason = column ? `${column}: ${issue.message}` : issue.message;
        if (!reasons.includes(reason)) reasons.push(reason);
      }
    }
    result.rows.push({ line: record.line, name, input: parsed.success && reasons.length === 0 ? parsed.data : null, reasons });
  }
  return result;
}
