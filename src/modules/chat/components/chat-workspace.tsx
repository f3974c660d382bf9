"use client";

import { useParams } from "next/navigation";
import { ConversationList } from "./conversation-list";

/**
 * The Komunikator's frame: the conversation list and the open conversation side by side from
 * 1024 px; on phones the list alone, then the conversation full-width (with a back link).
 */
export function ChatWorkspace({ children }: { children: React.ReactNode }) {
  const params = useParams<{ id?: string }>();
  const selected = typeof params.id === "string" ? params.id : null;
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(17rem,22rem)_minmax(0,1fr)]">
      <div className={`min-w-0 ${selected ? "max-lg:hidden" : ""}`}>
        <ConversationList selectedId={selected} headingLevel={selected ? "h2" : "h1"} />
      </div>
      <div className={`min-w-0 ${selected ? "" : "max-lg:hidden"}`}>{children}</div>
    </div>
  );
}
