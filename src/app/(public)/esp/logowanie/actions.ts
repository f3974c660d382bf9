"use server";

import { redirect } from "next/navigation";
import { after } from "next/server";
import { createTranslator } from "@/lib/i18n/translator";
import { startEspSignIn, verifyEspCode, verifyEspLink } from "@/modules/esp/esp.auth.service";
import type { EspLoginState } from "@/modules/esp/components/esp-login-form";
import { issuesByField, ZStartSignIn, ZVerifyCode } from "@/modules/esp/esp.schemas";
import { currentMeta, safeNext, setEspSessionCookie } from "@/modules/esp/esp.session";
import { getDb } from "@/server/db";
import { getLocale } from "@/server/i18n";

/**
 * Anonymous. Step "email": the answer comes before the address is even looked at (the work runs
 * after the response), the same for every address. Step "code": checks the code, sets the cookie.
 */
export async function espLoginAction(state: EspLoginState, form: FormData): Promise<EspLoginState> {
  const locale = await getLocale();
  const t = createTranslator(locale);
  const rawEmail = String(form.get("email") ?? "").slice(0, 320);
  if (form.get("step") === "code") {
    const parsed = ZVerifyCode.safeParse({ email: rawEmail, code: String(form.get("code") ?? "").slice(0, 20) });
    if (!parsed.success) return { step: "code", email: rawEmail, errors: issuesByField(parsed.error) };
    const result = await verifyEspCode(await getDb(), parsed.data, await currentMeta());
    if (!result.ok) {
      const message = t(`esp.login.${result.reason}`);
      return result.reason === "invalid" ? { step: "code", email: parsed.data.email, errors: { code: message } } : { step: "email", email: parsed.data.email, errors: {}, message };
    }
    await setEspSessionCookie(result.sessionToken);
    redirect(safeNext(form.get("next")) ?? "/esp");
  }
  const parsed = ZStartSignIn.safeParse({ email: rawEmail });
  if (!parsed.success) return { step: "email", email: rawEmail, errors: issuesByField(parsed.error) };
  const meta = await currentMeta();
  const now = new Date();
  after(async () => {
    try {
      await startEspSignIn(await getDb(), parsed.data.email, meta, now, { locale });
    } catch (error) {
      console.error("[esp] sign-in request failed", error);
    }
  });
  return { step: "code", email: parsed.data.email, errors: {} };
}

/** The page a sign-in link opens posts here (a GET never signs in: mail scanners follow links). */
export async function espLinkAction(form: FormData): Promise<void> {
  const token = String(form.get("token") ?? "").slice(0, 100);
  const result = await verifyEspLink(await getDb(), token, await currentMeta());
  if (!result.ok) redirect("/esp/logowanie?blad=link");
  await setEspSessionCookie(result.sessionToken);
  redirect("/esp");
}
