import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LetterDetails } from "@/modules/letters/components/letter-details";
import { requirePermission } from "@/server/auth/session";
import { getQueryClient, HydrateClient, prefetch, trpc } from "@/trpc/server";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  try {
    const letter = await getQueryClient().fetchQuery(trpc.letters.get.queryOptions({ id }));
    return { title: `${letter.label} — pismo przychodzące` };
  } catch {
    return { title: "Pismo przychodzące" };
  }
}

export default async function IncomingLetterPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("documents.work");
  const { id } = await params;
  try {
    const letter = await getQueryClient().fetchQuery(trpc.letters.get.queryOptions({ id }));
    if (letter.kind !== "INCOMING") notFound();
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
  prefetch(trpc.letters.history.queryOptions({ id }));
  prefetch(trpc.letters.options.queryOptions());
  prefetch(trpc.files.list.queryOptions({ documentId: id }));
  return (
    <HydrateClient>
      <LetterDetails id={id} />
    </HydrateClient>
  );
}
