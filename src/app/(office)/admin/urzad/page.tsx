import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { LocationsSection } from "@/modules/org/components/locations-section";
import { OfficeForm } from "@/modules/org/components/office-form";
import { requirePermission } from "@/server/auth/session";
import { getT } from "@/server/i18n";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("org.office.title") };
}

export default async function OfficePage() {
  await requirePermission("org.manage");
  const t = await getT();
  prefetch(trpc.org.office.get.queryOptions());
  prefetch(trpc.org.locations.list.queryOptions({ page: 1 }));
  return (
    <HydrateClient>
      <PageHeader title={t("org.office.title")} description={t("org.office.description")} />
      <div className="space-y-6">
        <OfficeForm />
        <LocationsSection />
      </div>
    </HydrateClient>
  );
}
