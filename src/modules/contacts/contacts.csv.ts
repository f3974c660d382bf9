/**
 * A small CSV reader and writer (RFC 4180 plus what Polish Excel does): fields separated by "," or
 * ";" (Excel in Poland writes ";"), optional quotes, "" for a quote inside quotes, line breaks
 * inside quoted fields, CRLF or LF, a UTF-8 byte-order mark at the start. Pure and client-safe.
 */

export interface CsvRecord {
  /** The physical line (1-based) the record starts on: what a user sees in a text editor. */
  line: number;
  fields: string[];
}

const BOM = "\uFEFF";

/** The separator of the first line: ";" when it has more semicolons than commas outside quotes. */
export function detectSeparator(text: string): "," | ";" {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text.startsWith(BOM) ? text.slice(1) : text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch === ",") commas += 1;
    else if (!quoted && ch === ";") semicolons += 1;
  }
  return semicolons > commas ? ";" : ",";
}

/**
 * Parses CSV text into records. Empty lines are skipped. A quote in the middle of an unquoted
 * field is kept as a character; an unterminated quoted field runs to the end of the text (and is
 * reported by `unterminated`).
 */
export function parseCsv(input: string, separator: "," | ";" = detectSeparator(input)): { records: CsvRecord[]; unterminated: boolean } {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let fieldStarted = false;
  let line = 1;
  let recordLine = 1;

  const endField = () => {
    fields.push(field);
    field = "";
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    if (!(fields.length === 1 && fields[0] === "")) records.push({ line: recordLine, fields });
    fields = [];
  };

  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else {
          quoted = false;
        }
      } else {
        if (ch === "\n") line += 1;
        if (ch === "\r" && text[i + 1] !== "\n") line += 1;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (ch === separator) {
      endField();
    } else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  const unterminated = quoted;
  if (field !== "" || fields.length > 0 || fieldStarted) endRecord();
  return { records, unterminated };
}

/** One field, quoted when it holds the separator, a quote or a line break; formula starts neutralised for Excel. */
export function csvField(value: string | null | undefined, separator: "," | ";" = ";"): string {
  let v = value ?? "";
  // "=SUM(…)", "@cmd", "+cmd" would run as formulas in a spreadsheet; phone numbers like "+48 …" stay.
  if (/^[=@]/.test(v) || /^[+-][^\d\s]/.test(v)) v = `'${v}`;
  return v.includes(separator) || /["\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** A whole CSV file for Excel: BOM, ";" separators, CRLF line ends. */
export function toCsv(rows: (string | null | undefined)[][], separator: "," | ";" = ";"): string {
  return BOM + rows.map((r) => r.map((v) => csvField(v, separator)).join(separator)).join("\r\n") + "\r\n";
}
