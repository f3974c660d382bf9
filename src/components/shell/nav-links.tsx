"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { ChatNavBadge } from "@/modules/chat/components/chat-nav-badge";
import { useNotificationSummary } from "@/modules/notifications/components/use-summary";
import { countLabel } from "@/lib/paging";
import { useT } from "../i18n";
import { Icon } from "../icon";
import type { NavSection } from "./nav";

export function NavLinks({ sections, onNavigate }: { sections: NavSection[]; onNavigate?: () => void }) {
  const pathname = usePathname();
  const t = useT();
  const inbox = useNotificationSummary().data?.inbox ?? 0;
  return (
    <div className="space-y-6">
      {sections.map((section, i) => (
        <div key={section.label ?? i}>
          {section.label && <p className="mb-2 px-3 text-xs font-semibold tracking-wide text-slate-300 uppercase">{t(section.label)}</p>}
          <ul className="space-y-1">
            {section.items.map((item) => {
              const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    onClick={onNavigate}
                    aria-current={current ? "page" : undefined}
                    className={`flex min-h-10 items-center gap-3 rounded-md px-3 py-2 text-sm font-medium ${
                      current ? "bg-white text-brand-900" : "text-white hover:bg-brand-800"
                    }`}
                  >
                    <Icon name={item.icon} />
                    <span className="flex-1">{t(item.label)}</span>
                    {item.href === "/do-mnie" && inbox > 0 && (
                      <span data-testid="inbox-count" className={`rounded-full px-2 text-xs leading-5 font-bold ${current ? "bg-brand-900 text-white" : "bg-white text-brand-900"}`}>
                        <span className="sr-only">{t("nav.inboxWaiting")} </span>
                        {countLabel(inbox)}
                      </span>
                    )}
                    {item.href === "/komunikator" && <ChatNavBadge current={current} />}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </div>
  );
}
