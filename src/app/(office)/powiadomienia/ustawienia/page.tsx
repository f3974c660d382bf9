import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { PreferencesForm } from "@/modules/notifications/components/preferences-form";
import { requirePermission } from "@/server/auth/session";
import { getT } from "@/server/i18n";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Ustawienia powiadomień" };

export default async function NotificationSettingsPage() {
  await requirePermission("dashboard.view");
  const t = await getT();
  prefetch(trpc.notifications.preferences.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title={t("notifications.preferences.title")} description={t("notifications.preferences.description")} />
      <PreferencesForm />
    </HydrateClient>
  );
}
