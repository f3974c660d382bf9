import "server-only";
import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/server/auth/session";
import { getQueryClient, HydrateClient, prefetch, trpc } from "@/trpc/server";
import { LetterDetails } from "./letter-details";

type PageKind = "INCOMING" | "INTERNAL";

const TITLES: Record<PageKind, string> = { INCOMING: "pismo przychodzące", INTERNAL: "pismo wewnętrzne" };

/** The browser title of a letter's page: its number, or the kind when the letter is not visible. */
export async function letterPageMetadata(id: string, kind: PageKind): Promise<Metadata> {
  try {
    const letter = await getQueryClient().fetchQuery(trpc.letters.get.queryOptions({ id }));
    return { title: `${letter.label} — ${TITLES[kind]}` };
  } catch {
    return { title: TITLES[kind].charAt(0).toUpperCase() + TITLES[kind].slice(1) };
  }
}

/** The page of an incoming or internal letter: 404 when it is hidden, missing or of the other kind. */
export async function LetterPage({ id, kind }: { id: string; kind: PageKind }) {
  await requirePermission("documents.work");
  try {
    const letter = await getQueryClient().fetchQuery(trpc.letters.get.queryOptions({ id }));
    if (letter.kind !== kind) notFound();
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
  prefetch(trpc.letters.history.queryOptions({ id }));
  prefetch(trpc.letters.options.queryOptions());
  prefetch(trpc.files.list.queryOptions({ documentId: id }));
  return (
    <HydrateClient>
      <LetterDetails id={id} />
    </HydrateClient>
  );
}
