import type { Metadata } from "next";
import { MetrykaView } from "@/modules/cases/components/metryka-view";
import { requirePermission } from "@/server/auth/session";
import { getQueryClient, HydrateClient, orNotFound, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Metryka sprawy" };

export default async function MetrykaPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("documents.work");
  const { id } = await params;
  await orNotFound(getQueryClient().fetchQuery(trpc.cases.metryka.queryOptions({ id })));
  return (
    <HydrateClient>
      <MetrykaView id={id} />
    </HydrateClient>
  );
}
