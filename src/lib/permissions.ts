/**
 * The central role → permission map. Client-safe: the menu, page guards, tRPC procedures and
 * services all read it. A module adds its permissions here and grants them to roles.
 */
export const ROLES = ["ADMINISTRATOR", "KANCELARIA", "KIEROWNIK", "PRACOWNIK", "SEKRETARZ", "SKARBNIK", "REDAKTOR_BIP"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "dashboard.view",
  "directory.view",
  "substitutions.manage", // own department (kierownik) or everyone (kierownictwo, administrator)
  "substitutions.manage.all",
  "org.manage",
  "users.manage",
  "audit.view",
  "jobs.view",
  "contacts.view", // baza teleadresowa: search, read, add, edit
  "contacts.manage", // merge duplicates, CSV import and export
  "documents.work", // "Do mnie", letters and cases visible by department / assignment
  "documents.view.all", // kierownictwo: every non-confidential letter and case
  "letters.register", // kancelaria: register incoming letters, the RPW
  "letters.dispatch", // kancelaria: dispatch outgoing letters, książka nadawcza, ZPO
  "jrwa.manage",
  "mail.view", // administrator: every e-mail the system sent or keeps in the local outbox
  "certificates.manage", // administrator: approve, reject and revoke staff signing certificates
  "bip.edit", // write BIP articles (drafts, new versions) and send them for approval
  "bip.publish", // redaktor BIP: approve (publish, schedule) or return versions, withdraw articles
  "bip.manage", // redaktor BIP, administrator: the menu, redakcja contacts, the accessibility statement
  "search.manage", // administrator: index health and rebuilding the search index
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const everyone: Permission[] = ["dashboard.view", "directory.view", "contacts.view", "documents.work"];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  ADMINISTRATOR: [...everyone, "substitutions.manage", "substitutions.manage.all", "org.manage", "users.manage", "audit.view", "jobs.view", "contacts.manage", "jrwa.manage", "mail.view", "certificates.manage", "bip.manage", "search.manage"],
  KANCELARIA: [...everyone, "contacts.manage", "letters.register", "letters.dispatch"],
  KIEROWNIK: [...everyone, "substitutions.manage", "bip.edit"],
  PRACOWNIK: everyone,
  SEKRETARZ: [...everyone, "substitutions.manage", "substitutions.manage.all", "documents.view.all", "bip.edit"],
  SKARBNIK: everyone,
  REDAKTOR_BIP: [...everyone, "bip.edit", "bip.publish", "bip.manage"],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r]));
}

export function can(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((r) => ROLE_PERMISSIONS[r].includes(permission));
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Roles as stored (text[]), narrowed to the known set. */
export function toRoles(values: readonly string[]): Role[] {
  return values.filter(isRole);
}
