import type { Metadata } from "next";
import { bipMenuHref } from "@/modules/bip/bip.schemas";
import { listAnnouncements } from "@/modules/bip/bip.public.service";
import { ArticleList } from "@/modules/bip/components/public/article-list";
import { absoluteUrl, loadBipChrome } from "@/modules/bip/components/public/bip-data";
import { BipMenuList } from "@/modules/bip/components/public/bip-menu";
import { JsonLd } from "@/modules/bip/components/public/json-ld";

export async function generateMetadata(): Promise<Metadata> {
  const { officeName, t } = await loadBipChrome();
  const description = t("bip.meta.homeDescription", { name: officeName });
  return {
    title: { absolute: `${t("bip.title")} — ${officeName}` },
    description,
    alternates: { canonical: "/bip" },
    openGraph: { title: `${t("bip.title")} — ${officeName}`, description, url: "/bip" },
  };
}

/** The BIP's home page: the latest announcements, the menu, the links to ESP. */
export default async function BipHome() {
  const { db, t, locale, tree, office, officeName, settings } = await loadBipChrome();
  const latest = await listAnnouncements(db, 8);
  const announcements = tree.find((n) => n.slug === "ogloszenia");
  return (
    <>
      <JsonLd
        data={{
          "@context": "https://schema.org",
          "@type": "GovernmentOrganization",
          name: officeName,
          url: absoluteUrl("/bip"),
          ...(office
            ? {
                address: { "@type": "PostalAddress", streetAddress: office.street, postalCode: office.postalCode, addressLocality: office.city, addressCountry: "PL" },
                telephone: office.phone ?? undefined,
                email: office.email ?? undefined,
                taxID: office.nip ?? undefined,
              }
            : {}),
          contactPoint: settings.editorEmail ? { "@type": "ContactPoint", contactType: "redakcja BIP", email: settings.editorEmail, telephone: settings.editorPhone || undefined } : undefined,
        }}
      />
      <h1 className="text-2xl font-semibold">{t("bip.title")}</h1>
      <p className="mt-2 text-slate-800">{t("bip.home.intro", { name: officeName })}</p>
      <p className="mt-4 flex flex-wrap gap-3">
        <a className="btn-primary" href="/esp">
          {t("bip.home.esp")}
        </a>
      </p>
      <section aria-labelledby="najnowsze" className="mt-8">
        <h2 id="najnowsze" className="mb-3 text-xl font-semibold">
          {t("bip.home.latest")}
        </h2>
        <ArticleList page={{ items: latest, total: latest.length, page: 1, pageSize: 8, pages: 1 }} t={t} locale={locale} pageHref={() => "/bip"} />
        <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {announcements && (
            <a className="link" href={bipMenuHref(announcements.path)}>
              {t("bip.home.allAnnouncements")}
            </a>
          )}
          <a className="link" href="/bip/ogloszenia.rss">
            {t("bip.home.feeds")}
          </a>
        </p>
      </section>
      <section aria-labelledby="menu-glowne" className="mt-8 md:hidden">
        <h2 id="menu-glowne" className="mb-2 text-xl font-semibold">
          {t("bip.menu")}
        </h2>
        <BipMenuList nodes={tree} />
      </section>
    </>
  );
}
