/**
 * No provider configured: nothing leaves the machine. The EmailMessage row itself is the local
 * outbox (status LOCAL), readable under /admin/poczta and, for the addressee, under /poczta.
 */
import type { MailTransport } from "./mail-transport";

export function createLocalTransport(): MailTransport {
  return {
    name: "local",
    async send() {
      return { providerId: null };
    },
  };
}
