import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { can } from "@/lib/permissions";
import { ContactList } from "@/modules/contacts/components/contact-list";
import { contactExportHref, contactListInputFromParams } from "@/modules/contacts/contacts.params";
import { requirePermission } from "@/server/auth/session";
import { getT } from "@/server/i18n";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Baza teleadresowa" };

export default async function ContactsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("contacts.view");
  const t = await getT();
  const input = contactListInputFromParams(await searchParams);
  prefetch(trpc.contacts.list.queryOptions(input));
  const manage = can(actor.roles, "contacts.manage");
  return (
    <HydrateClient>
      <PageHeader
        title={t("contacts.title")}
        description={t("contacts.description")}
        actions={
          <>
            <Link href="/kontakty/nowy" className="btn-primary">
              {t("contacts.add")}
            </Link>
            {manage && (
              <>
                <Link href="/kontakty/import" className="btn-secondary">
                  {t("contacts.importLink")}
                </Link>
                <a href={contactExportHref(input)} className="btn-secondary" download>
                  {t("contacts.exportLink")}
                </a>
              </>
            )}
          </>
        }
      />
      <ContactList input={input} />
    </HydrateClient>
  );
}
