"use client";

/**
 * The bell: unread count, the latest notifications in a panel, "mark all as read". New
 * notifications are announced to screen readers (polite live region).
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { useLocale, useT } from "@/components/i18n";
import { Icon } from "@/components/icon";
import { formatDateTime } from "@/lib/i18n/translator";
import { useTRPC } from "@/trpc/react";
import { useNotificationSummary } from "./use-summary";

export function NotificationBell() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const summary = useNotificationSummary();
  const [open, setOpen] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const seen = useRef<string | null>(null);

  const unread = summary.data?.unread ?? 0;
  const latest = summary.data?.latest;
  const newest = latest?.[0];

  // Announce a notification that arrived while the page was open (not the ones present at load).
  useEffect(() => {
    if (!newest) return;
    if (seen.current !== null && newest.id !== seen.current && !newest.read) setAnnouncement(t("notifications.announce", { title: newest.title }));
    seen.current = newest.id;
  }, [newest, t]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onClick = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onClick);
    };
  }, [open]);

  const markAll = useMutation(
    trpc.notifications.markRead.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() }) }),
  );

  const label = unread > 0 ? t("notifications.bellUnread", { count: unread }) : t("notifications.bell");
  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        className="relative inline-flex size-10 items-center justify-center rounded-md text-white hover:bg-brand-800"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={label}
        title={label}
        data-testid="notification-bell"
        onClick={() => setOpen((v) => !v)}
      >
        <Icon name="bell" className="size-6" />
        {unread > 0 && (
          <span aria-hidden="true" data-testid="notification-count" className="absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs leading-5 font-bold text-white">
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </button>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      {open && (
        <div
          id={panelId}
          role="region"
          aria-label={t("notifications.latest")}
          className="fixed inset-x-2 top-14 z-40 max-h-[80dvh] overflow-y-auto rounded-lg border border-slate-200 bg-white text-slate-900 shadow-xl sm:absolute sm:inset-x-auto sm:top-11 sm:left-0 sm:w-96"
        >
          <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-4 py-2">
            <h2 className="text-sm font-semibold">{t("notifications.latest")}</h2>
            {unread > 0 && (
              <button type="button" className="link text-sm" onClick={() => markAll.mutate({ all: true })} disabled={markAll.isPending}>
                {t("notifications.markAllRead")}
              </button>
            )}
          </div>
          {!latest || latest.length === 0 ? (
            <p className="px-4 py-6 text-sm text-slate-700">{t("notifications.empty")}</p>
          ) : (
            <ul className="divide-y divide-slate-200">
              {latest.map((n) => (
                <li key={n.id}>
                  <a href={`/api/powiadomienia/${n.id}`} className={`block px-4 py-3 text-sm hover:bg-slate-50 ${n.read ? "" : "bg-brand-50"}`}>
                    <span className="block font-semibold">
                      {!n.read && <span className="sr-only">{t("notifications.unread")}: </span>}
                      {n.title}
                    </span>
                    <span className="block text-slate-700">{n.body}</span>
                    <span className="block text-xs text-slate-600">{formatDateTime(n.createdAt, locale)}</span>
                  </a>
                </li>
              ))}
            </ul>
          )}
          <div className="flex flex-wrap justify-between gap-2 border-t border-slate-200 px-4 py-2 text-sm">
            <Link href="/powiadomienia" className="link" onClick={() => setOpen(false)}>
              {t("notifications.showAll")}
            </Link>
            <Link href="/powiadomienia/ustawienia" className="link" onClick={() => setOpen(false)}>
              {t("notifications.settings")}
            </Link>
          </div>
        </div>
      )}
    </div>
  );
}
