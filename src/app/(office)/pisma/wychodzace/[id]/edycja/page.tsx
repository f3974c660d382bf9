import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { DraftForm } from "@/modules/outgoing/components/draft-form";
import { requirePermission } from "@/server/auth/session";
import { getT } from "@/server/i18n";
import { getQueryClient, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Zmiana projektu pisma" };

export default async function EditOutgoingPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("documents.work");
  const t = await getT();
  const { id } = await params;
  let initial;
  try {
    initial = await getQueryClient().fetchQuery(trpc.outgoing.draftForm.queryOptions({ id }));
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    // Not a draft any more, or not the author: back to the letter's page.
    if (error instanceof TRPCError && (error.code === "BAD_REQUEST" || error.code === "FORBIDDEN")) redirect(`/pisma/wychodzace/${id}`);
    throw error;
  }
  const doc = await getQueryClient().fetchQuery(trpc.outgoing.get.queryOptions({ id }));
  return (
    <>
      <PageHeader title={t("outgoing.form.editTitle", { label: doc.label })} />
      <DraftForm initial={initial} />
    </>
  );
}
