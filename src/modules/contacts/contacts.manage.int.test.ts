import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { polishSortKey } from "@/lib/polish";
import { createCaller } from "@/server/api/root";
import type { ServiceContext } from "@/server/context";
import { createTestDb, TEST_DB_KINDS, type TestDb } from "@/test/db";
import { createActor, createDepartment, errorOf } from "@/test/factories";
import { ZContactAddressInput, ZCreateContactInput, ZUpdateContactInput, type CreateContactInput } from "./contacts.schemas";
import {
  createContact,
  exportContactsCsv,
  getContact,
  getContactHistory,
  importContacts,
  listContacts,
  mergeContacts,
  removeContactAddress,
  revealPesel,
  saveContactAddress,
  searchContacts,
  updateContact,
} from "./contacts.service";

describe.each(TEST_DB_KINDS)("contacts: edit, merge, history, import (%s)", (kind) => {
  let db: TestDb;
  let clerk: ServiceContext;
  let fnClerk: ServiceContext;
  let kancelaria: ServiceContext;
  let gkId: string;
  let fnId: string;

  const create = async (ctx: ServiceContext, v: Partial<CreateContactInput>) => {
    const r = await createContact(ctx, ZCreateContactInput.parse({ kind: "PERSON", firstName: "Jan", lastName: "Nowak", force: true, ...v }));
    return r.contact!;
  };

  beforeAll(async () => {
    db = await createTestDb(kind);
    gkId = (await createDepartment(db.prisma, { symbol: "GK" })).id;
    fnId = (await createDepartment(db.prisma, { symbol: "FN" })).id;
    clerk = await createActor(db.prisma, ["PRACOWNIK"], gkId);
    fnClerk = await createActor(db.prisma, ["PRACOWNIK"], fnId);
    kancelaria = await createActor(db.prisma, ["KANCELARIA"], null);
  });
  afterAll(async () => db?.destroy());

  it("lists active contacts by Polish alphabet, filtered by kind and text", async () => {
    const tag = "listtag";
    for (const lastName of ["Żak", "Zając", "Łukasiewicz", "Lis", "Ćwik", "Cebula"]) await create(clerk, { lastName, firstName: tag });
    await create(clerk, { kind: "COMPANY", name: `Firma ${tag}` });
    const people = await listContacts(clerk, { q: tag, kind: "PERSON", page: 1 });
    expect(people.items.map((c) => c.name)).toEqual(["Cebula listtag", "Ćwik listtag", "Lis listtag", "Łukasiewicz listtag", "Zając listtag", "Żak listtag"]);
    expect((await listContacts(clerk, { q: tag, page: 1 })).total).toBe(7);
    expect((await listContacts(clerk, { q: tag, kind: "COMPANY", page: 1 })).items.map((c) => c.name)).toEqual([`Firma ${tag}`]);
  });

  it("edits a contact, masking the PESEL in the audit trail, and re-checks only changed identifiers", async () => {
    const other = await create(clerk, { kind: "COMPANY", name: "Alfa Serwis", nip: "8130001002" });
    const c = await create(clerk, { firstName: "Anna", lastName: "Edytowana", pesel: "90070212342" });
    const dup = await updateContact(clerk, ZUpdateContactInput.parse({ id: c.id, kind: "PERSON", firstName: "Anna", lastName: "Edytowana", pesel: "90070212342", nip: "8130001002" }));
    expect(dup.contact).toBeNull();
    expect(dup.duplicates.map((d) => [d.id, d.reasons])).toEqual([[other.id, ["nip"]]]);
    const saved = await updateContact(clerk, ZUpdateContactInput.parse({ id: c.id, kind: "PERSON", firstName: "Anna", lastName: "Poprawiona", pesel: "85031401527", email: "anna@example.pl" }));
    expect(saved.contact?.name).toBe("Poprawiona Anna");
    const detail = await getContact(clerk, c.id);
    expect(detail).toMatchObject({ peselMasked: "•••••••1527", email: "anna@example.pl", canManage: false });
    expect(JSON.stringify(detail)).not.toContain("85031401527");
    const audit = await db.prisma.auditEvent.findFirst({ where: { entityId: c.id, action: "contact.updated" }, select: { data: true } });
    expect(JSON.stringify(audit?.data)).not.toMatch(/90070212342|85031401527/);
    expect(audit?.data).toMatchObject({ changes: { lastName: { from: "Edytowana", to: "Poprawiona" }, pesel: { from: "•••••••2342", to: "•••••••1527" } } });
    expect((await db.prisma.contact.findUniqueOrThrow({ where: { id: c.id } })).sortKey).toBe(polishSortKey("Poprawiona Anna"));
    expect((await searchContacts(clerk, { q: "poprawiona", limit: 5 })).map((x) => x.id)).toEqual([c.id]);
    // The edit form never holds the PESEL: an empty field keeps it, "removePesel" deletes it.
    await updateContact(clerk, ZUpdateContactInput.parse({ id: c.id, kind: "PERSON", firstName: "Anna", lastName: "Poprawiona", pesel: "" }));
    expect((await getContact(clerk, c.id)).peselMasked).toBe("•••••••1527");
    await updateContact(clerk, ZUpdateContactInput.parse({ id: c.id, kind: "PERSON", firstName: "Anna", lastName: "Poprawiona", removePesel: "on" }));
    expect((await getContact(clerk, c.id)).peselMasked).toBeNull();
  });

  it("reveals the PESEL with an audit entry each time", async () => {
    const c = await create(clerk, { lastName: "Peselowa", pesel: "03312504213" });
    expect(await revealPesel(clerk, c.id)).toEqual({ pesel: "03312504213" });
    await revealPesel(kancelaria, c.id);
    const events = await db.prisma.auditEvent.findMany({ where: { entityId: c.id, action: "contact.pesel-revealed" }, select: { actorId: true } });
    expect(events.map((e) => e.actorId).sort()).toEqual([clerk.actor.id, kancelaria.actor.id].sort());
    const none = await create(clerk, { lastName: "BezPesel" });
    expect((await errorOf(revealPesel(clerk, none.id))).code).toBe("BAD_REQUEST");
    expect((await errorOf(revealPesel(clerk, "missing"))).code).toBe("NOT_FOUND");
  });

  it("adds, edits and removes addresses keeping exactly one primary", async () => {
    const c = await create(clerk, { lastName: "Adresowa" });
    const addr = (v: Record<string, unknown>) => ZContactAddressInput.parse({ contactId: c.id, street: "ul. Polna 1", postalCode: "36-040", city: "Boguchwała", ...v });
    const first = await saveContactAddress(clerk, addr({}));
    expect(first.isPrimary).toBe(true);
    const second = await saveContactAddress(clerk, addr({ street: "ul. Leśna 2", label: "adres do korespondencji", isPrimary: "on" }));
    expect(second.isPrimary).toBe(true);
    let detail = await getContact(clerk, c.id);
    expect(detail.addresses.map((a) => [a.street, a.isPrimary])).toEqual([
      ["ul. Leśna 2", true],
      ["ul. Polna 1", false],
    ]);
    await saveContactAddress(clerk, addr({ id: first.id, street: "ul. Polna 3" }));
    await removeContactAddress(clerk, second.id);
    detail = await getContact(clerk, c.id);
    expect(detail.addresses.map((a) => [a.street, a.isPrimary])).toEqual([["ul. Polna 3", true]]);
    expect((await searchContacts(clerk, { q: "adresowa polna 3", limit: 5 })).map((x) => x.id)).toEqual([c.id]);
    expect((await searchContacts(clerk, { q: "adresowa lesna", limit: 5 })).map((x) => x.id)).toEqual([]);
    const actions = (await db.prisma.auditEvent.findMany({ where: { entityId: c.id }, orderBy: { id: "asc" }, select: { action: true } })).map((e) => e.action);
    expect(actions).toEqual(["contact.created", "contact.address-added", "contact.address-added", "contact.address-updated", "contact.address-removed"]);
    expect(ZContactAddressInput.safeParse({ contactId: c.id, street: "", postalCode: "", city: "" }).success).toBe(false);
  });

  it("merges a duplicate keeping every linked letter and case, and shows history only as visible to the actor", async () => {
    const keep = await create(clerk, { lastName: "Scalana", firstName: "Maria", street: "ul. Rynek 1", postalCode: "36-040", city: "Boguchwała" });
    const dupe = await create(clerk, { lastName: "Scalana", firstName: "Maria", pesel: "82122436910", email: "maria@example.pl", street: "Rynek 1", postalCode: "36-040", city: "Boguchwała" });
    await saveContactAddress(clerk, ZContactAddressInput.parse({ contactId: dupe.id, street: "ul. Długa 7", postalCode: "35-001", city: "Rzeszów" }));
    const author = clerk.actor.id;
    const doc = (data: { kind: "INCOMING" | "OUTGOING"; departmentId: string; subject: string; senderId?: string; registerNo?: string; registerYear?: number; registerSeq?: number; createdAt: Date }) =>
      db.prisma.document.create({ data: { status: data.kind === "INCOMING" ? "REGISTERED" : "DRAFT", channel: "PAPER", createdById: author, ...data } });
    const letterGk = await doc({ kind: "INCOMING", departmentId: gkId, subject: "Wniosek o wycinkę drzewa", senderId: dupe.id, registerNo: `RPW/${kind}/1/2026`, registerYear: 2026, registerSeq: 1, createdAt: new Date("2026-03-01T10:00:00Z") });
    const fnAuthor = fnClerk.actor.id;
    const letterFn = await db.prisma.document.create({
      data: { kind: "INCOMING", status: "REGISTERED", channel: "PAPER", departmentId: fnId, subject: "Podatek od nieruchomości", senderId: keep.id, createdById: fnAuthor, createdAt: new Date("2026-03-05T10:00:00Z") },
    });
    const reply = await doc({ kind: "OUTGOING", departmentId: gkId, subject: "Odpowiedź na wniosek", createdAt: new Date("2026-03-10T10:00:00Z") });
    await db.prisma.documentRecipient.create({ data: { documentId: reply.id, contactId: dupe.id, name: dupe.name, channel: "REGISTERED_MAIL" } });
    const jrwa = await db.prisma.jrwaClass.create({ data: { symbol: `7${kind === "pglite" ? 1 : 2}${Math.floor(Math.random() * 90 + 10)}`, name: "Test", isLeaf: true, category: "A" } });
    const mkCase = (mark: string, departmentId: string, createdAt: Date) =>
      db.prisma.case.create({ data: { mark, departmentId, departmentSymbol: "GK", jrwaClassId: jrwa.id, year: 2026, number: Number(mark.split(".")[2]), title: `Sprawa ${mark}`, responsibleId: author, startDate: new Date("2026-03-02"), createdById: author, createdAt } });
    const caseShared = await mkCase(`GK.${jrwa.symbol}.1.2026`, gkId, new Date("2026-03-02T10:00:00Z"));
    const caseOnlyDupe = await mkCase(`GK.${jrwa.symbol}.2.2026`, gkId, new Date("2026-03-03T10:00:00Z"));
    await db.prisma.caseParty.createMany({ data: [{ caseId: caseShared.id, contactId: keep.id }, { caseId: caseShared.id, contactId: dupe.id }, { caseId: caseOnlyDupe.id, contactId: dupe.id }] });

    // Only contacts.manage merges.
    expect((await errorOf(mergeContacts(clerk, { keepId: keep.id, mergeId: dupe.id }))).code).toBe("FORBIDDEN");
    const result = await mergeContacts(kancelaria, { keepId: keep.id, mergeId: dupe.id });
    expect(result).toEqual({ documents: 1, recipients: 1, cases: 2, addresses: 1 });

    const merged = await db.prisma.contact.findUniqueOrThrow({ where: { id: dupe.id } });
    expect(merged).toMatchObject({ active: false, mergedIntoId: keep.id });
    expect((await db.prisma.document.findUniqueOrThrow({ where: { id: letterGk.id } })).senderId).toBe(keep.id);
    expect((await db.prisma.documentRecipient.findFirstOrThrow({ where: { documentId: reply.id } })).contactId).toBe(keep.id);
    expect((await db.prisma.caseParty.findMany({ where: { contactId: keep.id }, orderBy: { caseId: "asc" } })).map((p) => p.caseId).sort()).toEqual([caseShared.id, caseOnlyDupe.id].sort());
    const kept = await getContact(clerk, keep.id);
    expect(kept.addresses.map((a) => a.street)).toEqual(["ul. Rynek 1", "ul. Długa 7"]);
    expect(kept).toMatchObject({ email: "maria@example.pl", peselMasked: "•••••••6910" });
    expect((await getContact(clerk, dupe.id)).mergedInto).toEqual({ id: keep.id, name: keep.name });
    expect((await searchContacts(clerk, { q: "scalana", limit: 5 })).map((c) => c.id)).toEqual([keep.id]);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: keep.id, action: "contact.merged" } });
    expect(audit.data).toMatchObject({ mergedId: dupe.id, documents: 1, recipients: 1, cases: 2, addresses: 1, filled: ["pesel", "email"] });
    expect((await errorOf(mergeContacts(kancelaria, { keepId: keep.id, mergeId: dupe.id }))).code).toBe("BAD_REQUEST");
    expect((await errorOf(updateContact(clerk, ZUpdateContactInput.parse({ id: dupe.id, kind: "PERSON", firstName: "X", lastName: "Y" })))).code).toBe("BAD_REQUEST");

    // History: the GK clerk sees the GK letters and cases, not the FN letter; the FN clerk only the FN letter.
    const gkHistory = await getContactHistory(clerk, { id: keep.id, page: 1 });
    expect(gkHistory.items.map((i) => [i.type, i.label, i.role])).toEqual([
      ["document", `ID ${reply.seq}`, "recipient"],
      ["case", caseOnlyDupe.mark, "party"],
      ["case", caseShared.mark, "party"],
      ["document", `RPW/${kind}/1/2026`, "sender"],
    ]);
    expect(gkHistory.items[0]!.href).toBe(`/pisma/wychodzace/${reply.id}`);
    expect(gkHistory.items[3]!.href).toBe(`/pisma/przychodzace/${letterGk.id}`);
    expect(gkHistory.total).toBe(4);
    const fnHistory = await getContactHistory(fnClerk, { id: keep.id, page: 1 });
    expect(fnHistory.items.map((i) => i.id)).toEqual([letterFn.id]);
    // The registry desk sees every incoming letter, not the GK draft nor GK cases.
    expect((await getContactHistory(kancelaria, { id: keep.id, page: 1 })).items.map((i) => i.id)).toEqual([letterFn.id, letterGk.id]);
    expect((await errorOf(getContactHistory(clerk, { id: "missing", page: 1 }))).code).toBe("NOT_FOUND");
  });

  it("imports valid rows in one go, reports rejected ones with reasons, and exports CSV for Excel", async () => {
    await create(clerk, { kind: "COMPANY", name: "Istniejąca Firma", nip: "5170001001" });
    const csv = [
      "rodzaj;nazwa;imie;nazwisko;pesel;nip;regon;krs;email;telefon;adres_edoreczenia;adres_epuap;ulica;kod_pocztowy;miejscowosc;uwagi",
      "osoba;;Tomasz;Importowany;70062111138;;;;t.imp@example.pl;;;;ul. Polna 5;36-040;Boguchwała;",
      'firma;"Importex; sp. z o.o.";;;;5271011001;690584216;0000123456;;;AE:PL-12345-67890-ABCDE-12;;;;;"z uwagą ""ważną"""',
      "firma;Duplikat NIP;;;;5170001001;;;;;;;;;;",
      "osoba;;Ewa;Zła;70062111139;;;;;;;;;;;",
      "osoba;;Tomasz;Drugi;70062111138;;;;;;;;;;;",
    ].join("\r\n");
    expect((await errorOf(importContacts(clerk, csv))).code).toBe("FORBIDDEN");
    const report = await importContacts(kancelaria, csv);
    expect(report.imported).toBe(2);
    expect(report.rejected.map((r) => [r.line, r.name, r.reasons.length])).toEqual([
      [4, "Duplikat NIP", 1],
      [5, "Zła Ewa", 1],
      [6, "Drugi Tomasz", 1],
    ]);
    expect(report.rejected[0]!.reasons[0]).toBe("Duplikat: kontakt z tym numerem NIP już jest w bazie (Istniejąca Firma).");
    expect(report.rejected[1]!.reasons[0]).toMatch(/^pesel: Nieprawidłowy PESEL/);
    expect(report.rejected[2]!.reasons[0]).toBe("Duplikat: ten sam numer PESEL jest już w wierszu 2 pliku.");
    const importex = (await searchContacts(clerk, { q: "importex", limit: 5 }))[0]!;
    expect(importex).toMatchObject({ kind: "COMPANY", name: "Importex; sp. z o.o.", eDoreczeniaAddress: "AE:PL-12345-67890-ABCDE-12" });
    expect((await getContact(clerk, importex.id)).notes).toBe('z uwagą "ważną"');

    expect((await errorOf(exportContactsCsv(clerk, {}))).code).toBe("FORBIDDEN");
    const out = await exportContactsCsv(kancelaria, { q: "importowany" });
    expect(out.count).toBe(1);
    expect(out.csv).toBe(
      "\uFEFFrodzaj;nazwa;imie;nazwisko;pesel;nip;regon;krs;email;telefon;adres_edoreczenia;adres_epuap;ulica;kod_pocztowy;miejscowosc;uwagi\r\n" +
        "osoba;;Tomasz;Importowany;70062111138;;;;t.imp@example.pl;;;;ul. Polna 5;36-040;Boguchwała;\r\n",
    );
    const exported = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "contact.exported", actorId: kancelaria.actor.id } });
    expect(exported.data).toEqual({ count: 1, q: "importowany", kind: null });
    // A broken file imports nothing.
    expect((await errorOf(importContacts(kancelaria, "imie;nazwisko\nJan;Nowak"))).userMessage).toMatch(/Brak kolumny „rodzaj”/);
  });

  it("answers through the router with the procedure permissions", async () => {
    const caller = createCaller({ ...clerk });
    const saved = await caller.contacts.create({ kind: "INSTITUTION", name: "Wojewódzki Inspektorat Ochrony Środowiska", epuapAddress: "/WIOS_Rzeszow/SkrytkaESP" });
    expect(saved.contact?.epuapAddress).toBe("/WIOS_Rzeszow/SkrytkaESP");
    expect((await caller.contacts.search({ q: "wojewodzki srodowiska" })).map((c) => c.id)).toEqual([saved.contact!.id]);
    await expect(caller.contacts.merge({ keepId: saved.contact!.id, mergeId: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
