import type { Metadata } from "next";
import { ContactDetails } from "@/modules/contacts/components/contact-details";
import { requirePermission } from "@/server/auth/session";
import { getQueryClient, HydrateClient, orNotFound, prefetch, trpc } from "@/trpc/server";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  try {
    const contact = await getQueryClient().fetchQuery(trpc.contacts.get.queryOptions({ id }));
    return { title: `${contact.name} — kontakt` };
  } catch {
    return { title: "Kontakt" };
  }
}

export default async function ContactPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("contacts.view");
  const { id } = await params;
  const { zapisano } = await searchParams;
  await orNotFound(getQueryClient().fetchQuery(trpc.contacts.get.queryOptions({ id })));
  prefetch(trpc.contacts.history.queryOptions({ id, page: 1 }));
  return (
    <HydrateClient>
      <ContactDetails id={id} justCreated={zapisano === "nowy"} />
    </HydrateClient>
  );
}
