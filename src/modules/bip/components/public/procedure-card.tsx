import type { Translate } from "@/lib/i18n/translator";
import type { ProcedureCard } from "../../bip.schemas";

/** ESP form address of a procedure card. */
export const espFormHref = (code: string) => `/esp/formularz/${encodeURIComponent(code)}`;

/** "Jak załatwić sprawę": the card's sections; empty ones are left out. */
export function ProcedureCardView({ card, espFormCode, title, t }: { card: ProcedureCard | null; espFormCode: string | null; title: string; t: Translate }) {
  const rows: [string, React.ReactNode][] = [];
  if (card) {
    if (card.documents.length > 0)
      rows.push([
        t("bip.procedure.documents"),
        <ul key="d" className="list-disc pl-5">
          {card.documents.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>,
      ]);
    for (const [key, value] of [
      ["fees", card.fees],
      ["deadline", card.deadline],
      ["where", card.where],
      ["who", card.who],
      ["appeal", card.appeal],
      ["legalBasis", card.legalBasis],
    ] as const) {
      if (value) rows.push([t(`bip.procedure.${key}`), <p key={key} className="whitespace-pre-line">{value}</p>]);
    }
  }
  if (rows.length === 0 && !espFormCode) return null;
  return (
    <section aria-labelledby="karta-uslugi" className="mt-6 rounded-lg border border-slate-300 p-4">
      <h2 id="karta-uslugi" className="text-lg font-semibold">
        {t("bip.procedure.title")}
      </h2>
      {rows.length > 0 && (
        <dl className="mt-2 space-y-3">
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt className="font-medium">{label}</dt>
              <dd className="mt-0.5 text-slate-800">{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {espFormCode && (
        <p className="mt-4 print:hidden">
          <a href={espFormHref(espFormCode)} className="btn-primary" aria-label={t("bip.procedure.applyFor", { title })}>
            {t("bip.procedure.apply")}
          </a>
        </p>
      )}
    </section>
  );
}
