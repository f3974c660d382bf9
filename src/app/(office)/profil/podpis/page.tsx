import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { MyCertificates } from "@/modules/signatures/components/my-certificates";
import { requireActor } from "@/server/auth/session";
import { getT } from "@/server/i18n";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Mój podpis elektroniczny" };

/** The user's signing certificate: status, request / renewal in this browser, revocation, download. */
export default async function MySignaturePage() {
  const actor = await requireActor();
  const t = await getT();
  prefetch(trpc.signatures.certificates.mine.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title={t("signatures.certificates.myTitle")} description={t("signatures.certificates.myDescription")} />
      <MyCertificates userId={actor.id} />
    </HydrateClient>
  );
}
