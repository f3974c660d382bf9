import type { Metadata } from "next";
import Link from "next/link";
import { TaskDetail } from "@/modules/tasks/components/task-detail";
import { requirePermission } from "@/server/auth/session";
import { getT } from "@/server/i18n";
import { getQueryClient, HydrateClient, orNotFound, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Polecenie" };

export default async function TaskPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("dashboard.view");
  const t = await getT();
  const { id } = await params;
  await orNotFound(getQueryClient().fetchQuery(trpc.tasks.get.queryOptions({ taskId: id })));
  return (
    <HydrateClient>
      <p className="mb-3 text-sm">
        <Link href="/polecenia" className="link">
          ← {t("tasks.title")}
        </Link>
      </p>
      <TaskDetail taskId={id} />
    </HydrateClient>
  );
}
