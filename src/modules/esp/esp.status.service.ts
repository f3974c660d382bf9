/**
 * The public case status page: a submission number (ESP/…), an RPW number or a case mark, plus the
 * access code from the UPP → the state in plain words and the deadline, nothing else. A wrong code
 * and an unknown number answer the same "not found". Rate-limited per IP. Framework-free.
 */
import "server-only";
import type { RequestMeta } from "@/server/context";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { takeRateLimit } from "@/server/ratelimit";
import { STATUS_PER_IP_PER_HOUR, SUBMISSION_NUMBER_PATTERN, type StatusQuery, type StatusResult } from "./esp.schemas";
import { publicStatusOf } from "./esp.submit.service";
import { hashAccessCode, sameHash } from "./esp.tokens";

export async function lookupCaseStatus(db: Db, query: StatusQuery, meta: RequestMeta, now = new Date()): Promise<StatusResult | null> {
  if (!(await takeRateLimit(db, `esp-status:${meta.ip ?? "unknown"}`, STATUS_PER_IP_PER_HOUR, 3_600_000, now))) {
    throw new AppError("TOO_MANY_REQUESTS", "Zbyt wiele prób w krótkim czasie. Spróbuj ponownie za godzinę.");
  }
  const number = query.number.trim();
  const codeHash = hashAccessCode(query.code);
  const select = { documentId: true, accessCodeHash: true } as const;
  let candidates: { documentId: string; accessCodeHash: string }[];
  if (SUBMISSION_NUMBER_PATTERN.test(number.toUpperCase())) {
    candidates = await db.espSubmission.findMany({ where: { number: number.toUpperCase() }, select });
  } else {
    const docs = await db.document.findMany({
      where: { OR: [{ registerNo: number, kind: "INCOMING" }, { case: { mark: number } }] },
      select: { id: true },
      take: 500,
    });
    candidates = docs.length ? await db.espSubmission.findMany({ where: { documentId: { in: docs.map((d) => d.id) } }, select }) : [];
  }
  const match = candidates.find((c) => sameHash(c.accessCodeHash, codeHash));
  if (!match) return null;
  const doc = await db.document.findUnique({ where: { id: match.documentId }, select: { status: true, dueDate: true, case: { select: { status: true, dueDate: true } } } });
  if (!doc) return null;
  return publicStatusOf(doc, doc.case);
}
