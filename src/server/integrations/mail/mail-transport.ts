/** The one interface every e-mail transport implements. Client-safe types only. */
export interface OutgoingMail {
  /** EmailMessage id: the idempotency key (Resend) and the local part of the Message-ID (SMTP). */
  id: string;
  /** Sender, e.g. "Urząd Miasta <powiadomienia@um.example.pl>". */
  from: string;
  to: string;
  toName?: string;
  subject: string;
  html: string;
  text: string;
}

export type MailTransportName = "resend" | "smtp" | "local";

export interface MailTransport {
  name: MailTransportName;
  /** Hands the message over. Throws when the provider refuses it or cannot be reached. */
  send(message: OutgoingMail): Promise<{ providerId: string | null }>;
}

/** `"Name" <address>` with the name's quotes and line breaks removed; the bare address without a name. */
export function formatAddress(address: string, name?: string): string {
  const clean = name?.replace(/[\r\n"\\<>]+/g, " ").replace(/\s+/g, " ").trim();
  return clean ? `"${clean}" <${address}>` : address;
}
