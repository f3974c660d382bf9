/**
 * Inputs of the password-reset forms, shared by the pages' server actions and the service.
 * Client-safe.
 */
import { z } from "zod";
import { ZNewPassword } from "@/lib/password-policy";

/** How long a reset link works after it is sent. */
export const RESET_LINK_VALID_MINUTES = 30;

/** A reset token as it appears in the link: 32 random bytes, base64url without padding (43 characters). */
export const RESET_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const ZResetToken = z.string().regex(RESET_TOKEN_PATTERN, "Link jest nieprawidłowy.");

export const ZRequestPasswordResetInput = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Podaj adres e-mail.")
    .max(254, "Adres e-mail jest za długi.")
    .pipe(z.email("Podaj poprawny adres e-mail, np. jan.kowalski@urzad.gov.pl.")),
});
export type RequestPasswordResetInput = z.infer<typeof ZRequestPasswordResetInput>;

/** The form on /logowanie/nowe-haslo: the token from the link and the new password twice. */
export const ZResetPasswordForm = z
  .object({
    token: ZResetToken,
    password: ZNewPassword,
    repeatPassword: z.string().max(200),
  })
  .refine((v) => v.password === v.repeatPassword, { message: "Hasła nie są takie same.", path: ["repeatPassword"] });
export type ResetPasswordForm = z.infer<typeof ZResetPasswordForm>;

/** What the service takes (the repeat field is the form's business). */
export const ZResetPasswordInput = z.object({ token: z.string().max(200), password: ZNewPassword });
export type ResetPasswordInput = z.infer<typeof ZResetPasswordInput>;

/** Why a link cannot be used; each has its own explanation on the page. */
export const RESET_TOKEN_PROBLEMS = ["invalid", "expired", "used", "inactive"] as const;
export type ResetTokenProblem = (typeof RESET_TOKEN_PROBLEMS)[number];

export type ResetTokenCheck = { ok: true; email: string } | { ok: false; reason: ResetTokenProblem };

export type ResetPasswordResult = { ok: true; userId: string } | { ok: false; reason: ResetTokenProblem };

/** Field messages of a failed parse: the first per field, "_" for the whole form. */
export function issuesByField(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[issue.path.join(".") || "_"] ??= issue.message;
  return out;
}

/** What the request form's server action answers (the same for every well-formed address). */
export type RequestResetState = { status: "idle" } | { status: "invalid"; errors: Record<string, string>; email: string } | { status: "sent"; email: string };

/** What the new-password form's server action answers. */
export type ResetFormState =
  | { status: "idle" }
  | { status: "invalid"; errors: Record<string, string>; message?: string }
  | { status: "token"; reason: ResetTokenProblem }
  | { status: "done" }
  | { status: "error" };
