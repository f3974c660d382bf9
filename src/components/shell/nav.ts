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

export type IconName =
  | "home"
  | "building"
  | "swap"
  | "office"
  | "tree"
  | "badge"
  | "users"
  | "log"
  | "queue"
  | "inbox"
  | "mailIn"
  | "mailOut"
  | "memo"
  | "folder"
  | "contacts"
  | "book"
  | "plan"
  | "route"
  | "register"
  | "bell"
  | "envelope"
  | "signature"
  | "globe"
  | "search"
  | "chat"
  | "tasks";

export const NAV: NavSection[] = [
  {
    label: null,
    items: [
      { href: "/pulpit", label: "nav.dashboard", permission: "dashboard.view", icon: "home" },
      { href: "/do-mnie", label: "nav.inbox", permission: "documents.work", icon: "inbox" },
      { href: "/powiadomienia", label: "nav.notifications", permission: "dashboard.view", icon: "bell" },
      { href: "/komunikator", label: "nav.chat", permission: "dashboard.view", icon: "chat" },
      { href: "/polecenia", label: "nav.tasks", permission: "dashboard.view", icon: "tasks" },
      { href: "/szukaj", label: "nav.search", permission: "dashboard.view", icon: "search" },
      { href: "/struktura", label: "nav.directory", permission: "directory.view", icon: "building" },
      { href: "/zastepstwa", label: "nav.substitutions", permission: "substitutions.manage", icon: "swap" },
    ],
  },
  {
    label: "nav.documentsSection",
    items: [
      { href: "/pisma/przychodzace", label: "nav.incoming", permission: "documents.work", icon: "mailIn" },
      { href: "/pisma/wychodzace", label: "nav.outgoing", permission: "documents.work", icon: "mailOut" },
      { href: "/pisma/wewnetrzne", label: "nav.internal", permission: "documents.work", icon: "memo" },
      { href: "/pisma/ksiazka-nadawcza", label: "nav.dispatchBook", permission: "letters.dispatch", icon: "book" },
      { href: "/sprawy", label: "nav.cases", permission: "documents.work", icon: "folder" },
      { href: "/kontakty", label: "nav.contacts", permission: "contacts.view", icon: "contacts" },
      { href: "/podpisy/weryfikacja", label: "nav.verifySignature", permission: "dashboard.view", icon: "signature" },
    ],
  },
  {
    label: "nav.bipSection",
    items: [
      { href: "/bip-redakcja", label: "nav.bipArticles", permission: "bip.edit", icon: "globe" },
      { href: "/bip-redakcja/menu", label: "nav.bipMenu", permission: "bip.manage", icon: "tree" },
      { href: "/bip-redakcja/ustawienia", label: "nav.bipSettings", permission: "bip.manage", icon: "office" },
    ],
  },
  {
    label: "nav.adminSection",
    items: [
      { href: "/admin/urzad", label: "nav.office", permission: "org.manage", icon: "office" },
      { href: "/admin/komorki", label: "nav.departments", permission: "org.manage", icon: "tree" },
      { href: "/admin/stanowiska", label: "nav.positions", permission: "org.manage", icon: "badge" },
      { href: "/admin/uzytkownicy", label: "nav.users", permission: "users.manage", icon: "users" },
      { href: "/admin/rejestry", label: "nav.registers", permission: "org.manage", icon: "register" },
      { href: "/admin/sciezki-akceptacji", label: "nav.approvalPaths", permission: "org.manage", icon: "route" },
      { href: "/admin/jrwa", label: "nav.jrwa", permission: "jrwa.manage", icon: "plan" },
      { href: "/admin/dziennik", label: "nav.audit", permission: "audit.view", icon: "log" },
      { href: "/admin/zadania", label: "nav.jobs", permission: "jobs.view", icon: "queue" },
      { href: "/admin/poczta", label: "nav.mail", permission: "mail.view", icon: "envelope" },
      { href: "/admin/certyfikaty", label: "nav.certificates", permission: "certificates.manage", icon: "signature" },
      { href: "/admin/wyszukiwarka", label: "nav.searchIndex", permission: "search.manage", icon: "search" },
    ],
  },
];

export function navFor(roles: readonly Role[]): NavSection[] {
  return NAV.map((s) => ({ ...s, items: s.items.filter((i) => can(roles, i.permission)) })).filter((s) => s.items.length > 0);
}
