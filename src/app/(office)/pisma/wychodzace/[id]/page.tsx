import type { Metadata } from "next";
import { OutgoingDetail } from "@/modules/outgoing/components/outgoing-detail";
import { requirePermission } from "@/server/auth/session";
import { getQueryClient, HydrateClient, orNotFound, trpc } from "@/trpc/server";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  try {
    const doc = await getQueryClient().fetchQuery(trpc.outgoing.get.queryOptions({ id }));
    return { title: `${doc.label} — pismo wychodzące` };
  } catch {
    return { title: "Pismo wychodzące" };
  }
}

export default async function OutgoingLetterPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("documents.work");
  const { id } = await params;
  await orNotFound(getQueryClient().fetchQuery(trpc.outgoing.get.queryOptions({ id })));
  return (
    <HydrateClient>
      <OutgoingDetail id={id} />
    </HydrateClient>
  );
}
