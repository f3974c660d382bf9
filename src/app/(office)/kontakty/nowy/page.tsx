import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { ContactForm } from "@/modules/contacts/components/contact-form";
import { requirePermission } from "@/server/auth/session";
import { getT } from "@/server/i18n";

export const metadata: Metadata = { title: "Nowy kontakt" };

export default async function NewContactPage() {
  await requirePermission("contacts.view");
  const t = await getT();
  return (
    <>
      <PageHeader
        title={t("contacts.form.newTitle")}
        description={t("contacts.form.newDescription")}
        actions={
          <Link href="/kontakty" className="btn-secondary">
            {t("contacts.detail.back")}
          </Link>
        }
      />
      <section className="card">
        <ContactForm />
      </section>
    </>
  );
}
