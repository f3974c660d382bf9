import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { PositionsAdmin } from "@/modules/org/components/positions-admin";
import { requirePermission } from "@/server/auth/session";
import { getT } from "@/server/i18n";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("org.positions.title") };
}

export default async function PositionsPage() {
  await requirePermission("org.manage");
  const t = await getT();
  prefetch(trpc.org.positions.list.queryOptions({ page: 1 }));
  return (
    <HydrateClient>
      <PageHeader title={t("org.positions.title")} description={t("org.positions.description")} />
      <PositionsAdmin />
    </HydrateClient>
  );
}
