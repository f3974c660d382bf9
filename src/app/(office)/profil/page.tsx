import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { ProfileView } from "@/modules/profile/components/profile-view";
import { requireActor } from "@/server/auth/session";
import { getT } from "@/server/i18n";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Mój profil" };

export default async function ProfilePage() {
  await requireActor();
  const t = await getT();
  prefetch(trpc.profile.get.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title={t("profile.title")} />
      <p className="mb-4 flex flex-wrap gap-x-6 gap-y-2">
        <Link href="/profil/podpis" className="link">
          {t("signatures.certificates.myTitle")}
        </Link>
        <Link href="/powiadomienia/ustawienia" className="link">
          {t("notifications.settings")}
        </Link>
      </p>
      <ProfileView />
    </HydrateClient>
  );
}
