/**
 * One error type across layers. Services throw AppError with a generic code and a Polish message
 * for the user; the tRPC formatter and the pages show `userMessage` and nothing internal.
 */
export type AppErrorCode = "BAD_REQUEST" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "TOO_MANY_REQUESTS";

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly userMessage: string;
  /** Field-level messages for forms, keyed by input path. */
  readonly fieldErrors?: Record<string, string>;

  constructor(code: AppErrorCode, userMessage: string, options?: { cause?: unknown; fieldErrors?: Record<string, string> }) {
    super(userMessage, { cause: options?.cause });
    this.name = "AppError";
    this.code = code;
    this.userMessage = userMessage;
    this.fieldErrors = options?.fieldErrors;
  }
}

export const notFound = (what = "Nie znaleziono takiego rekordu albo nie masz do niego dostępu.") =>
  new AppError("NOT_FOUND", what);
export const forbidden = (what = "Nie masz uprawnień do tej czynności.") => new AppError("FORBIDDEN", what);
export const conflict = (what: string, fieldErrors?: Record<string, string>) => new AppError("CONFLICT", what, { fieldErrors });
export const badRequest = (what: string, fieldErrors?: Record<string, string>) =>
  new AppError("BAD_REQUEST", what, { fieldErrors });

/** Prisma unique-constraint violation (P2002), e.g. two departments with one symbol. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";
}
