import type { Metadata } from "next";
import Link from "next/link";
import { EspShell } from "@/modules/esp/components/esp-shell";
import { LOGIN_TOKEN_PATTERN } from "@/modules/esp/esp.schemas";
import { getT } from "@/server/i18n";
import { espLinkAction } from "../actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  // The token must not leave in a Referer header.
  return { title: t("esp.login.linkTitle"), referrer: "no-referrer", robots: { index: false } };
}

/** Opened from the e-mail: one button that POSTs the token (a link preview or scanner never signs in). */
export default async function EspLoginLinkPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const t = await getT();
  const { token } = await searchParams;
  const valid = typeof token === "string" && LOGIN_TOKEN_PATTERN.test(token);
  return (
    <EspShell showAccount={false}>
      <div className="mx-auto max-w-md space-y-4">
        <h1 className="text-2xl font-semibold">{t("esp.login.linkTitle")}</h1>
        {valid ? (
          <form action={espLinkAction} className="space-y-4">
            <p className="text-slate-800">{t("esp.login.linkIntro")}</p>
            <input type="hidden" name="token" value={token} />
            <button type="submit" className="btn-primary">
              {t("esp.login.verify")}
            </button>
          </form>
        ) : (
          <>
            <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
              {t("esp.login.linkInvalid")}
            </p>
            <Link href="/esp/logowanie" className="btn-secondary">
              {t("esp.login.newCode")}
            </Link>
          </>
        )}
      </div>
    </EspShell>
  );
}
