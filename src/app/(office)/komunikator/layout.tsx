import { ChatWorkspace } from "@/modules/chat/components/chat-workspace";
import { SelfProvider } from "@/modules/chat/components/self-context";
import { requireActor } from "@/server/auth/session";

/** The Komunikator's frame (list + open conversation). Each page below checks its own access. */
export default async function ChatLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  return (
    <SelfProvider id={actor.id}>
      <ChatWorkspace>{children}</ChatWorkspace>
    </SelfProvider>
  );
}
