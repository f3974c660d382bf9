/**
 * User administration: the list, an account's details, creating and editing accounts, roles,
 * deactivation, unlocking and passwords set by an administrator. Framework-free; every function
 * re-checks "users.manage" and writes its audit entry in the transaction of the change.
 */
import type { Prisma } from "@prisma/client";
import type { z } from "zod";
import { toRoles } from "@/lib/permissions";
import { foldText } from "@/lib/polish";
import { recordAudit } from "@/server/audit/audit";
import { diffFields } from "@/server/audit/audit.events";
import { hashPassword } from "@/server/auth/password";
import { assertCan, type ServiceContext } from "@/server/context";
import type { Tx } from "@/server/db";
import { badRequest, conflict, isUniqueViolation, notFound } from "@/server/errors";
import { userKeys } from "./users.keys";
import { generatePassword } from "./users.password";
import { findSupervisorCycle, removesLastAdministrator } from "./users.policy";
import {
  USERS_PAGE_SIZE,
  type PasswordResult,
  type UserDetails,
  type UserFields,
  type UserFormOptions,
  type UserList,
  type UserListItem,
  type ZCreateUserInput,
  type ZSetUserPasswordInput,
  type ZUpdateUserInput,
  type ZUserListInput,
} from "./users.schemas";
import { retireResetLinks } from "@/modules/password-reset/password-reset.service";

type ListInput = z.output<typeof ZUserListInput>;
type CreateInput = z.output<typeof ZCreateUserInput>;
type UpdateInput = z.output<typeof ZUpdateUserInput>;
type SetPasswordInput = z.output<typeof ZSetUserPasswordInput>;

const EMAIL_TAKEN = "Ten adres e-mail ma już inny użytkownik. Podaj inny adres.";
const RECENT_EVENTS = 20;

const fullName = (u: { firstName: string; lastName: string }) => `${u.firstName} ${u.lastName}`;

// ---------------------------------------------------------------------------------------------
// Reading

export function userListWhere(input: Pick<ListInput, "q" | "departmentId" | "role" | "status">, now = new Date()): Prisma.UserWhereInput {
  const and: Prisma.UserWhereInput[] = [];
  for (const word of foldText(input.q ?? "").split(" ").filter(Boolean)) and.push({ searchText: { contains: word } });
  if (input.departmentId) and.push({ departmentId: input.departmentId });
  if (input.role) and.push({ roles: { has: input.role } });
  if (input.status === "aktywni") and.push({ active: true });
  if (input.status === "nieaktywni") and.push({ active: false });
  if (input.status === "zablokowani") and.push({ lockedUntil: { gt: now } });
  return { AND: and };
}

/** One page of users in Polish surname order, filtered on the server. */
export async function listUsers(ctx: ServiceContext, input: ListInput, now = new Date()): Promise<UserList> {
  assertCan(ctx.actor, "users.manage");
  const where = userListWhere(input, now);
  const total = await ctx.db.user.count({ where });
  const pages = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE));
  const page = Math.min(input.page, pages);
  const rows = await ctx.db.user.findMany({
    where,
    orderBy: [{ sortKey: "asc" }, { id: "asc" }],
    skip: (page - 1) * USERS_PAGE_SIZE,
    take: USERS_PAGE_SIZE,
    select: {
      id: true,
      firstName: true,
      lastName: true,
      email: true,
      roles: true,
      active: true,
      lockedUntil: true,
      department: { select: { symbol: true } },
      position: { select: { name: true } },
    },
  });
  const items: UserListItem[] = rows.map((u) => ({
    id: u.id,
    firstName: u.firstName,
    lastName: u.lastName,
    email: u.email,
    departmentSymbol: u.department?.symbol ?? null,
    positionName: u.position?.name ?? null,
    roles: toRoles(u.roles),
    active: u.active,
    locked: isLocked(u.lockedUntil, now),
  }));
  return { items, total, page, pages, pageSize: USERS_PAGE_SIZE };
}

function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil > now;
}

/** An account with its organisational placement and the last 20 things the person did. */
export async function getUser(ctx: ServiceContext, id: string, now = new Date()): Promise<UserDetails> {
  assertCan(ctx.actor, "users.manage");
  const [u, events] = await Promise.all([
    ctx.db.user.findUnique({
      where: { id },
      select: {
        id: true,
        email: true,
        firstName: true,
        lastName: true,
        phone: true,
        roles: true,
        active: true,
        lockedUntil: true,
        failedLoginCount: true,
        lastLoginAt: true,
        passwordChangedAt: true,
        createdAt: true,
        updatedAt: true,
        departmentId: true,
        positionId: true,
        locationId: true,
        supervisorId: true,
        department: { select: { symbol: true, name: true } },
        position: { select: { name: true } },
        location: { select: { name: true } },
        supervisor: { select: { firstName: true, lastName: true } },
      },
    }),
    ctx.db.auditEvent.findMany({
      where: { actorId: id },
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      take: RECENT_EVENTS,
      select: { id: true, occurredAt: true, action: true, entityType: true, entityId: true, ip: true },
    }),
  ]);
  if (!u) throw notFound("Nie znaleziono takiego użytkownika.");
  return {
    id: u.id,
    email: u.email,
    firstName: u.firstName,
    lastName: u.lastName,
    phone: u.phone,
    roles: toRoles(u.roles),
    departmentId: u.departmentId,
    departmentSymbol: u.department?.symbol ?? null,
    departmentName: u.department?.name ?? null,
    positionId: u.positionId,
    positionName: u.position?.name ?? null,
    locationId: u.locationId,
    locationName: u.location?.name ?? null,
    supervisorId: u.supervisorId,
    supervisorName: u.supervisor ? fullName(u.supervisor) : null,
    active: u.active,
    locked: isLocked(u.lockedUntil, now),
    lockedUntil: u.lockedUntil,
    failedLoginCount: u.failedLoginCount,
    lastLoginAt: u.lastLoginAt,
    passwordChangedAt: u.passwordChangedAt,
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
    recentEvents: events.map((e) => ({ ...e, id: e.id.toString() })),
  };
}

/** Departments, positions, locations and people (as supervisors) for the user forms and filters. */
export async function getUserFormOptions(ctx: ServiceContext): Promise<UserFormOptions> {
  assertCan(ctx.actor, "users.manage");
  const [departments, positions, locations, people] = await Promise.all([
    ctx.db.department.findMany({ where: { active: true }, orderBy: { sortKey: "asc" }, select: { id: true, symbol: true, name: true } }),
    ctx.db.position.findMany({ orderBy: { sortKey: "asc" }, select: { id: true, name: true } }),
    ctx.db.location.findMany({ where: { active: true }, orderBy: { sortKey: "asc" }, select: { id: true, name: true } }),
    ctx.db.user.findMany({
      where: { active: true },
      orderBy: [{ sortKey: "asc" }, { id: "asc" }],
      select: { id: true, firstName: true, lastName: true, department: { select: { symbol: true } } },
    }),
  ]);
  return {
    departments: departments.map((d) => ({ id: d.id, symbol: d.symbol, label: `${d.symbol} — ${d.name}` })),
    positions: positions.map((p) => ({ id: p.id, label: p.name })),
    locations: locations.map((l) => ({ id: l.id, label: l.name })),
    people: people.map((p) => ({ id: p.id, label: `${p.lastName} ${p.firstName}`, departmentSymbol: p.department?.symbol ?? null })),
  };
}

// ---------------------------------------------------------------------------------------------
// Writing

/** Creates an account. A generated initial password is returned once, for the administrator to hand over. */
export async function createUser(ctx: ServiceContext, input: CreateInput): Promise<PasswordResult> {
  assertCan(ctx.actor, "users.manage");
  const password = input.passwordMode === "generate" ? generatePassword() : input.password;
  const passwordHash = await hashPassword(password);
  const fields = pickFields(input);
  try {
    const id = await ctx.db.$transaction(async (tx) => {
      await assertEmailFree(tx, fields.email, null);
      await resolveReferences(tx, fields, null);
      const user = await tx.user.create({
        data: { ...fields, passwordHash, ...userKeys(fields) },
        select: { id: true },
      });
      await recordAudit(tx, ctx, { action: "user.created", entityType: "user", entityId: user.id, data: { email: fields.email, roles: fields.roles } });
      return user.id;
    });
    return { id, generatedPassword: input.passwordMode === "generate" ? password : null };
  } catch (error) {
    throw isUniqueViolation(error) ? conflict(EMAIL_TAKEN, { email: EMAIL_TAKEN }) : error;
  }
}

/** Edits an account: personal data, placement in the office and roles. Changes apply at the user's next request. */
export async function updateUser(ctx: ServiceContext, input: UpdateInput): Promise<void> {
  assertCan(ctx.actor, "users.manage");
  const fields = pickFields(input);
  try {
    await ctx.db.$transaction(async (tx) => {
      const before = await tx.user.findUnique({ where: { id: input.id }, select: { ...AUDITED_SELECT, active: true } });
      if (!before) throw notFound("Nie znaleziono takiego użytkownika.");
      if (fields.email !== before.email) await assertEmailFree(tx, fields.email, input.id);
      const refs = await resolveReferences(tx, fields, { id: input.id, name: fullName(before), current: before });

      const beforeRoles = toRoles(before.roles);
      if (beforeRoles.includes("ADMINISTRATOR") && !fields.roles.includes("ADMINISTRATOR") && before.active) {
        const others = await lockOtherActiveAdministrators(tx, input.id);
        if (removesLastAdministrator({ active: true, roles: beforeRoles }, { active: true, roles: fields.roles }, others)) {
          const message = "To jedyny aktywny administrator systemu: nie można odebrać mu tej roli. Najpierw nadaj rolę administratora komuś innemu.";
          throw badRequest(message, { roles: message });
        }
      }

      const changes = diffFields(auditViewOfRow(before), auditViewOfInput(fields, refs), AUDITED_FIELDS);
      if (Object.keys(changes).length === 0) return;
      await tx.user.update({ where: { id: input.id }, data: { ...fields, ...userKeys(fields) } });
      await recordAudit(tx, ctx, { action: "user.updated", entityType: "user", entityId: input.id, data: { changes } });
    });
  } catch (error) {
    throw isUniqueViolation(error) ? conflict(EMAIL_TAKEN, { email: EMAIL_TAKEN }) : error;
  }
}

/** Deactivates an account and ends its open sessions (the session version moves on). */
export async function deactivateUser(ctx: ServiceContext, id: string): Promise<void> {
  assertCan(ctx.actor, "users.manage");
  if (id === ctx.actor.id) throw badRequest("Nie możesz dezaktywować własnego konta.");
  await ctx.db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id }, select: { active: true, roles: true } });
    if (!before) throw notFound("Nie znaleziono takiego użytkownika.");
    if (!before.active) return;
    const roles = toRoles(before.roles);
    if (roles.includes("ADMINISTRATOR")) {
      const others = await lockOtherActiveAdministrators(tx, id);
      if (removesLastAdministrator({ active: true, roles }, { active: false, roles }, others)) {
        throw badRequest("To jedyny aktywny administrator systemu: nie można go dezaktywować. Najpierw nadaj rolę administratora komuś innemu.");
      }
    }
    await tx.user.update({ where: { id }, data: { active: false, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, ctx, { action: "user.deactivated", entityType: "user", entityId: id, data: {} });
  });
}

export async function activateUser(ctx: ServiceContext, id: string): Promise<void> {
  assertCan(ctx.actor, "users.manage");
  await ctx.db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id }, select: { active: true } });
    if (!before) throw notFound("Nie znaleziono takiego użytkownika.");
    if (before.active) return;
    await tx.user.update({ where: { id }, data: { active: true } });
    await recordAudit(tx, ctx, { action: "user.activated", entityType: "user", entityId: id, data: {} });
  });
}

/** Lifts a lockout after failed sign-ins: the lock and the failure counter are cleared. */
export async function unlockUser(ctx: ServiceContext, id: string): Promise<void> {
  assertCan(ctx.actor, "users.manage");
  await ctx.db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id }, select: { lockedUntil: true, failedLoginCount: true } });
    if (!before) throw notFound("Nie znaleziono takiego użytkownika.");
    if (before.lockedUntil === null && before.failedLoginCount === 0) return;
    await tx.user.update({ where: { id }, data: { lockedUntil: null, failedLoginCount: 0 } });
    await recordAudit(tx, ctx, { action: "user.unlocked", entityType: "user", entityId: id, data: {} });
  });
}

/** Sets a new password for someone else and ends their sessions. A generated one is returned once. */
export async function setUserPassword(ctx: ServiceContext, input: SetPasswordInput): Promise<PasswordResult> {
  assertCan(ctx.actor, "users.manage");
  if (input.id === ctx.actor.id) throw badRequest("Własne hasło zmienisz w swoim profilu (podając obecne hasło).");
  const password = input.passwordMode === "generate" ? generatePassword() : input.password;
  const passwordHash = await hashPassword(password);
  await ctx.db.$transaction(async (tx) => {
    const exists = await tx.user.findUnique({ where: { id: input.id }, select: { id: true } });
    if (!exists) throw notFound("Nie znaleziono takiego użytkownika.");
    await tx.user.update({ where: { id: input.id }, data: { passwordHash, passwordChangedAt: new Date(), sessionVersion: { increment: 1 } } });
    await retireResetLinks(tx, input.id);
    await recordAudit(tx, ctx, { action: "auth.password-changed", entityType: "user", entityId: input.id, data: { by: "admin" } });
  });
  return { id: input.id, generatedPassword: input.passwordMode === "generate" ? password : null };
}

// ---------------------------------------------------------------------------------------------
// Helpers

function pickFields(input: UserFields): UserFields {
  const { email, firstName, lastName, phone, roles, departmentId, positionId, locationId, supervisorId } = input;
  return { email, firstName, lastName, phone, roles, departmentId, positionId, locationId, supervisorId };
}

async function assertEmailFree(tx: Tx, email: string, exceptId: string | null): Promise<void> {
  const other = await tx.user.findUnique({ where: { email }, select: { id: true } });
  if (other && other.id !== exceptId) throw conflict(EMAIL_TAKEN, { email: EMAIL_TAKEN });
}

/** The names the audit entry records for the chosen department, position, location and supervisor. */
interface ReferenceNames {
  department: string | null;
  position: string | null;
  location: string | null;
  supervisor: string | null;
}

/**
 * Checks that the chosen department, position, location and supervisor exist (newly chosen ones
 * must be active) and that the supervisor hierarchy stays free of loops.
 */
async function resolveReferences(
  tx: Tx,
  f: UserFields,
  self: { id: string; name: string; current: { departmentId: string | null; locationId: string | null; supervisorId: string | null } } | null,
): Promise<ReferenceNames> {
  const unchanged = (key: "departmentId" | "locationId" | "supervisorId") => self !== null && self.current[key] === f[key];
  const [department, position, location, supervisor] = await Promise.all([
    f.departmentId ? tx.department.findUnique({ where: { id: f.departmentId }, select: { symbol: true, active: true } }) : null,
    f.positionId ? tx.position.findUnique({ where: { id: f.positionId }, select: { name: true } }) : null,
    f.locationId ? tx.location.findUnique({ where: { id: f.locationId }, select: { name: true, active: true } }) : null,
    f.supervisorId ? tx.user.findUnique({ where: { id: f.supervisorId }, select: { firstName: true, lastName: true, active: true } }) : null,
  ]);
  const errors: Record<string, string> = {};
  if (f.departmentId && (!department || (!department.active && !unchanged("departmentId")))) errors.departmentId = "Wybierz istniejącą, aktywną komórkę organizacyjną.";
  if (f.positionId && !position) errors.positionId = "Wybierz istniejące stanowisko.";
  if (f.locationId && (!location || (!location.active && !unchanged("locationId")))) errors.locationId = "Wybierz istniejące, aktywne miejsce pracy.";
  if (f.supervisorId) {
    if (self && f.supervisorId === self.id) errors.supervisorId = "Użytkownik nie może być swoim własnym przełożonym.";
    else if (!supervisor || (!supervisor.active && !unchanged("supervisorId"))) errors.supervisorId = "Wybierz aktywnego użytkownika jako przełożonego.";
    else if (self) {
      const all = await tx.user.findMany({ select: { id: true, supervisorId: true } });
      const cycle = findSupervisorCycle(self.id, f.supervisorId, new Map(all.map((u) => [u.id, u.supervisorId])));
      if (cycle) {
        errors.supervisorId = `${fullName(supervisor)} podlega (bezpośrednio lub pośrednio) użytkownikowi ${self.name}, więc nie może być jego przełożonym — hierarchia przełożonych nie może tworzyć pętli.`;
      }
    }
  }
  const keys = Object.keys(errors);
  if (keys.length > 0) throw badRequest(keys.length === 1 ? errors[keys[0]!]! : "Formularz zawiera błędy. Popraw zaznaczone pola.", errors);
  return {
    department: department?.symbol ?? null,
    position: position?.name ?? null,
    location: location?.name ?? null,
    supervisor: supervisor ? fullName(supervisor) : null,
  };
}

const AUDITED_SELECT = {
  email: true,
  firstName: true,
  lastName: true,
  phone: true,
  roles: true,
  departmentId: true,
  locationId: true,
  supervisorId: true,
  department: { select: { symbol: true } },
  position: { select: { name: true } },
  location: { select: { name: true } },
  supervisor: { select: { firstName: true, lastName: true } },
} as const;

const AUDITED_FIELDS = ["email", "firstName", "lastName", "phone", "roles", "department", "position", "location", "supervisor"] as const;

type AuditView = Record<(typeof AUDITED_FIELDS)[number], unknown>;

/** What the audit entry compares: readable names instead of ids, and never a password hash. */
function auditViewOfRow(u: Prisma.UserGetPayload<{ select: typeof AUDITED_SELECT }>): AuditView {
  return {
    email: u.email,
    firstName: u.firstName,
    lastName: u.lastName,
    phone: u.phone,
    roles: [...u.roles],
    department: u.department?.symbol ?? null,
    position: u.position?.name ?? null,
    location: u.location?.name ?? null,
    supervisor: u.supervisor ? fullName(u.supervisor) : null,
  };
}

function auditViewOfInput(f: UserFields, refs: ReferenceNames): AuditView {
  return { email: f.email, firstName: f.firstName, lastName: f.lastName, phone: f.phone, roles: [...f.roles], ...refs };
}

/**
 * Locks the rows of every active administrator (in id order, so concurrent changes queue up instead
 * of deadlocking) and counts those other than `userId`: two administrators removing each other at
 * once cannot leave the office without one.
 */
async function lockOtherActiveAdministrators(tx: Tx, userId: string): Promise<number> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "User" WHERE "active" AND 'ADMINISTRATOR' = ANY("roles") ORDER BY "id" FOR UPDATE`;
  return rows.filter((r) => r.id !== userId).length;
}
