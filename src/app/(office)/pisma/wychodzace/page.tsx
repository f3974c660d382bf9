import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { can } from "@/lib/permissions";
import { OutgoingList } from "@/modules/outgoing/components/outgoing-list";
import { outgoingListInputFromParams } from "@/modules/outgoing/outgoing.params";
import { requirePermission } from "@/server/auth/session";
import { getT } from "@/server/i18n";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Pisma wychodzące" };

export default async function OutgoingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("documents.work");
  const t = await getT();
  const input = outgoingListInputFromParams(await searchParams, can(actor.roles, "letters.dispatch") ? "do-wysylki" : "robocze");
  prefetch(trpc.outgoing.list.queryOptions(input));
  return (
    <HydrateClient>
      <PageHeader
        title={t("outgoing.title")}
        description={t("outgoing.description")}
        actions={
          <Link href="/pisma/wychodzace/nowe" className="btn-primary">
            {t("outgoing.newLetter")}
          </Link>
        }
      />
      <OutgoingList input={input} />
    </HydrateClient>
  );
}
