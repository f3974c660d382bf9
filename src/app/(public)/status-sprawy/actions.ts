"use server";

import { createTranslator } from "@/lib/i18n/translator";
import type { StatusFormState } from "@/modules/esp/components/status-form";
import { issuesByField, ZStatusQuery } from "@/modules/esp/esp.schemas";
import { currentMeta } from "@/modules/esp/esp.session";
import { lookupCaseStatus } from "@/modules/esp/esp.status.service";
import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { getLocale } from "@/server/i18n";

/** Anonymous: number + access code → the state and the deadline, or the same "not found" for anything wrong. */
export async function checkStatusAction(_state: StatusFormState, form: FormData): Promise<StatusFormState> {
  const t = createTranslator(await getLocale());
  const raw = { number: String(form.get("number") ?? "").slice(0, 100), code: String(form.get("code") ?? "").slice(0, 40) };
  const parsed = ZStatusQuery.safeParse(raw);
  if (!parsed.success) return { number: raw.number, errors: issuesByField(parsed.error), message: null, result: null };
  try {
    const result = await lookupCaseStatus(await getDb(), parsed.data, await currentMeta());
    return { number: raw.number, errors: {}, message: result ? null : t("esp.statusPage.notFound"), result };
  } catch (error) {
    if (error instanceof AppError && error.code === "TOO_MANY_REQUESTS") return { number: raw.number, errors: {}, message: t("esp.tooMany"), result: null };
    throw error;
  }
}
