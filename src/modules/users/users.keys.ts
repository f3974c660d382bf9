import { foldText, polishSortKey } from "@/lib/polish";

/** Denormalised columns that let the database sort by surname in Polish order and search without diacritics. */
export function userKeys(u: { firstName: string; lastName: string; email: string }): { sortKey: string; searchText: string } {
  return {
    sortKey: `${polishSortKey(u.lastName)} ${polishSortKey(u.firstName)}`,
    searchText: foldText(`${u.firstName} ${u.lastName} ${u.lastName} ${u.firstName} ${u.email}`),
  };
}
