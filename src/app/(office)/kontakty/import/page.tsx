import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { ContactImport } from "@/modules/contacts/components/contact-import";
import { requirePermission } from "@/server/auth/session";
import { getT } from "@/server/i18n";

export const metadata: Metadata = { title: "Import kontaktów" };

export default async function ContactImportPage() {
  await requirePermission("contacts.manage");
  const t = await getT();
  return (
    <>
      <PageHeader
        title={t("contacts.import.title")}
        description={t("contacts.import.description")}
        actions={
          <Link href="/kontakty" className="btn-secondary">
            {t("contacts.import.back")}
          </Link>
        }
      />
      <ContactImport />
    </>
  );
}
