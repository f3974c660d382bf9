import type { Metadata } from "next";
import { requirePermission } from "@/server/auth/session";
import { getT } from "@/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("chat.title") };
}

/** Komunikator without an open conversation: the list (in the layout) and, on wide screens, a hint. */
export default async function ChatPage() {
  await requirePermission("dashboard.view");
  const t = await getT();
  return (
    <div className="card flex min-h-64 items-center justify-center text-center">
      <p className="text-slate-700">{t("chat.pickConversation")}</p>
    </div>
  );
}
