import { describe, expect, it } from "vitest";
import { columnOf, kindOfWord, parseContactFile } from "./contacts.import-rows";

describe("parseContactFile", () => {
  it("reads an Excel file (BOM, semicolons, Polish headers) into validated rows", () => {
    const file =
      "\uFEFFRodzaj;Nazwa;Imię;Nazwisko;PESEL;NIP;Kod pocztowy;Ulica;Miejscowość;Telefon\r\n" +
      "osoba;;Zofia;Żółć;85031401527;;36-040;ul. Kościuszki 12;Boguchwała;+48 17 123 45 67\r\n" +
      "firma;Budimex Rzeszów sp. z o.o.;;;;796-240-10-07;;;;\r\n";
    const parsed = parseContactFile(file);
    expect(parsed.fileErrors).toEqual([]);
    expect(parsed.rows.map((r) => [r.line, r.reasons])).toEqual([
      [2, []],
      [3, []],
    ]);
    expect(parsed.rows[0]!.input).toMatchObject({ kind: "PERSON", firstName: "Zofia", lastName: "Żółć", pesel: "85031401527", postalCode: "36-040", phone: "+48 17 123 45 67" });
    expect(parsed.rows[1]!.input).toMatchObject({ kind: "COMPANY", name: "Budimex Rzeszów sp. z o.o.", nip: "7962401007", street: null });
  });

  it("rejects bad rows with the line number and Polish reasons per column", () => {
    const file = [
      "rodzaj,nazwa,imie,nazwisko,pesel,nip,kod_pocztowy,ulica,miejscowosc",
      "osoba,,Jan,Nowak,85031401528,,,,",
      "ktoś,Coś,,,,,,,",
      ",Bez rodzaju,,,,,,,",
      'firma,"Alfa, sp. z o.o.",,,,1234563219,36040,ul. Polna 1,',
      "instytucja,WIOŚ,,,,,,,,nadmiar",
    ].join("\n");
    const parsed = parseContactFile(file);
    expect(parsed.rows.map((r) => r.line)).toEqual([2, 3, 4, 5, 6]);
    expect(parsed.rows.every((r) => r.input === null)).toBe(true);
    expect(parsed.rows[0]!.reasons).toEqual([expect.stringMatching(/^pesel: Nieprawidłowy PESEL/)]);
    expect(parsed.rows[1]!.reasons).toEqual(["rodzaj: nieznany rodzaj „ktoś” — wpisz osoba, instytucja albo firma."]);
    expect(parsed.rows[2]!.reasons[0]).toMatch(/^rodzaj: podaj rodzaj/);
    expect(parsed.rows[3]!.name).toBe("Alfa, sp. z o.o.");
    expect(parsed.rows[3]!.reasons).toEqual([expect.stringMatching(/^nip: /), expect.stringMatching(/^kod_pocztowy: /), "miejscowosc: Podaj miejscowość."]);
    expect(parsed.rows[4]!.reasons[0]).toMatch(/więcej pól \(10\) niż nagłówek \(9\)/);
  });

  it("refuses a file without the required columns, and names unknown ones", () => {
    expect(parseContactFile("").fileErrors).toEqual(["Plik jest pusty."]);
    const parsed = parseContactFile("imie;nazwisko;fax\nJan;Nowak;1\n");
    expect(parsed.fileErrors).toEqual(["Brak kolumny „rodzaj” w pierwszym wierszu (nagłówku)."]);
    expect(parsed.unknownColumns).toEqual(["fax"]);
    expect(parseContactFile('rodzaj,nazwa\nfirma,"Alfa\n').fileErrors[0]).toMatch(/cudzysłowie/);
  });

  it("understands column and kind spellings", () => {
    expect(columnOf(" Kod pocztowy ")).toBe("kod_pocztowy");
    expect(columnOf("Adres-ePUAP")).toBe("adres_epuap");
    expect(columnOf("Miejscowość")).toBe("miejscowosc");
    expect(columnOf("fax")).toBeNull();
    expect(kindOfWord("Osoba fizyczna")).toBe("PERSON");
    expect(kindOfWord("INSTYTUCJA")).toBe("INSTITUTION");
    expect(kindOfWord("Przedsiębiorstwo")).toBe("COMPANY");
    expect(kindOfWord("company")).toBe("COMPANY");
    expect(kindOfWord("inne")).toBeNull();
  });
});
