"use client";

import { useInfiniteQuery, useMutation, useMutationState, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { Badge } from "@/components/badge";
import { useT } from "@/components/i18n";
import { useChannelEvents } from "@/modules/realtime/components/realtime-provider";
import { useTRPC } from "@/trpc/react";
import { MESSAGES_PAGE_SIZE, type ConversationDetail, type MessageDto } from "../chat.schemas";
import { typingNames, TYPING_VISIBLE_MS } from "../chat.client";
import { Composer } from "./composer";
import { ConversationDetailsButton } from "./conversation-details";
import { LinkCardView, MessageItem } from "./message-item";
import { PresenceDot } from "./presence-dot";
import { useSelfId } from "./self-context";

type HistoryCursor = { before: string } | { after: string } | { around: string } | null;

/**
 * The history by pages (server pagination), newest page first: the newest messages, or with
 * `around` (a search hit) the page around that message; older pages by the `before` cursor
 * (scrolling up), newer ones by `after` (scrolling down from a found message).
 */
function useMessageHistory(conversationId: string, around: string | null) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useInfiniteQuery({
    queryKey: [...trpc.chat.messages.pathKey(), { conversationId, history: true, around }],
    initialPageParam: (around ? { around } : null) as HistoryCursor,
    queryFn: ({ pageParam }) => queryClient.fetchQuery({ ...trpc.chat.messages.queryOptions({ conversationId, limit: MESSAGES_PAGE_SIZE, ...pageParam }), staleTime: 0 }),
    getNextPageParam: (page): HistoryCursor => (page.olderCursor ? { before: page.olderCursor } : null),
    getPreviousPageParam: (page): HistoryCursor => (page.newerCursor ? { after: page.newerCursor } : null),
  });
}

/** Leaves the view around a found message once the person sends a message here (their message is among the newest). */
function useLeaveJumpOnSend(conversationId: string, around: string | null) {
  const trpc = useTRPC();
  const router = useRouter();
  const [since] = useState(() => Date.now());
  const sent = useMutationState({
    filters: { mutationKey: trpc.chat.send.mutationKey(), status: "success", predicate: (m) => (m.state.variables as { conversationId?: string } | undefined)?.conversationId === conversationId },
    select: (m) => m.state.submittedAt,
  });
  const latest = Math.max(0, ...sent);
  useEffect(() => {
    if (around && latest > since) router.replace(`/komunikator/${conversationId}`);
  }, [around, latest, since, conversationId, router]);
}

/** One open conversation: its header, the message history (a log) and the composer; `around`: the seq of a found message to show. */
export function ConversationView({ id, around = null }: { id: string; around?: string | null }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const detail = useQuery(trpc.chat.get.queryOptions({ conversationId: id }));
  const history = useMessageHistory(id, around);
  useLeaveJumpOnSend(id, around);
  const [typing, setTyping] = useState<Map<string, { name: string; at: number }>>(() => new Map());
  const [now, setNow] = useState(() => Date.now());

  const conversation = detail.data;
  const selfId = useSelfId();
  // Not a member any more (left or removed): stop listening at once.
  useChannelEvents(detail.isError ? null : (conversation?.channel ?? null), {
    changed: () => void queryClient.invalidateQueries({ queryKey: trpc.chat.pathKey() }),
    typing: (data) => {
      const d = data as { userId?: string; name?: string };
      if (!d.userId || !d.name || d.userId === selfId) return;
      setTyping((m) => new Map(m).set(d.userId!, { name: d.name!, at: Date.now() }));
      setNow(Date.now());
    },
  });
  // Let "… pisze" fade out after the last signal.
  useEffect(() => {
    if (typing.size === 0) return;
    const timer = setTimeout(() => setNow(Date.now()), TYPING_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [typing, now]);

  const messages = (history.data?.pages ?? []).flatMap((p) => p.messages);
  const newest = messages[0];

  useMarkRead(id, newest, conversation);

  if (detail.isError || history.isError) {
    const error = detail.error ?? history.error;
    return (
      <section className="card space-y-2">
        <p role="alert">{detail.error?.data?.code === "NOT_FOUND" && detail.data ? t("chat.details.gone") : error?.message}</p>
        <Link href="/komunikator" className="link text-sm">
          ← {t("chat.back")}
        </Link>
      </section>
    );
  }
  // A person whose message arrived after their last typing signal is no longer typing.
  const names = typingNames(typing, now, newest && !newest.mine ? { userId: newest.author.id, at: new Date(newest.createdAt).getTime() } : undefined);
  return (
    <section aria-labelledby="rozmowa-tytul" className="card flex h-[calc(100dvh-7.5rem)] min-h-[26rem] flex-col gap-2 p-0 sm:h-[calc(100dvh-9rem)] lg:h-[calc(100dvh-4rem)]" data-testid="conversation">
      <ConversationHeader conversation={conversation} />
      <MessageLog key={around ?? "newest"} messages={messages} history={history} conversation={conversation} target={around} />
      <p className="min-h-5 px-3 text-xs text-slate-700 sm:px-4" aria-live="polite" data-testid="typing">
        {names.length === 1 ? t("chat.typing", { name: names[0]! }) : names.length > 1 ? t("chat.typingMany") : ""}
      </p>
      <Composer conversationId={id} />
    </section>
  );
}

function ConversationHeader({ conversation }: { conversation: ConversationDetail | undefined }) {
  const t = useT();
  return (
    <header className="flex flex-wrap items-start gap-x-3 gap-y-1 border-b border-slate-200 px-3 py-2 sm:px-4">
      <Link href="/komunikator" className="link w-full text-sm lg:hidden">
        ← {t("chat.back")}
      </Link>
      <div className="min-w-0 flex-1">
        <h1 id="rozmowa-tytul" className="truncate text-xl font-semibold text-slate-900">
          {conversation?.title ?? t("common.loading")}
        </h1>
        {conversation?.other ? (
          <p className="flex flex-wrap items-center gap-x-2 text-xs text-slate-700">
            <PresenceDot userId={conversation.other.id} label office={conversation.other.location} />
            <span>{[conversation.other.position, conversation.other.department].filter(Boolean).join(" · ")}</span>
          </p>
        ) : conversation ? (
          <p className="text-xs text-slate-700" data-testid="conversation-members-count">
            <Badge tone={conversation.kind === "DEPARTMENT" ? "sky" : "slate"} className="mr-1">
              {t(`chat.kind.${conversation.kind}`)}
            </Badge>
            {t("chat.members", { n: conversation.memberCount })}
          </p>
        ) : null}
      </div>
      {conversation && <ConversationDetailsButton conversation={conversation} />}
      {conversation?.subject && (
        <div className="w-full sm:w-auto sm:max-w-xs">
          <LinkCardView card={conversation.subject} />
        </div>
      )}
    </header>
  );
}

/** Marks the conversation read up to its newest message while it is on screen (and again when the tab comes back). */
function useMarkRead(conversationId: string, newest: MessageDto | undefined, conversation: ConversationDetail | undefined) {
  const trpc = useTRPC();
  const { mutate } = useMutation(trpc.chat.markRead.mutationOptions());
  const marked = useRef<bigint>(0n);
  const seq = newest?.seq;
  const needed = Boolean(newest && (!newest.mine || (conversation?.unread ?? 0) > 0));
  const mark = useCallback(() => {
    if (!seq || !needed || document.visibilityState !== "visible") return;
    if (BigInt(seq) <= marked.current) return;
    marked.current = BigInt(seq);
    mutate({ conversationId, seq });
  }, [seq, needed, conversationId, mutate]);
  useEffect(() => {
    mark();
    document.addEventListener("visibilitychange", mark);
    return () => document.removeEventListener("visibilitychange", mark);
  }, [mark]);
}

function MessageLog({
  messages,
  history,
  conversation,
  target,
}: {
  messages: MessageDto[];
  history: ReturnType<typeof useMessageHistory>;
  conversation: ConversationDetail | undefined;
  /** The seq of a found message: shown in the middle, highlighted and focused on the first load. */
  target: string | null;
}) {
  const t = useT();
  const scroller = useRef<HTMLDivElement>(null);
  const sentinel = useRef<HTMLDivElement>(null);
  const bottomSentinel = useRef<HTMLDivElement>(null);
  const fromBottom = useRef<number | null>(null);
  const lastNewest = useRef<string | null>(null);
  /** A newer page is being added below: the reader stays where they are (no follow, no announcement). */
  const addingNewer = useRef(false);
  const [announcement, setAnnouncement] = useState("");
  const { hasNextPage, isFetchingNextPage, fetchNextPage, hasPreviousPage, isFetchingPreviousPage, fetchPreviousPage } = history;
  const pages = history.data?.pages.length ?? 0;
  const newest = messages[0];
  const ordered = [...messages].reverse();
  const found = target ? messages.find((m) => m.seq === target) : undefined;

  const loadOlder = useCallback(() => {
    if (!hasNextPage || isFetchingNextPage) return;
    const el = scroller.current;
    if (el) fromBottom.current = el.scrollHeight - el.scrollTop;
    void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const loadNewer = useCallback(() => {
    if (!hasPreviousPage || isFetchingPreviousPage) return;
    addingNewer.current = true;
    void fetchPreviousPage();
  }, [hasPreviousPage, isFetchingPreviousPage, fetchPreviousPage]);

  // Older messages added on top: keep the reader's place.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && fromBottom.current !== null) {
      el.scrollTop = el.scrollHeight - fromBottom.current;
      fromBottom.current = null;
    }
  }, [pages]);

  // First load: the found message in the middle (focused, so reading goes on from it) or the newest
  // message. Later: one's own message or the reader already at the bottom follows the newest one.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || !newest) return;
    const first = lastNewest.current === null;
    if (lastNewest.current === newest.id) return;
    lastNewest.current = newest.id;
    if (addingNewer.current) {
      addingNewer.current = false;
      return;
    }
    if (first && found) {
      const item = document.getElementById(`m-${found.id}`);
      item?.scrollIntoView({ block: "center" });
      item?.querySelector("article")?.focus({ preventScroll: true });
      return;
    }
    const nearBottom = el.scrollHeight - el.scrollTop - el.clientHeight < 160;
    if (first || newest.mine || nearBottom) el.scrollTop = el.scrollHeight;
    if (!first && !newest.mine && !newest.deleted) setAnnouncement(t("chat.messages.announce", { name: newest.author.name, text: newest.body.slice(0, 200) }));
  }, [newest, found, t]);

  // Scrolling up to the top loads the previous page; down to the bottom (from a found message), the next one.
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !scroller.current) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && lastNewest.current !== null && loadOlder(), { root: scroller.current });
    observer.observe(el);
    return () => observer.disconnect();
  }, [loadOlder]);
  useEffect(() => {
    const el = bottomSentinel.current;
    if (!el || !scroller.current) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && lastNewest.current !== null && loadNewer(), { root: scroller.current });
    observer.observe(el);
    return () => observer.disconnect();
  }, [loadNewer, hasPreviousPage]);

  return (
    <div ref={scroller} className="min-h-0 flex-1 overflow-y-auto px-3 sm:px-4" data-testid="message-scroller">
      <div ref={sentinel} className="py-2 text-center text-sm">
        {!history.data ? (
          <p>{t("common.loading")}</p>
        ) : hasNextPage ? (
          <button type="button" className="btn-secondary" onClick={loadOlder} disabled={isFetchingNextPage}>
            {isFetchingNextPage ? t("chat.messages.loadingOlder") : t("chat.messages.loadOlder")}
          </button>
        ) : (
          <p className="text-slate-600">{t("chat.messages.beginning")}</p>
        )}
      </div>
      {/* The log is announced through the region below (new incoming messages only), not when older pages are added. */}
      {/* role="log" on a wrapper: on the <ol> itself it would take away the list's semantics. */}
      <div role="log" aria-live="off" aria-label={t("chat.messages.log")} data-testid="message-log">
        <ol className="space-y-3 pb-2">
          {ordered.map((m) => (
            <MessageItem key={m.id} message={m} group={conversation ? conversation.kind !== "DIRECT" : false} highlighted={m.id === found?.id} />
          ))}
        </ol>
      </div>
      {hasPreviousPage && (
        <div ref={bottomSentinel} className="flex flex-wrap justify-center gap-2 py-2 text-sm">
          <button type="button" className="btn-secondary" onClick={loadNewer} disabled={isFetchingPreviousPage}>
            {isFetchingPreviousPage ? t("chat.jump.loadingNewer") : t("chat.jump.loadNewer")}
          </button>
          {conversation && (
            <Link href={`/komunikator/${conversation.id}`} className="btn-secondary" replace>
              {t("chat.jump.latest")}
            </Link>
          )}
        </div>
      )}
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
