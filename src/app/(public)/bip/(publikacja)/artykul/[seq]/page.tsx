import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { bipArticleHref, bipMenuHref } from "@/modules/bip/bip.schemas";
import { getPublicArticle } from "@/modules/bip/bip.public.service";
import { ArticleView } from "@/modules/bip/components/public/article-view";
import { absoluteUrl, loadBipChrome } from "@/modules/bip/components/public/bip-data";
import { Breadcrumbs } from "@/modules/bip/components/public/bip-menu";
import { JsonLd } from "@/modules/bip/components/public/json-ld";
import { ViewBeacon } from "@/modules/bip/components/public/view-beacon";

type Props = { params: Promise<{ seq: string }> };

async function load(params: Props["params"]) {
  const chrome = await loadBipChrome();
  const { seq } = await params;
  const article = /^\d{1,9}$/.test(seq) ? await getPublicArticle(chrome.db, Number(seq)) : null;
  if (!article) notFound();
  return { ...chrome, article };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { article } = await load(params);
  const v = article.version;
  const description = v.summary || v.bodyText.slice(0, 200);
  const url = bipArticleHref(article.seq);
  return {
    title: v.title,
    description,
    alternates: { canonical: url },
    openGraph: { type: "article", title: v.title, description, url, publishedTime: article.firstPublishedAt.toISOString(), modifiedTime: v.publishedAt.toISOString() },
    robots: article.status === "WITHDRAWN" ? { index: false, follow: true } : undefined,
  };
}

/**
 * One BIP article (its current published version). Served from the cache (see the layout): the
 * view count shown is the one at rendering, and the ViewBeacon counts this view.
 */
export default async function BipArticlePage({ params }: Props) {
  const { t, locale, article, officeName } = await load(params);
  const v = article.version;
  return (
    <>
      <JsonLd
        data={{
          "@context": "https://schema.org",
          "@type": "Article",
          headline: v.title.slice(0, 110),
          description: v.summary || undefined,
          datePublished: article.firstPublishedAt.toISOString(),
          dateModified: v.publishedAt.toISOString(),
          dateCreated: v.producedAt.toISOString().slice(0, 10),
          author: { "@type": "Organization", name: v.producedBy },
          publisher: { "@type": "GovernmentOrganization", name: article.publisher || officeName },
          mainEntityOfPage: absoluteUrl(bipArticleHref(article.seq)),
          inLanguage: "pl",
        }}
      />
      <Breadcrumbs
        label={t("bip.breadcrumb")}
        items={[
          { title: t("bip.short"), href: "/bip" },
          { title: article.menu.title, href: bipMenuHref(article.menu.path) },
          { title: v.title },
        ]}
      />
      <ArticleView article={article} t={t} locale={locale} />
      <ViewBeacon seq={article.seq} />
    </>
  );
}
