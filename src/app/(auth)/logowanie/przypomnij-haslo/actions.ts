"use server";

import { after } from "next/server";
import { issuesByField, ZRequestPasswordResetInput, type RequestResetState } from "@/modules/password-reset/password-reset.schemas";
import { requestPasswordReset } from "@/modules/password-reset/password-reset.service";
import { getRequestMeta } from "@/server/auth/session";
import { getDb } from "@/server/db";

/**
 * Anonymous: anyone may ask. The answer is given before the account is even looked up (the work
 * runs after the response), so neither its content nor its timing tells whether the address exists.
 */
export async function requestPasswordResetAction(_state: RequestResetState, form: FormData): Promise<RequestResetState> {
  const raw = String(form.get("email") ?? "").slice(0, 320);
  const parsed = ZRequestPasswordResetInput.safeParse({ email: raw });
  if (!parsed.success) return { status: "invalid", errors: issuesByField(parsed.error), email: raw };
  const meta = await getRequestMeta();
  const now = new Date();
  after(async () => {
    try {
      await requestPasswordReset(await getDb(), parsed.data, meta, now);
    } catch (error) {
      console.error("[password-reset] request failed", error);
    }
  });
  return { status: "sent", email: parsed.data.email };
}
