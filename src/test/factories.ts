/**
 * Seed factories shared by integration tests: minimal organisation records and actors.
 * Passwords use the low test scrypt cost (SCRYPT_LOG_N=12 in vitest.config.mts).
 */
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@prisma/client";
import { polishSortKey } from "@/lib/polish";
import { toRoles, type Role } from "@/lib/permissions";
import { userKeys } from "@/modules/users/users.keys";
import { hashPassword } from "@/server/auth/password";
import type { Actor, RequestMeta, ServiceContext } from "@/server/context";
import { AppError } from "@/server/errors";

export const TEST_META: RequestMeta = { ip: "127.0.0.1", userAgent: "vitest" };

const unique = () => randomBytes(4).toString("hex");

export async function createDepartment(db: PrismaClient, data: { symbol?: string; name?: string; parentId?: string } = {}) {
  const symbol = data.symbol ?? `T${unique().slice(0, 4).toUpperCase()}`;
  return db.department.create({ data: { symbol, name: data.name ?? `Wydział ${symbol}`, parentId: data.parentId, sortKey: polishSortKey(symbol) } });
}

export async function createLocation(
  db: PrismaClient,
  data: { code?: string; name?: string; kind?: "SIEDZIBA" | "ODDZIAL"; active?: boolean } = {},
) {
  const code = data.code ?? `L${unique().slice(0, 5).toUpperCase()}`;
  const name = data.name ?? `Oddział ${code}`;
  const kind = data.kind ?? "ODDZIAL";
  return db.location.create({
    data: { code, name, kind, street: "ul. Testowa 1", postalCode: "36-040", city: "Boguchwała", active: data.active ?? true, sortKey: `${kind === "SIEDZIBA" ? "0" : "1"} ${polishSortKey(name)}` },
  });
}

export async function createPosition(db: PrismaClient, data: { name?: string; rank?: number } = {}) {
  const name = data.name ?? `Stanowisko ${unique()}`;
  return db.position.create({ data: { name, rank: data.rank ?? 50, sortKey: polishSortKey(name) } });
}

export async function createUser(
  db: PrismaClient,
  data: { roles?: Role[]; departmentId?: string | null; firstName?: string; lastName?: string; email?: string; password?: string; active?: boolean; supervisorId?: string; positionId?: string | null; locationId?: string | null } = {},
) {
  const firstName = data.firstName ?? "Jan";
  const lastName = data.lastName ?? `Testowy-${unique()}`;
  const email = (data.email ?? `${unique()}@test.example`).toLowerCase();
  return db.user.create({
    data: {
      email,
      firstName,
      lastName,
      roles: data.roles ?? ["PRACOWNIK"],
      departmentId: data.departmentId ?? null,
      supervisorId: data.supervisorId,
      positionId: data.positionId ?? null,
      locationId: data.locationId ?? null,
      active: data.active ?? true,
      passwordHash: await hashPassword(data.password ?? "Haslo12345!"),
      ...userKeys({ firstName, lastName, email }),
    },
  });
}

export function actorOf(user: { id: string; email: string; firstName: string; lastName: string; roles: string[]; departmentId: string | null }): Actor {
  return { id: user.id, email: user.email, firstName: user.firstName, lastName: user.lastName, roles: toRoles(user.roles), departmentId: user.departmentId, positionName: null, locale: "pl" };
}

/** A signed-in actor with the given roles, and the service context for them. */
export async function createActor(db: PrismaClient, roles: Role[], departmentId: string | null = null): Promise<ServiceContext> {
  const user = await createUser(db, { roles, departmentId });
  return { db, actor: actorOf(user), meta: TEST_META };
}

/** A substitution inserted directly (any dates, past ones too); dates are `YYYY-MM-DD`. */
export async function createSubstitution(
  db: PrismaClient,
  data: { absentId: string; substituteId: string; dateFrom: string; dateTo: string; createdById: string; reason?: string; cancelledAt?: Date | null },
) {
  return db.substitution.create({
    data: {
      absentId: data.absentId,
      substituteId: data.substituteId,
      dateFrom: new Date(`${data.dateFrom}T00:00:00.000Z`),
      dateTo: new Date(`${data.dateTo}T00:00:00.000Z`),
      reason: data.reason ?? "Urlop wypoczynkowy",
      createdById: data.createdById,
      cancelledAt: data.cancelledAt ?? null,
    },
  });
}

/** The AppError a service call fails with (the test fails if it succeeds or throws anything else). */
export async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}
