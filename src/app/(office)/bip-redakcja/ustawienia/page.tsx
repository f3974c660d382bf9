import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { BipSettingsForm } from "@/modules/bip/components/editor/settings-form";
import { requirePermission } from "@/server/auth/session";
import { getT } from "@/server/i18n";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Ustawienia BIP" };

/** /bip-redakcja/ustawienia: the redakcja's contacts and the accessibility statement (bip.manage). */
export default async function BipSettingsPage() {
  await requirePermission("bip.manage");
  const t = await getT();
  prefetch(trpc.bip.settings.get.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title={t("bipEditor.settingsTitle")} description={t("bipEditor.settingsDescription")} />
      <BipSettingsForm />
    </HydrateClient>
  );
}
