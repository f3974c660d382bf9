import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { MenuEditor } from "@/modules/bip/components/editor/menu-editor";
import { requirePermission } from "@/server/auth/session";
import { getT } from "@/server/i18n";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Menu BIP" };

/** /bip-redakcja/menu: the BIP menu tree (bip.manage). */
export default async function BipMenuPage() {
  await requirePermission("bip.manage");
  const t = await getT();
  prefetch(trpc.bip.menu.tree.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title={t("bipEditor.menuTitle")} description={t("bipEditor.menuDescription")} />
      <MenuEditor />
    </HydrateClient>
  );
}
