import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { OpenCaseForm } from "@/modules/cases/components/open-case-form";
import { requirePermission } from "@/server/auth/session";
import { getT } from "@/server/i18n";
import { getQueryClient, HydrateClient, orNotFound, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Nowa sprawa" };

/** Opening a case standalone, or from a letter with ?pismo=<documentId>. */
export default async function NewCasePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("documents.work");
  const t = await getT();
  const raw = (await searchParams).pismo;
  const documentId = (Array.isArray(raw) ? raw[0] : raw) || undefined;
  await orNotFound(getQueryClient().fetchQuery(trpc.cases.openOptions.queryOptions({ documentId: documentId ?? null })));
  return (
    <HydrateClient>
      <PageHeader title={t("cases.form.title")} />
      <section className="card max-w-3xl">
        <OpenCaseForm documentId={documentId} />
      </section>
    </HydrateClient>
  );
}
