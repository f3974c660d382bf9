import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { InternalLetterForm } from "@/modules/letters/components/internal-letter-form";
import type { LetterDetail } from "@/modules/letters/letters.schemas";
import { requirePermission } from "@/server/auth/session";
import { getT } from "@/server/i18n";
import { api, HydrateClient, orNotFound, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Nowe pismo wewnętrzne" };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim().slice(0, 64) || null;

/** `?sprawa=<caseId>` binds the new letter to a case; `?szkic=<id>` edits a saved draft. */
export default async function NewInternalLetterPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("documents.work");
  const t = await getT();
  const params = await searchParams;
  const caller = await api();
  const draftId = one(params.szkic);
  const caseId = one(params.sprawa);
  const draft: LetterDetail | undefined = draftId ? await orNotFound(caller.letters.get({ id: draftId })) : undefined;
  if (draft && (draft.kind !== "INTERNAL" || !draft.can.edit)) notFound();
  const found = caseId && !draft ? await orNotFound(caller.cases.get({ id: caseId })) : null;
  const caseRef = found ? { id: found.id, mark: found.mark } : null;
  prefetch(trpc.letters.options.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title={draft ? t("letters.internalForm.titleEdit") : t("letters.internal.create")} description={t("letters.internal.description")} />
      <InternalLetterForm draft={draft} caseRef={caseRef} />
    </HydrateClient>
  );
}
