import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { can } from "@/lib/permissions";
import { LetterList } from "@/modules/letters/components/letter-list";
import { letterListInputFromParams } from "@/modules/letters/letters.params";
import { requirePermission } from "@/server/auth/session";
import { getT } from "@/server/i18n";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Pisma przychodzące (RPW)" };

export default async function IncomingLettersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("documents.work");
  const t = await getT();
  const input = letterListInputFromParams("INCOMING", await searchParams);
  prefetch(trpc.letters.list.queryOptions(input));
  prefetch(trpc.letters.options.queryOptions());
  prefetch(trpc.letters.savedFilters.queryOptions({ view: "rpw" }));
  return (
    <HydrateClient>
      <PageHeader
        title={t("letters.incoming.title")}
        description={t("letters.incoming.description")}
        actions={
          can(actor.roles, "letters.register") ? (
            <Link href="/pisma/przychodzace/nowe" className="btn-primary">
              {t("letters.incoming.register")}
            </Link>
          ) : undefined
        }
      />
      <LetterList input={input} />
    </HydrateClient>
  );
}
