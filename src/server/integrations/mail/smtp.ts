/**
 * SMTP through nodemailer 7, configured by a URL (smtp://user:pass@host:587, smtps://…:465). The
 * Message-ID is derived from the message id, so a retry after a lost reply carries the same
 * Message-ID and the receiving side (and our tests) can recognise it.
 */
import nodemailer from "nodemailer";
import { parseConnectionUrl } from "nodemailer/lib/shared";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import type { MailTransport } from "./mail-transport";

export interface SmtpTransportOptions {
  /** smtp[s]://user:pass@host:port */
  url: string;
  /** Seconds to wait for the connection, the greeting and each command; default 30. */
  timeoutSeconds?: number;
}

/** `<id@domain-of-the-sender>`: stable for every attempt of one message. */
export function messageIdFor(id: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "obieg.localhost";
  return `<${id}@${domain}>`;
}

export function createSmtpTransport(options: SmtpTransportOptions): MailTransport {
  const timeout = (options.timeoutSeconds ?? 30) * 1000;
  // nodemailer's own URL parser: query options (?ignoreTLS=true, ?tls.rejectUnauthorized=false) keep working.
  const transporter = nodemailer.createTransport({
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    ...parseConnectionUrl(options.url),
  } satisfies SMTPTransport.Options);
  return {
    name: "smtp",
    async send(message) {
      const messageId = messageIdFor(message.id, message.from);
      const info = await transporter.sendMail({
        from: message.from,
        to: message.toName ? { name: message.toName, address: message.to } : message.to,
        subject: message.subject,
        html: message.html,
        text: message.text,
        messageId,
        headers: { "Auto-Submitted": "auto-generated" },
      });
      if (info.rejected.length > 0) throw new Error(`SMTP: recipient rejected: ${info.rejected.map(String).join(", ")}`);
      return { providerId: info.messageId || messageId };
    },
  };
}
