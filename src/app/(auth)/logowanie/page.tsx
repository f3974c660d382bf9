import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getActor } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { getT } from "@/server/i18n";
import { SignInForm } from "./sign-in-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Logowanie" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await getActor()) redirect("/pulpit");
  const t = await getT();
  const params = await searchParams;
  const office = await (await getDb()).office.findUnique({ where: { id: 1 }, select: { name: true } });
  const callbackUrl = typeof params.callbackUrl === "string" && params.callbackUrl.startsWith("/") && !params.callbackUrl.startsWith("//") ? params.callbackUrl : "/pulpit";
  const notice = params.wylogowano ? t("auth.signedOut") : params.wygasla ? t("auth.expired") : null;
  return (
    <main id="tresc" className="flex min-h-dvh items-center justify-center bg-slate-100 px-3 py-8">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-3xl font-semibold text-brand-900">{t("app.name")}</p>
          <p className="text-sm text-slate-700">{office?.name ?? t("app.tagline")}</p>
        </div>
        <div className="card">
          <h1 className="mb-1 text-xl font-semibold">{t("auth.title")}</h1>
          <p className="mb-4 text-sm text-slate-700">{t("auth.intro")}</p>
          {notice && (
            <p role="status" className="mb-4 rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-900">
              {notice}
            </p>
          )}
          <SignInForm callbackUrl={callbackUrl} />
          <p className="mt-4 text-sm">
            <Link href="/logowanie/przypomnij-haslo" className="link">
              {t("passwordReset.forgotLink")}
            </Link>
          </p>
        </div>
      </div>
    </main>
  );
}
