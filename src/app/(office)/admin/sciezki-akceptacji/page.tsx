import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { ApprovalPathList } from "@/modules/outgoing/components/approval-paths";
import { requirePermission } from "@/server/auth/session";
import { getT } from "@/server/i18n";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Ścieżki akceptacji" };

export default async function ApprovalPathsPage() {
  await requirePermission("org.manage");
  const t = await getT();
  prefetch(trpc.outgoing.approvalPaths.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title={t("outgoing.paths.title")} description={t("outgoing.paths.description")} />
      <ApprovalPathList />
    </HydrateClient>
  );
}
