"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "@/components/badge";
import { useLocale, useT } from "@/components/i18n";
import { Pager } from "@/components/pagination";
import { formatDateTime } from "@/lib/i18n/translator";
import { useTRPC } from "@/trpc/react";

/** The notification centre: all or unread only, newest first, paged on the server. */
export function NotificationList() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [status, setStatus] = useState("");
  const list = useQuery(trpc.notifications.list.queryOptions({ page, unreadOnly }));
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() });
  const markAll = useMutation(
    trpc.notifications.markRead.mutationOptions({
      onSuccess: async () => {
        await invalidate();
        setStatus(t("notifications.markedAllRead"));
      },
    }),
  );
  const markOne = useMutation(trpc.notifications.markRead.mutationOptions({ onSuccess: invalidate }));
  const data = list.data;

  return (
    <section className="card" aria-labelledby="powiadomienia-lista">
      <h2 id="powiadomienia-lista" className="sr-only">
        {t("notifications.title")}
      </h2>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <fieldset className="flex flex-wrap gap-2">
          <legend className="sr-only">{t("notifications.title")}</legend>
          {[false, true].map((only) => (
            <label key={String(only)} className={`btn-secondary cursor-pointer ${unreadOnly === only ? "ring-2 ring-brand-600" : ""}`}>
              <input
                type="radio"
                name="zakres"
                className="sr-only"
                checked={unreadOnly === only}
                onChange={() => {
                  setUnreadOnly(only);
                  setPage(1);
                }}
              />
              {only ? t("notifications.showUnread") : t("notifications.showAll")}
              {only && data ? ` (${data.unread})` : ""}
            </label>
          ))}
        </fieldset>
        {(data?.unread ?? 0) > 0 && (
          <button type="button" className="btn-secondary" onClick={() => markAll.mutate({ all: true })} disabled={markAll.isPending}>
            {t("notifications.markAllRead")}
          </button>
        )}
      </div>
      <p role="status" className="mb-2 text-sm text-green-900">
        {status}
      </p>
      {!data ? (
        <p className="text-sm text-slate-700">{t("common.loading")}</p>
      ) : data.items.length === 0 ? (
        <p className="text-sm text-slate-700">{unreadOnly ? t("notifications.emptyUnread") : t("notifications.empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-200" data-testid="notification-list">
          {data.items.map((n) => (
            <li key={n.id} className={`flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between ${n.read ? "" : "-mx-2 rounded-md bg-brand-50 px-2"}`}>
              <div className="min-w-0">
                <a href={`/api/powiadomienia/${n.id}`} className="link font-semibold">
                  {n.title}
                </a>
                <p className="text-sm text-slate-800">{n.body}</p>
                <p className="text-xs text-slate-600">{formatDateTime(n.createdAt, locale)}</p>
              </div>
              <div className="flex shrink-0 items-center gap-2">
                <Badge tone={n.read ? "slate" : "brand"}>{n.read ? t("notifications.read") : t("notifications.unread")}</Badge>
                {!n.read && (
                  <button type="button" className="btn-secondary text-sm" onClick={() => markOne.mutate({ ids: [n.id] })} aria-label={`${t("notifications.markRead")}: ${n.title}`}>
                    {t("notifications.markRead")}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {data && <Pager page={data.page} pageCount={data.pages} onPage={setPage} label={t("notifications.title")} t={t} />}
    </section>
  );
}
