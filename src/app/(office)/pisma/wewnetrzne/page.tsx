import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { LetterList } from "@/modules/letters/components/letter-list";
import { letterListInputFromParams } from "@/modules/letters/letters.params";
import { requirePermission } from "@/server/auth/session";
import { getT } from "@/server/i18n";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Pisma wewnętrzne" };

export default async function InternalLettersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("documents.work");
  const t = await getT();
  const input = letterListInputFromParams("INTERNAL", await searchParams);
  prefetch(trpc.letters.list.queryOptions(input));
  prefetch(trpc.letters.options.queryOptions());
  prefetch(trpc.letters.savedFilters.queryOptions({ view: "wewnetrzne" }));
  return (
    <HydrateClient>
      <PageHeader
        title={t("letters.internal.title")}
        description={t("letters.internal.description")}
        actions={
          <Link href="/pisma/wewnetrzne/nowe" className="btn-primary">
            {t("letters.internal.create")}
          </Link>
        }
      />
      <LetterList input={input} />
    </HydrateClient>
  );
}
