"use client";

import { useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Badge } from "@/components/badge";
import { useLocale, useT } from "@/components/i18n";
import { Pagination } from "@/components/pagination";
import { formatDate } from "@/lib/i18n/translator";
import { useLiveSignal } from "@/modules/realtime/components/realtime-provider";
import { useTRPC } from "@/trpc/react";
import { tasksHref, type TaskListState as State } from "../tasks.params";
import type { ListTasksInput } from "../tasks.schemas";
import { AssigneeState } from "./task-badges";

const day = (d: string, locale: "pl" | "en") => formatDate(`${d}T12:00:00Z`, locale);

/** The task lists: for me, given by me, my department's (heads); open, closed or all; live. */
export function TaskList({ input }: { input: State }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = trpc.tasks.list.queryOptions(input satisfies ListTasksInput);
  const { data: list } = useSuspenseQuery(query);
  useLiveSignal(["tasks"], () => void queryClient.invalidateQueries({ queryKey: trpc.tasks.pathKey() }));
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const viewLabel = t(`tasks.views.${input.view}`);

  return (
    <section className="card" aria-labelledby="task-list">
      <h2 id="task-list" className="sr-only">
        {t("tasks.list.caption", { view: viewLabel })}
      </h2>
      <nav aria-label={t("tasks.list.views")} className="mb-3 overflow-x-auto">
        <ul className="flex min-w-max gap-1 border-b border-slate-300">
          {list.views.map((v) => (
            <li key={v}>
              <Link
                href={tasksHref({ view: v, state: input.state })}
                aria-current={v === input.view ? "page" : undefined}
                className={`-mb-px inline-flex min-h-10 items-center rounded-t-md border px-3 py-2 text-sm font-medium ${
                  v === input.view ? "border-slate-300 border-b-white bg-white text-brand-900" : "border-transparent text-slate-800 hover:bg-slate-100"
                }`}
              >
                {t(`tasks.views.${v}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <nav aria-label={t("tasks.list.states")} className="mb-4">
        <ul className="flex flex-wrap gap-2">
          {(["open", "closed", "all"] as const).map((s) => (
            <li key={s}>
              <Link href={tasksHref({ view: input.view, state: s })} aria-current={s === input.state ? "page" : undefined} className={s === input.state ? "btn-primary" : "btn-secondary"}>
                {t(`tasks.states.${s}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="mb-2 text-sm text-slate-700" aria-live="polite" data-testid="tasks-count">
        {t("tasks.list.count", { n: list.total })}
      </p>
      {list.items.length === 0 ? (
        <p className="py-6 text-center text-sm text-slate-800">{t("tasks.list.empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-200" data-testid="tasks-list">
          {list.items.map((task) => (
            <li key={task.id} className="py-3">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <Link href={`/polecenia/${task.id}`} className="link font-semibold">
                  <span className="mr-1 font-mono text-sm">{t("tasks.detail.number", { n: task.seq })}:</span>
                  {task.title}
                </Link>
                <span className="flex flex-wrap items-center gap-1 text-sm">
                  {task.priority === "HIGH" || task.priority === "URGENT" ? <Badge tone="red">{t("tasks.priorityLabel", { p: t(`tasks.priority.${task.priority}`) })}</Badge> : null}
                  {task.cancelled && <Badge tone="slate">{t("tasks.cancelled")}</Badge>}
                  {task.overdue && <Badge tone="red">{t("tasks.overdue")}</Badge>}
                  <span className="whitespace-nowrap text-slate-800">
                    {t("tasks.list.due")}: {task.dueDate ? day(task.dueDate, locale) : t("tasks.list.noDue")}
                  </span>
                </span>
              </div>
              <p className="mt-1 text-sm text-slate-800">
                {t("tasks.list.giver")}: {task.giver.name}
              </p>
              <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label={t("tasks.list.assignees")}>
                {task.assignees.map((a) => (
                  <li key={a.id} className="inline-flex items-center gap-1">
                    <span>{a.person.name}</span> <AssigneeState a={a} />
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={input.page} pages={pages} hrefFor={(p) => tasksHref({ ...input, page: p })} label={t("tasks.list.pages")} t={t} />
    </section>
  );
}
