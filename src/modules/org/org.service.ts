/**
 * The organisation of the office: the office itself, its locations, departments (komórki
 * organizacyjne) and positions, administered under `org.manage`, and the staff directory
 * (struktura urzędu) every staff member reads under `directory.view`. Framework-free: each function
 * takes a ServiceContext, re-checks the permission, writes its audit entry in the transaction of
 * the change and returns DTOs.
 */
import type { Prisma } from "@prisma/client";
import { can } from "@/lib/permissions";
import { foldText, polishSortKey } from "@/lib/polish";
import { recordAudit } from "@/server/audit/audit";
import { diffFields, type FieldChanges } from "@/server/audit/audit.events";
import { assertCan, type ServiceContext } from "@/server/context";
import type { Tx } from "@/server/db";
import { badRequest, conflict, isUniqueViolation, notFound } from "@/server/errors";
import {
  locationSortKey,
  PAGE_SIZE,
  type CreateDepartmentInput,
  type CreateLocationInput,
  type CreatePositionInput,
  type Department,
  type DepartmentFormOptions,
  type DepartmentNode,
  type DirectoryDepartment,
  type DirectoryNode,
  type IdInput,
  type ListDepartmentsInput,
  type Location,
  type LocationOption,
  type Office,
  type OfficeInput,
  type PageInput,
  type Paged,
  type Position,
  type SetActiveInput,
  type StaffMember,
  type StaffQuery,
  type UpdateDepartmentInput,
  type UpdateLocationInput,
  type UpdatePositionInput,
} from "./org.schemas";

const FORM_HAS_ERRORS = "Formularz zawiera błędy. Popraw zaznaczone pola.";

/** One page of a list: counts the records, then reads that page's rows and makes them DTOs. */
async function readPage<Row, Item>(
  page: number,
  count: () => Promise<number>,
  read: (range: { skip: number; take: number }) => Promise<Row[]>,
  toItem: (row: Row) => Item,
): Promise<Paged<Item>> {
  const total = await count();
  const pageSize = PAGE_SIZE;
  const rows = await read({ skip: (page - 1) * pageSize, take: pageSize });
  return { items: rows.map(toItem), total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** The record read, or NOT_FOUND with `message` when there is none. */
function found<T>(row: T | null, message: string): T {
  if (!row) throw notFound(message);
  return row;
}

/**
 * The end of every edit: when something changed, `write` saves it and an "<entity>.updated" audit
 * entry records the changes, in the caller's transaction. Returns the saved row, or null when
 * nothing changed (then nothing is written, and `write`'s own checks do not run).
 */
async function saveChanges<Row>(tx: Tx, ctx: ServiceContext, entity: "location" | "department" | "position", id: string, changes: FieldChanges, write: () => Promise<Row>): Promise<Row | null> {
  if (Object.keys(changes).length === 0) return null;
  const row = await write();
  await recordAudit(tx, ctx, { action: `${entity}.updated`, entityType: entity, entityId: id, data: { changes } });
  return row;
}

/** Runs `work` in one transaction; a unique-index violation comes out as `conflictOf` describes it. */
async function inTransaction<T>(ctx: ServiceContext, work: (tx: Tx) => Promise<T>, conflictOf: (error: unknown) => unknown): Promise<T> {
  try {
    return await ctx.db.$transaction(work);
  } catch (error) {
    throw conflictOf(error);
  }
}

/** A unique-index violation as a conflict on `field` (the message at the top and beside the field); any other error as it is. */
function uniqueConflict(error: unknown, field: string, message: string): unknown {
  return isUniqueViolation(error) ? conflict(message, { [field]: message }) : error;
}

const personName = (u: { firstName: string; lastName: string }) => `${u.firstName} ${u.lastName}`;

/** Which unique column a P2002 hit (the driver adapters report it in different places). */
function uniqueTarget(error: unknown): string {
  const e = error as { meta?: { target?: unknown; driverAdapterError?: unknown }; cause?: unknown; message?: unknown };
  return JSON.stringify([e.meta?.target, e.meta?.driverAdapterError, e.cause, e.message]);
}

// ================================================================ office

const OFFICE_FIELDS = ["name", "shortName", "street", "postalCode", "city", "nip", "regon", "email", "phone", "epuapAddress", "website"] as const;

const OFFICE_SELECT = {
  name: true,
  shortName: true,
  street: true,
  postalCode: true,
  city: true,
  nip: true,
  regon: true,
  email: true,
  phone: true,
  epuapAddress: true,
  website: true,
} satisfies Prisma.OfficeSelect;

const EMPTY_OFFICE: Office = { name: "", shortName: "", street: "", postalCode: "", city: "", nip: null, regon: null, email: null, phone: null, epuapAddress: null, website: null };

export async function getOffice(ctx: ServiceContext): Promise<Office> {
  assertCan(ctx.actor, "org.manage");
  return (await ctx.db.office.findUnique({ where: { id: 1 }, select: OFFICE_SELECT })) ?? EMPTY_OFFICE;
}

/** Saves the office's details (the single row id 1, created on first save). */
export async function updateOffice(ctx: ServiceContext, input: OfficeInput): Promise<Office> {
  assertCan(ctx.actor, "org.manage");
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.office.findUnique({ where: { id: 1 }, select: OFFICE_SELECT });
    const changes = diffFields(before ?? EMPTY_OFFICE, input, OFFICE_FIELDS);
    if (before && Object.keys(changes).length === 0) return before;
    const after = await tx.office.upsert({ where: { id: 1 }, create: { id: 1, ...input }, update: input, select: OFFICE_SELECT });
    await recordAudit(tx, ctx, { action: "office.updated", entityType: "office", entityId: "1", data: { changes } });
    return after;
  });
}

// ================================================================ locations

const LOCATION_FIELDS = ["code", "name", "kind", "street", "postalCode", "city", "phone"] as const;

const LOCATION_SELECT = {
  id: true,
  code: true,
  name: true,
  kind: true,
  street: true,
  postalCode: true,
  city: true,
  phone: true,
  active: true,
  _count: { select: { users: { where: { active: true } } } },
} satisfies Prisma.LocationSelect;

function toLocation(row: Prisma.LocationGetPayload<{ select: typeof LOCATION_SELECT }>): Location {
  const { _count, ...rest } = row;
  return { ...rest, staffCount: _count.users };
}

const LOCATION_NOT_FOUND = "Nie znaleziono tej lokalizacji.";

function locationConflict(error: unknown, code: string): unknown {
  if (isUniqueViolation(error) && uniqueTarget(error).includes("siedziba")) {
    return uniqueConflict(error, "kind", "Urząd ma już aktywną siedzibę. Zmień ją najpierw na oddział albo dezaktywuj.");
  }
  return uniqueConflict(error, "code", `Lokalizacja o kodzie „${code}” już istnieje. Wybierz inny kod.`);
}

/** The active SIEDZIBA other than `exceptId`, if there is one. */
function otherActiveSiedziba(tx: Tx, exceptId: string | null) {
  return tx.location.findFirst({ where: { kind: "SIEDZIBA", active: true, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { name: true } });
}

/** Only one active SIEDZIBA: the office has one headquarters. */
async function assertSingleSiedziba(tx: Tx, exceptId: string | null): Promise<void> {
  const other = await otherActiveSiedziba(tx, exceptId);
  if (other) {
    const message = `Urząd ma już aktywną siedzibę: „${other.name}”. Zmień ją najpierw na oddział albo dezaktywuj.`;
    throw conflict(message, { kind: message });
  }
}

export async function listLocations(ctx: ServiceContext, input: PageInput): Promise<Paged<Location>> {
  assertCan(ctx.actor, "org.manage");
  return readPage(
    input.page,
    () => ctx.db.location.count(),
    (range) => ctx.db.location.findMany({ orderBy: [{ active: "desc" }, { sortKey: "asc" }, { id: "asc" }], ...range, select: LOCATION_SELECT }),
    toLocation,
  );
}

export async function createLocation(ctx: ServiceContext, input: CreateLocationInput): Promise<Location> {
  assertCan(ctx.actor, "org.manage");
  return inTransaction(
    ctx,
    async (tx) => {
      if (input.kind === "SIEDZIBA") await assertSingleSiedziba(tx, null);
      const row = await tx.location.create({ data: { ...input, sortKey: locationSortKey(input.kind, polishSortKey(input.name)) }, select: LOCATION_SELECT });
      await recordAudit(tx, ctx, { action: "location.created", entityType: "location", entityId: row.id, data: { code: row.code, name: row.name } });
      return toLocation(row);
    },
    (error) => locationConflict(error, input.code),
  );
}

export async function updateLocation(ctx: ServiceContext, input: UpdateLocationInput): Promise<Location> {
  assertCan(ctx.actor, "org.manage");
  const { id, ...data } = input;
  return inTransaction(
    ctx,
    async (tx) => {
      const before = found(await tx.location.findUnique({ where: { id }, select: LOCATION_SELECT }), LOCATION_NOT_FOUND);
      const row = await saveChanges(tx, ctx, "location", id, diffFields(before, data, LOCATION_FIELDS), async () => {
        if (data.kind === "SIEDZIBA" && before.active) await assertSingleSiedziba(tx, id);
        return tx.location.update({ where: { id }, data: { ...data, sortKey: locationSortKey(data.kind, polishSortKey(data.name)) }, select: LOCATION_SELECT });
      });
      return toLocation(row ?? before);
    },
    (error) => locationConflict(error, input.code),
  );
}

/** Deactivates or reactivates a location. Locations are never deleted: users and departments refer to them. */
export async function setLocationActive(ctx: ServiceContext, input: SetActiveInput): Promise<Location> {
  assertCan(ctx.actor, "org.manage");
  return ctx.db.$transaction(async (tx) => {
    const before = found(await tx.location.findUnique({ where: { id: input.id }, select: LOCATION_SELECT }), LOCATION_NOT_FOUND);
    const row = await saveChanges(tx, ctx, "location", input.id, diffFields(before, input, ["active"]), async () => {
      if (input.active && before.kind === "SIEDZIBA") {
        const other = await otherActiveSiedziba(tx, before.id);
        if (other) throw conflict(`Nie można przywrócić „${before.name}”: aktywną siedzibą jest „${other.name}”. Urząd ma jedną siedzibę.`);
      }
      return tx.location.update({ where: { id: input.id }, data: { active: input.active }, select: LOCATION_SELECT });
    });
    return toLocation(row ?? before);
  });
}

// ================================================================ departments

const DEPARTMENT_SELECT = {
  id: true,
  symbol: true,
  name: true,
  parentId: true,
  email: true,
  phone: true,
  active: true,
  location: { select: { id: true, name: true, active: true } },
  head: { select: { id: true, firstName: true, lastName: true, position: { select: { name: true } } } },
  _count: { select: { users: { where: { active: true } } } },
} satisfies Prisma.DepartmentSelect;

type DepartmentRow = Prisma.DepartmentGetPayload<{ select: typeof DEPARTMENT_SELECT }>;

function toDepartment(row: DepartmentRow): Department {
  return {
    id: row.id,
    symbol: row.symbol,
    name: row.name,
    parentId: row.parentId,
    location: row.location,
    head: row.head ? { id: row.head.id, name: personName(row.head), positionName: row.head.position?.name ?? null } : null,
    email: row.email,
    phone: row.phone,
    active: row.active,
    staffCount: row._count.users,
  };
}

const DEPARTMENT_NOT_FOUND = "Nie znaleziono tej komórki organizacyjnej.";

function departmentConflict(error: unknown, symbol: string): unknown {
  if (isUniqueViolation(error) && uniqueTarget(error).includes("headId")) return uniqueConflict(error, "headId", "Ten pracownik kieruje już inną komórką. Wybierz innego kierownika.");
  return uniqueConflict(error, "symbol", `Komórka o symbolu „${symbol}” już istnieje. Symbol musi być unikalny — wybierz inny.`);
}

interface DepartmentSelf {
  id: string;
  childCount: number;
  locationId: string | null;
  headId: string | null;
}

/**
 * The rules that need the database: the parent is an active top-level komórka and the referat's
 * symbol starts with its symbol; the location is active; the head is an active user heading no
 * other komórka. Returns field errors (empty when all is well) and the names the audit records.
 */
async function checkDepartment(tx: Tx, input: CreateDepartmentInput, self: DepartmentSelf | null) {
  const errors: Record<string, string> = {};
  let parentSymbol: string | null = null;
  if (input.parentId) {
    const parent = await tx.department.findUnique({ where: { id: input.parentId }, select: { id: true, symbol: true, parentId: true, active: true } });
    if (!parent) errors.parentId = "Wybrana komórka nadrzędna nie istnieje.";
    else if (self && parent.id === self.id) errors.parentId = "Komórka nie może być nadrzędna dla samej siebie.";
    else if (parent.parentId) errors.parentId = `Komórką nadrzędną może być tylko wydział (komórka najwyższego poziomu), a ${parent.symbol} jest referatem.`;
    else if (!parent.active) errors.parentId = `Komórka nadrzędna ${parent.symbol} jest nieaktywna.`;
    else if (self && self.childCount > 0) errors.parentId = "Ta komórka ma własne referaty, więc sama nie może stać się referatem.";
    else {
      parentSymbol = parent.symbol;
      if (!input.symbol.startsWith(`${parent.symbol}-`)) {
        errors.symbol = `Symbol referatu musi zaczynać się od symbolu komórki nadrzędnej: ${parent.symbol}-…, np. ${parent.symbol}-D.`;
      }
    }
  }
  let locationName: string | null = null;
  if (input.locationId) {
    const location = await tx.location.findUnique({ where: { id: input.locationId }, select: { name: true, active: true } });
    if (!location) errors.locationId = "Wybrana lokalizacja nie istnieje.";
    else if (!location.active && input.locationId !== self?.locationId) errors.locationId = `Lokalizacja „${location.name}” jest nieaktywna.`;
    else locationName = location.name;
  }
  let headName: string | null = null;
  if (input.headId) {
    const head = await tx.user.findUnique({
      where: { id: input.headId },
      select: { firstName: true, lastName: true, active: true, headOf: { select: { id: true, symbol: true } } },
    });
    if (!head) errors.headId = "Wybrany pracownik nie istnieje.";
    else if (!head.active && input.headId !== self?.headId) errors.headId = `Konto pracownika ${personName(head)} jest nieaktywne.`;
    else if (head.headOf && head.headOf.id !== self?.id) errors.headId = `${personName(head)} kieruje już komórką ${head.headOf.symbol}. Najpierw wskaż tam innego kierownika.`;
    else headName = personName(head);
  }
  return { errors, view: { parent: parentSymbol, location: locationName, head: headName } };
}

export async function listDepartments(ctx: ServiceContext, input: ListDepartmentsInput): Promise<Paged<DepartmentNode>> {
  assertCan(ctx.actor, "org.manage");
  const activeOnly = input.includeInactive ? {} : { active: true };
  const where = { parentId: null, ...activeOnly };
  return readPage(
    input.page,
    () => ctx.db.department.count({ where }),
    (range) =>
      ctx.db.department.findMany({
        where,
        orderBy: [{ sortKey: "asc" }, { id: "asc" }],
        ...range,
        select: { ...DEPARTMENT_SELECT, children: { where: activeOnly, orderBy: [{ sortKey: "asc" }, { id: "asc" }], select: DEPARTMENT_SELECT } },
      }),
    (r) => ({ ...toDepartment(r), children: r.children.map(toDepartment) }),
  );
}

/** What the department form offers: active top-level komórki as parents, active locations and active staff as heads. */
export async function getDepartmentFormOptions(ctx: ServiceContext): Promise<DepartmentFormOptions> {
  assertCan(ctx.actor, "org.manage");
  const [parents, locations, heads] = await Promise.all([
    ctx.db.department.findMany({ where: { parentId: null, active: true }, orderBy: { sortKey: "asc" }, select: { id: true, symbol: true, name: true } }),
    ctx.db.location.findMany({ where: { active: true }, orderBy: { sortKey: "asc" }, select: { id: true, code: true, name: true } }),
    ctx.db.user.findMany({
      where: { active: true },
      orderBy: [{ sortKey: "asc" }, { id: "asc" }],
      select: { id: true, firstName: true, lastName: true, position: { select: { name: true } }, department: { select: { symbol: true } } },
    }),
  ]);
  return {
    parents,
    locations,
    heads: heads.map((u) => ({ id: u.id, name: `${u.lastName} ${u.firstName}`, positionName: u.position?.name ?? null, departmentSymbol: u.department?.symbol ?? null })),
  };
}

export async function createDepartment(ctx: ServiceContext, input: CreateDepartmentInput): Promise<Department> {
  assertCan(ctx.actor, "org.manage");
  return inTransaction(
    ctx,
    async (tx) => {
      const { errors } = await checkDepartment(tx, input, null);
      if (Object.keys(errors).length > 0) throw badRequest(FORM_HAS_ERRORS, errors);
      const row = await tx.department.create({ data: { ...input, sortKey: polishSortKey(input.symbol) }, select: DEPARTMENT_SELECT });
      await recordAudit(tx, ctx, { action: "department.created", entityType: "department", entityId: row.id, data: { symbol: row.symbol, name: row.name } });
      return toDepartment(row);
    },
    (error) => departmentConflict(error, input.symbol),
  );
}

/**
 * Edits a komórka. A new symbol of a wydział carries over to its referaty (GK-D becomes GKM-D when
 * GK becomes GKM), each with its own audit entry, so the prefix rule keeps holding.
 */
export async function updateDepartment(ctx: ServiceContext, input: UpdateDepartmentInput): Promise<Department> {
  assertCan(ctx.actor, "org.manage");
  const { id, ...data } = input;
  return inTransaction(
    ctx,
    async (tx) => {
      const before = found(
        await tx.department.findUnique({
          where: { id },
          select: {
            ...DEPARTMENT_SELECT,
            headId: true,
            parent: { select: { symbol: true } },
            children: { select: { id: true, symbol: true } },
          },
        }),
        DEPARTMENT_NOT_FOUND,
      );
      const { errors, view } = await checkDepartment(tx, data, { id, childCount: before.children.length, locationId: before.location?.id ?? null, headId: before.headId });
      if (Object.keys(errors).length > 0) throw badRequest(FORM_HAS_ERRORS, errors);

      const beforeView = {
        symbol: before.symbol,
        name: before.name,
        parent: before.parent?.symbol ?? null,
        location: before.location?.name ?? null,
        head: before.head ? personName(before.head) : null,
        email: before.email,
        phone: before.phone,
      };
      const afterView = { symbol: data.symbol, name: data.name, email: data.email, phone: data.phone, ...view };
      const changes = diffFields(beforeView, afterView, ["symbol", "name", "parent", "location", "head", "email", "phone"]);
      const row = await saveChanges(tx, ctx, "department", id, changes, () =>
        tx.department.update({ where: { id }, data: { ...data, sortKey: polishSortKey(data.symbol) }, select: DEPARTMENT_SELECT }),
      );
      if (!row) return toDepartment(before);

      if (data.symbol !== before.symbol) {
        for (const child of before.children) {
          const symbol = child.symbol.startsWith(`${before.symbol}-`) ? `${data.symbol}${child.symbol.slice(before.symbol.length)}` : child.symbol;
          await saveChanges(tx, ctx, "department", child.id, diffFields(child, { symbol }, ["symbol"]), () =>
            tx.department.update({ where: { id: child.id }, data: { symbol, sortKey: polishSortKey(symbol) } }),
          );
        }
      }
      return toDepartment(row);
    },
    (error) => departmentConflict(error, input.symbol),
  );
}

/**
 * Deactivates or reactivates a komórka. Refused while it has active staff or active referaty
 * (move them first), and reactivating a referat needs its wydział active.
 */
export async function setDepartmentActive(ctx: ServiceContext, input: SetActiveInput): Promise<Department> {
  assertCan(ctx.actor, "org.manage");
  return ctx.db.$transaction(async (tx) => {
    const before = found(
      await tx.department.findUnique({
        where: { id: input.id },
        select: { ...DEPARTMENT_SELECT, parent: { select: { symbol: true, active: true } }, children: { where: { active: true }, orderBy: { sortKey: "asc" }, select: { symbol: true } } },
      }),
      DEPARTMENT_NOT_FOUND,
    );
    const row = await saveChanges(tx, ctx, "department", input.id, diffFields(before, input, ["active"]), () => {
      if (!input.active) {
        if (before._count.users > 0) {
          throw badRequest(
            `Nie można dezaktywować komórki ${before.symbol}: ma aktywnych pracowników (${before._count.users}). Najpierw przenieś ich do innej komórki albo dezaktywuj ich konta.`,
          );
        }
        if (before.children.length > 0) {
          throw badRequest(`Nie można dezaktywować komórki ${before.symbol}: ma aktywne referaty (${before.children.map((c) => c.symbol).join(", ")}). Najpierw dezaktywuj referaty.`);
        }
      } else if (before.parent && !before.parent.active) {
        throw badRequest(`Nie można przywrócić referatu ${before.symbol}: jego wydział ${before.parent.symbol} jest nieaktywny. Najpierw przywróć wydział.`);
      }
      return tx.department.update({ where: { id: input.id }, data: { active: input.active }, select: DEPARTMENT_SELECT });
    });
    return toDepartment(row ?? before);
  });
}

// ================================================================ positions

const POSITION_SELECT = { id: true, name: true, rank: true, _count: { select: { users: true } } } satisfies Prisma.PositionSelect;

function toPosition(row: Prisma.PositionGetPayload<{ select: typeof POSITION_SELECT }>): Position {
  return { id: row.id, name: row.name, rank: row.rank, userCount: row._count.users };
}

const POSITION_NOT_FOUND = "Nie znaleziono tego stanowiska.";

function positionConflict(error: unknown, name: string): unknown {
  return uniqueConflict(error, "name", `Stanowisko „${name}” już istnieje.`);
}

/** Positions by rank (the order of seniority), then alphabetically. */
export async function listPositions(ctx: ServiceContext, input: PageInput): Promise<Paged<Position>> {
  assertCan(ctx.actor, "org.manage");
  return readPage(
    input.page,
    () => ctx.db.position.count(),
    (range) => ctx.db.position.findMany({ orderBy: [{ rank: "asc" }, { sortKey: "asc" }, { id: "asc" }], ...range, select: POSITION_SELECT }),
    toPosition,
  );
}

export async function createPosition(ctx: ServiceContext, input: CreatePositionInput): Promise<Position> {
  assertCan(ctx.actor, "org.manage");
  return inTransaction(
    ctx,
    async (tx) => {
      const row = await tx.position.create({ data: { ...input, sortKey: polishSortKey(input.name) }, select: POSITION_SELECT });
      await recordAudit(tx, ctx, { action: "position.created", entityType: "position", entityId: row.id, data: { name: row.name } });
      return toPosition(row);
    },
    (error) => positionConflict(error, input.name),
  );
}

export async function updatePosition(ctx: ServiceContext, input: UpdatePositionInput): Promise<Position> {
  assertCan(ctx.actor, "org.manage");
  const { id, ...data } = input;
  return inTransaction(
    ctx,
    async (tx) => {
      const before = found(await tx.position.findUnique({ where: { id }, select: POSITION_SELECT }), POSITION_NOT_FOUND);
      const row = await saveChanges(tx, ctx, "position", id, diffFields(before, data, ["name", "rank"]), () =>
        tx.position.update({ where: { id }, data: { ...data, sortKey: polishSortKey(data.name) }, select: POSITION_SELECT }),
      );
      return toPosition(row ?? before);
    },
    (error) => positionConflict(error, input.name),
  );
}

/** Deletes a position nobody holds (active or not); otherwise refuses with the count. */
export async function deletePosition(ctx: ServiceContext, input: IdInput): Promise<void> {
  assertCan(ctx.actor, "org.manage");
  await ctx.db.$transaction(async (tx) => {
    const before = found(await tx.position.findUnique({ where: { id: input.id }, select: POSITION_SELECT }), POSITION_NOT_FOUND);
    if (before._count.users > 0) {
      throw badRequest(
        `Nie można usunąć stanowiska „${before.name}”: jest przypisane do pracowników (${before._count.users}). Najpierw zmień im stanowisko.`,
      );
    }
    await tx.position.delete({ where: { id: input.id } });
    await recordAudit(tx, ctx, { action: "position.deleted", entityType: "position", entityId: input.id, data: { name: before.name } });
  });
}

// ================================================================ directory (struktura urzędu)

const DIRECTORY_DEPARTMENT_SELECT = {
  id: true,
  symbol: true,
  name: true,
  parentId: true,
  email: true,
  phone: true,
  location: { select: { id: true, name: true, street: true, postalCode: true, city: true } },
  head: { select: { id: true, firstName: true, lastName: true, email: true, phone: true, active: true, position: { select: { name: true } } } },
  _count: { select: { users: { where: { active: true } } } },
} satisfies Prisma.DepartmentSelect;

/** The active komórki as a tree (wydziały with their referaty), by symbol, with head, location and contacts. */
export async function getDirectoryTree(ctx: ServiceContext): Promise<DirectoryNode[]> {
  assertCan(ctx.actor, "directory.view");
  const rows = await ctx.db.department.findMany({ where: { active: true }, orderBy: [{ sortKey: "asc" }, { id: "asc" }], select: DIRECTORY_DEPARTMENT_SELECT });
  const toNode = (r: (typeof rows)[number]): DirectoryDepartment => ({
    id: r.id,
    symbol: r.symbol,
    name: r.name,
    parentId: r.parentId,
    location: r.location,
    head:
      r.head && r.head.active
        ? { id: r.head.id, name: personName(r.head), positionName: r.head.position?.name ?? null, email: r.head.email, phone: r.head.phone }
        : null,
    email: r.email,
    phone: r.phone,
    staffCount: r._count.users,
  });
  const ids = new Set(rows.map((r) => r.id));
  const top = rows.filter((r) => !r.parentId || !ids.has(r.parentId));
  return top.map((t) => ({ ...toNode(t), children: rows.filter((r) => r.parentId === t.id).map(toNode) }));
}

/** Active locations for the directory's filter. */
export async function listDirectoryLocations(ctx: ServiceContext): Promise<LocationOption[]> {
  assertCan(ctx.actor, "directory.view");
  return ctx.db.location.findMany({ where: { active: true }, orderBy: [{ sortKey: "asc" }, { id: "asc" }], select: { id: true, code: true, name: true } });
}

/**
 * Staff search: every word of the query must occur in the user's folded `searchText` (so
 * "lukasik" finds "Łukasik"), optionally within one komórka (with its referaty) and one
 * location; sorted by surname in Polish order; 25 per page. Inactive accounts are listed only
 * for administrators who ask for them (users.manage); for everyone else they do not exist here.
 */
export async function findStaff(ctx: ServiceContext, query: StaffQuery): Promise<Paged<StaffMember>> {
  assertCan(ctx.actor, "directory.view");
  const withInactive = query.includeInactive && can(ctx.actor.roles, "users.manage");
  const words = foldText(query.q).split(" ").filter(Boolean).slice(0, 6);
  let departmentIds: string[] | null = null;
  if (query.departmentId) {
    const children = await ctx.db.department.findMany({ where: { parentId: query.departmentId }, select: { id: true } });
    departmentIds = [query.departmentId, ...children.map((c) => c.id)];
  }
  const where: Prisma.UserWhereInput = {
    ...(withInactive ? {} : { active: true }),
    ...(words.length ? { AND: words.map((w) => ({ searchText: { contains: w } })) } : {}),
    ...(departmentIds ? { departmentId: { in: departmentIds } } : {}),
    // A person without an office of their own works where their department is.
    ...(query.locationId ? { OR: [{ locationId: query.locationId }, { locationId: null, department: { locationId: query.locationId } }] } : {}),
  };
  return readPage(
    query.page,
    () => ctx.db.user.count({ where }),
    (range) =>
      ctx.db.user.findMany({
        where,
        orderBy: [{ sortKey: "asc" }, { id: "asc" }],
        ...range,
        select: {
          id: true,
          firstName: true,
          lastName: true,
          email: true,
          phone: true,
          active: true,
          position: { select: { name: true } },
          department: { select: { id: true, symbol: true, name: true, location: { select: { id: true, name: true } } } },
          location: { select: { id: true, name: true } },
        },
      }),
    ({ position, department, location, ...u }) => ({
      ...u,
      positionName: position?.name ?? null,
      department: department && { id: department.id, symbol: department.symbol, name: department.name },
      location: location ?? department?.location ?? null,
    }),
  );
}
