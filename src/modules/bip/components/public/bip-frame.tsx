/**
 * The frame shared by the BIP's layouts (the dynamic pages and the cached publications): the
 * layout metadata and the shell filled from the BIP's data.
 */
import type { Metadata } from "next";
import { env } from "@/env";
import { BipShell } from "./bip-shell";
import { loadBipChrome } from "./bip-data";

export async function bipFrameMetadata(): Promise<Metadata> {
  const { officeName, t } = await loadBipChrome();
  return {
    metadataBase: new URL(env.APP_URL),
    title: { default: `${t("bip.title")} — ${officeName}`, template: `%s · BIP ${officeName}` },
    alternates: { types: { "application/rss+xml": "/bip/ogloszenia.rss", "application/atom+xml": "/bip/ogloszenia.atom" } },
    openGraph: { siteName: `BIP — ${officeName}`, locale: "pl_PL", type: "website" },
  };
}

/** The public BIP's frame (header with the BIP logo and search, the menu, the footer). */
export async function BipFrame({ children }: { children: React.ReactNode }) {
  const { t, tree, settings, officeName } = await loadBipChrome();
  return (
    <BipShell t={t} tree={tree} settings={settings} officeName={officeName}>
      {children}
    </BipShell>
  );
}
