import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { env } from "@/env";
import { bipArticleHref } from "@/modules/bip/bip.schemas";
import { getPublicArticle } from "@/modules/bip/bip.public.service";
import { ArticleView } from "@/modules/bip/components/public/article-view";
import { loadBipChrome } from "@/modules/bip/components/public/bip-data";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ seq: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function load(props: Props) {
  const chrome = await loadBipChrome();
  const { seq } = await props.params;
  const w = (await props.searchParams).wersja;
  const n = typeof w === "string" && /^\d{1,6}$/.test(w) ? Number(w) : undefined;
  const article = /^\d{1,9}$/.test(seq) ? await getPublicArticle(chrome.db, Number(seq), { versionNumber: n }) : null;
  if (!article) notFound();
  return { ...chrome, article };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { article, t } = await load(props);
  return { metadataBase: new URL(env.APP_URL), title: `${article.version.title} — ${t("bip.article.print")}`, robots: { index: false, follow: false }, alternates: { canonical: bipArticleHref(article.seq) } };
}

/** The print view of an article: no menu, no search, the record and the attachments list. */
export default async function BipPrintPage(props: Props) {
  const { t, locale, article, officeName } = await load(props);
  return (
    <div className="mx-auto max-w-3xl bg-white px-4 py-6 print:p-0">
      <p className="mb-4 flex flex-wrap justify-between gap-2 text-sm print:hidden">
        <a className="link" href={bipArticleHref(article.seq)}>
          {t("bip.article.backToArticle")}
        </a>
      </p>
      <p className="mb-4 border-b border-slate-300 pb-2 text-sm">
        {t("bip.title")} — {officeName}
      </p>
      <main id="tresc">
        <ArticleView article={article} t={t} locale={locale} print />
      </main>
    </div>
  );
}
