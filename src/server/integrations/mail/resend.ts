/**
 * Resend (resend 6.x SDK). The SDK resolves `{ error }` instead of throwing: turned into a thrown
 * MailSendError here so the outbox retries. The message id is sent as the Idempotency-Key, so a
 * retry after a lost response is not delivered twice (Resend keeps keys for 24 hours).
 */
import { Resend } from "resend";
import { formatAddress, type MailTransport } from "./mail-transport";

export interface ResendTransportOptions {
  apiKey: string;
  /** API address; default https://api.resend.com (tests point it at a local fake). */
  baseUrl?: string;
}

export class MailSendError extends Error {
  readonly statusCode: number | null;
  constructor(message: string, statusCode: number | null) {
    super(message);
    this.name = "MailSendError";
    this.statusCode = statusCode;
  }
}

export function createResendTransport(options: ResendTransportOptions): MailTransport {
  // An explicit base URL always: the SDK would otherwise read process.env.RESEND_BASE_URL itself.
  const client = new Resend(options.apiKey, { baseUrl: (options.baseUrl ?? "https://api.resend.com").replace(/\/+$/, "") });
  return {
    name: "resend",
    async send(message) {
      const { data, error } = await client.emails.send(
        { from: message.from, to: [formatAddress(message.to, message.toName)], subject: message.subject, html: message.html, text: message.text },
        { idempotencyKey: `email-${message.id}` },
      );
      if (error) {
        const status = typeof error.statusCode === "number" ? error.statusCode : null;
        throw new MailSendError(`Resend: ${error.name}${status ? ` (HTTP ${status})` : ""}: ${error.message}`, status);
      }
      if (!data?.id) throw new MailSendError("Resend: the response has no message id", null);
      return { providerId: data.id };
    },
  };
}
