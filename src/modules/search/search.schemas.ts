import { z } from "zod";
import { SEARCH_TYPES } from "@/server/integrations/search/types";

export const ZSearchInput = z.object({
  q: z.string().max(200).default(""),
  types: z.array(z.enum(SEARCH_TYPES)).max(SEARCH_TYPES.length).optional(),
  departmentId: z.string().min(1).max(64).optional(),
  year: z.number().int().min(1900).max(2200).optional(),
  status: z.string().min(1).max(40).optional(),
  page: z.number().int().min(1).max(500).default(1),
  pageSize: z.number().int().min(1).max(50).default(20),
});
export type SearchInput = z.input<typeof ZSearchInput>;

export const ZPublicSearchInput = z.object({
  q: z.string().max(200).default(""),
  page: z.number().int().min(1).max(500).default(1),
});
export type PublicSearchInput = z.input<typeof ZPublicSearchInput>;

export interface SearchHit {
  type: (typeof SEARCH_TYPES)[number];
  id: string;
  title: string;
  subtitle: string;
  url: string;
  /** HTML-escaped text with <mark> around matches. */
  highlights: { title: string | null; subtitle: string | null; body: string[] };
  score: number;
}

export interface FacetValue {
  value: string;
  count: number;
  /** Department name for the department facet. */
  label?: string;
}

export interface SearchResult {
  hits: SearchHit[];
  facets: { type: FacetValue[]; department: FacetValue[]; year: FacetValue[]; status: FacetValue[] };
  total: number;
  tookMs: number;
}
