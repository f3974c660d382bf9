import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { NotificationList } from "@/modules/notifications/components/notification-list";
import { requirePermission } from "@/server/auth/session";
import { getT } from "@/server/i18n";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Powiadomienia" };

export default async function NotificationsPage() {
  await requirePermission("dashboard.view");
  const t = await getT();
  prefetch(trpc.notifications.list.queryOptions({ page: 1, unreadOnly: false }));
  return (
    <HydrateClient>
      <PageHeader title={t("notifications.title")} description={t("notifications.description")} />
      <p className="mb-4 flex flex-wrap gap-x-6 gap-y-2">
        <Link href="/powiadomienia/ustawienia" className="link">
          {t("notifications.settings")}
        </Link>
        <Link href="/poczta" className="link">
          {t("notifications.myMail")}
        </Link>
      </p>
      <NotificationList />
    </HydrateClient>
  );
}
