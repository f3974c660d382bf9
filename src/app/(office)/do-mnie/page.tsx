import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { InboxCases } from "@/modules/cases/components/inbox-cases";
import { InboxAssignments } from "@/modules/letters/components/inbox-assignments";
import { InboxApprovals } from "@/modules/outgoing/components/inbox-approvals";
import { requirePermission } from "@/server/auth/session";
import { getT } from "@/server/i18n";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Do mnie" };

/**
 * "Do mnie": everything waiting for the signed-in person (and for the people they substitute
 * today) — letters to accept or to decree, drafts to approve, cases with a deadline.
 */
export default async function InboxPage() {
  await requirePermission("documents.work");
  const t = await getT();
  prefetch(trpc.letters.inbox.queryOptions({ page: 1, deptPage: 1 }));
  prefetch(trpc.letters.options.queryOptions());
  prefetch(trpc.outgoing.inbox.queryOptions({ page: 1 }));
  prefetch(trpc.cases.inbox.queryOptions({ page: 1 }));
  return (
    <HydrateClient>
      <PageHeader title={t("nav.inbox")} description={t("dashboard.inboxDescription")} />
      <div className="space-y-4">
        <InboxAssignments />
        <InboxApprovals />
        <InboxCases />
      </div>
    </HydrateClient>
  );
}
