/**
 * ESP inputs and limits shared by the pages, the route handlers and the services (client-safe).
 */
import { z } from "zod";

/** Sign-in code: 6 digits, valid this long, this many wrong tries. */
export const LOGIN_CODE_VALID_MINUTES = 15;
export const LOGIN_MAX_ATTEMPTS = 5;
export const LOGIN_PER_EMAIL_PER_HOUR = 5;
export const LOGIN_PER_IP_PER_HOUR = 30;
/** A session lasts 12 hours from sign-in (no sliding: a shared computer forgets the citizen the same day). */
export const SESSION_HOURS = 12;
export const ESP_SESSION_COOKIE = "obieg_esp";

export const SUBMIT_PER_ACCOUNT_PER_HOUR = 10;
export const SUBMIT_PER_IP_PER_HOUR = 30;
export const STATUS_PER_IP_PER_HOUR = 20;

/** Attachments: at most this many, each and all together within these sizes. */
export const MAX_FILES = 10;
export const MAX_FILE_MB = 20;
export const MAX_TOTAL_MB = 50;
/** Formats accepted by the ESP (the 2018 regulation's list, as far as we recognise them by content). */
export const ESP_EXTENSIONS = ["pdf", "odt", "docx", "doc", "rtf", "txt", "xml", "zip", "jpg", "jpeg", "png", "tif", "tiff", "p7s"] as const;
export const ESP_ACCEPT = ESP_EXTENSIONS.map((e) => `.${e}`).join(",");

/** Unambiguous alphabet for access codes: no 0/O, 1/I/L. */
export const ACCESS_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const ACCESS_CODE_LENGTH = 8;

export const ZEspEmail = z
  .string()
  .trim()
  .min(1, "Podaj adres e-mail.")
  .max(254, "Adres e-mail jest za długi.")
  .pipe(z.email("Podaj poprawny adres e-mail, np. jan.kowalski@example.com."))
  .transform((v) => v.toLowerCase());

export const ZStartSignIn = z.object({ email: ZEspEmail });
export const ZVerifyCode = z.object({
  email: ZEspEmail,
  code: z
    .string()
    .trim()
    .transform((v) => v.replace(/\s+/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "Kod ma 6 cyfr.")),
});
export const LOGIN_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const ZLoginToken = z.string().regex(LOGIN_TOKEN_PATTERN, "Link jest nieprawidłowy.");

/** ESP/12/2026 */
export const SUBMISSION_NUMBER_PATTERN = /^ESP\/\d{1,9}\/\d{4}$/;
/** The number in a path segment: ESP-12-2026. */
export const submissionSlug = (number: string) => number.replaceAll("/", "-");
export function numberFromSlug(slug: string): string | null {
  const n = decodeURIComponent(slug).replaceAll("-", "/").toUpperCase();
  return SUBMISSION_NUMBER_PATTERN.test(n) ? n : null;
}

export const ZStatusQuery = z.object({
  number: z.string().trim().min(1, "Podaj numer zgłoszenia, numer RPW albo znak sprawy.").max(80, "Numer jest za długi."),
  code: z
    .string()
    .trim()
    .transform((v) => v.replace(/[\s-]+/g, "").toUpperCase())
    .pipe(z.string().min(1, "Podaj kod dostępu z potwierdzenia (UPP).").max(20, "Kod dostępu jest za długi.")),
});
export type StatusQuery = z.output<typeof ZStatusQuery>;

/** What the status page may show: the plain state and the deadline, nothing else. */
export type PublicStatus = "received" | "inProgress" | "suspended" | "closed" | "cancelled";
export interface StatusResult {
  status: PublicStatus;
  /** YYYY-MM-DD, or null when no deadline is set. */
  dueDate: string | null;
}

/** First issue per field, for forms. */
export function issuesByField(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    out[key] ??= issue.message;
  }
  return out;
}
