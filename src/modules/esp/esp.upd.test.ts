import { describe, expect, it } from "vitest";
import { buildUpdXml, renderUpdPdf, UPD_NAMESPACE, type UpdData } from "./esp.upd";

const data: UpdData = {
  office: { name: "Urząd Miejski w Boguchwale", address: "ul. Suszyckich 33, 36-040 Boguchwała" },
  recipient: { name: "Anna \"Ania\" Nowak & <Syn>", email: "anna@example.pl" },
  registerNo: "GK.6220.1.2026",
  subject: "Decyzja <w sprawie> drzew & krzewów\u0007",
  deliveryId: "cm0delivery000000000000001",
  sentAt: new Date("2026-11-20T08:15:00.000Z"),
  confirmedAt: new Date("2026-11-25T13:30:05.000Z"),
  files: [
    { fileName: "decyzja.pdf", size: 12_345, sha256: "a".repeat(64) },
    { fileName: "załącznik <1>.pdf", size: 10, sha256: "b".repeat(64) },
  ],
};

const text = (d: UpdData = data, generatedAt?: Date) => new TextDecoder().decode(buildUpdXml(d, generatedAt));

describe("UPD XML", () => {
  it("holds the office, the addressee, the letter, the three moments and every file's digest", () => {
    const xml = text(data, new Date("2026-11-25T13:30:06.000Z"));
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<UPD xmlns="urn:obieg:esp:upd:1"')).toBe(true);
    expect(UPD_NAMESPACE).toBe("urn:obieg:esp:upd:1");
    expect(xml).toContain("<Nadawca><Nazwa>Urząd Miejski w Boguchwale</Nazwa><Adres>ul. Suszyckich 33, 36-040 Boguchwała</Adres></Nadawca>");
    expect(xml).toContain("<Email>anna@example.pl</Email>");
    expect(xml).toContain("<Numer>GK.6220.1.2026</Numer>");
    expect(xml).toContain("<IdentyfikatorDoreczenia>cm0delivery000000000000001</IdentyfikatorDoreczenia>");
    expect(xml).toContain('<DataWprowadzenia czasLokalny="2026-11-20T09:15:00+01:00" strefa="Europe/Warsaw">2026-11-20T08:15:00.000Z</DataWprowadzenia>');
    expect(xml).toContain('<DataPotwierdzeniaOdbioru czasLokalny="2026-11-25T14:30:05+01:00" strefa="Europe/Warsaw">2026-11-25T13:30:05.000Z</DataPotwierdzeniaOdbioru>');
    expect(xml).toContain('<DataWytworzenia czasLokalny="2026-11-25T14:30:06+01:00" strefa="Europe/Warsaw">2026-11-25T13:30:06.000Z</DataWytworzenia>');
    expect(xml).toContain('<Dokumenty liczba="2">');
    expect(xml).toContain(`<Dokument lp="1"><NazwaPliku>decyzja.pdf</NazwaPliku><Rozmiar>12345</Rozmiar><SkrotSHA256>${"a".repeat(64)}</SkrotSHA256></Dokument>`);
    expect(xml).toContain(`<SkrotSHA256>${"b".repeat(64)}</SkrotSHA256>`);
  });

  it("escapes markup and drops characters XML cannot carry", () => {
    const xml = text();
    expect(xml).toContain("<Nazwa>Anna &quot;Ania&quot; Nowak &amp; &lt;Syn&gt;</Nazwa>");
    expect(xml).toContain("<Tytul>Decyzja &lt;w sprawie&gt; drzew &amp; krzewów</Tytul>");
    expect(xml).toContain("<NazwaPliku>załącznik &lt;1&gt;.pdf</NazwaPliku>");
    expect(xml).not.toContain("\u0007");
    expect(xml).not.toContain("<Syn>");
  });

  it("uses the confirmation as the generation time by default; summer time has +02:00", () => {
    expect(text()).toContain('<DataWytworzenia czasLokalny="2026-11-25T14:30:05+01:00"');
    const summer = text({ ...data, sentAt: new Date("2026-07-01T10:00:00.000Z") });
    expect(summer).toContain('<DataWprowadzenia czasLokalny="2026-07-01T12:00:00+02:00"');
  });

  it("renders a readable PDF", async () => {
    const labels = { office: "Nadawca", recipient: "Adresat", registerNo: "Numer", subject: "Tytuł", sent: "Wysłano", confirmed: "Odebrano", generated: "Wytworzono", files: "Pliki" };
    const pdf = await renderUpdPdf(data, { heading: "UPD", intro: "Poświadczenie.", labels, legalNote: "Wydruk informacyjny." }, { sent: "20.11.2026", confirmed: "25.11.2026", generated: "25.11.2026" });
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe("%PDF-");
  });
});
