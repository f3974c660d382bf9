import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { createTestDb, TEST_DB_KINDS, type TestDb } from "@/test/db";
import { createActor } from "@/test/factories";
import { ZCreateContactInput, ZQuickCreateContactInput, type CreateContactInput } from "./contacts.schemas";
import { createContact, getContactSummaries, quickCreateContact, searchContacts } from "./contacts.service";

export async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

const person = (v: Partial<CreateContactInput> = {}) => ZCreateContactInput.parse({ kind: "PERSON", firstName: "Zofia", lastName: "Żółć", street: "ul. Kościuszki 12", postalCode: "36-040", city: "Boguchwała", ...v });

describe.each(TEST_DB_KINDS)("contacts: search, create, duplicates (%s)", (kind) => {
  let db: TestDb;
  let clerk: ServiceContext;

  beforeAll(async () => {
    db = await createTestDb(kind);
    clerk = await createActor(db.prisma, ["PRACOWNIK"]);
  });
  afterAll(async () => db?.destroy());

  it("creates a person with a primary address and finds her without diacritics", async () => {
    const result = await createContact(clerk, person({ pesel: "85031401527", email: "Zofia.Zolc@Example.pl" }));
    expect(result.duplicates).toEqual([]);
    expect(result.contact).toMatchObject({ kind: "PERSON", name: "Żółć Zofia", address: "ul. Kościuszki 12, 36-040 Boguchwała", email: "zofia.zolc@example.pl" });
    const found = await searchContacts(clerk, { q: "zolc", limit: 10 });
    expect(found.map((c) => c.id)).toContain(result.contact!.id);
    expect((await searchContacts(clerk, { q: "ZOFIA kosciuszki", limit: 10 })).map((c) => c.id)).toContain(result.contact!.id);
    expect(await searchContacts(clerk, { q: "zolc nieistniejace", limit: 10 })).toEqual([]);
    // A partial PESEL does not find anyone; the whole number does.
    expect(await searchContacts(clerk, { q: "8503140", limit: 10 })).toEqual([]);
    expect((await searchContacts(clerk, { q: "85031401527", limit: 10 })).map((c) => c.id)).toEqual([result.contact!.id]);
    const audit = await db.prisma.auditEvent.findMany({ where: { entityId: result.contact!.id }, select: { action: true, data: true } });
    expect(audit).toEqual([{ action: "contact.created", data: { kind: "PERSON", name: "Żółć Zofia", via: "form", duplicatesIgnored: 0 } }]);
  });

  it("warns about the same PESEL and a similar name at the same address, saving only when forced", async () => {
    const same = await createContact(clerk, person({ firstName: "Zofia", lastName: "Zolc", street: "Kościuszki 12", pesel: "85031401527" }));
    expect(same.contact).toBeNull();
    expect(same.duplicates).toHaveLength(1);
    expect(same.duplicates[0]).toMatchObject({ name: "Żółć Zofia" });
    expect(same.duplicates[0]!.reasons.sort()).toEqual(["name-address", "pesel"]);
    const elsewhere = await createContact(clerk, person({ street: "ul. Sportowa 1" }));
    expect(elsewhere.contact).not.toBeNull();
    const forced = await createContact(clerk, person({ pesel: "85031401527", force: true }));
    expect(forced.contact).not.toBeNull();
    const audit = await db.prisma.auditEvent.findFirst({ where: { entityId: forced.contact!.id }, select: { data: true } });
    expect(audit?.data).toMatchObject({ duplicatesIgnored: 1 });
  });

  it("quick-creates an institution and detects a company by NIP", async () => {
    const quick = await quickCreateContact(clerk, ZQuickCreateContactInput.parse({ kind: "INSTITUTION", name: "Starostwo Powiatowe w Rzeszowie", street: "ul. Hetmańska 9", postalCode: "35-045", city: "Rzeszów" }));
    expect(quick.contact).toMatchObject({ kind: "INSTITUTION", name: "Starostwo Powiatowe w Rzeszowie", address: "ul. Hetmańska 9, 35-045 Rzeszów" });
    const company = await createContact(clerk, ZCreateContactInput.parse({ kind: "COMPANY", name: "Budimex Rzeszów sp. z o.o.", nip: "796-240-10-07" }));
    expect(company.contact).not.toBeNull();
    const again = await createContact(clerk, ZCreateContactInput.parse({ kind: "COMPANY", name: "Inna nazwa", nip: "7962401007" }));
    expect(again.duplicates.map((d) => d.reasons)).toEqual([["nip"]]);
    const summaries = await getContactSummaries(db.prisma, [company.contact!.id, "missing", quick.contact!.id]);
    expect(summaries.map((s) => s.name)).toEqual(["Budimex Rzeszów sp. z o.o.", "Starostwo Powiatowe w Rzeszowie"]);
  });

  it("rejects invalid identifiers with Polish messages", () => {
    const parsed = ZCreateContactInput.safeParse({ kind: "PERSON", firstName: "Jan", lastName: "Nowak", pesel: "85031401528", nip: "1234563219", postalCode: "36040" });
    expect(parsed.success).toBe(false);
    const paths = parsed.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["pesel", "nip", "postalCode", "street", "city"]));
    expect(ZCreateContactInput.safeParse({ kind: "COMPANY", name: "" }).error?.issues[0]?.message).toBe("Podaj nazwę firmy.");
  });
});
