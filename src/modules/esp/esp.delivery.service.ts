/**
 * The office's letters delivered to a citizen's ESP account (EspDelivery rows made at dispatch by
 * the outgoing module). Before the addressee confirms receipt only the sender, the letter's number,
 * the sending date and the 14-day deadline are shown; confirming issues the UPD (XML sealed with the
 * office's XAdES seal + a sealed PDF), attaches both to the outgoing letter, records the delivery
 * date of the recipient and tells the letter's author — in one transaction that claims the delivery
 * first, so a double click confirms once. Framework-free: db + the signed-in account's id.
 */
import "server-only";
import { createTranslator, formatDateTime, todayInPoland, type Locale } from "@/lib/i18n/translator";
import { documentLabel } from "@/modules/documents/document-label";
import { sha256Hex } from "@/modules/files/files.service";
import { formatFileSize } from "@/modules/files/files.types";
import { ensureEspSystemUser, ESP_SYSTEM_USER_EMAIL } from "@/modules/letters/letters.esp";
import { notify } from "@/modules/notifications/notifications.service";
import { sealSystemPdf, sealSystemXml } from "@/modules/signatures/signatures.seal.service";
import { recordAudit } from "@/server/audit/audit";
import type { Actor, RequestMeta, ServiceContext } from "@/server/context";
import type { Db, Tx } from "@/server/db";
import { AppError, conflict, notFound } from "@/server/errors";
import { getFileStore, type FileStore } from "@/server/integrations/storage";
import { ensureCertificationAuthority } from "@/server/pki";
import { buildUpdXml, renderUpdPdf, type UpdData } from "./esp.upd";

export type EspDeliveryStatus = "AWAITING" | "CONFIRMED" | "EXPIRED";

const DELIVERY_NOT_FOUND = "Nie znaleziono takiego pisma na Twoim koncie.";
const ZDeliveryId = /^[a-z0-9]{10,40}$/;

/** The delivery's id as taken from a URL: anything else is simply "not found". */
export function isDeliveryId(value: unknown): value is string {
  return typeof value === "string" && ZDeliveryId.test(value);
}

const fromDateOnly = (day: string) => new Date(`${day}T00:00:00.000Z`);

async function officeInfo(db: Db | Tx): Promise<{ name: string; address: string }> {
  const office = await db.office.findUnique({ where: { id: 1 }, select: { name: true, street: true, postalCode: true, city: true } });
  return { name: office?.name ?? "Urząd", address: office ? `${office.street}, ${office.postalCode} ${office.city}` : "" };
}

/** The letter's current files as the citizen receives them: no superseded versions and no UPDs of any delivery. */
async function letterFiles(db: Db | Tx, documentId: string) {
  const upds = await db.espDelivery.findMany({ where: { documentId, status: "CONFIRMED" }, select: { updXmlSha256: true, updPdfSha256: true } });
  const skip = new Set(upds.flatMap((u) => [u.updXmlSha256, u.updPdfSha256]).filter((s): s is string => Boolean(s)));
  const files = await db.documentFile.findMany({
    where: { documentId, supersededAt: null, kind: { not: "NOTICE" } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, fileName: true, mimeType: true, size: true, sha256: true },
  });
  return files.filter((f) => !skip.has(f.sha256));
}

// — list —

export interface MyDeliveryRow {
  id: string;
  status: EspDeliveryStatus;
  sentAt: Date;
  expiresAt: Date;
  registerNo: string | null;
  /** Only once the receipt is confirmed (empty before). */
  subject: string;
}

export async function listMyDeliveryRows(db: Db, accountId: string): Promise<MyDeliveryRow[]> {
  const rows = await db.espDelivery.findMany({ where: { accountId }, orderBy: { sentAt: "desc" }, take: 200, select: { id: true, documentId: true, sentAt: true, expiresAt: true, status: true } });
  const docs = await db.document.findMany({ where: { id: { in: rows.map((r) => r.documentId) } }, select: { id: true, subject: true, registerNo: true } });
  const byId = new Map(docs.map((d) => [d.id, d]));
  return rows.map((r) => {
    const d = byId.get(r.documentId);
    return { id: r.id, status: r.status, sentAt: r.sentAt, expiresAt: r.expiresAt, registerNo: d?.registerNo ?? null, subject: r.status === "CONFIRMED" ? (d?.subject ?? "") : "" };
  });
}

// — one delivery —

export interface MyDeliveryFile {
  id: string;
  fileName: string;
  size: number;
  sizeLabel: string;
  sha256: string;
}

export interface MyDeliveryDetail {
  id: string;
  status: EspDeliveryStatus;
  office: { name: string; address: string };
  registerNo: string | null;
  sentAt: Date;
  expiresAt: Date;
  expiredAt: Date | null;
  confirmedAt: Date | null;
  /** null until the receipt is confirmed. */
  subject: string | null;
  /** null until the receipt is confirmed. */
  files: MyDeliveryFile[] | null;
  /** Whether the UPD (XML + PDF) can be downloaded. */
  hasUpd: boolean;
}

async function findOwn(db: Db | Tx, accountId: string, id: string) {
  if (!isDeliveryId(id)) throw notFound(DELIVERY_NOT_FOUND);
  const row = await db.espDelivery.findFirst({
    where: { id, accountId },
    select: { id: true, status: true, documentId: true, recipientId: true, sentAt: true, expiresAt: true, expiredAt: true, confirmedAt: true, updXmlSha256: true, updPdfSha256: true },
  });
  if (!row) throw notFound(DELIVERY_NOT_FOUND);
  return row;
}

/** The account's delivery; the subject and files only after the receipt is confirmed. Another account's → NOT_FOUND. */
export async function getMyDelivery(db: Db, accountId: string, id: string): Promise<MyDeliveryDetail> {
  const row = await findOwn(db, accountId, id);
  const doc = await db.document.findUniqueOrThrow({ where: { id: row.documentId }, select: { registerNo: true, subject: true } });
  const confirmed = row.status === "CONFIRMED";
  const files = confirmed ? (await letterFiles(db, row.documentId)).map((f) => ({ id: f.id, fileName: f.fileName, size: f.size, sizeLabel: formatFileSize(f.size), sha256: f.sha256 })) : null;
  return {
    id: row.id,
    status: row.status,
    office: await officeInfo(db),
    registerNo: doc.registerNo,
    sentAt: row.sentAt,
    expiresAt: row.expiresAt,
    expiredAt: row.expiredAt,
    confirmedAt: row.confirmedAt,
    subject: confirmed ? doc.subject : null,
    files,
    hasUpd: confirmed && Boolean(row.updXmlSha256 && row.updPdfSha256),
  };
}

// — confirming receipt —

export interface ConfirmOptions {
  now?: Date;
  store?: FileStore;
  locale?: Locale;
}

export interface ConfirmResult {
  id: string;
  /** false when the delivery had already been confirmed (a retry or a double click). */
  created: boolean;
  updXmlSha256: string;
  updPdfSha256: string;
}

/**
 * Confirms receipt (AWAITING or EXPIRED → CONFIRMED) and issues the UPD. The transaction locks the
 * delivery row first, so a parallel second call waits and then finds it confirmed: one UPD, one seal.
 */
export async function confirmReceipt(db: Db, accountId: string, id: string, meta: RequestMeta, options: ConfirmOptions = {}): Promise<ConfirmResult> {
  const first = await findOwn(db, accountId, id);
  const done = (r: { updXmlSha256: string | null; updPdfSha256: string | null }): ConfirmResult => ({ id, created: false, updXmlSha256: r.updXmlSha256 ?? "", updPdfSha256: r.updPdfSha256 ?? "" });
  if (first.status === "CONFIRMED") return done(first);

  const now = options.now ?? new Date();
  const store = options.store ?? getFileStore();
  const t = createTranslator(options.locale ?? "pl");
  await ensureCertificationAuthority(db);
  const system = await ensureEspSystemUser(db);
  const systemActor: Actor = { id: system.id, email: ESP_SYSTEM_USER_EMAIL, firstName: system.firstName, lastName: system.lastName, roles: [], departmentId: null, positionName: null, locale: "pl" };
  const office = await officeInfo(db);

  const result = await db.$transaction(
    async (tx): Promise<ConfirmResult> => {
      // The row lock first: a parallel second call waits here and then finds the delivery confirmed.
      const locked = await tx.$queryRaw<{ status: string }[]>`SELECT "status"::text AS "status" FROM "EspDelivery" WHERE "id" = ${id} AND "accountId" = ${accountId} FOR UPDATE`;
      if (locked.length !== 1) throw notFound(DELIVERY_NOT_FOUND);
      if (locked[0]!.status === "CONFIRMED") return done(await findOwn(tx, accountId, id));

      const d = await tx.espDelivery.findUniqueOrThrow({ where: { id }, select: { documentId: true, recipientId: true, sentAt: true, account: { select: { email: true } } } });
      const doc = await tx.document.findUniqueOrThrow({
        where: { id: d.documentId },
        select: { id: true, seq: true, registerNo: true, subject: true, createdById: true, caseId: true, case: { select: { responsibleId: true } } },
      });
      const recipient = await tx.documentRecipient.findUniqueOrThrow({ where: { id: d.recipientId }, select: { name: true } });
      const files = await letterFiles(tx, doc.id);
      const registerNo = doc.registerNo ?? documentLabel(doc);
      const upd: UpdData = {
        office,
        recipient: { name: recipient.name, email: d.account.email },
        registerNo,
        subject: doc.subject,
        deliveryId: id,
        sentAt: d.sentAt,
        confirmedAt: now,
        files: files.map((f) => ({ fileName: f.fileName, size: f.size, sha256: f.sha256 })),
      };
      const sealCtx: ServiceContext = { db: tx as unknown as Db, actor: systemActor, meta };
      const xml = await sealSystemXml(sealCtx, buildUpdXml(upd, now), { purpose: "upd", documentId: doc.id, now });
      const pdfTexts = {
        heading: t("esp.upd.heading"),
        intro: t("esp.upd.intro"),
        labels: {
          office: t("esp.upd.office"),
          recipient: t("esp.upd.recipient"),
          registerNo: t("esp.upd.registerNo"),
          subject: t("esp.upd.subject"),
          sent: t("esp.upd.sent"),
          confirmed: t("esp.upd.confirmed"),
          generated: t("esp.upd.generated"),
          files: t("esp.upd.files"),
        },
        legalNote: t("esp.upd.legalNote"),
      };
      const locale = options.locale ?? "pl";
      const rendered = await renderUpdPdf(upd, pdfTexts, { sent: formatDateTime(d.sentAt, locale), confirmed: formatDateTime(now, locale), generated: formatDateTime(now, locale) });
      const pdf = await sealSystemPdf(sealCtx, rendered, { purpose: "upd", reason: t("esp.upd.sealReason"), location: office.name, documentId: doc.id, now });
      const updXmlSha256 = sha256Hex(xml);
      const updPdfSha256 = sha256Hex(pdf);
      // Content-addressed: harmless if the transaction rolls back.
      await store.put(updXmlSha256, xml);
      await store.put(updPdfSha256, pdf);

      // The claim: only from AWAITING or EXPIRED (the expiry time, if any, stays on record).
      const claimed = await tx.espDelivery.updateMany({
        where: { id, accountId, status: { in: ["AWAITING", "EXPIRED"] } },
        data: { status: "CONFIRMED", confirmedAt: now, updXmlSha256, updPdfSha256 },
      });
      if (claimed.count !== 1) throw conflict("Odbiór tego pisma został już potwierdzony. Odśwież stronę.");
      await tx.documentRecipient.update({ where: { id: d.recipientId }, data: { deliveredOn: fromDateOnly(todayInPoland(now)), returnedAt: now } });
      const base = `UPD-${registerNo.replaceAll("/", "-")}`;
      for (const [sha256, bytes, fileName, mimeType] of [
        [updXmlSha256, xml, `${base}.xml`, "application/xml"],
        [updPdfSha256, pdf, `${base}.pdf`, "application/pdf"],
      ] as const) {
        await tx.fileBlob.upsert({ where: { sha256 }, create: { sha256, size: bytes.byteLength }, update: {} });
        const row = await tx.documentFile.create({
          data: { documentId: doc.id, sha256, fileName, mimeType, size: bytes.byteLength, kind: "ATTACHMENT", uploadedById: system.id, createdAt: now },
          select: { id: true },
        });
        await recordAudit(tx, { actor: null, meta }, {
          action: "file.uploaded",
          entityType: "file",
          entityId: row.id,
          documentId: doc.id,
          caseId: doc.caseId,
          data: { fileName, sha256, size: bytes.byteLength, mimeType, kind: "ATTACHMENT" },
        });
      }
      await recordAudit(tx, { actor: null, meta }, {
        action: "esp.delivery-confirmed",
        entityType: "esp-delivery",
        entityId: id,
        documentId: doc.id,
        caseId: doc.caseId,
        data: { email: d.account.email, recipientId: d.recipientId },
      });
      await notify(tx, {
        type: "esp.delivery-confirmed",
        userIds: [doc.createdById, doc.case?.responsibleId],
        params: { label: documentLabel(doc), subject: doc.subject, recipient: recipient.name, confirmed: formatDateTime(now, "pl") },
        link: `/pisma/wychodzace/${doc.id}`,
        dedupeKey: `esp-confirmed:${id}`,
        now,
      });
      return { id, created: true, updXmlSha256, updPdfSha256 };
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
  return result;
}

// — downloads (only CONFIRMED deliveries of the account; bytes re-verified) —

export interface DeliveryDownload {
  bytes: Uint8Array;
  fileName: string;
  mimeType: string;
}

async function verified(store: FileStore, sha256: string | null): Promise<Uint8Array> {
  const bytes = sha256 ? await store.get(sha256) : null;
  if (!bytes || sha256Hex(bytes) !== sha256) throw new AppError("CONFLICT", "Plik jest niedostępny albo uszkodzony. Skontaktuj się z urzędem.");
  return bytes;
}

/** One of the letter's files (by DocumentFile id), once the receipt is confirmed. */
export async function openDeliveryFile(db: Db, accountId: string, id: string, fileId: string, store: FileStore = getFileStore()): Promise<DeliveryDownload> {
  const row = await findOwn(db, accountId, id);
  if (row.status !== "CONFIRMED") throw notFound(DELIVERY_NOT_FOUND);
  const file = (await letterFiles(db, row.documentId)).find((f) => f.id === fileId);
  if (!file) throw notFound("Nie znaleziono takiego pliku.");
  return { bytes: await verified(store, file.sha256), fileName: file.fileName, mimeType: file.mimeType };
}

/** The UPD of a confirmed delivery of the account: the sealed XML or the PDF. */
export async function openUpd(db: Db, accountId: string, id: string, format: "xml" | "pdf", store: FileStore = getFileStore()): Promise<DeliveryDownload> {
  const row = await findOwn(db, accountId, id);
  if (row.status !== "CONFIRMED") throw notFound(DELIVERY_NOT_FOUND);
  const doc = await db.document.findUniqueOrThrow({ where: { id: row.documentId }, select: { seq: true, registerNo: true } });
  const base = `UPD-${(doc.registerNo ?? documentLabel(doc)).replaceAll("/", "-")}`;
  return format === "xml"
    ? { bytes: await verified(store, row.updXmlSha256), fileName: `${base}.xml`, mimeType: "application/xml" }
    : { bytes: await verified(store, row.updPdfSha256), fileName: `${base}.pdf`, mimeType: "application/pdf" };
}
