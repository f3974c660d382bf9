import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { AdminCertificates } from "@/modules/signatures/components/admin-certificates";
import { AdminSeal } from "@/modules/signatures/components/admin-seal";
import { certificateListInputFromParams } from "@/modules/signatures/signatures.schemas";
import { requirePermission } from "@/server/auth/session";
import { getT } from "@/server/i18n";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Certyfikaty podpisu" };

/** Administrators: staff certificate requests (approve / reject), issued and revoked certificates, and the office seal. */
export default async function CertificatesAdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("certificates.manage");
  const t = await getT();
  const input = certificateListInputFromParams(await searchParams);
  prefetch(trpc.signatures.certificates.list.queryOptions(input));
  prefetch(trpc.signatures.certificates.seals.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title={t("signatures.certificates.adminTitle")} description={t("signatures.certificates.adminDescription")} />
      <AdminCertificates input={input} />
      <div className="mt-6">
        <AdminSeal />
      </div>
    </HydrateClient>
  );
}
