/**
 * The pages the BIP builds from the system's own data (BipMenuItem.kind = SPECIAL). Server
 * components; each takes what it shows as props (the page loads it through the public service).
 */
import type { Locale, Translate } from "@/lib/i18n/translator";
import { bipArticleHref } from "../../bip.schemas";
import type { BipArticleSummary, BipDepartmentNode, BipOfficeDto, BipSettingsDto, Page } from "../../bip.public.service";
import { ArticleList } from "./article-list";
import { espFormHref } from "./procedure-card";

export function TextParagraphs({ text }: { text: string }) {
  return (
    <div className="mt-4 max-w-prose space-y-3 leading-relaxed">
      {text.split("\n").map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </div>
  );
}

function DepartmentList({ nodes, t }: { nodes: BipDepartmentNode[]; t: Translate }) {
  return (
    <ul className="mt-2 space-y-3">
      {nodes.map((d) => (
        <li key={d.symbol} className="rounded-lg border border-slate-200 p-3">
          <h3 className="font-semibold">
            {d.name} <span className="font-normal text-slate-700">({d.symbol})</span>
          </h3>
          <dl className="mt-1 grid gap-x-3 text-sm sm:grid-cols-[auto_1fr]">
            <dt className="font-medium">{t("bip.special.head")}</dt>
            <dd>{d.head ? `${d.head.name}${d.head.position ? `, ${d.head.position}` : ""}` : t("bip.special.noHead")}</dd>
            {d.location && (
              <>
                <dt className="font-medium">{t("bip.special.location")}</dt>
                <dd>
                  {d.location.name}, {d.location.address}
                </dd>
              </>
            )}
            {(d.email || d.phone) && (
              <>
                <dt className="font-medium">{t("bip.special.contact")}</dt>
                <dd>
                  {d.phone && <>tel. {d.phone} </>}
                  {d.email && (
                    <a className="link" href={`mailto:${d.email}`}>
                      {d.email}
                    </a>
                  )}
                </dd>
              </>
            )}
          </dl>
          {d.children.length > 0 && <DepartmentList nodes={d.children} t={t} />}
        </li>
      ))}
    </ul>
  );
}

export function StructurePage({ departments, t }: { departments: BipDepartmentNode[]; t: Translate }) {
  return (
    <>
      <p className="mt-2 text-slate-800">{t("bip.special.structureIntro")}</p>
      <DepartmentList nodes={departments} t={t} />
    </>
  );
}

export function EditorsPage({ settings, office, t }: { settings: BipSettingsDto; office: BipOfficeDto | null; t: Translate }) {
  return (
    <>
      <p className="mt-2">{t("bip.special.editorsIntro")}</p>
      <dl className="mt-3 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
        <dt className="font-medium">{t("bip.special.editorsPublisher")}</dt>
        <dd>{settings.publisher || office?.name}</dd>
        {office && (
          <>
            <dt className="font-medium">{t("bip.special.editorsAddress")}</dt>
            <dd>
              {office.street}, {office.postalCode} {office.city}
            </dd>
          </>
        )}
        <dt className="font-medium">{t("bip.special.editorsName")}</dt>
        <dd>{settings.editorName || "—"}</dd>
        <dt className="font-medium">{t("bip.special.editorsPhone")}</dt>
        <dd>{settings.editorPhone || "—"}</dd>
        <dt className="font-medium">{t("bip.special.editorsEmail")}</dt>
        <dd>
          {settings.editorEmail ? (
            <a className="link" href={`mailto:${settings.editorEmail}`}>
              {settings.editorEmail}
            </a>
          ) : (
            "—"
          )}
        </dd>
      </dl>
    </>
  );
}

/** The accessibility statement in the structure (and with the element ids) of the Ministry's template. */
export function AccessibilityPage({ settings, siteUrl, t }: { settings: BipSettingsDto; siteUrl: string; t: Translate }) {
  const a = settings.accessibility;
  const dash = t("bip.a11y.notFilled");
  return (
    <div className="max-w-prose leading-relaxed">
      <p id="a11y-wstep" className="mt-2">
        {t("bip.a11y.intro", { publisher: "\u0000" })
          .split("\u0000")
          .flatMap((part, i) => (i === 0 ? [part] : [<span key="p" id="a11y-podmiot">{settings.publisher}</span>, part]))}{" "}
        <a id="a11y-url" className="link" href={siteUrl}>
          {siteUrl}
        </a>
        .
      </p>
      <ul className="mt-3 list-disc pl-6">
        <li>
          {t("bip.a11y.publishedOn")} <span id="a11y-data-publikacja">{a.publishedOn || dash}</span>
        </li>
        <li>
          {t("bip.a11y.updatedOn")} <span id="a11y-data-aktualizacja">{a.updatedOn || dash}</span>
        </li>
      </ul>
      <h2 className="mt-6 text-xl font-semibold">{t("bip.a11y.statusTitle")}</h2>
      <p id="a11y-status" className="mt-2">
        {t(`bip.a11y.status_${a.status}`)}
      </p>
      {a.nonCompliance && (
        <>
          <h3 className="mt-4 font-semibold">{t("bip.a11y.nonCompliance")}</h3>
          <ul className="mt-1 list-disc pl-6">
            {a.nonCompliance.split("\n").filter(Boolean).map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </>
      )}
      <h2 id="a11y-przygotowanie" className="mt-6 text-xl font-semibold">
        {t("bip.a11y.preparationTitle")}
      </h2>
      <p className="mt-2">
        {t("bip.a11y.preparedOn")} <span id="a11y-data-sporzadzenie">{a.preparedOn || dash}</span>
      </p>
      <p>
        {t("bip.a11y.reviewedOn")} <span id="a11y-data-przeglad">{a.updatedOn || a.preparedOn || dash}</span>
      </p>
      <p>
        {t("bip.a11y.assessment")} <span id="a11y-ocena">{a.assessment || dash}</span>
      </p>
      {a.other && (
        <>
          <h3 className="mt-4 font-semibold">{t("bip.a11y.shortcuts")}</h3>
          <p className="mt-1">{a.other}</p>
        </>
      )}
      <h2 id="a11y-kontakt" className="mt-6 text-xl font-semibold">
        {t("bip.a11y.contactTitle")}
      </h2>
      <p className="mt-2">
        {t("bip.a11y.contact", { person: "\u0001", email: "\u0002", phone: "\u0003" })
          .split(/([\u0001-\u0003])/)
          .map((part, i) =>
            part === "\u0001" ? (
              <span key={i} id="a11y-kontakt-osoba">{a.contactPerson || dash}</span>
            ) : part === "\u0002" ? (
              <a key={i} id="a11y-kontakt-email" className="link" href={a.contactEmail ? `mailto:${a.contactEmail}` : undefined}>
                {a.contactEmail || dash}
              </a>
            ) : part === "\u0003" ? (
              <span key={i} id="a11y-kontakt-telefon">{a.contactPhone || dash}</span>
            ) : (
              part
            ),
          )}
      </p>
      <h3 id="a11y-procedura" className="mt-4 font-semibold">
        {t("bip.a11y.procedureTitle")}
      </h3>
      <p className="mt-1">{t("bip.a11y.procedure")}</p>
      <p className="mt-1">
        <a className="link" href="https://bip.brpo.gov.pl/">
          {t("bip.a11y.rpo")}
        </a>
      </p>
      <h2 id="a11y-architektura" className="mt-6 text-xl font-semibold">
        {t("bip.a11y.architectureTitle")}
      </h2>
      {(a.architecture || dash).split("\n").map((p, i) => (
        <p key={i} className="mt-2">
          {p}
        </p>
      ))}
      <p className="mt-2">{t("bip.a11y.signLanguage")}</p>
    </div>
  );
}

export function ProceduresPage({ cards, t, locale, pageHref }: { cards: Page<BipArticleSummary>; t: Translate; locale: Locale; pageHref: (n: number) => string }) {
  return (
    <>
      <p className="mt-2 max-w-prose text-slate-800">{t("bip.procedure.intro")}</p>
      <h2 className="mt-6 text-lg font-semibold">{t("bip.procedure.cards")}</h2>
      {cards.items.length === 0 ? (
        <ArticleList page={cards} t={t} locale={locale} pageHref={pageHref} />
      ) : (
        <ul className="mt-2 divide-y divide-slate-200 border-y border-slate-200">
          {cards.items.map((c) => (
            <li key={c.seq} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
              <div>
                <h3 className="font-semibold">
                  <a className="link" href={bipArticleHref(c.seq)}>
                    {c.title}
                  </a>
                </h3>
                {c.summary && <p className="text-sm text-slate-800">{c.summary}</p>}
              </div>
              {c.espFormCode && (
                <a className="btn-primary shrink-0" href={espFormHref(c.espFormCode)} aria-label={t("bip.procedure.applyFor", { title: c.title })}>
                  {t("bip.procedure.apply")}
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="mt-4">
        <a className="link" href={espFormHref("pismo-ogolne")}>
          {t("bip.procedure.generalLetter")}
        </a>
      </p>
    </>
  );
}

export interface PublishedCertificate {
  file: string;
  label: string;
  sha256: string | null;
}

export function SignaturesPage({ certificates, t }: { certificates: PublishedCertificate[]; t: Translate }) {
  return (
    <div className="max-w-prose leading-relaxed">
      <p className="mt-2">{t("bip.special.signaturesIntro")}</p>
      <ul className="mt-4 space-y-3">
        {certificates.map((c) => (
          <li key={c.file} className="rounded border border-slate-200 p-3 text-sm">
            <a className="link" href={c.file}>
              {c.label}
            </a>{" "}
            <span className="font-mono text-slate-700">({c.file})</span>
            {c.sha256 && (
              <p className="mt-1 break-all font-mono text-xs">
                {t("bip.special.fingerprint")}: {c.sha256}
              </p>
            )}
          </li>
        ))}
      </ul>
      <p className="mt-2 text-sm text-slate-700">{t("bip.special.pemToo")}</p>
      <h2 className="mt-6 text-xl font-semibold">{t("bip.special.howToVerify")}</h2>
      <p className="mt-2">{t("bip.special.verifyXml")}</p>
      <pre className="mt-1 whitespace-pre-wrap break-all rounded bg-slate-100 p-2 text-xs">
        xmlsec1 --verify --trusted-der ca-root.crt --untrusted-der ca-issuing.crt upp.xml
      </pre>
      <p className="mt-2">{t("bip.special.verifyPdf")}</p>
      <pre className="mt-1 whitespace-pre-wrap break-all rounded bg-slate-100 p-2 text-xs">pdfsig dokument.pdf</pre>
      <p className="mt-2">{t("bip.special.verifyP7s")}</p>
      <pre className="mt-1 whitespace-pre-wrap break-all rounded bg-slate-100 p-2 text-xs">
        {"openssl x509 -inform DER -in ca-root.crt -out ca-root.pem\nopenssl x509 -inform DER -in ca-issuing.crt -out ca-issuing.pem\ncat ca-root.pem ca-issuing.pem > lancuch.pem\nopenssl cms -verify -binary -inform DER -in plik.pdf.p7s -content plik.pdf -CAfile lancuch.pem -out /dev/null"}
      </pre>
      <p className="mt-3">{t("bip.special.verifyNote")}</p>
    </div>
  );
}
