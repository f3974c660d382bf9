import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { InternalLetterForm } from "@/modules/letters/components/internal-letter-form";
import type { LetterDetail } from "@/modules/letters/letters.schemas";
import { requirePermission } from "@/server/auth/session";
import { getT } from "@/server/i18n";
import { api, HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Nowe pismo wewnętrzne" };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim().slice(0, 64) || null;

/** `?sprawa=<caseId>` binds the new letter to a case; `?szkic=<id>` edits a saved draft. */
export default async function NewInternalLetterPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("documents.work");
  const t = await getT();
  const params = await searchParams;
  const caller = await api();
  let draft: LetterDetail | undefined;
  let caseRef: { id: string; mark: string } | null = null;
  try {
    const draftId = one(params.szkic);
    if (draftId) {
      draft = await caller.letters.get({ id: draftId });
      if (draft.kind !== "INTERNAL" || !draft.can.edit) notFound();
    }
    const caseId = one(params.sprawa);
    if (caseId && !draft) {
      const found = await caller.cases.get({ id: caseId });
      caseRef = { id: found.id, mark: found.mark };
    }
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
  prefetch(trpc.letters.options.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title={draft ? t("letters.internalForm.titleEdit") : t("letters.internal.create")} description={t("letters.internal.description")} />
      <InternalLetterForm draft={draft} caseRef={caseRef} />
    </HydrateClient>
  );
}
