import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { todayInPoland } from "@/lib/i18n/translator";
import { TaskForm } from "@/modules/tasks/components/task-form";
import { requirePermission } from "@/server/auth/session";
import { getT } from "@/server/i18n";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Wydaj polecenie" };

export default async function NewTaskPage() {
  await requirePermission("dashboard.view");
  const t = await getT();
  prefetch(trpc.tasks.assignable.queryOptions({ q: "" }));
  return (
    <HydrateClient>
      <p className="mb-3 text-sm">
        <Link href="/polecenia" className="link">
          ← {t("tasks.title")}
        </Link>
      </p>
      <PageHeader title={t("tasks.newTask")} description={t("tasks.form.peopleHint")} />
      <TaskForm today={todayInPoland()} />
    </HydrateClient>
  );
}
