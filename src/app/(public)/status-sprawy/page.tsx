import type { Metadata } from "next";
import { EspShell } from "@/modules/esp/components/esp-shell";
import { StatusForm } from "@/modules/esp/components/status-form";
import { getT } from "@/server/i18n";
import { checkStatusAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("esp.statusPage.title"), description: t("esp.statusPage.intro"), alternates: { canonical: "/status-sprawy" } };
}

/** Public: the number from the receipt (also from the UPP's QR code, ?numer=…) and the access code. */
export default async function CaseStatusPage({ searchParams }: { searchParams: Promise<{ numer?: string }> }) {
  const t = await getT();
  const { numer } = await searchParams;
  return (
    <EspShell showAccount={false}>
      <div className="mx-auto max-w-xl">
        <h1 className="text-2xl font-semibold">{t("esp.statusPage.title")}</h1>
        <p className="mt-2 text-slate-700">{t("esp.statusPage.intro")}</p>
        <StatusForm action={checkStatusAction} initialNumber={typeof numer === "string" ? numer.slice(0, 80) : ""} />
      </div>
    </EspShell>
  );
}
