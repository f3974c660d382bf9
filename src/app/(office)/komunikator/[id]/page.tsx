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
export default async function ConversationPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("dashboard.view");
  const { id } = await params;
  await orNotFound(getQueryClient().fetchQuery(trpc.chat.get.queryOptions({ conversationId: id })));
  return (
    <HydrateClient>
      <ConversationView id={id} />
    </HydrateClient>
  );
}
