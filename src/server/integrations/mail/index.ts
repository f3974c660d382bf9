/**
 * The application's e-mail transport, chosen by env: Resend when RESEND_API_KEY is set, otherwise
 * SMTP when SMTP_URL is set, otherwise the local outbox (nothing leaves the machine). One instance
 * per process; `setMailTransport` replaces it (tests, or a worker wired to another provider).
 */
import "server-only";
import { env } from "@/env";
import { createLocalTransport } from "./local";
import type { MailTransport, MailTransportName } from "./mail-transport";
import { createResendTransport } from "./resend";
import { createSmtpTransport } from "./smtp";

export type { MailTransport, MailTransportName, OutgoingMail } from "./mail-transport";
export { createLocalTransport } from "./local";
export { createResendTransport } from "./resend";
export { createSmtpTransport } from "./smtp";

export interface MailConfig {
  resendApiKey?: string;
  resendBaseUrl?: string;
  smtpUrl?: string;
}

/** Picks the transport for a configuration: Resend > SMTP > local. */
export function createMailTransport(config: MailConfig): MailTransport {
  if (config.resendApiKey) return createResendTransport({ apiKey: config.resendApiKey, baseUrl: config.resendBaseUrl });
  if (config.smtpUrl) return createSmtpTransport({ url: config.smtpUrl });
  return createLocalTransport();
}

const state = globalThis as unknown as { obiegMailTransport?: MailTransport };

export function getMailTransport(): MailTransport {
  state.obiegMailTransport ??= createMailTransport({ resendApiKey: env.RESEND_API_KEY, resendBaseUrl: env.RESEND_BASE_URL, smtpUrl: env.SMTP_URL });
  return state.obiegMailTransport;
}

/** Which transport is configured, without creating it (for screens: "local" means nothing is sent). */
export function configuredMailTransportName(): MailTransportName {
  if (state.obiegMailTransport) return state.obiegMailTransport.name;
  return env.RESEND_API_KEY ? "resend" : env.SMTP_URL ? "smtp" : "local";
}

/** Replaces the process's transport; returns a function that restores the previous one. */
export function setMailTransport(transport: MailTransport): () => void {
  const previous = state.obiegMailTransport;
  state.obiegMailTransport = transport;
  return () => {
    state.obiegMailTransport = previous;
  };
}

/** The sender of every message (MAIL_FROM). */
export function mailFrom(): string {
  return env.MAIL_FROM;
}
