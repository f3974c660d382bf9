"use client";

import Link from "next/link";
import { useT } from "@/components/i18n";
import type { DuplicateHint } from "../contacts.schemas";

/**
 * "Podobny kontakt już istnieje: …" with a link to each look-alike (or a button choosing it, in
 * the picker) and the conscious "Zapisz mimo to".
 */
export function DuplicateWarning({
  duplicates,
  onSaveAnyway,
  onChoose,
  saving,
}: {
  duplicates: DuplicateHint[];
  onSaveAnyway: () => void;
  /** In the picker: take the existing contact instead of creating a new one. */
  onChoose?: (id: string) => void;
  saving?: boolean;
}) {
  const t = useT();
  if (duplicates.length === 0) return null;
  return (
    <div role="alert" className="rounded-md border border-amber-400 bg-amber-50 px-3 py-3 text-sm text-amber-950">
      <p className="font-semibold">{t("contacts.duplicates.title")}</p>
      <ul className="mt-2 space-y-2">
        {duplicates.map((d) => (
          <li key={d.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <Link href={`/kontakty/${d.id}`} className="link font-medium" target={onChoose ? "_blank" : undefined}>
              {d.name}
            </Link>
            {d.address && <span>{d.address}</span>}
            <span className="text-amber-900">({d.reasons.map((r) => t(`contacts.duplicates.reasons.${r}`)).join(", ")})</span>
            {onChoose && (
              <button type="button" className="btn-secondary" onClick={() => onChoose(d.id)}>
                {t("contacts.quick.useExisting")}
              </button>
            )}
          </li>
        ))}
      </ul>
      <p className="mt-2">{t("contacts.duplicates.intro")}</p>
      <button type="button" className="btn-secondary mt-2" onClick={onSaveAnyway} disabled={saving}>
        {t("contacts.duplicates.saveAnyway")}
      </button>
    </div>
  );
}
