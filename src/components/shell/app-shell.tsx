import Link from "next/link";
import { ChatDelivery } from "@/modules/chat/components/chat-delivery";
import { NotificationBell } from "@/modules/notifications/components/notification-bell";
import { LiveStatus } from "@/modules/realtime/components/live-status";
import { RealtimeProvider } from "@/modules/realtime/components/realtime-provider";
import { PresenceProvider } from "@/modules/presence/components/presence-provider";
import { SearchButton, SearchPalette } from "@/modules/search/components/search-palette";
import { TRPCReactProvider } from "@/trpc/react";
import type { Actor } from "@/server/context";
import { getT } from "@/server/i18n";
import { Icon } from "../icon";
import { MobileMenu } from "./mobile-menu";
import { navFor } from "./nav";
import { NavLinks } from "./nav-links";
import { SessionKeepAlive } from "./session-keep-alive";
import { SignOutButton } from "./sign-out-button";

/** The staff layout: a sidebar from 1024 px up, a top bar with a drawer menu below. */
export async function AppShell({ actor, officeName, children }: { actor: Actor; officeName: string; children: React.ReactNode }) {
  const t = await getT();
  const sections = navFor(actor.roles);
  const name = `${actor.firstName} ${actor.lastName}`;
  const userBlock = (
    <div className="space-y-2">
      <Link href="/profil" className="flex min-h-10 items-center gap-2 rounded-md px-3 py-2 text-sm text-white hover:bg-brand-800" title={t("nav.profile")}>
        <Icon name="user" />
        <span className="truncate">
          <span className="sr-only">{t("nav.signedInAs", { name })}</span>
          <span aria-hidden="true">{name}</span>
        </span>
      </Link>
      <SignOutButton className="w-full justify-start px-3" />
      <LiveStatus />
    </div>
  );

  return (
    <TRPCReactProvider>
      <RealtimeProvider>
      <PresenceProvider>
      <SessionKeepAlive />
      <ChatDelivery />
      <SearchPalette />
      <a href="#tresc" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:text-brand-900">
        {t("app.skipToContent")}
      </a>
      <div className="lg:flex">
        <aside className="hidden w-64 shrink-0 flex-col bg-brand-900 p-4 text-white lg:sticky lg:top-0 lg:flex lg:h-dvh">
          <div className="mb-6 flex items-start justify-between gap-1">
            <Link href="/pulpit" className="block min-w-0 rounded-md px-3 py-2">
              <span className="block text-xl font-semibold">{t("app.name")}</span>
              <span className="block text-xs text-brand-100">{officeName}</span>
            </Link>
            <NotificationBell />
          </div>
          <div className="mb-4">
            <SearchButton variant="sidebar" />
          </div>
          <nav aria-label={t("nav.mainMenu")} className="flex-1 overflow-y-auto">
            <NavLinks sections={sections} />
          </nav>
          <div className="border-t border-brand-700 pt-4">{userBlock}</div>
        </aside>
        <div className="min-w-0 flex-1">
          <header className="sticky top-0 z-10 flex items-center justify-between gap-2 bg-brand-900 px-3 py-2 text-white lg:hidden">
            <Link href="/pulpit" className="min-w-0 rounded-md px-2 py-1">
              <span className="block font-semibold">{t("app.name")}</span>
              <span className="block truncate text-xs text-brand-100">{officeName}</span>
            </Link>
            <div className="flex items-center gap-1">
              <SearchButton variant="bar" />
              <NotificationBell />
              <MobileMenu sections={sections} footer={userBlock} />
            </div>
          </header>
          <main id="tresc" tabIndex={-1} className="mx-auto w-full max-w-7xl px-3 py-4 sm:px-6 sm:py-8">
            {children}
          </main>
        </div>
      </div>
      </PresenceProvider>
      </RealtimeProvider>
    </TRPCReactProvider>
  );
}
