import type { Metadata } from "next";
import Link from "next/link";
import { CaseDetails } from "@/modules/cases/components/case-details";
import { requirePermission } from "@/server/auth/session";
import { getT } from "@/server/i18n";
import { getQueryClient, HydrateClient, orNotFound, trpc } from "@/trpc/server";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  try {
    const c = await getQueryClient().fetchQuery(trpc.cases.get.queryOptions({ id }));
    return { title: `${c.mark} — sprawa` };
  } catch {
    return { title: "Sprawa" };
  }
}

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("documents.work");
  const t = await getT();
  const { id } = await params;
  await orNotFound(getQueryClient().fetchQuery(trpc.cases.get.queryOptions({ id })));
  return (
    <HydrateClient>
      <p className="mb-3 text-sm">
        <Link href="/sprawy" className="link">
          ← {t("cases.title")}
        </Link>
      </p>
      <CaseDetails id={id} />
    </HydrateClient>
  );
}
