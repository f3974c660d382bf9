import type { Translate } from "@/lib/i18n/translator";
import { diffParagraphs, diffStats, type DiffSegment } from "../../bip.diff";

/**
 * A word diff as paragraphs: <ins>/<del> with visible colours and, for screen readers (which do
 * not announce ins/del), hidden "[dodano: …]" / "[usunięto: …]" labels.
 */
export function DiffView({ segments, t }: { segments: DiffSegment[]; t: Translate }) {
  const { added, removed } = diffStats(segments);
  if (added === 0 && removed === 0) return <p className="text-sm text-slate-700">{t("bip.changes.noTextChanges")}</p>;
  return (
    <div>
      <p className="text-sm text-slate-700">{t("bip.changes.stats", { added, removed })}</p>
      <div className="mt-2 space-y-2 rounded border border-slate-200 bg-slate-50 p-3 text-sm leading-relaxed">
        {diffParagraphs(segments).map((para, i) => (
          <p key={i}>
            {para.map((s, j) =>
              s.kind === "same" ? (
                <span key={j}>{s.text}</span>
              ) : s.kind === "added" ? (
                <ins key={j} className="bg-green-100 text-green-900 underline decoration-2">
                  <span className="sr-only">{t("bip.changes.addedLabel")}</span>
                  {s.text}
                  <span className="sr-only">{t("bip.changes.labelEnd")}</span>
                </ins>
              ) : (
                <del key={j} className="bg-red-100 text-red-900 line-through">
                  <span className="sr-only">{t("bip.changes.removedLabel")}</span>
                  {s.text}
                  <span className="sr-only">{t("bip.changes.labelEnd")}</span>
                </del>
              ),
            )}
          </p>
        ))}
      </div>
    </div>
  );
}
