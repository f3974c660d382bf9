import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { TaskList } from "@/modules/tasks/components/task-list";
import { tasksStateFromParams } from "@/modules/tasks/tasks.params";
import { requirePermission } from "@/server/auth/session";
import { getT } from "@/server/i18n";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Polecenia" };

export default async function TasksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("dashboard.view");
  const t = await getT();
  const input = tasksStateFromParams(await searchParams);
  try {
    await getQueryClient().fetchQuery(trpc.tasks.list.queryOptions(input));
  } catch (error) {
    // "Mojej komórki" is for heads: anyone else lands on their own tasks.
    if (error instanceof TRPCError && error.code === "FORBIDDEN") redirect("/polecenia");
    throw error;
  }
  return (
    <HydrateClient>
      <PageHeader
        title={t("tasks.title")}
        description={t("tasks.description")}
        actions={
          <Link href="/polecenia/nowe" className="btn-primary">
            {t("tasks.newTask")}
          </Link>
        }
      />
      <TaskList input={input} />
    </HydrateClient>
  );
}
