import type { Metadata } from "next";
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
      <ProfileView />
    </HydrateClient>
  );
}
