import { describe, expect, it } from "vitest";
import { csvField, detectSeparator, parseCsv, toCsv } from "./contacts.csv";

const fields = (text: string, sep?: "," | ";") => parseCsv(text, sep).records.map((r) => r.fields);

describe("parseCsv", () => {
  it("reads comma-separated rows with a header", () => {
    expect(fields("rodzaj,nazwa\nfirma,Budimex\n")).toEqual([
      ["rodzaj", "nazwa"],
      ["firma", "Budimex"],
    ]);
  });

  it("reads the semicolons Polish Excel writes, with a BOM and CRLF", () => {
    const { records } = parseCsv("\uFEFFrodzaj;nazwa;miejscowosc\r\nosoba;Żółć Zofia;Boguchwała\r\n");
    expect(records).toEqual([
      { line: 1, fields: ["rodzaj", "nazwa", "miejscowosc"] },
      { line: 2, fields: ["osoba", "Żółć Zofia", "Boguchwała"] },
    ]);
  });

  it("keeps separators, escaped quotes and line breaks inside quotes, counting physical lines", () => {
    const text = 'nazwa,uwagi\n"Firma ""Alfa"", sp. z o.o.","linia 1\nlinia 2"\nBeta,"x"\n';
    const { records, unterminated } = parseCsv(text);
    expect(unterminated).toBe(false);
    expect(records).toEqual([
      { line: 1, fields: ["nazwa", "uwagi"] },
      { line: 2, fields: ['Firma "Alfa", sp. z o.o.', "linia 1\nlinia 2"] },
      { line: 4, fields: ["Beta", "x"] },
    ]);
  });

  it("skips empty lines, keeps empty fields and a last line without a line break", () => {
    expect(fields("a;b;c\n\n1;;3\n;;\n4;5;6", ";")).toEqual([
      ["a", "b", "c"],
      ["1", "", "3"],
      ["", "", ""],
      ["4", "5", "6"],
    ]);
  });

  it("reports an unterminated quote", () => {
    const { records, unterminated } = parseCsv('a,b\n"open,1\n');
    expect(unterminated).toBe(true);
    expect(records[1]!.fields).toEqual(["open,1\n"]);
  });

  it("keeps a quote in the middle of an unquoted field", () => {
    expect(fields('a,b\nsp. "X",2\n')[1]).toEqual(['sp. "X"', "2"]);
  });

  it("detects the separator from the header only", () => {
    expect(detectSeparator("a;b;c\n1,2,3,4,5")).toBe(";");
    expect(detectSeparator('"a;b",c,d\n')).toBe(",");
    expect(detectSeparator("\uFEFFa,b")).toBe(",");
  });
});

describe("toCsv", () => {
  it("writes a BOM, semicolons, CRLF, and quotes what needs it", () => {
    expect(toCsv([["nazwa", "uwagi"], ['Firma "Alfa"; sp. z o.o.', "a\nb"], ["Żółć", null]])).toBe(
      '\uFEFFnazwa;uwagi\r\n"Firma ""Alfa""; sp. z o.o.";"a\nb"\r\nŻółć;\r\n',
    );
  });

  it("round-trips through parseCsv", () => {
    const rows = [["a", "b;c", '"q"', "x\r\ny"], ["", "Żółć", "1,5", "-"]];
    expect(fields(toCsv(rows))).toEqual(rows);
  });

  it("neutralises spreadsheet formulas but leaves phone numbers", () => {
    expect(csvField("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvField("@cmd")).toBe("'@cmd");
    expect(csvField("+48 17 123 45 67")).toBe("+48 17 123 45 67");
    expect(csvField("-5")).toBe("-5");
    expect(csvField("+cmd")).toBe("'+cmd");
  });
});
