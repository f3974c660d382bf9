import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { JrwaEditor } from "@/modules/cases/components/jrwa-editor";
import { requirePermission } from "@/server/auth/session";
import { getT } from "@/server/i18n";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Wykaz akt (JRWA)" };

export default async function JrwaPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("jrwa.manage");
  const t = await getT();
  const raw = (await searchParams).q;
  const q = ((Array.isArray(raw) ? raw[0] : raw) ?? "").trim().slice(0, 100) || undefined;
  prefetch(trpc.cases.jrwaTree.queryOptions({ q }));
  return (
    <HydrateClient>
      <PageHeader title={t("cases.jrwa.title")} description={t("cases.jrwa.description")} />
      <JrwaEditor q={q} />
    </HydrateClient>
  );
}
