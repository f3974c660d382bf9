"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Badge } from "@/components/badge";
import { FormMessage } from "@/components/form/field";
import { useLocale, useT } from "@/components/i18n";
import { Pager } from "@/components/pagination";
import { formatDate, type Locale } from "@/lib/i18n/translator";
import { useTRPC } from "@/trpc/react";
import type { InboxItem } from "../letters.schemas";
import { AssignmentControls } from "./assignment-controls";

/**
 * Contract 5 ("Do mnie"): the letters assigned to me (or to the people I substitute today) and,
 * for heads, the department's letters waiting for dekretacja. Prefetch with
 * `trpc.letters.inbox.queryOptions({ page: 1, deptPage: 1 })` and `trpc.letters.options`.
 */
export function InboxAssignments({ page: initialPage = 1 }: { page?: number }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const [page, setPage] = useState(initialPage);
  const [deptPage, setDeptPage] = useState(1);
  const [message, setMessage] = useState<string | null>(null);
  const { data } = useSuspenseQuery(trpc.letters.inbox.queryOptions({ page, deptPage }));
  const { data: options } = useSuspenseQuery(trpc.letters.options.queryOptions());
  const today = options.now.slice(0, 10);

  const list = (items: InboxItem[], testId: string) => (
    <ul className="space-y-2" data-testid={testId}>
      {items.map((i) => (
        <li key={i.assignmentId} className="rounded-md border border-slate-200 bg-white p-3">
          <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
            <Link href={i.href} className="link font-medium" aria-label={t("letters.inbox.open", { label: `${i.label} — ${i.subject}` })}>
              {i.label}
            </Link>
            <span className="min-w-0 break-words">{i.subject}</span>
          </div>
          <div className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-800">
            {i.senderName && <span>{i.senderName}</span>}
            <Badge tone="sky">{t(`letters.roles.${i.role}`)}</Badge>
            <Badge tone={i.status === "RETURNED" ? "red" : i.status === "ACCEPTED" ? "brand" : "amber"}>{t(`letters.assignmentStatus.${i.status}`)}</Badge>
            <span>{i.departmentSymbol}</span>
            {i.userName && <span>{t("letters.inbox.for", { name: i.userName })}</span>}
            {i.dueDate && <Due date={i.dueDate} overdue={i.dueDate < today} locale={locale} />}
          </div>
          {i.note && <p className="mt-1 text-sm">{i.note}</p>}
          {i.status === "RETURNED" && i.reason && <p className="mt-1 text-sm text-red-900">{t("letters.inbox.returnedBy", { reason: i.reason })}</p>}
          <AssignmentControls assignmentId={i.assignmentId} actions={i.actions} label={i.label} onDone={setMessage} departments={options.departments} people={options.people} />
        </li>
      ))}
    </ul>
  );

  return (
    <div className="space-y-4">
      <div aria-live="polite">
        <FormMessage success={message} />
      </div>
      <section className="card" aria-labelledby="inbox-letters-mine">
        <h2 id="inbox-letters-mine" className="mb-3 text-lg font-semibold">
          {t("letters.inbox.mine")} <span className="text-sm font-normal text-slate-700">({data.mine.total})</span>
        </h2>
        {data.mine.items.length === 0 ? <p className="text-sm text-slate-700">{t("letters.inbox.emptyMine")}</p> : list(data.mine.items, "inbox-letters-mine")}
        <Pager page={data.mine.page} pageCount={data.mine.pages} onPage={setPage} label={t("letters.inbox.pagination")} t={t} />
      </section>
      {data.isHead && (
        <section className="card" aria-labelledby="inbox-letters-department">
          <h2 id="inbox-letters-department" className="mb-3 text-lg font-semibold">
            {t("letters.inbox.department")} <span className="text-sm font-normal text-slate-700">({data.department.total})</span>
          </h2>
          {data.department.items.length === 0 ? <p className="text-sm text-slate-700">{t("letters.inbox.emptyDepartment")}</p> : list(data.department.items, "inbox-letters-department")}
          <Pager page={data.department.page} pageCount={data.department.pages} onPage={setDeptPage} label={t("letters.inbox.pagination")} t={t} />
        </section>
      )}
    </div>
  );
}

function Due({ date, overdue, locale }: { date: string; overdue: boolean; locale: Locale }) {
  const t = useT();
  const text = formatDate(`${date}T12:00:00Z`, locale);
  return overdue ? <span className="font-semibold text-red-800">{t("letters.inbox.overdue", { date: text })}</span> : <span>{t("letters.inbox.due", { date: text })}</span>;
}
