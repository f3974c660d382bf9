/**
 * Delivering one stored message: the body of the `email.send` job. Idempotent: a message already
 * SENT (or kept LOCAL) is never handed to a transport again, whatever runs the job twice.
 * Framework-free.
 */
import type { Db } from "@/server/db";
import type { MailTransport } from "@/server/integrations/mail/mail-transport";

export interface DeliveryOptions {
  transport: MailTransport;
  /** Sender address (MAIL_FROM). */
  from: string;
  /** This attempt's number (1-based) and the job's limit: the last failed attempt marks the message FAILED. */
  attempt: number;
  maxAttempts: number;
}

export type DeliveryOutcome = "sent" | "local" | "skipped";

export async function deliverEmail(db: Db, messageId: string, options: DeliveryOptions): Promise<DeliveryOutcome> {
  const message = await db.emailMessage.findUnique({
    where: { id: messageId },
    select: { id: true, status: true, toAddress: true, toName: true, subject: true, html: true, text: true },
  });
  // Gone (deleted with its data) or already delivered: nothing to do, and nothing sent twice.
  if (!message || message.status === "SENT" || message.status === "LOCAL") return "skipped";

  const { transport } = options;
  let providerId: string | null;
  try {
    ({ providerId } = await transport.send({
      id: message.id,
      from: options.from,
      to: message.toAddress,
      toName: message.toName ?? undefined,
      subject: message.subject,
      html: message.html,
      text: message.text,
    }));
  } catch (error) {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    await db.emailMessage.updateMany({
      where: { id: message.id, status: { in: ["QUEUED", "FAILED"] } },
      data: {
        attempts: { increment: 1 },
        lastError: text.slice(0, 2000),
        transport: transport.name,
        status: options.attempt >= options.maxAttempts ? "FAILED" : "QUEUED",
      },
    });
    throw error;
  }
  const local = transport.name === "local";
  await db.emailMessage.updateMany({
    where: { id: message.id, status: { in: ["QUEUED", "FAILED"] } },
    data: { status: local ? "LOCAL" : "SENT", transport: transport.name, providerId, sentAt: new Date(), attempts: { increment: 1 }, lastError: null },
  });
  return local ? "local" : "sent";
}
