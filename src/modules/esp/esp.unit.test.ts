import { describe, expect, it } from "vitest";
import { readXadesSignatures } from "@/server/pki/xades";
import { ESP_FORM_CODES, ESP_FORMS, parseEspForm } from "./esp.forms";
import { ACCESS_CODE_ALPHABET, numberFromSlug, submissionSlug, ZStatusQuery, ZVerifyCode } from "./esp.schemas";
import { createAccessCode, createLoginCode, formatAccessCode, hashAccessCode } from "./esp.tokens";
import { buildUppXml, warsawIso, type UppData } from "./esp.upp";

const sender = { senderName: "Jan Kowalski", street: "ul. Lipowa 3", postalCode: "36-040", city: "Boguchwała", phone: "" };

describe("ESP forms", () => {
  it("has the three forms, each with sender fields", () => {
    expect(ESP_FORM_CODES).toEqual(["pismo-ogolne", "zajecie-pasa", "wycinka-drzew"]);
    for (const code of ESP_FORM_CODES) expect(ESP_FORMS[code].fields.map((f) => f.name)).toEqual(expect.arrayContaining(["senderName", "street", "postalCode", "city"]));
  });

  it("accepts a valid general letter and uses its subject as the title", () => {
    const r = parseEspForm("pismo-ogolne", { ...sender, subject: "  Wniosek o informację ", body: "Treść" });
    expect(r).toEqual({ ok: true, values: { ...sender, subject: "Wniosek o informację", body: "Treść" }, title: "Wniosek o informację" });
  });

  it("answers in Polish per field", () => {
    const r = parseEspForm("pismo-ogolne", { ...sender, postalCode: "36040", phone: "abc", subject: "", body: "" });
    expect(r).toEqual({ ok: false, errors: { postalCode: "Kod pocztowy w postaci 00-000.", phone: "Podaj numer telefonu cyframi, np. 17 123 45 67.", subject: "Podaj temat pisma.", body: "Wpisz treść pisma." } });
  });

  it("checks the service forms' own fields", () => {
    const road = { ...sender, roadName: "ul. Główna, Boguchwała", place: "chodnik przy nr 5", purpose: "works", dateFrom: "2026-12-10", dateTo: "2026-12-01", area: "12,5", body: "" };
    expect(parseEspForm("zajecie-pasa", road)).toEqual({ ok: false, errors: { dateTo: "Data zakończenia nie może być wcześniejsza niż data rozpoczęcia." } });
    expect(parseEspForm("zajecie-pasa", { ...road, dateTo: "2026-12-20" })).toMatchObject({ ok: true, title: "Wniosek o zezwolenie na zajęcie pasa drogowego — ul. Główna, Boguchwała" });
    expect(parseEspForm("zajecie-pasa", { ...road, purpose: "party" })).toMatchObject({ ok: false, errors: { purpose: "Wybierz cel zajęcia pasa drogowego." } });
    const trees = { ...sender, parcel: "123/4", precinct: "Zarzecze", species: "brzoza", treeCount: "2", circumference: "120 cm, 95 cm", reason: "Zagrażają budynkowi", plannedDate: "2027-02-01" };
    expect(parseEspForm("wycinka-drzew", trees)).toMatchObject({ ok: false, errors: { ownerConsent: "Potwierdź tytuł prawny do nieruchomości albo zgodę właściciela." } });
    expect(parseEspForm("wycinka-drzew", { ...trees, ownerConsent: "on", treeCount: "0" })).toMatchObject({ ok: false, errors: { treeCount: "Podaj liczbę drzew (1–9999)." } });
    expect(parseEspForm("wycinka-drzew", { ...trees, ownerConsent: "on" })).toMatchObject({ ok: true, title: "Wniosek o zezwolenie na usunięcie drzew — dz. nr 123/4, obręb Zarzecze" });
  });

  it("ignores fields the form does not have", () => {
    const r = parseEspForm("pismo-ogolne", { ...sender, subject: "A", body: "B", admin: "1" });
    expect(r.ok && Object.keys(r.values)).not.toContain("admin");
  });
});

describe("ESP codes and numbers", () => {
  it("makes 8-character access codes from the unambiguous alphabet, hashed regardless of case and dashes", () => {
    const codes = new Set(Array.from({ length: 200 }, createAccessCode));
    expect(codes.size).toBe(200);
    for (const c of codes) {
      expect(c).toHaveLength(8);
      for (const ch of c) expect(ACCESS_CODE_ALPHABET).toContain(ch);
      expect(c).not.toMatch(/[01OIL]/);
    }
    const code = [...codes][0]!;
    expect(hashAccessCode(formatAccessCode(code).toLowerCase())).toBe(hashAccessCode(code));
    expect(hashAccessCode(code)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("makes 6-digit sign-in codes and reads what people type", () => {
    expect(createLoginCode()).toMatch(/^\d{6}$/);
    expect(ZVerifyCode.parse({ email: " Jan@Example.COM ", code: "123 456" })).toEqual({ email: "jan@example.com", code: "123456" });
    expect(ZVerifyCode.safeParse({ email: "jan@example.com", code: "12345" }).success).toBe(false);
    expect(ZStatusQuery.parse({ number: " ESP/1/2026 ", code: "abcd-efgh" })).toEqual({ number: "ESP/1/2026", code: "ABCDEFGH" });
  });

  it("puts the submission number in a path and back", () => {
    expect(submissionSlug("ESP/12/2026")).toBe("ESP-12-2026");
    expect(numberFromSlug("ESP-12-2026")).toBe("ESP/12/2026");
    expect(numberFromSlug("..-etc-passwd")).toBeNull();
  });
});

describe("UPP XML", () => {
  const data: UppData = {
    office: { name: "Urząd Miasta i Gminy Boguchwała", address: "ul. Suszyckich 33, 36-040 Boguchwała" },
    sender: { name: "Jan <Kowalski> & Syn", email: "jan@example.com" },
    submissionNumber: "ESP/7/2026",
    registerNo: "RPW/15/2026",
    receivedAt: new Date("2026-07-01T10:15:30.123Z"),
    formCode: "pismo-ogolne",
    title: "Wniosek „Żółć”",
    files: [
      { fileName: "pismo.pdf", size: 1234, sha256: "a".repeat(64), role: "letter" },
      { fileName: "zał 1.jpg", size: 99, sha256: "b".repeat(64), role: "attachment" },
    ],
  };

  it("gives the Warsaw time with its offset (summer and winter)", () => {
    expect(warsawIso(new Date("2026-07-01T10:15:30.123Z"))).toBe("2026-07-01T12:15:30+02:00");
    expect(warsawIso(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01T00:30:00+01:00");
  });

  it("names the office, the sender, both numbers, the time and every file's digest, escaped", () => {
    const xml = new TextDecoder().decode(buildUppXml(data));
    expect(xml).toContain('<UPP xmlns="urn:obieg:esp:upp:1" wersja="1">');
    expect(xml).toContain("<Nazwa>Urząd Miasta i Gminy Boguchwała</Nazwa><Adres>ul. Suszyckich 33, 36-040 Boguchwała</Adres>");
    expect(xml).toContain("<Nazwa>Jan &lt;Kowalski&gt; &amp; Syn</Nazwa><Email>jan@example.com</Email>");
    expect(xml).toContain("<NumerZgloszenia>ESP/7/2026</NumerZgloszenia>");
    expect(xml).toContain("<NumerRPW>RPW/15/2026</NumerRPW>");
    expect(xml).toContain('<DataPrzedlozenia czasLokalny="2026-07-01T12:15:30+02:00" strefa="Europe/Warsaw">2026-07-01T10:15:30.123Z</DataPrzedlozenia>');
    expect(xml).toContain('<Formularz kod="pismo-ogolne"><Tytul>Wniosek „Żółć”</Tytul></Formularz>');
    expect(xml).toContain(`<Dokument lp="1" rodzaj="pismo"><NazwaPliku>pismo.pdf</NazwaPliku><Rozmiar>1234</Rozmiar><SkrotSHA256>${"a".repeat(64)}</SkrotSHA256></Dokument>`);
    expect(xml).toContain(`<Dokument lp="2" rodzaj="zalacznik"><NazwaPliku>zał 1.jpg</NazwaPliku><Rozmiar>99</Rozmiar><SkrotSHA256>${"b".repeat(64)}</SkrotSHA256></Dokument>`);
    // Well-formed (the XAdES reader parses it; no signature yet).
    expect(readXadesSignatures(buildUppXml(data))).toEqual([]);
  });
});
