import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { CaseList } from "@/modules/cases/components/case-list";
import { caseListInputFromParams } from "@/modules/cases/cases.params";
import { requirePermission } from "@/server/auth/session";
import { getT } from "@/server/i18n";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Sprawy" };

export default async function CasesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("documents.work");
  const t = await getT();
  const input = caseListInputFromParams(await searchParams);
  prefetch(trpc.cases.list.queryOptions(input));
  return (
    <HydrateClient>
      <PageHeader
        title={t("cases.title")}
        description={t("cases.description")}
        actions={
          <>
            <Link href="/sprawy/nowa" className="btn-primary">
              {t("cases.newCase")}
            </Link>
            <Link href="/sprawy/spis" className="btn-secondary">
              {t("cases.register")}
            </Link>
          </>
        }
      />
      <CaseList input={input} />
    </HydrateClient>
  );
}
