import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { CaseRegisterView } from "@/modules/cases/components/case-register";
import { caseRegisterInputFromParams } from "@/modules/cases/cases.params";
import { requirePermission } from "@/server/auth/session";
import { getT } from "@/server/i18n";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Spis spraw" };

export default async function CaseRegisterPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("documents.work");
  const t = await getT();
  const input = caseRegisterInputFromParams(await searchParams);
  if (!input.departmentId && actor.departmentId) input.departmentId = actor.departmentId;
  prefetch(trpc.cases.register.queryOptions(input));
  return (
    <HydrateClient>
      <PageHeader title={t("cases.registerPage.title")} description={t("cases.registerPage.description")} />
      <CaseRegisterView input={input} />
    </HydrateClient>
  );
}
