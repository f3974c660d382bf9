import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { UserDetails } from "@/modules/users/components/user-details";
import { requirePermission } from "@/server/auth/session";
import { getQueryClient, HydrateClient, prefetch, trpc } from "@/trpc/server";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  try {
    const user = await getQueryClient().fetchQuery(trpc.users.get.queryOptions({ id }));
    return { title: `${user.firstName} ${user.lastName} — użytkownik` };
  } catch {
    return { title: "Użytkownik" };
  }
}

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("users.manage");
  const { id } = await params;
  try {
    await getQueryClient().fetchQuery(trpc.users.get.queryOptions({ id }));
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
  prefetch(trpc.users.formOptions.queryOptions());
  return (
    <HydrateClient>
      <UserDetails id={id} selfId={actor.id} />
    </HydrateClient>
  );
}
