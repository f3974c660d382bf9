import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { DraftForm } from "@/modules/outgoing/components/draft-form";
import { requirePermission } from "@/server/auth/session";
import { getT } from "@/server/i18n";
import { getQueryClient, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Nowe pismo wychodzące" };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim().slice(0, 64) || undefined;

export default async function NewOutgoingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("documents.work");
  const t = await getT();
  const params = await searchParams;
  let initial;
  try {
    initial = await getQueryClient().fetchQuery(trpc.outgoing.newDraftForm.queryOptions({ caseId: one(params.sprawa), replyToId: one(params.odpowiedzNa) }));
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
  return (
    <>
      <PageHeader title={t("outgoing.form.newTitle")} />
      <DraftForm initial={initial} />
    </>
  );
}
