"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState } from "react";
import { Badge } from "@/components/badge";
import { useLocale, useT } from "@/components/i18n";
import { formatDateTime } from "@/lib/i18n/translator";
import { useTRPC } from "@/trpc/react";
import type { ConversationSummary } from "../chat.schemas";
import { NewConversationButton } from "./new-conversation";
import { PresenceDot } from "./presence-dot";

/** The person's conversations (most recent first, paged on the server), search in them and "Nowa rozmowa". */
export function ConversationList({ selectedId, headingLevel }: { selectedId: string | null; headingLevel: "h1" | "h2" }) {
  const t = useT();
  const trpc = useTRPC();
  const [query, setQuery] = useState("");
  const list = useInfiniteQuery(trpc.chat.list.infiniteQueryOptions({}, { getNextPageParam: (page) => page.nextCursor ?? undefined }));
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const Heading = headingLevel;

  return (
    <section aria-labelledby="komunikator-rozmowy" className="card space-y-4 p-3 sm:p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Heading id="komunikator-rozmowy" className={headingLevel === "h1" ? "text-2xl font-semibold text-slate-900" : "text-lg font-semibold"}>
          {headingLevel === "h1" ? t("chat.title") : t("chat.conversations")}
        </Heading>
        <NewConversationButton />
      </div>
      <SearchBox onSearch={setQuery} />
      {query ? (
        <SearchResults q={query} />
      ) : !list.data ? (
        <p className="text-sm text-slate-700">{t("common.loading")}</p>
      ) : items.length === 0 ? (
        <p className="text-sm text-slate-700">{t("chat.empty")}</p>
      ) : (
        <>
          <ul className="-mx-1 divide-y divide-slate-200" data-testid="conversation-list">
            {items.map((c) => (
              <li key={c.id}>
                <ConversationLink conversation={c} current={c.id === selectedId} />
              </li>
            ))}
          </ul>
          {list.hasNextPage && (
            <button type="button" className="btn-secondary w-full" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              {list.isFetchingNextPage ? t("common.loading") : t("chat.more")}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function ConversationLink({ conversation: c, current }: { conversation: ConversationSummary; current: boolean }) {
  const t = useT();
  const locale = useLocale();
  const last = c.lastMessage;
  return (
    <Link
      href={`/komunikator/${c.id}`}
      aria-current={current ? "page" : undefined}
      data-testid="conversation-link"
      className={`flex min-h-14 gap-3 rounded-md px-2 py-2 hover:bg-slate-50 ${current ? "bg-brand-50" : ""}`}
    >
      <span className="mt-1.5">{c.other ? <PresenceDot userId={c.other.id} /> : <span aria-hidden="true" className="inline-block size-2.5" />}</span>
      <span className="min-w-0 flex-1">
        <span className="flex items-baseline justify-between gap-2">
          <span className={`truncate ${c.unread > 0 ? "font-bold" : "font-semibold"}`}>{c.title}</span>
          {last && <span className="shrink-0 text-xs text-slate-600">{formatDateTime(last.createdAt, locale)}</span>}
        </span>
        <span className="flex items-center justify-between gap-2">
          <span className="truncate text-sm text-slate-700">
            {c.kind !== "DIRECT" && (
              <Badge tone={c.kind === "DEPARTMENT" ? "sky" : "slate"} className="mr-1">
                {t(`chat.kind.${c.kind}`)}
              </Badge>
            )}
            {!last ? t("chat.noMessagesYet") : last.deleted ? <em>{t("chat.deletedPreview")}</em> : `${last.authorName}: ${last.preview}`}
          </span>
          {c.unread > 0 && (
            <span data-testid="conversation-unread" className="shrink-0 rounded-full bg-red-700 px-2 text-xs leading-5 font-bold text-white">
              <span aria-hidden="true">{c.unread > 99 ? "99+" : c.unread}</span>
              <span className="sr-only">{t("chat.unread", { n: c.unread })}</span>
            </span>
          )}
        </span>
      </span>
    </Link>
  );
}

function SearchBox({ onSearch }: { onSearch: (q: string) => void }) {
  const t = useT();
  const id = useId();
  const [value, setValue] = useState("");
  const [error, setError] = useState("");
  return (
    <form
      role="search"
      aria-label={t("chat.search.label")}
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        const q = value.trim();
        if (q.length < 2) {
          setError(t("chat.search.tooShort"));
          return;
        }
        setError("");
        onSearch(q);
      }}
    >
      <div className="min-w-0 flex-1">
        <label htmlFor={id} className="sr-only">
          {t("chat.search.label")}
        </label>
        <input
          id={id}
          type="search"
          className="input w-full"
          value={value}
          maxLength={200}
          placeholder={t("chat.search.label")}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => {
            setValue(e.target.value);
            if (!e.target.value) onSearch("");
          }}
        />
      </div>
      <button type="submit" className="btn-secondary">
        {t("chat.search.submit")}
      </button>
      {error && (
        <p id={`${id}-error`} className="w-full text-sm text-red-800">
          {error}
        </p>
      )}
    </form>
  );
}

function SearchResults({ q }: { q: string }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const hits = useQuery(trpc.chat.search.queryOptions({ q }));
  return (
    <section aria-labelledby="komunikator-wyniki" aria-busy={hits.isFetching}>
      <h2 id="komunikator-wyniki" className="text-base font-semibold">
        {t("chat.search.results")}
      </h2>
      <p role="status" className="mb-2 text-sm text-slate-700">
        {hits.data ? t("chat.search.count", { n: hits.data.length }) : t("common.loading")}
      </p>
      {hits.data?.length === 0 && <p className="text-sm">{t("chat.search.none")}</p>}
      <ul className="divide-y divide-slate-200" data-testid="chat-search-results">
        {hits.data?.map((h) => (
          <li key={h.messageId} className="py-2">
            <Link href={`/komunikator/${h.conversationId}?wiadomosc=${h.seq}`} className="link font-semibold" aria-label={t("chat.jump.hit", { title: h.conversationTitle })} data-testid="chat-search-hit">
              {h.conversationTitle}
            </Link>
            <p className="text-sm break-words text-slate-800">
              {h.authorName}: {h.body}
            </p>
            <p className="text-xs text-slate-600">{formatDateTime(h.createdAt, locale)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
