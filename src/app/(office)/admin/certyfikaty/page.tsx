import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { AdminCertificates } from "@/modules/signatures/components/admin-certificates";
import { certificateListInputFromParams } from "@/modules/signatures/signatures.schemas";
import { requirePermission } from "@/server/auth/session";
import { getT } from "@/server/i18n";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Certyfikaty podpisu" };

/** Administrators: staff certificate requests (approve / reject), issued and revoked certificates. */
export default async function CertificatesAdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("certificates.manage");
  const t = await getT();
  const input = certificateListInputFromParams(await searchParams);
  prefetch(trpc.signatures.certificates.list.queryOptions(input));
  return (
    <HydrateClient>
      <PageHeader title={t("signatures.certificates.adminTitle")} description={t("signatures.certificates.adminDescription")} />
      <AdminCertificates input={input} />
    </HydrateClient>
  );
}
