import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { can } from "@/lib/permissions";
import { SubstitutionForm } from "@/modules/substitutions/components/substitution-form";
import { SubstitutionList } from "@/modules/substitutions/components/substitution-list";
import { substitutionListInputFromParams } from "@/modules/substitutions/substitutions.params";
import { requirePermission } from "@/server/auth/session";
import { getT } from "@/server/i18n";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Zastępstwa" };

export default async function SubstitutionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("substitutions.manage");
  const t = await getT();
  const input = substitutionListInputFromParams(await searchParams);
  prefetch(trpc.substitutions.list.queryOptions(input));
  prefetch(trpc.substitutions.options.queryOptions());
  const scope = can(actor.roles, "substitutions.manage.all") ? t("substitutions.scopeAll") : t("substitutions.scopeDepartment");
  return (
    <HydrateClient>
      <PageHeader title={t("substitutions.title")} description={`${t("substitutions.description")} ${scope}`} />
      <div className="space-y-4">
        <SubstitutionForm />
        <SubstitutionList input={input} />
      </div>
    </HydrateClient>
  );
}
