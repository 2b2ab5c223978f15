import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { BundleContent, ItemContent, ItemType, Limit, Material } from '../../modules/catalog/catalog.schemas.ts';

/** Public reading of the catalog: search, guides, bundles and the power list (GET /api/v1/catalog/…). */

export type { BundleContent, ItemContent, ItemType, Limit, Material };
export type LimitView = Limit;
export type Audience = 'person' | 'enterprise';
export type CaseKind = 'immediate' | 'committed';

/** A search hit: what the service list shows. */
export interface ItemSummary {
  code: string;
  name: string;
  type: ItemType;
  caseKind: CaseKind;
  audience: Audience[];
  themes: string[];
  version: number;
  organizationId: number;
  organizationName: string;
  regionName: string;
  legalLimit: LimitView;
  committedLimit: LimitView;
  visitsRequired: number;
  onlineDepth: number;
}

/** The current published version of an item: every element of its guide. */
export interface PublishedItem {
  code: string;
  itemId: number;
  versionId: number;
  version: number;
  publishedAt: string | null;
  organizationId: number;
  organizationName: string;
  regionId: number;
  regionName: string;
  regionCode: string;
  delegatedFrom: string | null;
  bundles: { code: string; name: string }[];
  content: ItemContent;
}

export interface Facets {
  themes: { theme: string; count: number }[];
  organizations: { id: number; name: string; count: number }[];
  types: { type: ItemType; count: number }[];
}

export interface BundleSummary {
  code: string;
  name: string;
  description: string;
  itemCount: number;
  committedLimit: LimitView;
  audience: Audience[];
  themes: string[];
  organizationName: string;
}

export interface BundleDetail {
  code: string;
  name: string;
  organizationName: string;
  publishedAt: string | null;
  content: BundleContent;
  items: {
    code: string;
    name: string;
    organizationName: string;
    caseKind: CaseKind;
    legalLimit: LimitView;
    committedLimit: LimitView;
    /** how many materials the item asks for alone */
    materials: number;
  }[];
  /** merged by key; `items` are the codes of the items that ask for it */
  materials: (Material & { items: string[] })[];
  materialsSaved: number;
  sumOfCommittedLimits: number;
}

export interface PowerRow {
  organizationName: string;
  type: ItemType;
  code: string;
  name: string;
  basis: string;
  legalLimit: LimitView;
}

export interface ServiceQuery {
  q?: string;
  theme?: string;
  audience?: Audience;
  org?: number;
  type?: ItemType;
  caseKind?: CaseKind;
  page: number;
  pageSize: number;
}

export const catalogKeys = {
  all: ['catalog'] as const,
  search: (q: ServiceQuery) => ['catalog', 'items', q] as const,
  item: (code: string) => ['catalog', 'item', code] as const,
  facets: ['catalog', 'facets'] as const,
  bundles: ['catalog', 'bundles'] as const,
  bundle: (code: string) => ['catalog', 'bundle', code] as const,
  powerList: ['catalog', 'power-list'] as const,
};

export function useServiceSearch(q: ServiceQuery) {
  return useQuery({
    queryKey: catalogKeys.search(q),
    queryFn: ({ signal }) => api.get<{ items: ItemSummary[]; total: number }>('/catalog/items', { ...q }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useFacets() {
  return useQuery({ queryKey: catalogKeys.facets, queryFn: () => api.get<Facets>('/catalog/facets'), staleTime: 5 * 60_000 });
}

/** An item's guide by its code; none is asked for without one (an address that names no item). */
export function usePublishedItem(code: string | undefined) {
  return useQuery({
    queryKey: catalogKeys.item(code ?? ''),
    queryFn: () => api.get<PublishedItem>(`/catalog/items/${encodeURIComponent(code!)}`),
    enabled: !!code,
  });
}

export function useBundles() {
  return useQuery({ queryKey: catalogKeys.bundles, queryFn: () => api.get<BundleSummary[]>('/catalog/bundles') });
}

export function useBundle(code: string | undefined) {
  return useQuery({
    queryKey: catalogKeys.bundle(code ?? ''),
    queryFn: () => api.get<BundleDetail>(`/catalog/bundles/${encodeURIComponent(code!)}`),
    enabled: !!code,
  });
}

export function usePowerList() {
  return useQuery({ queryKey: catalogKeys.powerList, queryFn: () => api.get<PowerRow[]>('/catalog/power-list') });
}

export const guidePdfUrl = (code: string) => `/api/v1/catalog/items/${encodeURIComponent(code)}/guide.pdf`;
export const powerListPdfUrl = '/api/v1/catalog/power-list.pdf';
