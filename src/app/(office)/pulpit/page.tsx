import type { Metadata } from "next";
import Link from "next/link";
import { formatDate } from "@/lib/i18n/translator";
import { can, type Role } from "@/lib/permissions";
import { getDashboard, type WorkCounts } from "@/modules/dashboard/dashboard.service";
import { getProfile } from "@/modules/profile/profile.service";
import { PageHeader } from "@/components/page-header";
import { LiveRefresh } from "@/modules/realtime/components/live-refresh";
import { requirePermission, getRequestMeta } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { getLocale, getT } from "@/server/i18n";

export const metadata: Metadata = { title: "Pulpit" };

export default async function DashboardPage() {
  const actor = await requirePermission("dashboard.view");
  const ctx = { db: await getDb(), actor, meta: await getRequestMeta() };
  const [t, locale, profile, dashboard] = await Promise.all([getT(), getLocale(), getProfile(ctx), getDashboard(ctx)]);
  const people = (list: { id: string; name: string; until: Date }[], empty: string) =>
    list.length === 0 ? (
      <p className="text-sm text-slate-700">{empty}</p>
    ) : (
      <ul className="space-y-1 text-sm">
        {list.map((p) => (
          <li key={p.id}>
            <span className="font-medium">{p.name}</span> <span className="text-slate-700">({t("dashboard.until", { date: formatDate(p.until, locale) })})</span>
          </li>
        ))}
      </ul>
    );

  return (
    <>
      <LiveRefresh topics={["documents", "cases"]} />
      <PageHeader title={t("dashboard.greeting", { name: actor.firstName })} description={t("dashboard.today", { date: formatDate(new Date(), locale) })} />
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        {dashboard.work && (
          <section className="card md:col-span-2 xl:col-span-3" aria-labelledby="pulpit-praca">
            <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="pulpit-praca" className="text-lg font-semibold">
                {t("dashboard.myWork")}
              </h2>
              <Link href="/do-mnie" className="link text-sm">
                {t("dashboard.openInbox")}
              </Link>
            </div>
            <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3" data-testid="work-counts">
              {workItems(dashboard.work, actor.roles).map((item) => (
                <li key={item.key}>
                  <Link href={item.href} className="flex items-center justify-between gap-3 rounded-md border border-slate-200 px-3 py-2 hover:bg-slate-50 focus-visible:outline-2">
                    <span className="text-sm">{t(`dashboard.${item.key}`)}</span>
                    <span className={`text-lg font-semibold tabular-nums ${item.alert && item.count > 0 ? "text-red-800" : ""}`}>{item.count}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        )}
        <section className="card" aria-labelledby="pulpit-dane">
          <h2 id="pulpit-dane" className="mb-3 text-lg font-semibold">
            {t("dashboard.myDetails")}
          </h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-700">{t("dashboard.department")}</dt>
            <dd>{profile.departmentName ? `${profile.departmentSymbol} — ${profile.departmentName}` : t("common.none")}</dd>
            <dt className="text-slate-700">{t("dashboard.position")}</dt>
            <dd>{profile.positionName ?? t("common.none")}</dd>
            <dt className="text-slate-700">{t("dashboard.location")}</dt>
            <dd>{profile.locationName ?? t("common.none")}</dd>
            <dt className="text-slate-700">{t("dashboard.supervisor")}</dt>
            <dd>{profile.supervisorName ?? t("common.none")}</dd>
            <dt className="text-slate-700">{t("dashboard.roles")}</dt>
            <dd>{profile.roles.map((r) => t(`roles.${r}` as never)).join(", ")}</dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="pulpit-zastepstwa">
          <h2 id="pulpit-zastepstwa" className="mb-3 text-lg font-semibold">
            {t("nav.substitutions")}
          </h2>
          {dashboard.substitutingFor.length === 0 && dashboard.substitutedBy.length === 0 ? (
            <p className="text-sm text-slate-700">{t("dashboard.noSubstitutions")}</p>
          ) : (
            <div className="space-y-3">
              {dashboard.substitutingFor.length > 0 && (
                <div>
                  <h3 className="text-sm font-semibold">{t("dashboard.substitutingFor")}</h3>
                  {people(dashboard.substitutingFor, "")}
                </div>
              )}
              {dashboard.substitutedBy.length > 0 && (
                <div>
                  <h3 className="text-sm font-semibold">{t("dashboard.substitutedBy")}</h3>
                  {people(dashboard.substitutedBy, "")}
                </div>
              )}
            </div>
          )}
        </section>
        <section className="card" aria-labelledby="pulpit-nieobecni">
          <h2 id="pulpit-nieobecni" className="mb-3 text-lg font-semibold">
            {t("dashboard.absentToday")}
          </h2>
          {people(dashboard.absentInDepartment, t("dashboard.nobodyAbsent"))}
        </section>
        {dashboard.system && (
          <section className="card" aria-labelledby="pulpit-system">
            <h2 id="pulpit-system" className="mb-3 text-lg font-semibold">
              {t("dashboard.systemStatus")}
            </h2>
            <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
              <dt>{t("dashboard.activeUsers")}</dt>
              <dd className="text-right font-semibold tabular-nums" data-testid="stat-active-users">{dashboard.system.activeUsers}</dd>
              <dt>{t("dashboard.lockedAccounts")}</dt>
              <dd className="text-right font-semibold tabular-nums">{dashboard.system.lockedAccounts}</dd>
              <dt>{t("dashboard.failedSignIns24h")}</dt>
              <dd className="text-right font-semibold tabular-nums">{dashboard.system.failedSignIns24h}</dd>
              <dt>{t("dashboard.pendingJobs")}</dt>
              <dd className="text-right font-semibold tabular-nums">{dashboard.system.pendingJobs}</dd>
              <dt>{t("dashboard.failedJobs")}</dt>
              <dd className="text-right font-semibold tabular-nums">{dashboard.system.deadJobs}</dd>
            </dl>
          </section>
        )}
      </div>
    </>
  );
}

type WorkKey = keyof WorkCounts;

/** The counts a person's roles make relevant, each linking to the list that shows them. */
function workItems(work: WorkCounts, roles: readonly Role[]): { key: WorkKey; count: number; href: string; alert?: boolean }[] {
  const items: { key: WorkKey; count: number; href: string; alert?: boolean; show: boolean }[] = [
    { key: "lettersToAccept", count: work.lettersToAccept, href: "/do-mnie", show: true },
    { key: "lettersToAssign", count: work.lettersToAssign, href: "/do-mnie", show: work.lettersToAssign > 0 || roles.includes("KIEROWNIK") },
    { key: "lettersInfo", count: work.lettersInfo, href: "/do-mnie", show: work.lettersInfo > 0 },
    { key: "draftsToApprove", count: work.draftsToApprove, href: "/pisma/wychodzace?widok=do-akceptacji", show: work.draftsToApprove > 0 || roles.includes("KIEROWNIK") || roles.includes("SEKRETARZ") },
    { key: "draftsRejected", count: work.draftsRejected, href: "/pisma/wychodzace?widok=robocze", alert: true, show: work.draftsRejected > 0 },
    { key: "lettersToDispatch", count: work.lettersToDispatch, href: "/pisma/wychodzace?widok=do-wysylki", show: can(roles, "letters.dispatch") },
    { key: "casesOpen", count: work.casesOpen, href: "/sprawy?widok=moje", show: true },
    { key: "casesOverdue", count: work.casesOverdue, href: "/sprawy?widok=po-terminie", alert: true, show: true },
    { key: "casesDueSoon", count: work.casesDueSoon, href: "/sprawy?widok=termin", show: true },
  ];
  return items.filter((i) => i.show);
}
