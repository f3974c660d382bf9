import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { BookCandidates, DispatchBookList } from "@/modules/outgoing/components/dispatch-books";
import { requirePermission } from "@/server/auth/session";
import { getT } from "@/server/i18n";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Książka nadawcza" };

const pageOf = (v: string | string[] | undefined) => {
  const n = Number.parseInt(Array.isArray(v) ? (v[0] ?? "") : (v ?? ""), 10);
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
};

export default async function DispatchBookPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("letters.dispatch");
  const t = await getT();
  const params = await searchParams;
  const page = pageOf(params.strona);
  const booksPage = pageOf(params.ksiazki);
  prefetch(trpc.outgoing.bookCandidates.queryOptions({ page }));
  prefetch(trpc.outgoing.books.queryOptions({ page: booksPage }));
  return (
    <HydrateClient>
      <PageHeader title={t("outgoing.book.title")} description={t("outgoing.book.description")} />
      <div className="space-y-4">
        <BookCandidates page={page} booksPage={booksPage} />
        <DispatchBookList page={booksPage} candidatesPage={page} />
      </div>
    </HydrateClient>
  );
}
