import Link from "next/link";
import { describedByOf, FieldFrame } from "@/components/form/field-frame";
import type { Translate } from "@/lib/i18n/translator";
import { polishCollator } from "@/lib/polish";
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from "@/server/audit/audit.events";
import { labelOr } from "../audit.format";
import { AUDIT_PARAMS, NO_ACTOR, type AuditActor, type AuditFilters } from "../audit.schemas";
import { SelectOptions } from "@/components/form/select-options";

type Raw = Record<keyof AuditFilters, string>;

/** Days are typed the Polish way (dd.mm.rrrr) whatever the browser's language; "2026-03-05" is accepted too. */
const DAY_INPUT = { type: "text", inputMode: "numeric", autoComplete: "off", maxLength: 10 } as const;

const dayForInput = (raw: string) => {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  return iso ? `${iso[3]}.${iso[2]}.${iso[1]}` : raw;
};

/**
 * The filter form: a plain GET form, so filters live in the URL (shareable, back button works)
 * and it needs no JavaScript. Invalid values come back with their message.
 */
export function AuditFilters({ t, raw, errors, actors }: { t: Translate; raw: Raw; errors: Partial<Raw>; actors: AuditActor[] }) {
  const actions = AUDIT_ACTIONS.map((a) => ({ value: a, label: labelOr(t, "audit.actions", a) })).sort((x, y) => polishCollator.compare(x.label, y.label));
  const types = AUDIT_ENTITY_TYPES.map((e) => ({ value: e, label: labelOr(t, "audit.entityTypes", e) })).sort((x, y) => polishCollator.compare(x.label, y.label));
  const active = Object.values(raw).some((v) => v !== "");
  const hintOf = (key: keyof AuditFilters) => (key === "from" || key === "to" ? t("audit.dateHint") : key === "ip" ? t("audit.ipHint") : undefined);
  const control = (key: keyof AuditFilters) => {
    const id = `audit-filter-${key}`;
    return { id, name: AUDIT_PARAMS[key], "aria-invalid": errors[key] ? true : undefined, "aria-describedby": describedByOf(id, hintOf(key), errors[key]) };
  };
  const shell = (key: keyof AuditFilters, label: string, input: React.ReactNode) => (
    <FieldFrame id={`audit-filter-${key}`} label={label} hint={hintOf(key)} error={errors[key]}>
      {input}
    </FieldFrame>
  );

  return (
    <section className="card mb-6" aria-labelledby="audit-filters-title">
      <h2 id="audit-filters-title" className="mb-3 text-lg font-semibold">
        {t("audit.filtersTitle")}
      </h2>
      {/* The key remounts the form when the URL's filters change, so its uncontrolled fields follow. */}
      <form key={JSON.stringify(raw)} method="get" action="/admin/dziennik" role="search" aria-label={t("audit.filtersLabel")} data-testid="audit-filters">
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {shell(
            "action",
            t("audit.action"),
            <select {...control("action")} defaultValue={raw.action} className="input">
              <SelectOptions empty={t("common.all")} options={actions.map((a) => ({ value: a.value, label: a.label }))} />
            </select>,
          )}
          {shell(
            "actorId",
            t("audit.actor"),
            <select {...control("actorId")} defaultValue={raw.actorId} className="input">
              <option value="">{t("common.all")}</option>
              <option value={NO_ACTOR}>{t("audit.noActor")}</option>
              {actors.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.active ? a.name : t("audit.inactiveUser", { name: a.name })}
                </option>
              ))}
            </select>,
          )}
          {shell(
            "entityType",
            t("audit.entityType"),
            <select {...control("entityType")} defaultValue={raw.entityType} className="input">
              <SelectOptions empty={t("common.all")} options={types.map((e) => ({ value: e.value, label: e.label }))} />
            </select>,
          )}
          {shell("entityId", t("audit.entityId"), <input {...control("entityId")} defaultValue={raw.entityId} className="input" autoComplete="off" spellCheck={false} />)}
          {shell("from", t("audit.from"), <input {...control("from")} {...DAY_INPUT} placeholder={t("audit.datePlaceholder")} defaultValue={dayForInput(raw.from)} className="input" />)}
          {shell("to", t("audit.to"), <input {...control("to")} {...DAY_INPUT} placeholder={t("audit.datePlaceholder")} defaultValue={dayForInput(raw.to)} className="input" />)}
          {shell("ip", t("audit.ip"), <input {...control("ip")} defaultValue={raw.ip} className="input" autoComplete="off" spellCheck={false} />)}
          <div className="flex flex-wrap items-end gap-2">
            <button type="submit" className="btn-primary">
              {t("audit.apply")}
            </button>
            {active && (
              <Link href="/admin/dziennik" className="btn-secondary">
                {t("audit.clear")}
              </Link>
            )}
          </div>
        </div>
      </form>
    </section>
  );
}
