"use client";

import { Badge, type BadgeTone } from "@/components/badge";
import { useT } from "@/components/i18n";
import type { ApprovalStatusName, OutgoingStatus } from "../outgoing.schemas";

const TONE: Record<OutgoingStatus, BadgeTone> = { DRAFT: "slate", AWAITING_APPROVAL: "amber", APPROVED: "sky", DISPATCHED: "green", CANCELLED: "red" };
const STEP_TONE: Record<ApprovalStatusName, BadgeTone> = { WAITING: "slate", PENDING: "amber", APPROVED: "green", REJECTED: "red", SKIPPED: "slate" };

export function StatusBadge({ status }: { status: OutgoingStatus }) {
  const t = useT();
  return <Badge tone={TONE[status]}>{t(`outgoing.statuses.${status}`)}</Badge>;
}

export function StepBadge({ status }: { status: ApprovalStatusName }) {
  const t = useT();
  return <Badge tone={STEP_TONE[status]}>{t(`outgoing.stepStatuses.${status}`)}</Badge>;
}
