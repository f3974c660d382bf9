import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { ApprovalPathEditor } from "@/modules/outgoing/components/approval-paths";
import { requirePermission } from "@/server/auth/session";
import { getT } from "@/server/i18n";
import { getQueryClient, HydrateClient, orNotFound, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Ścieżka akceptacji" };

export default async function ApprovalPathPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("org.manage");
  const t = await getT();
  const { id } = await params;
  const editor = await orNotFound(getQueryClient().fetchQuery(trpc.outgoing.approvalPath.queryOptions({ departmentId: id })));
  return (
    <HydrateClient>
      <PageHeader title={t("outgoing.paths.editTitle", { symbol: editor.row.department.symbol })} description={editor.row.department.name} />
      <ApprovalPathEditor departmentId={id} />
    </HydrateClient>
  );
}
