import type { Metadata } from "next";
import { AuthCard } from "@/modules/password-reset/components/auth-card";
import { RequestResetForm } from "@/modules/password-reset/components/request-reset-form";
import { getDb } from "@/server/db";
import { getT } from "@/server/i18n";
import { requestPasswordResetAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("passwordReset.request.title") };
}

/** Anonymous page (the proxy guards only staff paths); the form answers the same for every address. */
export default async function RequestPasswordResetPage() {
  const t = await getT();
  const office = await (await getDb()).office.findUnique({ where: { id: 1 }, select: { name: true } });
  return (
    <AuthCard appName={t("app.name")} officeName={office?.name ?? t("app.tagline")} title={t("passwordReset.request.title")}>
      <RequestResetForm action={requestPasswordResetAction} />
    </AuthCard>
  );
}
