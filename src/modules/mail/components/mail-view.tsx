/**
 * The mail screens without hooks (rendered on the server): filters, the list of messages and one
 * message with its headers, delivery state, HTML (in a sandboxed frame) and plain text.
 */
import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/badge";
import { GRID_ROW, GridCell, GridList, ResultsSection } from "@/components/data-table";
import { FieldFrame } from "@/components/form/field-frame";
import { EmptyState } from "@/components/page-header";
import { Pager } from "@/components/pagination";
import { formatDateTime, type Locale, type Translate } from "@/lib/i18n/translator";
import { EMAIL_TEMPLATE_NAMES } from "@emails/templates";
import { EMAIL_STATUSES, mailHref, type EmailDetail, type EmailListItem, type EmailPage, type EmailStatus, type MailFilters } from "../mail.schemas";
import { ResendEmailButton } from "./resend-button";
import { SelectOptions } from "@/components/form/select-options";

const STATUS_TONE: Record<EmailStatus, BadgeTone> = { QUEUED: "sky", SENT: "green", LOCAL: "slate", FAILED: "red" };

export function EmailStatusBadge({ t, status }: { t: Translate; status: EmailStatus }) {
  return (
    <Badge tone={STATUS_TONE[status]} className="first-letter:uppercase">
      {t(`mail.status.${status}`)}
    </Badge>
  );
}

function templateLabel(t: Translate, template: string): string {
  return (EMAIL_TEMPLATE_NAMES as readonly string[]).includes(template) ? t(`mail.template.${template as (typeof EMAIL_TEMPLATE_NAMES)[number]}`) : template;
}

function recipient(m: Pick<EmailListItem, "toAddress" | "toName">): string {
  return m.toName ? `${m.toName} <${m.toAddress}>` : m.toAddress;
}

export function MailFiltersForm({ t, filters }: { t: Translate; filters: MailFilters }) {
  const active = Boolean(filters.status || filters.template || filters.to);
  return (
    <section className="card mb-6" aria-labelledby="mail-filters-title">
      <h2 id="mail-filters-title" className="mb-3 text-lg font-semibold">
        {t("mail.admin.filtersTitle")}
      </h2>
      <form key={`${filters.status}|${filters.template}|${filters.to}`} method="get" action="/admin/poczta" role="search" aria-label={t("mail.admin.filtersLabel")} data-testid="mail-filters">
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <FieldFrame id="mail-filter-to" label={t("mail.admin.toFilter")} hint={t("mail.admin.toFilterHint")}>
            <input id="mail-filter-to" name="to" type="search" defaultValue={filters.to ?? ""} maxLength={200} className="input" aria-describedby="mail-filter-to-hint" />
          </FieldFrame>
          <FieldFrame id="mail-filter-status" label={t("mail.admin.statusFilter")}>
            <select id="mail-filter-status" name="status" defaultValue={filters.status ?? ""} className="input">
              <SelectOptions empty={t("common.all")} options={EMAIL_STATUSES.map((s) => ({ value: s, label: t(`mail.status.${s}`) }))} />
            </select>
          </FieldFrame>
          <FieldFrame id="mail-filter-template" label={t("mail.admin.templateFilter")}>
            <select id="mail-filter-template" name="template" defaultValue={filters.template ?? ""} className="input">
              <SelectOptions empty={t("common.all")} options={EMAIL_TEMPLATE_NAMES.map((name) => ({ value: name, label: t(`mail.template.${name}`) }))} />
            </select>
          </FieldFrame>
          <div className="flex flex-wrap items-end gap-2">
            <button type="submit" className="btn-primary">
              {t("mail.admin.apply")}
            </button>
            {active && (
              <Link href="/admin/poczta" className="btn-secondary">
                {t("mail.admin.clear")}
              </Link>
            )}
          </div>
        </div>
      </form>
    </section>
  );
}

const ADMIN_GRID = "lg:grid lg:grid-cols-[9rem_minmax(0,1.2fr)_minmax(0,1.6fr)_8rem_9rem_4rem] lg:items-start lg:gap-x-3";
const MINE_GRID = "lg:grid lg:grid-cols-[9rem_minmax(0,2fr)_8rem_10rem] lg:items-start lg:gap-x-3";

/** The list of messages: every column for the administrator, date, subject, type and status for "Moja poczta". */
export function MailList({
  t,
  locale,
  page,
  mode,
  hrefFor,
  detailHref,
  emptyText,
}: {
  t: Translate;
  locale: Locale;
  page: EmailPage;
  mode: "admin" | "mine";
  hrefFor: (page: number) => string;
  detailHref: (id: string) => string;
  emptyText: string;
}) {
  const count = page.total === 0 ? null : page.totalCapped ? t("mail.admin.foundCapped", { n: page.total }) : t("mail.admin.found", { n: page.total });
  const admin = mode === "admin";
  return (
    <ResultsSection id="mail-list-title" title={t("mail.admin.listTitle")} count={count} countTestId="mail-count">
      {page.items.length === 0 ? (
        <div data-testid="mail-empty">
          <EmptyState title={admin ? t("mail.admin.emptyTitle") : t("mail.mine.emptyTitle")} text={emptyText} />
        </div>
      ) : (
        <GridList
          grid={admin ? ADMIN_GRID : MINE_GRID}
          headers={
            admin
              ? [t("mail.field.createdAt"), t("mail.field.to"), t("mail.field.subject"), t("mail.field.template"), t("mail.field.status"), t("mail.field.attempts")]
              : [t("mail.field.createdAt"), t("mail.field.subject"), t("mail.field.template"), t("mail.field.status")]
          }
          testId="mail-list"
        >
          {page.items.map((m) => (
            <li key={m.id} className={GRID_ROW} data-testid="mail-row" data-status={m.status}>
              <dl className={`grid grid-cols-2 gap-2 ${admin ? ADMIN_GRID : MINE_GRID}`}>
                <GridCell label={t("mail.field.createdAt")} valueClassName="tabular-nums">
                  {formatDateTime(m.createdAt, locale)}
                </GridCell>
                {admin && (
                  <GridCell label={t("mail.field.to")} className="col-span-2 min-w-0 lg:col-span-1" valueClassName="break-words">
                    {recipient(m)}
                  </GridCell>
                )}
                <GridCell label={t("mail.field.subject")} className="col-span-2 min-w-0 lg:col-span-1" valueClassName="break-words">
                  <Link href={detailHref(m.id)} className="link font-medium" data-testid="mail-open">
                    {m.subject}
                  </Link>
                </GridCell>
                <GridCell label={t("mail.field.template")}>{templateLabel(t, m.template)}</GridCell>
                <GridCell label={t("mail.field.status")}>
                  <EmailStatusBadge t={t} status={m.status} />
                </GridCell>
                {admin && (
                  <GridCell label={t("mail.field.attempts")} valueClassName="tabular-nums">
                    {m.attempts}
                  </GridCell>
                )}
                {admin && m.lastError && (
                  <GridCell label={t("mail.field.lastError")} className="col-span-2 min-w-0 lg:col-span-6" labelClassName="text-xs font-medium text-slate-700">
                    <code className="text-xs break-all text-red-900">{m.lastError.length > 160 ? `${m.lastError.slice(0, 160)}…` : m.lastError}</code>
                  </GridCell>
                )}
              </dl>
            </li>
          ))}
        </GridList>
      )}
      <Pager page={page.page} pageCount={page.pages} hrefFor={hrefFor} label={t("mail.admin.pagination")} t={t} />
    </ResultsSection>
  );
}

export function adminMailHrefFor(filters: MailFilters): (page: number) => string {
  return (page) => mailHref(filters, page);
}

function Row({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div className="grid gap-1 border-b border-slate-200 py-2 last:border-b-0 sm:grid-cols-[12rem_minmax(0,1fr)] sm:gap-3">
      <dt className="text-sm font-medium text-slate-700">{label}</dt>
      <dd className="min-w-0 text-sm break-words text-slate-900" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/**
 * One message. The administrator sees the delivery facts (channel, attempts, last error, the
 * sending job) and "Wyślij ponownie" for a failed one; the addressee sees a note on what the copy is.
 */
export function MailDetail({ t, locale, email, mode, from }: { t: Translate; locale: Locale; email: EmailDetail; mode: "admin" | "mine"; from?: string }) {
  const when = (d: Date | null) => (d ? formatDateTime(d, locale) : "—");
  const admin = mode === "admin";
  const transport = email.transport === "resend" || email.transport === "smtp" || email.transport === "local" ? t(`mail.transportName.${email.transport}`) : (email.transport ?? "—");
  return (
    <div className="space-y-6">
      {!admin && (
        <p className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900" data-testid="mail-note">
          {t(`mail.mine.note.${email.status}`, { to: email.toAddress })}
        </p>
      )}
      <section className="card" aria-labelledby="mail-headers-title">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 id="mail-headers-title" className="text-lg font-semibold">
            {t("mail.detail.headers")}
          </h2>
          {admin && <ResendEmailButton id={email.id} canResend={email.canResend} />}
        </div>
        <dl data-testid="mail-headers">
          {from && <Row label={t("mail.field.from")}>{from}</Row>}
          <Row label={t("mail.field.to")} testId="mail-to">
            {recipient(email)}
          </Row>
          <Row label={t("mail.field.subject")}>{email.subject}</Row>
          <Row label={t("mail.field.createdAt")}>{when(email.createdAt)}</Row>
          <Row label={t("mail.field.template")}>{templateLabel(t, email.template)}</Row>
          <Row label={t("mail.field.status")} testId="mail-status">
            <EmailStatusBadge t={t} status={email.status} />
          </Row>
          <Row label={email.status === "LOCAL" ? t("mail.field.storedAt") : t("mail.field.sentAt")}>{when(email.sentAt)}</Row>
          {admin && (
            <>
              <Row label={t("mail.field.attempts")}>{email.attempts}</Row>
              <Row label={t("mail.field.transport")}>{transport}</Row>
              {email.providerId && (
                <Row label={t("mail.field.providerId")}>
                  <code className="text-xs break-all">{email.providerId}</code>
                </Row>
              )}
              {email.delivery && (
                <Row label={t("mail.field.job")}>
                  {t(`mail.jobStatus.${email.delivery.jobStatus}`, { attempts: email.delivery.jobAttempts, max: email.delivery.maxAttempts })}
                  {email.delivery.nextAttemptAt && (
                    <>
                      {" · "}
                      {t("mail.field.nextAttempt")}: <span className="tabular-nums">{when(email.delivery.nextAttemptAt)}</span>
                    </>
                  )}
                </Row>
              )}
              {email.lastError && (
                <Row label={t("mail.field.lastError")}>
                  <code className="text-xs break-all whitespace-pre-wrap text-red-900">{email.lastError}</code>
                </Row>
              )}
            </>
          )}
        </dl>
      </section>
      <section className="card" aria-labelledby="mail-html-title">
        <h2 id="mail-html-title" className="mb-3 text-lg font-semibold">
          {t("mail.detail.html")}
        </h2>
        {/* sandbox="" : no scripts, no forms, no navigation, a unique origin — the message is only displayed. */}
        <iframe
          sandbox=""
          srcDoc={email.html}
          title={t("mail.detail.htmlFrame", { subject: email.subject })}
          className="h-[44rem] w-full resize-y rounded border border-slate-300 bg-white"
          data-testid="mail-html"
        />
      </section>
      <section className="card" aria-labelledby="mail-text-title">
        <h2 id="mail-text-title" className="mb-3 text-lg font-semibold">
          {t("mail.detail.text")}
        </h2>
        <pre className="max-h-[36rem] overflow-auto rounded bg-slate-50 p-3 font-mono text-sm break-words whitespace-pre-wrap text-slate-900" tabIndex={0} data-testid="mail-text">
          {email.text}
        </pre>
      </section>
    </div>
  );
}
