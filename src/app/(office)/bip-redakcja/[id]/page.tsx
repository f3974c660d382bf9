import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { ArticleWorkspace } from "@/modules/bip/components/editor/article-workspace";
import { requirePermission } from "@/server/auth/session";
import { getT } from "@/server/i18n";
import { getQueryClient, HydrateClient, orNotFound, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Artykuł BIP" };

/** /bip-redakcja/<id>: edit, approve, attachments, versions and preview of one article. */
export default async function BipArticlePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("bip.edit");
  const t = await getT();
  const { id } = await params;
  const article = await orNotFound(getQueryClient().fetchQuery(trpc.bip.articles.get.queryOptions({ articleId: id })));
  return (
    <HydrateClient>
      <PageHeader title={t("bipEditor.articleTitle", { seq: article.seq })} description={article.versions[0]?.title} />
      <ArticleWorkspace articleId={id} />
    </HydrateClient>
  );
}
