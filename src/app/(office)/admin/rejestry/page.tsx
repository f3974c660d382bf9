import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { requirePermission } from "@/server/auth/session";
import { getT } from "@/server/i18n";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";
import { RegisterFormatsForm } from "./register-formats-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("files.registers.title") };
}

export default async function RegistersPage() {
  await requirePermission("org.manage");
  const t = await getT();
  prefetch(trpc.documents.registers.get.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title={t("files.registers.title")} description={t("files.registers.description")} />
      <RegisterFormatsForm />
    </HydrateClient>
  );
}
