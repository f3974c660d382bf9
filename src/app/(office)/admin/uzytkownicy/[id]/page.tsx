import type { Metadata } from "next";
import { UserDetails } from "@/modules/users/components/user-details";
import { requirePermission } from "@/server/auth/session";
import { getQueryClient, HydrateClient, orNotFound, prefetch, trpc } from "@/trpc/server";

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
  await orNotFound(getQueryClient().fetchQuery(trpc.users.get.queryOptions({ id })));
  prefetch(trpc.users.formOptions.queryOptions());
  return (
    <HydrateClient>
      <UserDetails id={id} selfId={actor.id} />
    </HydrateClient>
  );
}
