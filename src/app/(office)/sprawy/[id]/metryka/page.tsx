import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MetrykaView } from "@/modules/cases/components/metryka-view";
import { requirePermission } from "@/server/auth/session";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Metryka sprawy" };

export default async function MetrykaPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("documents.work");
  const { id } = await params;
  try {
    await getQueryClient().fetchQuery(trpc.cases.metryka.queryOptions({ id }));
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
  return (
    <HydrateClient>
      <MetrykaView id={id} />
    </HydrateClient>
  );
}
