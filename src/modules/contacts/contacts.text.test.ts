import { describe, expect, it } from "vitest";
import { addressLine, contactSearchText, maskPesel, personName, similarNames, streetKey } from "./contacts.text";

describe("contact texts", () => {
  it("names a person surname first and writes an address on one line", () => {
    expect(personName("Zofia", " Żółć ")).toBe("Żółć Zofia");
    expect(addressLine({ street: "ul. Kościuszki 12", postalCode: "36-040", city: "Boguchwała" })).toBe("ul. Kościuszki 12, 36-040 Boguchwała");
    expect(addressLine({ street: "Hauptstraße 1", postalCode: "10115", city: "Berlin", country: "Niemcy" })).toBe("Hauptstraße 1, 10115 Berlin, Niemcy");
  });

  it("folds the search text and leaves the PESEL out", () => {
    const text = contactSearchText({ name: "Żółć Zofia", nip: null, email: "Z@Example.pl", addresses: [{ street: "ul. Źródlana 3", postalCode: "36-040", city: "Boguchwała" }] });
    expect(text).toBe("zolc zofia z@example.pl ul. zrodlana 3, 36-040 boguchwala");
    expect(contactSearchText({ name: "X", pesel: "85031401527" } as never)).not.toContain("8503");
  });

  it("masks a PESEL leaving the last four digits", () => {
    expect(maskPesel("85031401527")).toBe("•••••••1527");
  });

  it("finds similar names regardless of order, case, diacritics and legal form", () => {
    expect(similarNames("Kowalski Jan", "Jan KOWALSKI")).toBe(true);
    expect(similarNames("Żółć Zofia", "Zolc Zofia")).toBe(true);
    expect(similarNames("Budimex S.A.", "BUDIMEX SA Oddział Rzeszów")).toBe(true);
    expect(similarNames("Kowalski Jan", "Nowak Anna")).toBe(false);
    expect(similarNames("Kowalski Jan", "Kowalska Anna")).toBe(false);
    expect(similarNames("Nowak Jan", "Nowak Anna")).toBe(false);
    expect(similarNames("Testowa1 Alicja", "Testowa2 Alicja")).toBe(false);
    expect(similarNames("Budimex", "Budimex")).toBe(true);
    expect(similarNames("Gmina", "Gmina Boguchwała Urząd")).toBe(true);
    expect(similarNames("Nowak-Kowalska Anna Maria", "Anna Maria Nowak-Kowalska")).toBe(true);
    expect(similarNames("sp. z o.o.", "sp. z o.o.")).toBe(false);
  });

  it("compares streets without prefixes and punctuation", () => {
    expect(streetKey("ul. Kościuszki 12")).toBe(streetKey("Kosciuszki 12"));
    expect(streetKey("al. Niepodległości 5/3")).toBe(streetKey("Niepodleglosci 5/3"));
    expect(streetKey("ul. Kościuszki 12")).not.toBe(streetKey("ul. Kościuszki 14"));
  });
});
