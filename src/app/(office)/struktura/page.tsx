import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { can } from "@/lib/permissions";
import { DirectoryView } from "@/modules/org/components/directory-view";
import { staffQueryFromSearchParams } from "@/modules/org/org.schemas";
import { requirePermission } from "@/server/auth/session";
import { getT } from "@/server/i18n";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("org.directory.title") };
}

/** Struktura urzędu: every staff member may read it; inactive accounts only for administrators who ask. */
export default async function DirectoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("directory.view");
  const t = await getT();
  const canSeeInactive = can(actor.roles, "users.manage");
  const query = staffQueryFromSearchParams(await searchParams);
  if (!canSeeInactive) query.includeInactive = false;
  prefetch(trpc.org.directory.tree.queryOptions());
  prefetch(trpc.org.directory.locations.queryOptions());
  prefetch(trpc.org.directory.staff.queryOptions(query));
  return (
    <HydrateClient>
      <PageHeader title={t("org.directory.title")} description={t("org.directory.description")} />
      <DirectoryView query={query} canSeeInactive={canSeeInactive} selfId={actor.id} />
    </HydrateClient>
  );
}
