import { Badge, type BadgeTone } from "@/components/badge";
import type { Translate } from "@/lib/i18n/translator";
import { markupSegments } from "../search.markup";
import type { SearchHit } from "../search.schemas";

/** Highlight markup from the service rendered as text with <mark> elements (never as HTML). */
export function Highlighted({ markup, fallback }: { markup: string | null; fallback: string }) {
  if (!markup) return <>{fallback}</>;
  return (
    <>
      {markupSegments(markup).map((s, i) =>
        s.mark ? (
          <mark key={i} className="rounded-sm bg-amber-200 px-0.5 text-inherit">
            {s.text}
          </mark>
        ) : (
          s.text
        ),
      )}
    </>
  );
}

const TYPE_TONES: Record<SearchHit["type"], BadgeTone> = { letter: "brand", case: "amber", contact: "sky", bip: "green" };

export function HitTypeBadge({ type, t }: { type: SearchHit["type"]; t: Translate }) {
  return (
    <Badge tone={TYPE_TONES[type]} className="shrink-0">
      {t(`search.type.${type}`)}
    </Badge>
  );
}

/** The subtitle (RPW number or case mark, sender or parties) with its matches marked. */
export function HitSubtitle({ hit }: { hit: SearchHit }) {
  if (!hit.subtitle) return null;
  return (
    <p className="truncate text-xs text-slate-700">
      <Highlighted markup={hit.highlights.subtitle} fallback={hit.subtitle} />
    </p>
  );
}
