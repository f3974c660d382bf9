import type { Metadata } from "next";
import { ConversationView } from "@/modules/chat/components/conversation-view";
import { requirePermission } from "@/server/auth/session";
import { getT } from "@/server/i18n";
import { getQueryClient, HydrateClient, orNotFound, trpc } from "@/trpc/server";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const t = await getT();
  const { id } = await params;
  try {
    const c = await getQueryClient().fetchQuery(trpc.chat.get.queryOptions({ conversationId: id }));
    return { title: `${c.title} — ${t("chat.title")}` };
  } catch {
    return { title: t("chat.title") };
  }
}

/** One conversation: members only — anyone else gets "not found", never "forbidden". */
export default async function ConversationPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ wiadomosc?: string | string[] }> }) {
  await requirePermission("dashboard.view");
  const { id } = await params;
  // ?wiadomosc=<seq>: a search hit, shown in the middle of its page of history.
  const { wiadomosc } = await searchParams;
  const around = typeof wiadomosc === "string" && /^\d{1,19}$/.test(wiadomosc) ? wiadomosc : null;
  await orNotFound(getQueryClient().fetchQuery(trpc.chat.get.queryOptions({ conversationId: id })));
  return (
    <HydrateClient>
      <ConversationView id={id} around={around} />
    </HydrateClient>
  );
}
