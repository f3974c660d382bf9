/**
 * Baza teleadresowa: persons, institutions and companies the office corresponds with. Everybody
 * with "contacts.view" searches, adds and edits contacts (clerks add senders); "contacts.manage"
 * merges duplicates, imports and exports. Merged contacts are kept (active = false, mergedIntoId)
 * so old links stay explainable. Framework-free.
 */
import "server-only";
import type { Prisma } from "@prisma/client";
import type { z } from "zod";
import { can } from "@/lib/permissions";
import { foldText, polishSortKey } from "@/lib/polish";
import { recordAudit } from "@/server/audit/audit";
import { diffFields } from "@/server/audit/audit.events";
import { assertCan, type ServiceContext } from "@/server/context";
import type { Db, Tx } from "@/server/db";
import { AppError, badRequest, notFound } from "@/server/errors";
import { documentHref, documentLabel } from "@/modules/documents/document-label";
import { caseVisibleWhere, documentVisibleWhere, loadWorkScope } from "@/modules/documents/documents.policy";
import { toCsv } from "./contacts.csv";
import { CONTACT_CSV_COLUMNS, type ContactCsvColumn, type ContactImportRow, KIND_WORDS, parseContactFile } from "./contacts.import-rows";
import {
  CONTACT_HISTORY_PAGE_SIZE,
  CONTACTS_PAGE_SIZE,
  type ContactAddressDto,
  type ContactDetail,
  type ContactHistory,
  type ContactHistoryItem,
  type ContactKind,
  type ContactList,
  type ContactSaveResult,
  type ContactSummary,
  type DuplicateHint,
  type ImportReport,
  type MergeResult,
  type ZContactAddressInput,
  type ZContactHistoryInput,
  type ZContactListInput,
  type ZContactSearchInput,
  type ZCreateContactInput,
  type ZMergeContactsInput,
  type ZQuickCreateContactInput,
  type ZUpdateContactInput,
} from "./contacts.schemas";
import { addressLine, contactSearchText, maskPesel, personName, similarNames, streetKey } from "./contacts.text";

type SearchInput = z.output<typeof ZContactSearchInput>;
type CreateInput = z.output<typeof ZCreateContactInput>;
type QuickCreateInput = z.output<typeof ZQuickCreateContactInput>;

export const CONTACT_NOT_FOUND = "Nie znaleziono takiego kontaktu.";

export const summarySelect = {
  id: true,
  kind: true,
  name: true,
  email: true,
  eDoreczeniaAddress: true,
  epuapAddress: true,
  addresses: { where: { isPrimary: true }, take: 1, select: { street: true, postalCode: true, city: true, country: true } },
} as const satisfies Prisma.ContactSelect;

type SummaryRow = Prisma.ContactGetPayload<{ select: typeof summarySelect }>;

export function toSummary(r: SummaryRow): ContactSummary {
  const a = r.addresses[0];
  return { id: r.id, kind: r.kind, name: r.name, address: a ? addressLine(a) : null, email: r.email, eDoreczeniaAddress: r.eDoreczeniaAddress, epuapAddress: r.epuapAddress };
}

/** Every folded word must occur in searchText; an exact 11-digit PESEL matches the PESEL too. */
export function contactSearchWhere(q: string | undefined): Prisma.ContactWhereInput[] {
  const text = (q ?? "").trim();
  if (/^\d{11}$/.test(text.replace(/[\s-]/g, ""))) {
    const digits = text.replace(/[\s-]/g, "");
    return [{ OR: [{ pesel: digits }, { searchText: { contains: digits } }] }];
  }
  return foldText(text)
    .split(" ")
    .filter(Boolean)
    .map((word) => ({ searchText: { contains: word } }));
}

/** Contract 1: the ContactPicker's search — active contacts whose text holds every typed word, by name. */
export async function searchContacts(ctx: ServiceContext, input: SearchInput): Promise<ContactSummary[]> {
  assertCan(ctx.actor, "contacts.view");
  const words = contactSearchWhere(input.q);
  if (words.length === 0) return [];
  const rows = await ctx.db.contact.findMany({
    where: { AND: [{ active: true }, ...words] },
    orderBy: [{ sortKey: "asc" }, { id: "asc" }],
    take: input.limit,
    select: summarySelect,
  });
  return rows.map(toSummary);
}

/** Contract 1: summaries of the given contacts, in the order of `ids` (unknown ids are skipped). */
export async function getContactSummaries(db: Db | Tx, ids: string[]): Promise<ContactSummary[]> {
  if (ids.length === 0) return [];
  const rows = await db.contact.findMany({ where: { id: { in: [...new Set(ids)] } }, select: summarySelect });
  const byId = new Map(rows.map((r) => [r.id, toSummary(r)]));
  return ids.map((id) => byId.get(id)).filter((c): c is ContactSummary => Boolean(c));
}

export interface DuplicateProbe {
  excludeId?: string;
  name: string;
  pesel?: string | null;
  nip?: string | null;
  regon?: string | null;
  krs?: string | null;
  addresses?: { street: string; postalCode: string }[];
}

/**
 * Possible duplicates among active contacts: the same PESEL, NIP, REGON or KRS, or a similar name
 * (folded words overlap) at the same address (postal code and street). At most 10, by name.
 */
export async function findDuplicates(db: Db | Tx, probe: DuplicateProbe): Promise<DuplicateHint[]> {
  const ids: Prisma.ContactWhereInput[] = [];
  if (probe.pesel) ids.push({ pesel: probe.pesel });
  if (probe.nip) ids.push({ nip: probe.nip });
  if (probe.regon) ids.push({ regon: probe.regon });
  if (probe.krs) ids.push({ krs: probe.krs });
  const exclude: Prisma.ContactWhereInput = probe.excludeId ? { id: { not: probe.excludeId } } : {};
  const select = { ...summarySelect, pesel: true, nip: true, regon: true, krs: true } as const;
  const byId = ids.length ? await db.contact.findMany({ where: { AND: [{ active: true }, exclude, { OR: ids }] }, take: 20, select }) : [];

  const postalCodes = [...new Set((probe.addresses ?? []).map((a) => a.postalCode))];
  const atAddress = postalCodes.length
    ? await db.contactAddress.findMany({
        where: { postalCode: { in: postalCodes }, contact: { AND: [{ active: true }, exclude] } },
        take: 500,
        select: { street: true, postalCode: true, contact: { select } },
      })
    : [];
  const streets = new Set((probe.addresses ?? []).map((a) => `${a.postalCode}|${streetKey(a.street)}`));

  const hints = new Map<string, DuplicateHint>();
  const add = (c: (typeof byId)[number], reason: DuplicateHint["reasons"][number]) => {
    const hint = hints.get(c.id) ?? { id: c.id, name: c.name, kind: c.kind, address: toSummary(c).address, reasons: [] };
    if (!hint.reasons.includes(reason)) hint.reasons.push(reason);
    hints.set(c.id, hint);
  };
  for (const c of byId) {
    if (probe.pesel && c.pesel === probe.pesel) add(c, "pesel");
    if (probe.nip && c.nip === probe.nip) add(c, "nip");
    if (probe.regon && c.regon === probe.regon) add(c, "regon");
    if (probe.krs && c.krs === probe.krs) add(c, "krs");
  }
  for (const a of atAddress) {
    if (streets.has(`${a.postalCode}|${streetKey(a.street)}`) && similarNames(probe.name, a.contact.name)) add(a.contact, "name-address");
  }
  return [...hints.values()].sort((x, y) => x.name.localeCompare(y.name, "pl")).slice(0, 10);
}

interface NewContact {
  kind: ContactKind;
  name: string | null;
  firstName: string | null;
  lastName: string | null;
  pesel?: string | null;
  nip?: string | null;
  regon?: string | null;
  krs?: string | null;
  email?: string | null;
  phone?: string | null;
  eDoreczeniaAddress?: string | null;
  epuapAddress?: string | null;
  notes?: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  force: boolean;
}

/** The display name: "Kowalski Jan" for a person, the given name otherwise. */
export function displayNameOf(v: { kind: ContactKind; name: string | null; firstName: string | null; lastName: string | null }): string {
  return v.kind === "PERSON" ? personName(v.firstName ?? "", v.lastName ?? "") : (v.name ?? "").trim();
}

/** Writes a contact (and its primary address) inside `tx`, with its audit entry. No duplicate check. */
export async function insertContact(tx: Tx, ctx: ServiceContext, v: Omit<NewContact, "force">, via: "form" | "quick" | "import", duplicatesIgnored = 0): Promise<SummaryRow> {
  const name = displayNameOf(v);
  const address = v.street && v.postalCode && v.city ? { street: v.street, postalCode: v.postalCode, city: v.city, country: "Polska" } : null;
  const fields = {
    kind: v.kind,
    name,
    firstName: v.kind === "PERSON" ? v.firstName : null,
    lastName: v.kind === "PERSON" ? v.lastName : null,
    pesel: v.kind === "PERSON" ? (v.pesel ?? null) : null,
    nip: v.nip ?? null,
    regon: v.regon ?? null,
    krs: v.krs ?? null,
    email: v.email ?? null,
    phone: v.phone ?? null,
    eDoreczeniaAddress: v.eDoreczeniaAddress ?? null,
    epuapAddress: v.epuapAddress ?? null,
    notes: v.notes ?? null,
  };
  const created = await tx.contact.create({
    data: {
      ...fields,
      sortKey: polishSortKey(name),
      searchText: contactSearchText({ ...fields, addresses: address ? [address] : [] }),
      createdById: ctx.actor.id,
      addresses: address ? { create: { ...address, isPrimary: true } } : undefined,
    },
    select: summarySelect,
  });
  await recordAudit(tx, ctx, { action: "contact.created", entityType: "contact", entityId: created.id, data: { kind: v.kind, name, via, duplicatesIgnored } });
  return created;
}

async function createChecked(ctx: ServiceContext, v: NewContact, via: "form" | "quick"): Promise<ContactSaveResult> {
  const name = displayNameOf(v);
  const addresses = v.street && v.postalCode ? [{ street: v.street, postalCode: v.postalCode }] : [];
  const duplicates = await findDuplicates(ctx.db, { name, pesel: v.pesel, nip: v.nip, regon: v.regon, krs: v.krs, addresses });
  if (duplicates.length > 0 && !v.force) return { contact: null, duplicates };
  const created = await ctx.db.$transaction((tx) => insertContact(tx, ctx, v, via, duplicates.length));
  return { contact: toSummary(created), duplicates: [] };
}

/**
 * A new contact from the full form. When it resembles existing ones (same identifier, or similar
 * name at the same address) nothing is saved and the duplicates come back, unless `force`.
 */
export async function createContact(ctx: ServiceContext, input: CreateInput): Promise<ContactSaveResult> {
  assertCan(ctx.actor, "contacts.view");
  return createChecked(ctx, input, "form");
}

/** Contract 1: the ContactPicker's "Dodaj nowy kontakt" — a name and an address, same duplicate check. */
export async function quickCreateContact(ctx: ServiceContext, input: QuickCreateInput): Promise<ContactSaveResult> {
  assertCan(ctx.actor, "contacts.view");
  return createChecked(ctx, input, "quick");
}

/** One contact's summary; merged or unknown contacts answer NOT_FOUND only when unknown. */
export async function getContactSummary(ctx: ServiceContext, id: string): Promise<ContactSummary> {
  assertCan(ctx.actor, "contacts.view");
  const row = await ctx.db.contact.findUnique({ where: { id }, select: summarySelect });
  if (!row) throw notFound(CONTACT_NOT_FOUND);
  return toSummary(row);
}

// ——— List, detail, edit ———

type ListInput = z.output<typeof ZContactListInput>;
type UpdateInput = z.output<typeof ZUpdateContactInput>;
type AddressInput = z.output<typeof ZContactAddressInput>;
type MergeInput = z.output<typeof ZMergeContactsInput>;
type HistoryInput = z.output<typeof ZContactHistoryInput>;

const listSelect = { ...summarySelect, phone: true, nip: true, regon: true, krs: true, pesel: true } as const satisfies Prisma.ContactSelect;

function listWhere(input: { q?: string; kind?: ContactKind }): Prisma.ContactWhereInput {
  return { AND: [{ active: true }, ...(input.kind ? [{ kind: input.kind }] : []), ...contactSearchWhere(input.q)] };
}

/** One page of active contacts, filtered by text and kind, in Polish alphabetical order. */
export async function listContacts(ctx: ServiceContext, input: ListInput): Promise<ContactList> {
  assertCan(ctx.actor, "contacts.view");
  const where = listWhere(input);
  const total = await ctx.db.contact.count({ where });
  const pages = Math.max(1, Math.ceil(total / CONTACTS_PAGE_SIZE));
  const page = Math.min(input.page, pages);
  const rows = await ctx.db.contact.findMany({ where, orderBy: [{ sortKey: "asc" }, { id: "asc" }], skip: (page - 1) * CONTACTS_PAGE_SIZE, take: CONTACTS_PAGE_SIZE, select: listSelect });
  return {
    items: rows.map((r) => ({ ...toSummary(r), phone: r.phone, nip: r.nip, regon: r.regon, krs: r.krs, hasPesel: Boolean(r.pesel) })),
    total,
    page,
    pages,
    pageSize: CONTACTS_PAGE_SIZE,
  };
}

const detailSelect = {
  id: true,
  kind: true,
  name: true,
  firstName: true,
  lastName: true,
  pesel: true,
  nip: true,
  regon: true,
  krs: true,
  email: true,
  phone: true,
  eDoreczeniaAddress: true,
  epuapAddress: true,
  notes: true,
  active: true,
  createdAt: true,
  updatedAt: true,
  mergedInto: { select: { id: true, name: true } },
  addresses: { orderBy: [{ isPrimary: "desc" }, { createdAt: "asc" }, { id: "asc" }], select: { id: true, label: true, street: true, postalCode: true, city: true, country: true, isPrimary: true } },
} as const satisfies Prisma.ContactSelect;

/** The contact's page: everything but the PESEL, which comes masked (see revealPesel). */
export async function getContact(ctx: ServiceContext, id: string): Promise<ContactDetail> {
  assertCan(ctx.actor, "contacts.view");
  const c = await ctx.db.contact.findUnique({ where: { id }, select: detailSelect });
  if (!c) throw notFound(CONTACT_NOT_FOUND);
  const { pesel, addresses, ...rest } = c;
  return {
    ...rest,
    peselMasked: pesel ? maskPesel(pesel) : null,
    addresses: addresses.map((a) => ({ ...a, line: addressLine(a) })),
    canManage: can(ctx.actor.roles, "contacts.manage"),
  };
}

/** Recomputes the stored search text after the name, identifiers or addresses changed. */
async function refreshSearchText(tx: Tx, id: string): Promise<void> {
  const c = await tx.contact.findUniqueOrThrow({ where: { id }, select: { ...detailSelect, addresses: { select: { street: true, postalCode: true, city: true, country: true } } } });
  await tx.contact.update({ where: { id }, data: { searchText: contactSearchText(c) } });
}

async function lockContacts(tx: Tx, ids: string[]): Promise<void> {
  const sorted = [...new Set(ids)].sort();
  for (const id of sorted) await tx.$queryRaw`SELECT "id" FROM "Contact" WHERE "id" = ${id} FOR UPDATE`;
}

function assertEditable(c: { active: boolean; mergedInto: { name: string } | null }): void {
  if (!c.active) throw badRequest(c.mergedInto ? `Ten kontakt został scalony z kontaktem „${c.mergedInto.name}” — zmieniaj tamten kontakt.` : "Ten kontakt jest nieaktywny.");
}

const EDIT_FIELDS = ["kind", "name", "firstName", "lastName", "pesel", "nip", "regon", "krs", "email", "phone", "eDoreczeniaAddress", "epuapAddress", "notes"] as const;

/** Saves the identity and channels; look-alikes come back first unless `force` (as on creation). */
export async function updateContact(ctx: ServiceContext, input: UpdateInput): Promise<ContactSaveResult> {
  assertCan(ctx.actor, "contacts.view");
  const name = displayNameOf(input);
  const before = await ctx.db.contact.findUnique({ where: { id: input.id }, select: detailSelect });
  if (!before) throw notFound(CONTACT_NOT_FOUND);
  assertEditable(before);
  const person = input.kind === "PERSON";
  const after = {
    kind: input.kind,
    name,
    firstName: person ? input.firstName : null,
    lastName: person ? input.lastName : null,
    pesel: person ? (input.pesel ?? (input.removePesel ? null : before.pesel)) : null,
    nip: input.nip,
    regon: input.regon,
    krs: input.krs,
    email: input.email,
    phone: input.phone,
    eDoreczeniaAddress: input.eDoreczeniaAddress,
    epuapAddress: input.epuapAddress,
    notes: input.notes,
  };
  // Only identifiers that change are checked again: an old, known duplicate does not nag on every save.
  const changed = <K extends "pesel" | "nip" | "regon" | "krs">(k: K) => (after[k] !== before[k] ? after[k] : null);
  const duplicates = await findDuplicates(ctx.db, {
    excludeId: input.id,
    name,
    pesel: changed("pesel"),
    nip: changed("nip"),
    regon: changed("regon"),
    krs: changed("krs"),
    addresses: name !== before.name ? before.addresses : [],
  });
  if (duplicates.length > 0 && !input.force) return { contact: null, duplicates };

  const row = await ctx.db.$transaction(async (tx) => {
    await lockContacts(tx, [input.id]);
    const updated = await tx.contact.update({ where: { id: input.id }, data: { ...after, sortKey: polishSortKey(name) }, select: summarySelect });
    await refreshSearchText(tx, input.id);
    const changes = diffFields(before as Record<string, unknown>, after, EDIT_FIELDS);
    // The PESEL never goes into the audit trail, only the fact that it changed.
    if (changes.pesel) changes.pesel = { from: before.pesel ? maskPesel(before.pesel) : null, to: after.pesel ? maskPesel(after.pesel) : null };
    if (Object.keys(changes).length > 0) await recordAudit(tx, ctx, { action: "contact.updated", entityType: "contact", entityId: input.id, data: { changes, duplicatesIgnored: duplicates.length } });
    return updated;
  });
  return { contact: toSummary(row), duplicates: [] };
}

const ADDRESS_FIELDS = ["label", "street", "postalCode", "city", "country", "isPrimary"] as const;

/** Adds an address (input without id) or changes one; a primary address makes the others secondary. */
export async function saveContactAddress(ctx: ServiceContext, input: AddressInput): Promise<ContactAddressDto> {
  assertCan(ctx.actor, "contacts.view");
  return ctx.db.$transaction(async (tx) => {
    await lockContacts(tx, [input.contactId]);
    const contact = await tx.contact.findUnique({ where: { id: input.contactId }, select: { active: true, mergedInto: { select: { name: true } }, addresses: { select: { id: true, isPrimary: true } } } });
    if (!contact) throw notFound(CONTACT_NOT_FOUND);
    assertEditable(contact);
    const data = {
      label: input.label,
      street: input.street ?? "",
      postalCode: input.postalCode ?? "",
      city: input.city ?? "",
      country: input.country ?? "Polska",
    };
    const existing = input.id ? contact.addresses.find((a) => a.id === input.id) : undefined;
    if (input.id && !existing) throw notFound("Nie znaleziono takiego adresu tego kontaktu.");
    const others = contact.addresses.filter((a) => a.id !== input.id);
    // The only address is always the primary one; the primary stays primary until another takes over.
    const isPrimary = input.isPrimary || others.length === 0 || (existing?.isPrimary ?? false) ? true : false;
    if (isPrimary) await tx.contactAddress.updateMany({ where: { contactId: input.contactId, id: { not: input.id ?? "" }, isPrimary: true }, data: { isPrimary: false } });
    let saved;
    if (existing && input.id) {
      const before = await tx.contactAddress.findUniqueOrThrow({ where: { id: input.id } });
      saved = await tx.contactAddress.update({ where: { id: input.id }, data: { ...data, isPrimary } });
      const changes = diffFields(before as Record<string, unknown>, { ...data, isPrimary }, ADDRESS_FIELDS);
      if (Object.keys(changes).length > 0) await recordAudit(tx, ctx, { action: "contact.address-updated", entityType: "contact", entityId: input.contactId, data: { changes } });
    } else {
      saved = await tx.contactAddress.create({ data: { ...data, contactId: input.contactId, isPrimary } });
      await recordAudit(tx, ctx, { action: "contact.address-added", entityType: "contact", entityId: input.contactId, data: { address: addressLine(saved), isPrimary } });
    }
    await tx.contact.update({ where: { id: input.contactId }, data: { updatedAt: new Date() } });
    await refreshSearchText(tx, input.contactId);
    return { id: saved.id, label: saved.label, street: saved.street, postalCode: saved.postalCode, city: saved.city, country: saved.country, isPrimary: saved.isPrimary, line: addressLine(saved) };
  });
}

/** Removes an address; when it was the primary one, the oldest remaining becomes primary. */
export async function removeContactAddress(ctx: ServiceContext, id: string): Promise<void> {
  assertCan(ctx.actor, "contacts.view");
  await ctx.db.$transaction(async (tx) => {
    const address = await tx.contactAddress.findUnique({ where: { id }, select: { contactId: true } });
    if (!address) throw notFound("Nie znaleziono takiego adresu.");
    await lockContacts(tx, [address.contactId]);
    const a = await tx.contactAddress.findUnique({ where: { id }, include: { contact: { select: { active: true, mergedInto: { select: { name: true } } } } } });
    if (!a) throw notFound("Nie znaleziono takiego adresu.");
    assertEditable(a.contact);
    await tx.contactAddress.delete({ where: { id } });
    if (a.isPrimary) {
      const next = await tx.contactAddress.findFirst({ where: { contactId: a.contactId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
      if (next) await tx.contactAddress.update({ where: { id: next.id }, data: { isPrimary: true } });
    }
    await tx.contact.update({ where: { id: a.contactId }, data: { updatedAt: new Date() } });
    await refreshSearchText(tx, a.contactId);
    await recordAudit(tx, ctx, { action: "contact.address-removed", entityType: "contact", entityId: a.contactId, data: { address: addressLine(a) } });
  });
}

/** The full PESEL, for one look; every reveal is written to the audit trail. */
export async function revealPesel(ctx: ServiceContext, id: string): Promise<{ pesel: string }> {
  assertCan(ctx.actor, "contacts.view");
  return ctx.db.$transaction(async (tx) => {
    const c = await tx.contact.findUnique({ where: { id }, select: { pesel: true } });
    if (!c) throw notFound(CONTACT_NOT_FOUND);
    if (!c.pesel) throw badRequest("Ten kontakt nie ma zapisanego numeru PESEL.");
    await recordAudit(tx, ctx, { action: "contact.pesel-revealed", entityType: "contact", entityId: id, data: {} });
    return { pesel: c.pesel };
  });
}

// ——— Merge ———

const FILLABLE = ["pesel", "nip", "regon", "krs", "email", "phone", "eDoreczeniaAddress", "epuapAddress"] as const;

/**
 * Merges the duplicate `mergeId` into `keepId`: letters it sent, letters addressed to it and the
 * cases it is a party of move to the kept contact (a case it shares with the kept one keeps one
 * party row); its addresses not already present move too; empty identifiers and channels of the
 * kept contact are filled from it. The duplicate stays, inactive, pointing at the kept one.
 */
export async function mergeContacts(ctx: ServiceContext, input: MergeInput): Promise<MergeResult> {
  assertCan(ctx.actor, "contacts.manage");
  if (input.keepId === input.mergeId) throw badRequest("Nie można scalić kontaktu z nim samym.", { mergeId: "Nie można scalić kontaktu z nim samym." });
  return ctx.db.$transaction(async (tx) => {
    await lockContacts(tx, [input.keepId, input.mergeId]);
    const select = { ...detailSelect, addresses: { select: { id: true, street: true, postalCode: true, city: true, country: true, isPrimary: true } } } as const;
    const [keep, merge] = await Promise.all([tx.contact.findUnique({ where: { id: input.keepId }, select }), tx.contact.findUnique({ where: { id: input.mergeId }, select })]);
    if (!keep) throw notFound(CONTACT_NOT_FOUND);
    if (!merge) throw new AppError("NOT_FOUND", "Nie znaleziono kontaktu do scalenia.", { fieldErrors: { mergeId: "Nie znaleziono kontaktu do scalenia." } });
    assertEditable(keep);
    if (!merge.active) throw badRequest("Ten kontakt został już scalony z innym.", { mergeId: "Ten kontakt został już scalony z innym." });

    const documents = await tx.document.updateMany({ where: { senderId: merge.id }, data: { senderId: keep.id } });
    const recipients = await tx.documentRecipient.updateMany({ where: { contactId: merge.id }, data: { contactId: keep.id } });
    const parties = await tx.caseParty.findMany({ where: { contactId: merge.id }, select: { caseId: true, createdAt: true } });
    const keptCases = new Set((await tx.caseParty.findMany({ where: { contactId: keep.id, caseId: { in: parties.map((p) => p.caseId) } }, select: { caseId: true } })).map((p) => p.caseId));
    await tx.caseParty.deleteMany({ where: { contactId: merge.id } });
    const moved = parties.filter((p) => !keptCases.has(p.caseId));
    if (moved.length > 0) await tx.caseParty.createMany({ data: moved.map((p) => ({ caseId: p.caseId, contactId: keep.id, createdAt: p.createdAt })) });

    const known = new Set(keep.addresses.map((a) => `${a.postalCode}|${streetKey(a.street)}|${foldText(a.city)}`));
    const newAddresses = merge.addresses.filter((a) => !known.has(`${a.postalCode}|${streetKey(a.street)}|${foldText(a.city)}`));
    for (const a of newAddresses) {
      await tx.contactAddress.update({ where: { id: a.id }, data: { contactId: keep.id, isPrimary: keep.addresses.length === 0 && a.isPrimary } });
    }

    const filled = FILLABLE.filter((f) => !keep[f] && merge[f] && (f !== "pesel" || keep.kind === "PERSON"));
    await tx.contact.update({ where: { id: merge.id }, data: { active: false, mergedIntoId: keep.id } });
    // Contacts merged earlier into the duplicate now point at the kept one.
    await tx.contact.updateMany({ where: { mergedIntoId: merge.id }, data: { mergedIntoId: keep.id } });
    await tx.contact.update({ where: { id: keep.id }, data: Object.fromEntries(filled.map((f) => [f, merge[f]])) });
    await refreshSearchText(tx, keep.id);
    const result = { documents: documents.count, recipients: recipients.count, cases: parties.length, addresses: newAddresses.length };
    await recordAudit(tx, ctx, {
      action: "contact.merged",
      entityType: "contact",
      entityId: keep.id,
      data: { mergedId: merge.id, mergedName: merge.name, keptName: keep.name, ...result, filled: [...filled] },
    });
    return result;
  });
}

// ——— History ———

/**
 * Letters the contact sent or received and cases it is a party of — only those the actor may see
 * (documentVisibleWhere / caseVisibleWhere) — newest first, one page.
 */
export async function getContactHistory(ctx: ServiceContext, input: HistoryInput, now = new Date()): Promise<ContactHistory> {
  assertCan(ctx.actor, "contacts.view");
  const exists = await ctx.db.contact.findUnique({ where: { id: input.id }, select: { id: true } });
  if (!exists) throw notFound(CONTACT_NOT_FOUND);
  const scope = await loadWorkScope(ctx.db, ctx.actor, now);
  const docWhere: Prisma.DocumentWhereInput = { AND: [documentVisibleWhere(scope), { OR: [{ senderId: input.id }, { recipients: { some: { contactId: input.id } } }] }] };
  const caseWhere: Prisma.CaseWhereInput = { AND: [caseVisibleWhere(scope), { parties: { some: { contactId: input.id } } }] };
  const [docCount, caseCount] = await Promise.all([ctx.db.document.count({ where: docWhere }), ctx.db.case.count({ where: caseWhere })]);
  const total = docCount + caseCount;
  const size = CONTACT_HISTORY_PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(input.page, pages);
  // The page of a merged, date-ordered list: the first page·size of each, merged, then sliced.
  const take = page * size;
  const [docs, cases] = await Promise.all([
    ctx.db.document.findMany({
      where: docWhere,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      select: { id: true, kind: true, seq: true, registerNo: true, subject: true, caseId: true, senderId: true, createdAt: true },
    }),
    ctx.db.case.findMany({ where: caseWhere, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take, select: { id: true, mark: true, title: true, createdAt: true } }),
  ]);
  const items: ContactHistoryItem[] = [
    ...docs.map((d) => ({
      type: "document" as const,
      id: d.id,
      href: documentHref(d),
      label: documentLabel(d),
      title: d.subject,
      documentKind: d.kind,
      role: d.senderId === input.id ? ("sender" as const) : ("recipient" as const),
      date: d.createdAt,
    })),
    ...cases.map((c) => ({ type: "case" as const, id: c.id, href: `/sprawy/${c.id}`, label: c.mark, title: c.title, documentKind: null, role: "party" as const, date: c.createdAt })),
  ].sort((a, b) => b.date.getTime() - a.date.getTime() || (a.id < b.id ? 1 : -1));
  return { items: items.slice((page - 1) * size, page * size), total, page, pages, pageSize: size };
}

// ——— Import and export ———

/**
 * Imports a CSV file: every valid row in one transaction, the rest reported with its line number
 * and Polish reasons. A row whose PESEL, NIP, REGON or KRS already exists (in the base or earlier in
 * the file) is rejected as a duplicate.
 */
export async function importContacts(ctx: ServiceContext, csv: string): Promise<ImportReport> {
  assertCan(ctx.actor, "contacts.manage");
  const parsed = parseContactFile(csv);
  if (parsed.fileErrors.length > 0) throw badRequest(parsed.fileErrors.join(" "), { csv: parsed.fileErrors.join(" ") });
  const rejected: ImportReport["rejected"] = [];
  const valid: { line: number; input: ContactImportRow }[] = [];
  for (const r of parsed.rows) {
    if (r.input) valid.push({ line: r.line, input: r.input });
    else rejected.push({ line: r.line, name: r.name, reasons: r.reasons });
  }
  const labels = { pesel: "PESEL", nip: "NIP", regon: "REGON", krs: "KRS" } as const;
  const keys = ["pesel", "nip", "regon", "krs"] as const;

  return ctx.db.$transaction(
    async (tx) => {
      const existing = new Map<string, string>();
      for (const k of keys) {
        const values = [...new Set(valid.map((v) => v.input[k]).filter((x): x is string => Boolean(x)))];
        for (let i = 0; i < values.length; i += 500) {
          const rows = await tx.contact.findMany({ where: { active: true, [k]: { in: values.slice(i, i + 500) } }, select: { name: true, pesel: true, nip: true, regon: true, krs: true } });
          for (const row of rows) existing.set(`${k}:${row[k]}`, row.name);
        }
      }
      const seenInFile = new Map<string, number>();
      let imported = 0;
      for (const { line, input } of valid) {
        const reasons: string[] = [];
        for (const k of keys) {
          const value = input[k];
          if (!value) continue;
          const inBase = existing.get(`${k}:${value}`);
          if (inBase) reasons.push(`Duplikat: kontakt z tym numerem ${labels[k]} już jest w bazie (${inBase}).`);
          const earlier = seenInFile.get(`${k}:${value}`);
          if (earlier) reasons.push(`Duplikat: ten sam numer ${labels[k]} jest już w wierszu ${earlier} pliku.`);
        }
        if (reasons.length > 0) {
          rejected.push({ line, name: displayNameOf(input) || "(bez nazwy)", reasons });
          continue;
        }
        for (const k of keys) if (input[k]) seenInFile.set(`${k}:${input[k]}`, line);
        await insertContact(tx, ctx, input, "import");
        imported += 1;
      }
      rejected.sort((a, b) => a.line - b.line);
      await recordAudit(tx, ctx, { action: "contact.imported", entityType: "contact", entityId: null, data: { imported, rejected: rejected.length } });
      return { imported, rejected };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

export const EXPORT_LIMIT = 50_000;

/** The filtered list as CSV for Excel (";" separated, BOM), in the import's columns; audited. */
export async function exportContactsCsv(ctx: ServiceContext, input: { q?: string; kind?: ContactKind }): Promise<{ csv: string; count: number }> {
  assertCan(ctx.actor, "contacts.manage");
  const rows = await ctx.db.contact.findMany({
    where: listWhere(input),
    orderBy: [{ sortKey: "asc" }, { id: "asc" }],
    take: EXPORT_LIMIT,
    select: { ...detailSelect, addresses: { where: { isPrimary: true }, take: 1, select: { street: true, postalCode: true, city: true } } },
  });
  const kindWord = (k: ContactKind) => KIND_WORDS[k][0]!;
  const lines = rows.map((c) => {
    const a = c.addresses[0];
    const values: Record<ContactCsvColumn, string | null> = {
      rodzaj: kindWord(c.kind),
      nazwa: c.kind === "PERSON" ? null : c.name,
      imie: c.firstName,
      nazwisko: c.lastName,
      pesel: c.pesel,
      nip: c.nip,
      regon: c.regon,
      krs: c.krs,
      email: c.email,
      telefon: c.phone,
      adres_edoreczenia: c.eDoreczeniaAddress,
      adres_epuap: c.epuapAddress,
      ulica: a?.street ?? null,
      kod_pocztowy: a?.postalCode ?? null,
      miejscowosc: a?.city ?? null,
      uwagi: c.notes,
    };
    return CONTACT_CSV_COLUMNS.map((col) => values[col]);
  });
  await recordAudit(ctx.db, ctx, { action: "contact.exported", entityType: "contact", entityId: null, data: { count: rows.length, q: input.q ?? null, kind: input.kind ?? null } });
  return { csv: toCsv([[...CONTACT_CSV_COLUMNS], ...lines]), count: rows.length };
}
