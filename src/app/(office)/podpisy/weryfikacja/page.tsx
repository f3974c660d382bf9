import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { env } from "@/env";
import { VerifySignatureForm } from "@/modules/signatures/components/verify-signature-form";
import { requireActor } from "@/server/auth/session";
import { getT } from "@/server/i18n";

export const metadata: Metadata = { title: "Weryfikacja podpisu" };

/** Every signed-in staff member checks a file and its detached signature (.p7s) against the office CA. */
export default async function VerifySignaturePage() {
  await requireActor();
  const t = await getT();
  return (
    <>
      <PageHeader title={t("signatures.signing.verify.title")} description={t("signatures.signing.verify.description")} />
      <VerifySignatureForm maxUploadMb={env.MAX_UPLOAD_MB} />
    </>
  );
}
