/**
 * The mail module's background job: `email.send` delivers one stored EmailMessage through the
 * configured transport, retried by the outbox with backoff. Registered with the outbox when this
 * module is imported (src/server/jobs/all-jobs.ts imports it for the worker).
 */
import "server-only";
import { z } from "zod";
import { defineJob } from "@/server/jobs/outbox";
import { getMailTransport, mailFrom } from "@/server/integrations/mail";
import { deliverEmail } from "./mail.delivery";

/**
 * About a day of retries with the outbox's backoff (5 s, 10 s, 20 s … then hourly): a provider
 * outage of a working day delays mail without any message ending FAILED.
 */
export const EMAIL_SEND_MAX_ATTEMPTS = 30;

export const sendEmailJob = defineJob({
  type: "email.send",
  payload: z.object({ messageId: z.string().min(1) }),
  maxAttempts: EMAIL_SEND_MAX_ATTEMPTS,
  async run({ messageId }, { db, attempt }) {
    await deliverEmail(db, messageId, { transport: getMailTransport(), from: mailFrom(), attempt, maxAttempts: EMAIL_SEND_MAX_ATTEMPTS });
  },
});
