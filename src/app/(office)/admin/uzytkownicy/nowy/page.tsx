import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { CreateUserForm } from "@/modules/users/components/create-user-form";
import { USERS_PATH } from "@/modules/users/users.params";
import { requirePermission } from "@/server/auth/session";
import { getT } from "@/server/i18n";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Nowy użytkownik" };

export default async function NewUserPage() {
  await requirePermission("users.manage");
  const t = await getT();
  prefetch(trpc.users.formOptions.queryOptions());
  return (
    <HydrateClient>
      <p className="mb-2 text-sm">
        <Link href={USERS_PATH} className="link">
          {t("users.backToList")}
        </Link>
      </p>
      <PageHeader title={t("users.newUser")} />
      <CreateUserForm />
    </HydrateClient>
  );
}
