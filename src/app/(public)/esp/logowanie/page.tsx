import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { EspLoginForm } from "@/modules/esp/components/esp-login-form";
import { EspShell } from "@/modules/esp/components/esp-shell";
import { getEspAccount, safeNext } from "@/modules/esp/esp.session";
import { getT } from "@/server/i18n";
import { espLoginAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("esp.login.title"), description: t("esp.login.intro", { minutes: 15 }) };
}

export default async function EspLoginPage({ searchParams }: { searchParams: Promise<{ blad?: string; dalej?: string }> }) {
  const { blad, dalej } = await searchParams;
  const next = safeNext(dalej);
  if (await getEspAccount()) redirect(next ?? "/esp");
  const t = await getT();
  return (
    <EspShell showAccount={false}>
      <div className="mx-auto max-w-md">
        <h1 className="mb-4 text-2xl font-semibold">{t("esp.login.title")}</h1>
        <EspLoginForm action={espLoginAction} initialMessage={blad === "link" ? t("esp.login.linkInvalid") : null} next={next} />
      </div>
    </EspShell>
  );
}
