"use client";

import { Badge, type BadgeTone } from "@/components/badge";
import { useT } from "@/components/i18n";
import type { CaseStatus } from "../cases.schemas";
import type { DeadlineState } from "../deadlines";

const STATUS_TONE: Record<CaseStatus, BadgeTone> = { NEW: "brand", IN_PROGRESS: "sky", SUSPENDED: "amber", CLOSED: "slate", REOPENED: "sky" };
const DEADLINE_TONE: Record<DeadlineState, BadgeTone> = { none: "slate", overdue: "red", today: "red", soon: "amber", ok: "green", paused: "amber", closed: "slate" };

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const t = useT();
  return <Badge tone={STATUS_TONE[status]}>{t(`cases.status.${status}`)}</Badge>;
}

/** Shown only when it says something (overdue, today, soon). */
export function DeadlineBadge({ state }: { state: DeadlineState }) {
  const t = useT();
  if (state !== "overdue" && state !== "today" && state !== "soon") return null;
  return <Badge tone={DEADLINE_TONE[state]}>{t(`cases.deadline.${state}`)}</Badge>;
}
