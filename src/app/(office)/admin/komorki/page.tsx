import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { DepartmentsAdmin } from "@/modules/org/components/departments-admin";
import { requirePermission } from "@/server/auth/session";
import { getT } from "@/server/i18n";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("org.departments.title") };
}

export default async function DepartmentsPage() {
  await requirePermission("org.manage");
  const t = await getT();
  prefetch(trpc.org.departments.list.queryOptions({ page: 1, includeInactive: false }));
  prefetch(trpc.org.departments.formOptions.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title={t("org.departments.title")} description={t("org.departments.description")} />
      <DepartmentsAdmin />
    </HydrateClient>
  );
}
