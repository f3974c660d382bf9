import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { DraftForm } from "@/modules/outgoing/components/draft-form";
import { requirePermission } from "@/server/auth/session";
import { getT } from "@/server/i18n";
import { getQueryClient, orNotFound, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Nowe pismo wychodzące" };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim().slice(0, 64) || undefined;

export default async function NewOutgoingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("documents.work");
  const t = await getT();
  const params = await searchParams;
  const initial = await orNotFound(getQueryClient().fetchQuery(trpc.outgoing.newDraftForm.queryOptions({ caseId: one(params.sprawa), replyToId: one(params.odpowiedzNa) })));
  return (
    <>
      <PageHeader title={t("outgoing.form.newTitle")} />
      <DraftForm initial={initial} />
    </>
  );
}
