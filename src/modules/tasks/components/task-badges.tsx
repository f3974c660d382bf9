"use client";

import { Badge, type BadgeTone } from "@/components/badge";
import { useT } from "@/components/i18n";
import type { AssigneeDto } from "../tasks.schemas";

const TONE: Record<AssigneeDto["status"], BadgeTone> = { NEW: "brand", ACCEPTED: "sky", DONE: "amber", CONFIRMED: "green", RETURNED: "amber", CANCELLED: "slate" };

/** One assignee's state, with "po terminie" and "czeka na odpowiedź" when they apply. */
export function AssigneeState({ a }: { a: Pick<AssigneeDto, "status" | "overdue" | "awaitingAnswer"> }) {
  const t = useT();
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={TONE[a.status]}>{t(`tasks.status.${a.status}`)}</Badge>
      {a.overdue && <Badge tone="red">{t("tasks.overdue")}</Badge>}
      {a.awaitingAnswer && <Badge tone="amber">{t("tasks.awaitingAnswer")}</Badge>}
    </span>
  );
}
