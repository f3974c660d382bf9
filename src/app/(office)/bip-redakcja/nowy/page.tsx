import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { ArticleForm } from "@/modules/bip/components/editor/article-form";
import { requirePermission } from "@/server/auth/session";
import { getT } from "@/server/i18n";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Nowy artykuł BIP" };

/** /bip-redakcja/nowy[?menu=<id>]: the first draft of a new article under a chosen menu item. */
export default async function NewBipArticlePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("bip.edit");
  const t = await getT();
  const params = await searchParams;
  const menu = await getQueryClient().fetchQuery(trpc.bip.menu.list.queryOptions());
  const wanted = typeof params.menu === "string" ? params.menu : undefined;
  const initialMenuId = menu.find((m) => m.id === wanted && m.holdsArticles)?.id;
  return (
    <HydrateClient>
      <PageHeader title={t("bipEditor.newTitle")} />
      <section className="card">
        <ArticleForm article={null} menu={menu} initialMenuId={initialMenuId} />
      </section>
    </HydrateClient>
  );
}
