import { recordAudit } from "@/server/audit/audit";
import { diffFields } from "@/server/audit/audit.events";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import type { ServiceContext } from "@/server/context";
import { badRequest, notFound } from "@/server/errors";
import type { ChangePasswordInput, Profile, UpdateProfileInput } from "./profile.schemas";
import { retireResetLinks } from "@/modules/password-reset/password-reset.service";

export async function getProfile(ctx: ServiceContext): Promise<Profile> {
  const u = await ctx.db.user.findUnique({
    where: { id: ctx.actor.id },
    select: {
      id: true,
      email: true,
      firstName: true,
      lastName: true,
      phone: true,
      locale: true,
      roles: true,
      lastLoginAt: true,
      passwordChangedAt: true,
      department: { select: { name: true, symbol: true } },
      position: { select: { name: true } },
      location: { select: { name: true } },
      supervisor: { select: { firstName: true, lastName: true } },
    },
  });
  if (!u) throw notFound();
  return {
    id: u.id,
    email: u.email,
    firstName: u.firstName,
    lastName: u.lastName,
    phone: u.phone,
    locale: u.locale === "en" ? "en" : "pl",
    roles: u.roles,
    departmentName: u.department?.name ?? null,
    departmentSymbol: u.department?.symbol ?? null,
    positionName: u.position?.name ?? null,
    locationName: u.location?.name ?? null,
    supervisorName: u.supervisor ? `${u.supervisor.firstName} ${u.supervisor.lastName}` : null,
    lastLoginAt: u.lastLoginAt,
    passwordChangedAt: u.passwordChangedAt,
  };
}

export async function updateProfile(ctx: ServiceContext, data: UpdateProfileInput): Promise<void> {
  await ctx.db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: ctx.actor.id }, select: { phone: true, locale: true } });
    const changes = diffFields(before, data, ["phone", "locale"]);
    if (Object.keys(changes).length === 0) return;
    await tx.user.update({ where: { id: ctx.actor.id }, data });
    await recordAudit(tx, ctx, { action: "profile.updated", entityType: "user", entityId: ctx.actor.id, data: { changes } });
  });
}

/** Changes the actor's password and ends their other sessions (the session version moves on). */
export async function changePassword(ctx: ServiceContext, input: ChangePasswordInput): Promise<{ sessionVersion: number }> {
  const user = await ctx.db.user.findUniqueOrThrow({ where: { id: ctx.actor.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw badRequest("Obecne hasło jest nieprawidłowe.", { currentPassword: "Obecne hasło jest nieprawidłowe." });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return ctx.db.$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: ctx.actor.id },
      data: { passwordHash, passwordChangedAt: new Date(), sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    await retireResetLinks(tx, ctx.actor.id);
    await recordAudit(tx, ctx, { action: "auth.password-changed", entityType: "user", entityId: ctx.actor.id, data: { by: "self" } });
    return updated;
  });
}
