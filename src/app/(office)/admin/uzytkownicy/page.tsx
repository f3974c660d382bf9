import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { UserList } from "@/modules/users/components/user-list";
import { userListInputFromParams } from "@/modules/users/users.params";
import { requirePermission } from "@/server/auth/session";
import { getT } from "@/server/i18n";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Użytkownicy" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("users.manage");
  const t = await getT();
  const input = userListInputFromParams(await searchParams);
  prefetch(trpc.users.list.queryOptions(input));
  prefetch(trpc.users.formOptions.queryOptions());
  return (
    <HydrateClient>
      <PageHeader
        title={t("users.title")}
        description={t("users.description")}
        actions={
          <Link href="/admin/uzytkownicy/nowy" className="btn-primary">
            {t("users.newUser")}
          </Link>
        }
      />
      <UserList input={input} />
    </HydrateClient>
  );
}
