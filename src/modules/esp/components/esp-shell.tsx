/** The frame of the ESP and status pages: office name, navigation, sign-out, main landmark. Server component, no client JS. */
import Link from "next/link";
import { getDb } from "@/server/db";
import { getT } from "@/server/i18n";
import { getEspAccount } from "../esp.session";

export async function EspShell({ children, showAccount = true }: { children: React.ReactNode; showAccount?: boolean }) {
  const t = await getT();
  const [office, account] = await Promise.all([(await getDb()).office.findUnique({ where: { id: 1 }, select: { name: true } }), showAccount ? getEspAccount() : null]);
  return (
    <div className="min-h-dvh bg-white">
      <a href="#tresc" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900">
        {t("esp.skipToContent")}
      </a>
      <header className="bg-brand-900 text-white">
        <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div>
            <Link href="/" className="text-sm text-white underline-offset-2 hover:underline">
              {office?.name ?? t("esp.home")}
            </Link>
            <p className="text-lg font-semibold">
              <Link href="/esp" className="hover:underline">
                {t("esp.title")}
              </Link>
            </p>
          </div>
          <nav aria-label={t("esp.title")} className="flex flex-wrap items-center gap-3 text-sm">
            <Link href="/status-sprawy" className="text-white underline-offset-2 hover:underline">
              {t("esp.statusLink")}
            </Link>
            {account && (
              <>
                <Link href="/esp" className="text-white underline-offset-2 hover:underline">
                  {t("esp.myAccount")}
                </Link>
                <form method="post" action="/api/esp/wyloguj">
                  <button type="submit" className="btn border border-white/60 text-white hover:bg-brand-800">
                    {t("esp.signOut")}
                  </button>
                </form>
              </>
            )}
          </nav>
        </div>
      </header>
      <main id="tresc" className="mx-auto max-w-4xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
