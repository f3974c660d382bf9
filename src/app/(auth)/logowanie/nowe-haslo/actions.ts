"use server";

import { issuesByField, ZResetPasswordForm, type ResetFormState } from "@/modules/password-reset/password-reset.schemas";
import { resetPassword } from "@/modules/password-reset/password-reset.service";
import { getRequestMeta } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";

/** Anonymous: the token from the e-mail is the credential. */
export async function resetPasswordAction(_state: ResetFormState, form: FormData): Promise<ResetFormState> {
  const value = (name: string) => String(form.get(name) ?? "");
  const parsed = ZResetPasswordForm.safeParse({ token: value("token"), password: value("password"), repeatPassword: value("repeatPassword") });
  if (!parsed.success) {
    const errors = issuesByField(parsed.error);
    return errors.token ? { status: "token", reason: "invalid" } : { status: "invalid", errors };
  }
  try {
    const result = await resetPassword(await getDb(), { token: parsed.data.token, password: parsed.data.password }, await getRequestMeta());
    return result.ok ? { status: "done" } : { status: "token", reason: result.reason };
  } catch (error) {
    if (error instanceof AppError) return { status: "invalid", errors: error.fieldErrors ?? {}, message: error.userMessage };
    console.error("[password-reset] reset failed", error);
    return { status: "error" };
  }
}
