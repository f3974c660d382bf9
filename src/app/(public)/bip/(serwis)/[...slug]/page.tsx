import { createHash } from "node:crypto";
import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { bipMenuHref } from "@/modules/bip/bip.schemas";
import {
  findMenuNode,
  getMenuPageArticle,
  getOrgStructure,
  listArchive,
  listMenuArticles,
  listProcedureCards,
  recordArticleView,
  type BipMenuNode,
} from "@/modules/bip/bip.public.service";
import { ArticleList } from "@/modules/bip/components/public/article-list";
import { ArticleView } from "@/modules/bip/components/public/article-view";
import { absoluteUrl, loadBipChrome, pageParam } from "@/modules/bip/components/public/bip-data";
import { Breadcrumbs } from "@/modules/bip/components/public/bip-menu";
import { AccessibilityPage, EditorsPage, ProceduresPage, SignaturesPage, StructurePage, TextParagraphs } from "@/modules/bip/components/public/special-pages";
import { getCaCertificates } from "@/server/pki";

type Props = { params: Promise<{ slug: string[] }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function resolve(params: Props["params"]) {
  const chrome = await loadBipChrome();
  const { slug } = await params;
  const found = findMenuNode(chrome.tree, slug.map((s) => decodeURIComponent(s)));
  if (!found) notFound();
  return { ...chrome, ...found };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { node, officeName, t } = await resolve(params);
  const description = t("bip.meta.menuDescription", { title: node.title, name: officeName });
  const path = bipMenuHref(node.path);
  return { title: node.title, description, alternates: { canonical: path }, openGraph: { title: node.title, description, url: path } };
}

const sha256 = (der: Uint8Array) => createHash("sha256").update(der).digest("hex").toUpperCase().replace(/(..)(?=.)/g, "$1:");

/** A menu item's page: a list of articles, one article (PAGE) or a page built from data (SPECIAL). */
export default async function BipMenuPage({ params, searchParams }: Props) {
  const { db, t, locale, node, trail, settings, office } = await resolve(params);
  const page = pageParam((await searchParams).strona);
  const href = (n: number) => `${bipMenuHref(node.path)}${n > 1 ? `?strona=${n}` : ""}`;
  const crumbs = [{ title: t("bip.short"), href: "/bip" }, ...trail.map((n) => ({ title: n.title, href: bipMenuHref(n.path) }))];

  let body: React.ReactNode;
  let heading = true;
  if (node.kind === "PAGE") {
    const article = await getMenuPageArticle(db, node);
    if (article) {
      await recordArticleView(db, article.seq, (await headers()).get("user-agent"));
      heading = false;
      body = <ArticleView article={{ ...article, viewCount: article.viewCount + 1 }} t={t} locale={locale} />;
    } else body = <p className="mt-2 text-slate-700">{t("bip.list.empty")}</p>;
  } else if (node.kind === "ARTICLES" || node.special === "rejestr-umow") {
    const list = await listMenuArticles(db, node, { page, pageSize: 20 });
    body = (
      <>
        {node.special === "rejestr-umow" && <p className="mt-2 text-slate-800">{t("bip.special.contractsIntro")}</p>}
        <Subsections node={node} label={t("bip.list.subsections")} />
        <div className="mt-4">
          <ArticleList page={list} t={t} locale={locale} pageHref={href} />
        </div>
      </>
    );
  } else {
    switch (node.special) {
      case "struktura":
        body = <StructurePage departments={await getOrgStructure(db)} t={t} />;
        break;
      case "redakcja":
        body = <EditorsPage settings={settings} office={office} t={t} />;
        break;
      case "deklaracja-dostepnosci":
        body = <AccessibilityPage settings={settings} siteUrl={absoluteUrl("/bip")} t={t} />;
        break;
      case "instrukcja":
        body = (
          <>
            <h2 className="mt-2 text-lg font-semibold">{t("bip.special.instructionsTitle")}</h2>
            <TextParagraphs text={t("bip.special.instructions")} />
          </>
        );
        break;
      case "informacje-nieudostepnione":
        body = (
          <>
            <h2 className="mt-2 text-lg font-semibold">{t("bip.special.unpublishedTitle")}</h2>
            <TextParagraphs text={t("bip.special.unpublished")} />
            <p className="mt-4">
              <Link className="btn-primary" href="/esp/formularz/pismo-ogolne" prefetch={false}>
                {t("bip.special.unpublishedApply")}
              </Link>
            </p>
          </>
        );
        break;
      case "jak-zalatwic-sprawe":
        body = <ProceduresPage cards={await listProcedureCards(db, { page, pageSize: 50 })} t={t} locale={locale} pageHref={href} />;
        break;
      case "archiwum":
        body = (
          <>
            <p className="mt-2 text-slate-800">{t("bip.special.archiveIntro")}</p>
            <div className="mt-4">
              <ArticleList page={await listArchive(db, { page, pageSize: 20 })} t={t} locale={locale} pageHref={href} />
            </div>
          </>
        );
        break;
      case "podpisy": {
        const certs = await getCaCertificates(db);
        body = (
          <SignaturesPage
            t={t}
            certificates={[
              { file: "/pki/ca-root.crt", label: t("bip.special.rootCa"), sha256: sha256(certs.rootDer) },
              { file: "/pki/ca-issuing.crt", label: t("bip.special.issuingCa"), sha256: sha256(certs.issuingDer) },
              { file: "/pki/pieczec.crt", label: t("bip.special.seal"), sha256: sha256(certs.sealDer) },
              { file: "/pki/crl.der", label: t("bip.special.crl"), sha256: null },
            ]}
          />
        );
        break;
      }
      default:
        body = <Subsections node={node} label={t("bip.list.subsections")} />;
    }
  }
  return (
    <>
      <Breadcrumbs items={crumbs} label={t("bip.breadcrumb")} />
      {heading && <h1 className="text-2xl font-semibold">{node.special === "deklaracja-dostepnosci" ? <span id="a11y-deklaracja">{node.title}</span> : node.title}</h1>}
      {body}
    </>
  );
}

function Subsections({ node, label }: { node: BipMenuNode; label: string }) {
  if (node.children.length === 0) return null;
  return (
    <nav aria-label={label} className="mt-3">
      <ul className="flex flex-wrap gap-2">
        {node.children.map((c) => (
          <li key={c.id}>
            <a className="btn-secondary" href={bipMenuHref(c.path)}>
              {c.title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
