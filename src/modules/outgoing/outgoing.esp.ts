/**
 * Outgoing letters delivered through the office's own submission box (ESP): on dispatch, every
 * recipient with the ESP channel gets the letter on the ESP account of their e-mail address (the
 * account is created if the person never signed in); the letter opens for them only after they
 * confirm receipt (UPD, the ESP module). A letter not collected within 14 days is recorded as such
 * and its author (and the case's handler) are told. Framework-free.
 */
import "server-only";
import { z } from "zod";
import { env } from "@/env";
import { formatDate } from "@/lib/i18n/translator";
import { documentLabel } from "@/modules/documents/document-label";
import { queueEmail } from "@/modules/mail/mail.service";
import { notify } from "@/modules/notifications/notifications.service";
import { recordAudit } from "@/server/audit/audit";
import { SYSTEM_META, type ServiceContext } from "@/server/context";
import type { Db, Tx } from "@/server/db";
import { badRequest } from "@/server/errors";
import { defineJob, enqueue } from "@/server/jobs/outbox";

/** How long a letter waits in the ESP for the addressee's confirmation (the 14-day rule). */
export const ESP_COLLECTION_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

const warsawDate = new Intl.DateTimeFormat("pl-PL", { timeZone: "Europe/Warsaw", dateStyle: "long" });

/** Creates the ESP deliveries of a letter being dispatched (in the dispatch transaction). Returns their count. */
export async function deliverToEspAccounts(tx: Tx, ctx: ServiceContext, doc: { id: string; caseId: string | null }, now: Date): Promise<number> {
  const recipients = await tx.documentRecipient.findMany({ where: { documentId: doc.id, channel: "ESP" }, select: { id: true, name: true, email: true } });
  for (const r of recipients) {
    const email = r.email?.trim().toLowerCase();
    if (!email) throw badRequest(`Adresat ${r.name} nie ma adresu e-mail, pod którym odbierze pismo w ESP. Popraw adresata w projekcie pisma.`);
    const account = await tx.espAccount.upsert({ where: { email }, create: { email, name: r.name }, update: {}, select: { id: true } });
    const delivery = await tx.espDelivery.create({
      data: { accountId: account.id, documentId: doc.id, recipientId: r.id, sentAt: now, expiresAt: new Date(now.getTime() + ESP_COLLECTION_DAYS * DAY_MS) },
      select: { id: true },
    });
    await recordAudit(tx, ctx, { action: "esp.delivery-sent", entityType: "esp-delivery", entityId: delivery.id, documentId: doc.id, caseId: doc.caseId, data: { email, recipientId: r.id } });
    // The citizen is told by e-mail: the link and the 14-day rule, nothing of the letter's content.
    await queueEmail(tx, {
      to: email,
      toName: r.name,
      locale: "pl",
      template: "esp-delivery",
      props: { deliveryUrl: `${env.APP_URL.replace(/\/+$/, "")}/esp/pisma/${delivery.id}`, deadlineLabel: formatDate(new Date(now.getTime() + ESP_COLLECTION_DAYS * DAY_MS), "pl") },
    });
  }
  return recipients.length;
}

/**
 * Marks deliveries not confirmed by their deadline as EXPIRED (once each, even with two workers),
 * records it in the audit trail and tells the letter's author and the case's handler.
 */
export async function expireEspDeliveries(db: Db, now: Date = new Date()): Promise<number> {
  const due = await db.espDelivery.findMany({ where: { status: "AWAITING", expiresAt: { lte: now } }, select: { id: true }, take: 500 });
  let expired = 0;
  for (const { id } of due) {
    await db.$transaction(async (tx) => {
      const claimed = await tx.espDelivery.updateMany({ where: { id, status: "AWAITING" }, data: { status: "EXPIRED", expiredAt: now } });
      if (claimed.count !== 1) return;
      expired++;
      const d = await tx.espDelivery.findUniqueOrThrow({ where: { id }, select: { documentId: true, recipientId: true, sentAt: true, account: { select: { email: true } } } });
      const doc = await tx.document.findUniqueOrThrow({
        where: { id: d.documentId },
        select: { id: true, seq: true, kind: true, registerNo: true, subject: true, createdById: true, caseId: true, case: { select: { responsibleId: true } } },
      });
      const recipient = await tx.documentRecipient.findUniqueOrThrow({ where: { id: d.recipientId }, select: { name: true } });
      await recordAudit(tx, { actor: null, meta: SYSTEM_META }, {
        action: "esp.delivery-expired",
        entityType: "esp-delivery",
        entityId: id,
        documentId: doc.id,
        caseId: doc.caseId,
        data: { email: d.account.email, recipientId: d.recipientId },
      });
      await notify(tx, {
        type: "esp.delivery-expired",
        userIds: [doc.createdById, doc.case?.responsibleId],
        params: { label: documentLabel(doc), subject: doc.subject, recipient: recipient.name, sent: warsawDate.format(d.sentAt) },
        link: `/pisma/wychodzace/${doc.id}`,
        dedupeKey: `esp-expired:${id}`,
        now,
      });
    });
  }
  return expired;
}

export const espExpiryJob = defineJob({
  type: "esp.expire-deliveries",
  payload: z.object({ hour: z.string() }),
  maxAttempts: 5,
  async run(_payload, { db }) {
    await expireEspDeliveries(db);
  },
});

/** Once an hour (deduplicated across servers): deliveries past their 14 days become EXPIRED. */
export async function scheduleEspExpiry(db: Db, now: Date = new Date()): Promise<void> {
  const hour = now.toISOString().slice(0, 13);
  await enqueue(db, espExpiryJob, { hour }, { dedupeKey: `hourly:esp-expiry:${hour}` });
}
