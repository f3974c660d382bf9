/** How a document is named and linked everywhere (lists, metryka, history). Client-safe. */
export type DocumentKindName = "INCOMING" | "OUTGOING" | "INTERNAL" | "NOTE";

/** The register number when it has one (RPW/12/2026), otherwise the stable system id ("ID 123"). */
export function documentLabel(doc: { seq: number; registerNo: string | null }): string {
  return doc.registerNo ?? `ID ${doc.seq}`;
}

export function documentHref(doc: { id: string; kind: DocumentKindName; caseId?: string | null }): string {
  switch (doc.kind) {
    case "INCOMING":
      return `/pisma/przychodzace/${doc.id}`;
    case "OUTGOING":
      return `/pisma/wychodzace/${doc.id}`;
    case "INTERNAL":
      return `/pisma/wewnetrzne/${doc.id}`;
    case "NOTE":
      return doc.caseId ? `/sprawy/${doc.caseId}#dokument-${doc.id}` : `/sprawy`;
  }
}
