import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { verifyPassword } from "@/server/auth/password";
import type { ServiceContext } from "@/server/context";
import { actorOf, createUser, TEST_META } from "@/test/factories";
import { createTestDb, TEST_DB_KINDS, type TestDb } from "@/test/db";
import { ZChangePasswordInput, ZUpdateProfileInput } from "./profile.schemas";
import { changePassword, getProfile, updateProfile } from "./profile.service";

const OLD = "Stare-Haslo-2026";
const NEW = "Nowe-Haslo-2027";

describe.each(TEST_DB_KINDS)("profile on %s", (kind) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(kind);
  });
  afterAll(async () => db?.destroy());

  const contextFor = async (): Promise<ServiceContext> => {
    const user = await createUser(db.prisma, { password: OLD });
    return { db: db.prisma, actor: actorOf(user), meta: TEST_META };
  };
  const auditOf = (userId: string) => db.prisma.auditEvent.findMany({ where: { entityId: userId }, orderBy: { id: "asc" } });
  const row = (userId: string) => db.prisma.user.findUniqueOrThrow({ where: { id: userId } });

  it("refuses a wrong current password with BAD_REQUEST and changes nothing", async () => {
    const ctx = await contextFor();
    const before = await row(ctx.actor.id);
    const input = ZChangePasswordInput.parse({ currentPassword: "Zle-Haslo-2026", newPassword: NEW, repeatPassword: NEW });
    const error = await changePassword(ctx, input).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { currentPassword: "Obecne hasło jest nieprawidłowe." } });
    const after = await row(ctx.actor.id);
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(after.sessionVersion).toBe(before.sessionVersion);
    expect(after.passwordChangedAt).toEqual(before.passwordChangedAt);
    expect(await auditOf(ctx.actor.id)).toEqual([]);
  });

  it("changes the hash, moves the session version on and records auth.password-changed", async () => {
    const ctx = await contextFor();
    const before = await row(ctx.actor.id);
    const result = await changePassword(ctx, ZChangePasswordInput.parse({ currentPassword: OLD, newPassword: NEW, repeatPassword: NEW }));

    expect(result).toEqual({ sessionVersion: before.sessionVersion + 1 });
    const after = await row(ctx.actor.id);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(after.passwordHash).not.toBe(before.passwordHash);
    expect(await verifyPassword(NEW, after.passwordHash)).toBe(true);
    expect(await verifyPassword(OLD, after.passwordHash)).toBe(false);
    expect(after.passwordChangedAt.getTime()).toBeGreaterThan(before.passwordChangedAt.getTime());

    const audit = await auditOf(ctx.actor.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "auth.password-changed", entityType: "user", actorId: ctx.actor.id, ip: TEST_META.ip, userAgent: TEST_META.userAgent, data: { by: "self" } });
    // The password itself never reaches the trail.
    expect(JSON.stringify(audit[0]!.data)).not.toContain(NEW);
  });

  it("the schema refuses a new password equal to the current one or not repeated correctly", () => {
    expect(ZChangePasswordInput.safeParse({ currentPassword: OLD, newPassword: OLD, repeatPassword: OLD }).success).toBe(false);
    expect(ZChangePasswordInput.safeParse({ currentPassword: OLD, newPassword: NEW, repeatPassword: `${NEW}x` }).success).toBe(false);
  });

  it("updateProfile records profile.updated with only the changed fields", async () => {
    const ctx = await contextFor();
    await updateProfile(ctx, ZUpdateProfileInput.parse({ phone: "17 875 09 00", locale: "pl" }));
    let audit = await auditOf(ctx.actor.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "profile.updated", actorId: ctx.actor.id, data: { changes: { phone: { from: null, to: "17 875 09 00" } } } });
    expect((await getProfile(ctx)).phone).toBe("17 875 09 00");

    await updateProfile(ctx, ZUpdateProfileInput.parse({ phone: "17 875 09 00", locale: "en" }));
    audit = await auditOf(ctx.actor.id);
    expect(audit).toHaveLength(2);
    expect(audit[1]!.data).toEqual({ changes: { locale: { from: "pl", to: "en" } } });
    expect((await row(ctx.actor.id)).locale).toBe("en");
  });

  it("updateProfile writes nothing when nothing changed (an empty phone stays empty)", async () => {
    const ctx = await contextFor();
    const before = await row(ctx.actor.id);
    await updateProfile(ctx, ZUpdateProfileInput.parse({ phone: "  ", locale: "pl" }));
    await updateProfile(ctx, ZUpdateProfileInput.parse({ phone: "", locale: "pl" }));
    expect(await auditOf(ctx.actor.id)).toEqual([]);
    expect((await row(ctx.actor.id)).updatedAt).toEqual(before.updatedAt);
  });

  it("clearing the phone is a change from the number to empty", async () => {
    const ctx = await contextFor();
    await updateProfile(ctx, ZUpdateProfileInput.parse({ phone: "600 100 200", locale: "pl" }));
    await updateProfile(ctx, ZUpdateProfileInput.parse({ phone: "", locale: "pl" }));
    const audit = await auditOf(ctx.actor.id);
    expect(audit.map((a) => a.data)).toEqual([{ changes: { phone: { from: null, to: "600 100 200" } } }, { changes: { phone: { from: "600 100 200", to: null } } }]);
    expect((await row(ctx.actor.id)).phone).toBeNull();
  });
});
