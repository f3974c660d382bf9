import type { Metadata } from "next";
import { AuthCard } from "@/modules/password-reset/components/auth-card";
import { ResetPasswordForm } from "@/modules/password-reset/components/reset-password-form";
import { TokenProblemNotice } from "@/modules/password-reset/components/token-problem-notice";
import { checkResetToken } from "@/modules/password-reset/password-reset.service";
import { getDb } from "@/server/db";
import { getT } from "@/server/i18n";
import { resetPasswordAction } from "./actions";

export const dynamic = "force-dynamic";

/**
 * The token is in the address: `no-referrer` keeps it out of the Referer header of every request
 * the page makes (the site-wide header in next.config.ts would send it to our own origin), and
 * robots stay away.
 */
export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("passwordReset.reset.title"), referrer: "no-referrer", robots: { index: false, follow: false } };
}

export default async function NewPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await getT();
  const token = (await searchParams).token;
  const db = await getDb();
  const office = await db.office.findUnique({ where: { id: 1 }, select: { name: true } });
  // Reads only: opening the link (or a mail scanner fetching it) does not use it up.
  const check = typeof token === "string" ? await checkResetToken(db, token) : ({ ok: false, reason: "invalid" } as const);
  return (
    <AuthCard appName={t("app.name")} officeName={office?.name ?? t("app.tagline")} title={t("passwordReset.reset.title")}>
      {check.ok && typeof token === "string" ? <ResetPasswordForm action={resetPasswordAction} token={token} email={check.email} /> : <TokenProblemNotice reason={check.ok ? "invalid" : check.reason} />}
    </AuthCard>
  );
}
