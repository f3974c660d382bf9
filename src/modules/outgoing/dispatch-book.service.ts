/**
 * Książka nadawcza: dispatched registered letters (one row per recipient) handed to Poczta Polska,
 * grouped into numbered books (KN/1/2026); tracking numbers (numery nadawcze) are recorded
 * afterwards and the book prints as a PDF laid out like the post office's form. Kancelaria only.
 */
import "server-only";
import type { Prisma } from "@prisma/client";
import type { z } from "zod";
import { formatDate, todayInPoland } from "@/lib/i18n/translator";
import { documentLabel } from "@/modules/documents/document-label";
import { documentVisibleWhere, loadWorkScope } from "@/modules/documents/documents.policy";
import { nextRegisterNumber } from "@/modules/documents/registers";
import { recordAudit } from "@/server/audit/audit";
import { assertCan, type ServiceContext } from "@/server/context";
import { badRequest, conflict, notFound } from "@/server/errors";
import { renderTablePdf } from "@/server/pdf/table-pdf";
import { dateOnly, fromDateOnly } from "./outgoing.service";
import { DISPATCH_BOOK_PAGE_SIZE, type BookCandidates, type DispatchBookDto, type ZCreateDispatchBookInput, type ZSaveTrackingInput } from "./outgoing.schemas";

type CreateInput = z.output<typeof ZCreateDispatchBookInput>;
type TrackingInput = z.output<typeof ZSaveTrackingInput>;

const BOOK_NOT_FOUND = "Nie znaleziono takiej książki nadawczej.";
const fullName = (u: { firstName: string; lastName: string }) => `${u.firstName} ${u.lastName}`;

async function candidatesWhere(ctx: ServiceContext): Promise<Prisma.DocumentRecipientWhereInput> {
  const scope = await loadWorkScope(ctx.db, ctx.actor);
  return { channel: "REGISTERED_MAIL", dispatchBookId: null, document: { AND: [{ kind: "OUTGOING", status: "DISPATCHED" }, documentVisibleWhere(scope)] } };
}

const candidateOrder: Prisma.DocumentRecipientOrderByWithRelationInput[] = [
  { document: { registerYear: "asc" } },
  { document: { registerSeq: "asc" } },
  { createdAt: "asc" },
  { id: "asc" },
];

/** Dispatched registered letters not yet in a book, oldest first. */
export async function listBookCandidates(ctx: ServiceContext, input: { page: number }, now = new Date()): Promise<BookCandidates> {
  assertCan(ctx.actor, "letters.dispatch");
  const where = await candidatesWhere(ctx);
  const total = await ctx.db.documentRecipient.count({ where });
  const pages = Math.max(1, Math.ceil(total / DISPATCH_BOOK_PAGE_SIZE));
  const page = Math.min(input.page, pages);
  const rows = await ctx.db.documentRecipient.findMany({
    where,
    orderBy: candidateOrder,
    skip: (page - 1) * DISPATCH_BOOK_PAGE_SIZE,
    take: DISPATCH_BOOK_PAGE_SIZE,
    select: { id: true, name: true, address: true, document: { select: { id: true, seq: true, registerNo: true, subject: true, dispatchedAt: true } } },
  });
  return {
    items: rows.map((r) => ({ recipientId: r.id, documentId: r.document.id, label: documentLabel(r.document), subject: r.document.subject, name: r.name, address: r.address, dispatchedAt: r.document.dispatchedAt })),
    total,
    page,
    pages,
    today: todayInPoland(now),
  };
}

/** "Utwórz książkę nadawczą": the selected waiting letters (or all of them) go into a new numbered book. */
export async function createDispatchBook(ctx: ServiceContext, input: CreateInput): Promise<{ id: string; number: string }> {
  assertCan(ctx.actor, "letters.dispatch");
  const where = await candidatesWhere(ctx);
  const selected = input.recipientIds.length > 0 ? { AND: [where, { id: { in: input.recipientIds } }] } : where;
  return ctx.db.$transaction(async (tx) => {
    const items = await tx.documentRecipient.findMany({ where: selected, select: { id: true } });
    if (items.length === 0) throw badRequest("Brak listów poleconych do wpisania do książki nadawczej.");
    if (input.recipientIds.length > 0 && items.length !== new Set(input.recipientIds).size) throw conflict("Część wybranych listów jest już w innej książce nadawczej — odśwież listę.");
    const number = await nextRegisterNumber(tx, "DISPATCH_BOOK", new Date(`${input.date}T12:00:00.000Z`));
    const book = await tx.dispatchBook.create({ data: { number: number.registerNo, date: fromDateOnly(input.date), createdById: ctx.actor.id }, select: { id: true, number: true } });
    const moved = await tx.documentRecipient.updateMany({ where: { id: { in: items.map((i) => i.id) }, dispatchBookId: null }, data: { dispatchBookId: book.id } });
    if (moved.count !== items.length) throw conflict("Część listów trafiła w międzyczasie do innej książki nadawczej — spróbuj ponownie.");
    await recordAudit(tx, ctx, { action: "dispatch-book.created", entityType: "dispatch-book", entityId: book.id, data: { number: book.number, date: input.date, items: items.length } });
    return book;
  });
}

/** The books, newest first. */
export async function listDispatchBooks(ctx: ServiceContext, input: { page: number }) {
  assertCan(ctx.actor, "letters.dispatch");
  const total = await ctx.db.dispatchBook.count();
  const pages = Math.max(1, Math.ceil(total / DISPATCH_BOOK_PAGE_SIZE));
  const page = Math.min(input.page, pages);
  const rows = await ctx.db.dispatchBook.findMany({
    orderBy: [{ date: "desc" }, { createdAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * DISPATCH_BOOK_PAGE_SIZE,
    take: DISPATCH_BOOK_PAGE_SIZE,
    select: { id: true, number: true, date: true, createdAt: true, createdBy: { select: { firstName: true, lastName: true } }, _count: { select: { items: true } } },
  });
  return {
    items: rows.map((b) => ({ id: b.id, number: b.number, date: dateOnly(b.date), itemCount: b._count.items, createdByName: fullName(b.createdBy), createdAt: b.createdAt })),
    total,
    page,
    pages,
  };
}

/** One book with its items in order (Lp.). */
export async function getDispatchBook(ctx: ServiceContext, id: string): Promise<DispatchBookDto> {
  assertCan(ctx.actor, "letters.dispatch");
  const b = await ctx.db.dispatchBook.findUnique({
    where: { id },
    select: {
      id: true,
      number: true,
      date: true,
      createdAt: true,
      createdBy: { select: { firstName: true, lastName: true } },
      items: {
        orderBy: candidateOrder,
        select: { id: true, name: true, address: true, trackingNo: true, deliveredOn: true, document: { select: { id: true, seq: true, registerNo: true } } },
      },
    },
  });
  if (!b) throw notFound(BOOK_NOT_FOUND);
  return {
    id: b.id,
    number: b.number,
    date: dateOnly(b.date),
    createdAt: b.createdAt,
    createdByName: fullName(b.createdBy),
    itemCount: b.items.length,
    items: b.items.map((r, i) => ({
      recipientId: r.id,
      lp: i + 1,
      documentId: r.document.id,
      label: documentLabel(r.document),
      name: r.name,
      address: r.address,
      trackingNo: r.trackingNo,
      deliveredOn: r.deliveredOn ? dateOnly(r.deliveredOn) : null,
    })),
  };
}

/** "Zapisz numery nadawcze": the post office's tracking numbers of the book's items (empty clears one). */
export async function saveTrackingNumbers(ctx: ServiceContext, input: TrackingInput): Promise<{ changed: number }> {
  assertCan(ctx.actor, "letters.dispatch");
  return ctx.db.$transaction(async (tx) => {
    const book = await tx.dispatchBook.findUnique({ where: { id: input.bookId }, select: { id: true, number: true, items: { select: { id: true, trackingNo: true } } } });
    if (!book) throw notFound(BOOK_NOT_FOUND);
    const current = new Map(book.items.map((i) => [i.id, i.trackingNo]));
    let changed = 0;
    for (const item of input.items) {
      if (!current.has(item.recipientId)) throw badRequest("Ten list nie należy do tej książki nadawczej — odśwież stronę.");
      const value = item.trackingNo.trim().toUpperCase() || null;
      if (value === current.get(item.recipientId)) continue;
      await tx.documentRecipient.update({ where: { id: item.recipientId }, data: { trackingNo: value } });
      changed += 1;
    }
    if (changed > 0) await recordAudit(tx, ctx, { action: "dispatch-book.tracking-saved", entityType: "dispatch-book", entityId: book.id, data: { number: book.number, changed } });
    return { changed };
  });
}

/** The printable book (A4, Poczta Polska's columns, signature lines for the post office). */
export async function renderDispatchBookPdf(ctx: ServiceContext, id: string): Promise<{ bytes: Uint8Array; fileName: string }> {
  const book = await getDispatchBook(ctx, id);
  const office = await ctx.db.office.findUnique({ where: { id: 1 }, select: { name: true, street: true, postalCode: true, city: true } });
  const sender = office ? `${office.name}, ${office.street}, ${office.postalCode} ${office.city}` : "";
  const bytes = await renderTablePdf({
    title: `Książka nadawcza ${book.number}`,
    subtitle: [`Nadawca: ${sender}`, `Data nadania: ${formatDate(book.date)}`, `Przesyłki polecone: ${book.items.length}`],
    columns: [
      { header: "Lp.", width: 5, align: "right" },
      { header: "Adresat", width: 26 },
      { header: "Dokładne miejsce doręczenia", width: 34 },
      { header: "Nr nadawczy", width: 18 },
      { header: "Uwagi", width: 17 },
    ],
    rows: book.items.map((i) => [String(i.lp), i.name, i.address ?? "", i.trackingNo ?? "", i.label]),
    footer: [`Razem przesyłek: ${book.items.length}`],
    signatureLines: ["Podpis nadawcy", "Podpis przyjmującego", "Stempel placówki pocztowej"],
    emptyText: "Książka nie zawiera przesyłek.",
    author: sender,
  });
  return { bytes, fileName: `Książka nadawcza ${book.number.replace(/[^\p{L}\p{N}]+/gu, "-")}.pdf` };
}
