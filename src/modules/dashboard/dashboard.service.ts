/**
 * The dashboard ("Pulpit"): each section is a small query; modules add their own sections here
 * (my inbox, deadlines, tasks…). Sections a user may not see are not computed at all.
 */
import { todayInPoland } from "@/lib/i18n/translator";
import { can } from "@/lib/permissions";
import { countCaseInbox } from "@/modules/cases/cases.service";
import { loadWorkScope } from "@/modules/documents/documents.policy";
import { countLetterInbox } from "@/modules/letters/letters.service";
import { countOutgoingInbox } from "@/modules/outgoing/outgoing.service";
import type { ServiceContext } from "@/server/context";

export interface PersonRef {
  id: string;
  name: string;
  until: Date;
}

export interface Dashboard {
  substitutingFor: PersonRef[];
  substitutedBy: PersonRef[];
  absentInDepartment: PersonRef[];
  system: { activeUsers: number; lockedAccounts: number; pendingJobs: number; deadJobs: number; failedSignIns24h: number } | null;
  /** What waits for the actor in "Do mnie" (null without documents.work). */
  work: WorkCounts | null;
}

export interface WorkCounts {
  lettersToAccept: number;
  lettersToAssign: number;
  lettersInfo: number;
  draftsToApprove: number;
  draftsRejected: number;
  lettersToDispatch: number;
  casesOpen: number;
  casesOverdue: number;
  casesDueSoon: number;
}

export async function workCounts(ctx: ServiceContext, now: Date): Promise<WorkCounts> {
  // One work scope for the three counts (each would otherwise load it again).
  const scope = await loadWorkScope(ctx.db, ctx.actor, now);
  const [letters, outgoing, cases] = await Promise.all([countLetterInbox(ctx, now, scope), countOutgoingInbox(ctx, scope), countCaseInbox(ctx, now, scope)]);
  return {
    lettersToAccept: letters.toAccept,
    lettersToAssign: letters.toAssign,
    lettersInfo: letters.info,
    draftsToApprove: outgoing.toApprove,
    draftsRejected: outgoing.rejected,
    lettersToDispatch: outgoing.toDispatch,
    casesOpen: cases.open,
    casesOverdue: cases.overdue,
    casesDueSoon: cases.dueSoon,
  };
}

export async function getDashboard(ctx: ServiceContext, now = new Date()): Promise<Dashboard> {
  const today = new Date(`${todayInPoland(now)}T00:00:00.000Z`);
  const current = { cancelledAt: null, dateFrom: { lte: today }, dateTo: { gte: today } };
  const person = { select: { id: true, firstName: true, lastName: true } } as const;

  const [mine, ofMe, absent, system, work] = await Promise.all([
    ctx.db.substitution.findMany({ where: { ...current, substituteId: ctx.actor.id }, include: { absent: person }, orderBy: { dateTo: "asc" } }),
    ctx.db.substitution.findMany({ where: { ...current, absentId: ctx.actor.id }, include: { substitute: person }, orderBy: { dateTo: "asc" } }),
    ctx.actor.departmentId
      ? ctx.db.substitution.findMany({
          where: { ...current, absent: { departmentId: ctx.actor.departmentId } },
          include: { absent: person },
          orderBy: { absent: { sortKey: "asc" } },
        })
      : [],
    can(ctx.actor.roles, "jobs.view") ? systemStatus(ctx, now) : null,
    can(ctx.actor.roles, "documents.work") ? workCounts(ctx, now) : null,
  ]);

  const ref = (p: { id: string; firstName: string; lastName: string }, until: Date): PersonRef => ({ id: p.id, name: `${p.firstName} ${p.lastName}`, until });
  const unique = (list: PersonRef[]) => [...new Map(list.map((p) => [p.id, p])).values()];
  return {
    substitutingFor: unique(mine.map((s) => ref(s.absent, s.dateTo))),
    substitutedBy: unique(ofMe.map((s) => ref(s.substitute, s.dateTo))),
    absentInDepartment: unique(absent.map((s) => ref(s.absent, s.dateTo))),
    system,
    work,
  };
}

async function systemStatus(ctx: ServiceContext, now: Date) {
  const [activeUsers, lockedAccounts, pendingJobs, deadJobs, failedSignIns24h] = await Promise.all([
    ctx.db.user.count({ where: { active: true } }),
    ctx.db.user.count({ where: { lockedUntil: { gt: now } } }),
    ctx.db.outboxJob.count({ where: { status: { in: ["PENDING", "RUNNING"] } } }),
    ctx.db.outboxJob.count({ where: { status: "DEAD" } }),
    ctx.db.auditEvent.count({ where: { action: "auth.sign-in-failed", occurredAt: { gt: new Date(now.getTime() - 86_400_000) } } }),
  ]);
  return { activeUsers, lockedAccounts, pendingJobs, deadJobs, failedSignIns24h };
}
