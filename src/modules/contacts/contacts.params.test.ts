import { describe, expect, it } from "vitest";
import { contactExportHref, contactListHref, contactListInputFromParams } from "./contacts.params";

describe("contacts list params", () => {
  it("reads and writes the Polish parameters", () => {
    expect(contactListInputFromParams({ q: " zolc ", rodzaj: "osoba", strona: "3" })).toEqual({ q: "zolc", kind: "PERSON", page: 3 });
    expect(contactListInputFromParams({ rodzaj: "inne", strona: "-1" })).toEqual({ q: undefined, kind: undefined, page: 1 });
    expect(contactListInputFromParams(new URLSearchParams("rodzaj=firma&q=a"))).toEqual({ q: "a", kind: "COMPANY", page: 1 });
    expect(contactListHref({ q: "Żółć", kind: "INSTITUTION" }, 2)).toBe("/kontakty?q=%C5%BB%C3%B3%C5%82%C4%87&rodzaj=instytucja&strona=2");
    expect(contactListHref({})).toBe("/kontakty");
    expect(contactExportHref({ kind: "COMPANY" })).toBe("/api/kontakty/eksport?rodzaj=firma");
  });
});
