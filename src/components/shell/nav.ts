/** The staff menu. Each item names the permission it needs; users see only what they may open. */
import type { MessageKey } from "@/lib/i18n/translator";
import { can, type Permission, type Role } from "@/lib/permissions";

export interface NavItem {
  href: string;
  label: MessageKey;
  permission: Permission;
  icon: IconName;
}

export interface NavSection {
  label: MessageKey | null;
  items: NavItem[];
}

export type IconName = "home" | "building" | "swap" | "office" | "tree" | "badge" | "users" | "log" | "queue";

export const NAV: NavSection[] = [
  {
    label: null,
    items: [
      { href: "/pulpit", label: "nav.dashboard", permission: "dashboard.view", icon: "home" },
      { href: "/struktura", label: "nav.directory", permission: "directory.view", icon: "building" },
      { href: "/zastepstwa", label: "nav.substitutions", permission: "substitutions.manage", icon: "swap" },
    ],
  },
  {
    label: "nav.adminSection",
    items: [
      { href: "/admin/urzad", label: "nav.office", permission: "org.manage", icon: "office" },
      { href: "/admin/komorki", label: "nav.departments", permission: "org.manage", icon: "tree" },
      { href: "/admin/stanowiska", label: "nav.positions", permission: "org.manage", icon: "badge" },
      { href: "/admin/uzytkownicy", label: "nav.users", permission: "users.manage", icon: "users" },
      { href: "/admin/dziennik", label: "nav.audit", permission: "audit.view", icon: "log" },
      { href: "/admin/zadania", label: "nav.jobs", permission: "jobs.view", icon: "queue" },
    ],
  },
];

export function navFor(roles: readonly Role[]): NavSection[] {
  return NAV.map((s) => ({ ...s, items: s.items.filter((i) => can(roles, i.permission)) })).filter((s) => s.items.length > 0);
}
