/**
 * The frame of every public BIP page: skip link, the BIP logo linking to the national portal,
 * the office's name, search, the subject menu (a <details> disclosure on phones — no JavaScript),
 * the footer with the editors' contacts and the mandatory links. No ads.
 * Plain <a> links to the BIP's own pages, not next/link: the public pages are cached HTML that loads
 * fast on its own and works without JavaScript, and <Link> would prefetch every page in view on
 * every visit (<Link prefetch={false}> only where the linter asks for it, outside the BIP).
 */
import Link from "next/link";
import type { Translate } from "@/lib/i18n/translator";
import { BIP_PATH, bipMenuHref } from "../../bip.schemas";
import { findSpecial, type BipMenuNode, type BipSettingsDto } from "../../bip.public.service";
import { BipMenuList } from "./bip-menu";

/** Footer links: at least 24 px tall (WCAG 2.5.8 target size) though the text is small. */
const FOOTER_LINK = "link inline-block py-1";

export function SearchForm({ t, defaultValue = "", id = "bip-q" }: { t: Translate; defaultValue?: string; id?: string }) {
  return (
    <form role="search" method="get" action={`${BIP_PATH}/szukaj`} className="flex w-full max-w-md gap-2">
      <label htmlFor={id} className="sr-only">
        {t("bip.search.label")}
      </label>
      <input id={id} name="q" type="search" defaultValue={defaultValue} placeholder={t("bip.search.placeholder")} className="input" maxLength={200} />
      <button type="submit" className="btn-primary shrink-0">
        {t("bip.search.submit")}
      </button>
    </form>
  );
}

export function BipShell({ t, tree, settings, officeName, children }: { t: Translate; tree: BipMenuNode[]; settings: BipSettingsDto; officeName: string; children: React.ReactNode }) {
  const a11y = findSpecial(tree, "deklaracja-dostepnosci");
  const manual = findSpecial(tree, "instrukcja");
  const editors = findSpecial(tree, "redakcja");
  return (
    <div className="flex min-h-dvh flex-col bg-white">
      <a href="#tresc" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-brand-900 focus:shadow">
        {t("bip.skipToContent")}
      </a>
      <header className="border-b-4 border-red-700 bg-white print:border-b">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3">
          <a href="https://www.gov.pl/web/bip" className="shrink-0" rel="external">
            {/* eslint-disable-next-line @next/next/no-img-element -- a tiny static SVG, no optimisation needed */}
            <img src="/bip-logo.svg" alt={t("bip.logoAlt")} width={96} height={48} />
          </a>
          <div className="min-w-0 flex-1">
            <a href={BIP_PATH} className="block text-lg font-semibold leading-tight text-slate-900 hover:underline">
              {officeName}
            </a>
            <p className="text-sm text-slate-700">{t("bip.title")}</p>
          </div>
          <div className="w-full md:w-auto print:hidden">
            <SearchForm t={t} />
          </div>
        </div>
      </header>
      <div className="mx-auto flex w-full max-w-6xl flex-1 flex-col gap-6 px-4 py-6 md:flex-row">
        <details className="rounded-md border border-slate-300 md:hidden print:hidden">
          <summary className="cursor-pointer list-none px-4 py-3 font-medium">
            <span aria-hidden="true">☰ </span>
            {t("bip.menuOpen")}
          </summary>
          <nav aria-label={t("bip.menu")} className="border-t border-slate-200 p-2">
            <BipMenuList nodes={tree} />
          </nav>
        </details>
        <nav aria-label={t("bip.menu")} className="hidden w-64 shrink-0 md:block print:hidden">
          <BipMenuList nodes={tree} />
        </nav>
        <main id="tresc" tabIndex={-1} className="min-w-0 flex-1">
          {children}
        </main>
      </div>
      <footer className="border-t border-slate-200 bg-slate-100 text-sm text-slate-800 print:hidden">
        <div className="mx-auto grid max-w-6xl gap-4 px-4 py-6 sm:grid-cols-2">
          <div>
            <h2 className="font-semibold">{t("bip.footer.editors")}</h2>
            <p>{settings.editorName || officeName}</p>
            {settings.editorPhone && <p>{t("bip.footer.phone", { phone: settings.editorPhone })}</p>}
            {settings.editorEmail && (
              <p>
                <a className={FOOTER_LINK} href={`mailto:${settings.editorEmail}`}>
                  {t("bip.footer.email", { email: settings.editorEmail })}
                </a>
              </p>
            )}
            {editors && (
              <p>
                <a className={FOOTER_LINK} href={bipMenuHref(editors.path)}>
                  {editors.title}
                </a>
              </p>
            )}
          </div>
          <ul className="space-y-1">
            {a11y && (
              <li>
                <a className={FOOTER_LINK} href={bipMenuHref(a11y.path)}>
                  {t("bip.footer.accessibility")}
                </a>
              </li>
            )}
            {manual && (
              <li>
                <a className={FOOTER_LINK} href={bipMenuHref(manual.path)}>
                  {t("bip.footer.instructions")}
                </a>
              </li>
            )}
            <li>
              <a className={FOOTER_LINK} href={`${BIP_PATH}/ogloszenia.rss`}>
                {t("bip.footer.feeds")}
              </a>
              {" · "}
              <a className={FOOTER_LINK} href={`${BIP_PATH}/ogloszenia.atom`}>
                {t("bip.footer.atom")}
              </a>
            </li>
            <li>
              <Link className={FOOTER_LINK} href="/api/bip/artykuly" prefetch={false}>
                {t("bip.footer.api")}
              </Link>
            </li>
            <li>
              <Link className={FOOTER_LINK} href="/" prefetch={false}>
                {t("bip.footer.officePage")}
              </Link>
            </li>
            <li className="text-slate-700">{t("bip.footer.noAds")}</li>
          </ul>
        </div>
      </footer>
    </div>
  );
}
