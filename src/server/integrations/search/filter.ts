/** Compiles the engine-neutral Filter to PostgreSQL (parameterised) and to Meilisearch syntax. */
import type { Filter, FilterField } from "./types";

const COLUMN: Record<FilterField, string> = {
  type: `"type"`,
  kind: `"kind"`,
  status: `"status"`,
  departmentId: `"departmentId"`,
  year: `"year"`,
  confidential: `"confidential"`,
  accessDepartmentIds: `"accessDepartmentIds"`,
  accessUserIds: `"accessUserIds"`,
};

/** SQL text with $n placeholders starting after `params.length`; values are pushed to `params`. */
export function filterToSql(filter: Filter, params: unknown[]): string {
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  switch (filter.op) {
    case "and":
      return filter.of.length ? `(${filter.of.map((f) => filterToSql(f, params)).join(" AND ")})` : "TRUE";
    case "or":
      return filter.of.length ? `(${filter.of.map((f) => filterToSql(f, params)).join(" OR ")})` : "FALSE";
    case "none":
      return "FALSE";
    case "eq":
      if (typeof filter.value === "boolean") return `${COLUMN[filter.field]} = ${filter.value ? "TRUE" : "FALSE"}`;
      if (typeof filter.value === "number") return `${COLUMN[filter.field]} = ${bind(filter.value)}::int`;
      return `${COLUMN[filter.field]} = ${bind(filter.value)}`;
    case "in": {
      if (!filter.values.length) return "FALSE";
      const numeric = filter.values.every((v) => typeof v === "number");
      return `${COLUMN[filter.field]} = ANY(${bind(numeric ? filter.values : filter.values.map(String))}::${numeric ? "int" : "text"}[])`;
    }
    case "overlap":
      return filter.values.length ? `${COLUMN[filter.field]} && ${bind(filter.values)}::text[]` : "FALSE";
  }
}

/**
 * The filter as tsquery text over lexemes `lexeme(field, value)` that each record carries for its
 * values (the embedded engine's "tsk"; confidential: only `true`). Null means "everything".
 */
export function filterToTsquery(filter: Filter, lexeme: (field: FilterField, value: string) => string): string | null {
  const quote = (field: FilterField, value: string | number | boolean) => `'${lexeme(field, String(value)).replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
  const never = `'${lexeme("type", "").replace(/'/g, "''")}'`; // no record has an empty type
  switch (filter.op) {
    case "and": {
      const parts = filter.of.map((f) => filterToTsquery(f, lexeme)).filter((p): p is string => p !== null);
      return parts.length ? `(${parts.join(" & ")})` : null;
    }
    case "or": {
      if (!filter.of.length) return never;
      const parts = filter.of.map((f) => filterToTsquery(f, lexeme));
      return parts.some((p) => p === null) ? null : `(${parts.join(" | ")})`;
    }
    case "none":
      return never;
    case "eq":
      if (typeof filter.value === "boolean") return filter.value ? quote(filter.field, true) : `!${quote(filter.field, true)}`;
      return quote(filter.field, filter.value);
    case "in":
    case "overlap":
      return filter.values.length ? `(${filter.values.map((v) => quote(filter.field, v)).join(" | ")})` : never;
  }
}

/** A Meilisearch string literal: double quotes, with " and \ escaped. */
export function meiliString(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

function meiliValue(value: string | number | boolean): string {
  return typeof value === "string" ? meiliString(value) : String(value);
}

/** Never matches (Meilisearch has no FALSE literal): the type of no record. */
const MEILI_FALSE = `type = "__none__"`;

/**
 * Meilisearch filter expression (https://www.meilisearch.com/docs/learn/filtering_and_sorting/filter_expression_reference):
 * `=`, `IN [..]` (on an array attribute it matches when any element is in the list), AND / OR
 * with parentheses. Returns null for "everything".
 */
export function filterToMeili(filter: Filter): string | null {
  switch (filter.op) {
    case "and": {
      const parts = filter.of.map(filterToMeili).filter((p): p is string => p !== null);
      return parts.length ? `(${parts.join(" AND ")})` : null;
    }
    case "or": {
      if (!filter.of.length) return MEILI_FALSE;
      const parts = filter.of.map(filterToMeili);
      if (parts.some((p) => p === null)) return null;
      return `(${parts.join(" OR ")})`;
    }
    case "none":
      return MEILI_FALSE;
    case "eq":
      return `${filter.field} = ${meiliValue(filter.value)}`;
    case "in":
    case "overlap":
      return filter.values.length ? `${filter.field} IN [${filter.values.map(meiliValue).join(", ")}]` : MEILI_FALSE;
  }
}
