import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { bipArticleHref, bipVersionHref } from "@/modules/bip/bip.schemas";
import { getPublicArticle } from "@/modules/bip/bip.public.service";
import { ArticleView } from "@/modules/bip/components/public/article-view";
import { loadBipChrome } from "@/modules/bip/components/public/bip-data";
import { Breadcrumbs } from "@/modules/bip/components/public/bip-menu";

type Props = { params: Promise<{ seq: string; n: string }> };

async function load(params: Props["params"]) {
  const chrome = await loadBipChrome();
  const { seq, n } = await params;
  const article = /^\d{1,9}$/.test(seq) && /^\d{1,6}$/.test(n) ? await getPublicArticle(chrome.db, Number(seq), { versionNumber: Number(n) }) : null;
  if (!article) notFound();
  return { ...chrome, article };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { article, t } = await load(params);
  return {
    title: `${article.version.title} — ${t("bip.article.version")} ${article.version.number}`,
    description: article.version.summary || undefined,
    alternates: { canonical: bipVersionHref(article.seq, article.version.number) },
    robots: { index: false, follow: true },
  };
}

/** One published version from the change register (not counted as a view of the article). */
export default async function BipVersionPage({ params }: Props) {
  const { t, locale, article } = await load(params);
  return (
    <>
      <Breadcrumbs
        label={t("bip.breadcrumb")}
        items={[
          { title: t("bip.short"), href: "/bip" },
          { title: article.version.title, href: bipArticleHref(article.seq) },
          { title: t("bip.article.changes"), href: `${bipArticleHref(article.seq)}/zmiany` },
          { title: `${t("bip.article.version")} ${article.version.number}` },
        ]}
      />
      <ArticleView article={article} t={t} locale={locale} />
    </>
  );
}
