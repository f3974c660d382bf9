/**
 * Inputs and DTOs of user administration. Client-safe: the forms validate with the same schemas
 * the router does, so a message shown beside a field is the one the server would give.
 */
import { z } from "zod";
import { ROLES } from "@/lib/permissions";
import { ZNewPassword } from "@/lib/password-policy";

export const USERS_PAGE_SIZE = 25;

export const USER_STATUSES = ["aktywni", "nieaktywni", "zablokowani"] as const;
export type UserStatusFilter = (typeof USER_STATUSES)[number];

const ZId = z.string().min(1).max(64);
/** A reference picked from a list; the empty option ("brak") arrives as "" or null. */
const ZOptionalRef = z
  .string()
  .max(64)
  .nullable()
  .transform((v) => (v ? v : null));

export const ZUserListInput = z.object({
  q: z.string().trim().max(100).optional(),
  departmentId: z.string().max(64).optional(),
  role: z.enum(ROLES).optional(),
  status: z.enum(USER_STATUSES).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
});
export type UserListInput = z.input<typeof ZUserListInput>;

const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Podaj adres e-mail.")
  .max(254, "Adres e-mail jest za długi.")
  .pipe(z.email("Podaj poprawny adres e-mail, np. jan.kowalski@urzad.gov.pl."));

const ZName = (empty: string) => z.string().trim().min(1, empty).max(80, "Najwyżej 80 znaków.");

/** The fields an administrator edits, on creation and later. */
export const ZUserFields = z.object({
  email: ZEmail,
  firstName: ZName("Podaj imię."),
  lastName: ZName("Podaj nazwisko."),
  phone: z
    .string()
    .trim()
    .max(40, "Najwyżej 40 znaków.")
    .regex(/^[0-9 +()-]*$/, "Numer telefonu może zawierać tylko cyfry, spacje i znaki + ( ) -.")
    .transform((v) => (v === "" ? null : v)),
  roles: z
    .array(z.enum(ROLES, "Nieznana rola."))
    .min(1, "Wybierz co najmniej jedną rolę.")
    .transform((roles) => ROLES.filter((r) => roles.includes(r))),
  departmentId: ZOptionalRef,
  positionId: ZOptionalRef,
  locationId: ZOptionalRef,
  supervisorId: ZOptionalRef,
});
export type UserFieldsInput = z.input<typeof ZUserFields>;
export type UserFields = z.output<typeof ZUserFields>;

/** The initial or a new password: typed by the administrator, or generated and shown once. */
export const ZPasswordChoice = z.discriminatedUnion("passwordMode", [
  z.object({ passwordMode: z.literal("generate") }),
  z.object({ passwordMode: z.literal("set"), password: ZNewPassword }),
]);

export const ZCreateUserInput = ZUserFields.and(ZPasswordChoice);
export type CreateUserInput = z.input<typeof ZCreateUserInput>;

export const ZUpdateUserInput = ZUserFields.extend({ id: ZId });
export type UpdateUserInput = z.input<typeof ZUpdateUserInput>;

export const ZUserIdInput = z.object({ id: ZId });

export const ZSetUserPasswordInput = z.object({ id: ZId }).and(ZPasswordChoice);
export type SetUserPasswordInput = z.input<typeof ZSetUserPasswordInput>;

/** The answer to creating a user or setting their password: a generated password, shown once. */
export const ZPasswordResult = z.object({ id: z.string(), generatedPassword: z.string().nullable() });
export type PasswordResult = z.infer<typeof ZPasswordResult>;

export const ZUserListItem = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  departmentSymbol: z.string().nullable(),
  positionName: z.string().nullable(),
  roles: z.array(z.enum(ROLES)),
  active: z.boolean(),
  locked: z.boolean(),
});
export type UserListItem = z.infer<typeof ZUserListItem>;

export const ZUserList = z.object({
  items: z.array(ZUserListItem),
  total: z.number().int(),
  page: z.number().int(),
  pages: z.number().int(),
  pageSize: z.number().int(),
});
export type UserList = z.infer<typeof ZUserList>;

export const ZUserAuditEntry = z.object({
  id: z.string(),
  occurredAt: z.date(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  ip: z.string().nullable(),
});
export type UserAuditEntry = z.infer<typeof ZUserAuditEntry>;

export const ZUserDetails = z.object({
  id: z.string(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  phone: z.string().nullable(),
  roles: z.array(z.enum(ROLES)),
  departmentId: z.string().nullable(),
  departmentSymbol: z.string().nullable(),
  departmentName: z.string().nullable(),
  positionId: z.string().nullable(),
  positionName: z.string().nullable(),
  locationId: z.string().nullable(),
  locationName: z.string().nullable(),
  supervisorId: z.string().nullable(),
  supervisorName: z.string().nullable(),
  active: z.boolean(),
  locked: z.boolean(),
  lockedUntil: z.date().nullable(),
  failedLoginCount: z.number().int(),
  lastLoginAt: z.date().nullable(),
  passwordChangedAt: z.date(),
  createdAt: z.date(),
  updatedAt: z.date(),
  recentEvents: z.array(ZUserAuditEntry),
});
export type UserDetails = z.infer<typeof ZUserDetails>;

const ZOption = z.object({ id: z.string(), label: z.string() });

/** What the user forms choose from. */
export const ZUserFormOptions = z.object({
  departments: z.array(ZOption.extend({ symbol: z.string() })),
  positions: z.array(ZOption),
  locations: z.array(ZOption),
  people: z.array(ZOption.extend({ departmentSymbol: z.string().nullable() })),
});
export type UserFormOptions = z.infer<typeof ZUserFormOptions>;
