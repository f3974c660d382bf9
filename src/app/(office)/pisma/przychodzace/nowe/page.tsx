import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { RegisterLetterForm } from "@/modules/letters/components/register-letter-form";
import { requirePermission } from "@/server/auth/session";
import { getT } from "@/server/i18n";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Rejestracja pisma przychodzącego" };

export default async function RegisterLetterPage() {
  await requirePermission("letters.register");
  const t = await getT();
  prefetch(trpc.letters.options.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title={t("letters.incoming.register")} description={t("letters.incoming.description")} />
      <RegisterLetterForm />
    </HydrateClient>
  );
}
