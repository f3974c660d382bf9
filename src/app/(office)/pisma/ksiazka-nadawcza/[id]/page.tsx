import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { DispatchBookDetail } from "@/modules/outgoing/components/dispatch-books";
import { requirePermission } from "@/server/auth/session";
import { getT } from "@/server/i18n";
import { getQueryClient, HydrateClient, orNotFound, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Książka nadawcza" };

export default async function DispatchBookDetailPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("letters.dispatch");
  const t = await getT();
  const { id } = await params;
  const justCreated = (await searchParams).utworzono === "1";
  const book = await orNotFound(getQueryClient().fetchQuery(trpc.outgoing.book.queryOptions({ id })));
  return (
    <HydrateClient>
      <PageHeader
        title={`${t("outgoing.book.title")} ${book.number}`}
        actions={
          <Link href="/pisma/ksiazka-nadawcza" className="btn-secondary">
            {t("outgoing.book.back")}
          </Link>
        }
      />
      <DispatchBookDetail id={id} justCreated={justCreated} />
    </HydrateClient>
  );
}
