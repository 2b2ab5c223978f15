/**
 * The catalog's administration API (事项管理): items with their versions, review, delegation, bundles,
 * spreadsheet import. Content types come from the server's TypeBox schemas (type-only imports).
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type {
  BundleContent as BundleContentSchema,
  Fee as FeeSchema,
  Form as FormSchema,
  ItemContent as ItemContentSchema,
  Limit as LimitSchema,
  Material as MaterialSchema,
  ParallelNode as ParallelNodeSchema,
  ProcessNode as ProcessNodeSchema,
  StageNode as StageNodeSchema,
} from '../../modules/catalog/catalog.schemas.ts';
import { api } from './client.ts';
import type { Page } from './types.ts';

export type ItemContent = Static<typeof ItemContentSchema>;
export type BundleContent = Static<typeof BundleContentSchema>;
export type Material = Static<typeof MaterialSchema>;
export type Fee = Static<typeof FeeSchema>;
export type Limit = Static<typeof LimitSchema>;
export type ItemForm = Static<typeof FormSchema>;
export type ProcessNode = Static<typeof ProcessNodeSchema>;
export type StageNode = Static<typeof StageNodeSchema>;
export type ParallelNode = Static<typeof ParallelNodeSchema>;
export type ReportUpNode = Extract<ProcessNode, { kind: 'report_up' }>;
export type ItemType = ItemContent['type'];
export type Widget = ItemForm['ui']['fields'][string]['widget'];

export type ItemStatus = 'draft' | 'published' | 'cancelled';
export type VersionState = 'draft' | 'in_review' | 'published' | 'superseded' | 'cancelled';

/** A row of GET /catalog/admin/items. */
export interface AdminItemRow {
  id: number;
  code: string;
  name: string;
  status: ItemStatus;
  delegated: boolean;
  organizationName: string;
  regionName: string;
  openState: 'draft' | 'in_review' | null;
  openNumber: number | null;
  publishedNumber: number | null;
  version: number;
  updatedAt: string;
}

export interface LocalDetails {
  location?: string;
  hours?: string;
  consultPhone?: string;
  complaintPhone?: string;
}

/** GET /catalog/admin/items/{id}: the item, its open (draft or in review) and published versions, history, delegation. */
export interface AdminItem {
  id: number;
  code: string;
  baseCode: string;
  status: ItemStatus;
  version: number;
  cancelReason: string | null;
  organizationId: number;
  organizationName: string;
  regionName: string;
  delegatedFrom: string | null;
  local: LocalDetails;
  open: {
    id: number;
    number: number;
    state: 'draft' | 'in_review';
    version: number;
    reviewNote: string | null;
    submittedBy: number | null;
    content: ItemContent;
  } | null;
  published: { id: number; number: number; publishedAt: string | null; content: ItemContent } | null;
  versions: {
    id: number;
    number: number;
    state: VersionState;
    name: string;
    submittedAt: string | null;
    reviewedAt: string | null;
    reviewNote: string | null;
    publishedAt: string | null;
    createdAt: string;
  }[];
  delegatedTo: { id: number; code: string; status: ItemStatus; organizationName: string }[];
}

/** A problem found by the rules checked before review (item-rules.ts), or a schema violation: `message` in English, `messageZh` in Chinese. */
export interface Problem {
  path: string;
  message: string;
  messageZh?: string;
}

/** A published item as the public search returns it (for the bundle's member picker). */
export interface PublishedItemSummary {
  code: string;
  name: string;
  type: ItemType;
  caseKind: ItemContent['caseKind'];
  organizationName: string;
  regionName: string;
  legalLimit: Limit;
  committedLimit: Limit;
}

export interface BundleSummary {
  code: string;
  name: string;
  description: string;
  itemCount: number;
  committedLimit: Limit;
  audience: ItemContent['audience'];
  themes: string[];
  organizationName: string;
}

export interface BundleDetail {
  code: string;
  name: string;
  organizationName: string;
  publishedAt: string | null;
  content: BundleContent;
  items: { code: string; name: string; organizationName: string; caseKind: string; legalLimit: Limit; committedLimit: Limit; materials: number }[];
  materials: (Material & { items: string[] })[];
  materialsSaved: number;
  form: ItemForm;
  sumOfCommittedLimits: number;
}

export interface ImportResult {
  created: number;
  updated: number;
  dryRun: boolean;
  items: { code: string; name: string; action: string }[];
}

/** One bad cell or row of an import: its sheet, row and column. */
/** A bad cell or row of an imported workbook (catalog-sheet.ts): `message` in English, `messageZh` in Chinese. */
export interface ImportRowError {
  sheet: string;
  row: number;
  column?: string;
  message: string;
  messageZh?: string;
}

/** The sentence of a problem or row error in the user's language (English when the Chinese is absent). */
export function messageIn(locale: 'zh-CN' | 'en', p: { message: string; messageZh?: string }): string {
  return locale === 'zh-CN' ? p.messageZh || p.message : p.message;
}

export interface AdminItemFilter {
  q?: string;
  status?: ItemStatus;
  org?: number;
}

export const catalogAdminKeys = {
  all: ['catalog-admin'] as const,
  items: ['catalog-admin', 'items'] as const,
  item: (id: number) => ['catalog-admin', 'item', id] as const,
  bundles: ['catalog-admin', 'bundles'] as const,
  bundle: (code: string) => ['catalog-admin', 'bundle', code] as const,
};

export function useAdminItems(filter: AdminItemFilter, page: number, pageSize: number, enabled = true) {
  return useQuery({
    queryKey: [...catalogAdminKeys.items, 'list', filter, page, pageSize],
    queryFn: () => api.get<Page<AdminItemRow>>('/catalog/admin/items', { ...filter, limit: pageSize, offset: (page - 1) * pageSize }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/**
 * Items whose open version is in review. The list endpoint has no filter on the open version's state,
 * so the queue reads the whole scope (its page maximum, 500) and keeps those in review.
 */
export function useReviewQueue(filter: AdminItemFilter, enabled = true) {
  return useQuery({
    queryKey: [...catalogAdminKeys.items, 'review-queue', filter],
    queryFn: () => api.get<Page<AdminItemRow>>('/catalog/admin/items', { ...filter, limit: 500, offset: 0 }),
    select: (p) => p.items.filter((i) => i.openState === 'in_review'),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export const fetchAdminItem = (id: number) => api.get<AdminItem>(`/catalog/admin/items/${id}`);

export function useAdminItem(id: number) {
  return useQuery({ queryKey: catalogAdminKeys.item(id), queryFn: () => fetchAdminItem(id), enabled: id > 0 });
}

export function useBundles(q?: string) {
  return useQuery({ queryKey: [...catalogAdminKeys.bundles, q ?? ''], queryFn: () => api.get<BundleSummary[]>('/catalog/bundles', { q }) });
}

export function useBundle(code: string | null) {
  return useQuery({
    queryKey: catalogAdminKeys.bundle(code ?? ''),
    queryFn: () => api.get<BundleDetail>(`/catalog/bundles/${encodeURIComponent(code!)}`),
    enabled: !!code,
  });
}

/** Published items by words of their name (the portal's search), for pickers. */
export function searchPublishedItems(q: string, pageSize = 20) {
  return api.get<Page<PublishedItemSummary>>('/catalog/items', { q: q || undefined, pageSize });
}

export const catalogAdminApi = {
  createItem: (body: { organizationId: number; baseCode: string; content: ItemContent }, idempotencyKey: string) =>
    api.post<{ id: number; code: string }>('/catalog/admin/items', body, { idempotencyKey }),
  saveDraft: (id: number, content: ItemContent, version: number) =>
    api.put<{ versionId: number; number: number; version: number }>(`/catalog/admin/items/${id}/draft`, { content, version }),
  check: (id: number, content: ItemContent) => api.post<{ problems: Problem[] }>(`/catalog/admin/items/${id}/check`, { content }),
  submit: (id: number) => api.post<{ versionId: number; number: number; state: string }>(`/catalog/admin/items/${id}/submit`, {}, { idempotencyKey: true }),
  review: (id: number, decision: 'approve' | 'reject', note?: string) =>
    api.post<{ versionId: number; number: number; state: string }>(
      `/catalog/admin/items/${id}/review`,
      { decision, note: note ?? null },
      { idempotencyKey: true },
    ),
  startVersion: (id: number) => api.post<{ versionId: number; number: number }>(`/catalog/admin/items/${id}/versions`, {}, { idempotencyKey: true }),
  cancel: (id: number, reason: string) => api.post<{ cancelled: number }>(`/catalog/admin/items/${id}/cancel`, { reason }, { idempotencyKey: true }),
  delegate: (id: number, organizationIds: number[]) =>
    api.post<{ delegated: { id: number; code: string; organizationId: number }[] }>(
      `/catalog/admin/items/${id}/delegate`,
      { organizationIds },
      { idempotencyKey: true },
    ),
  setLocal: (id: number, local: LocalDetails, version: number) => api.put<{ ok: boolean }>(`/catalog/admin/items/${id}/local`, { local, version }),
  saveBundle: (body: { code: string; organizationId: number; content: BundleContent; publish: boolean }, idempotencyKey: string) =>
    api.post<{ id: number; code: string }>('/catalog/admin/bundles', body, { idempotencyKey }),
  cancelBundle: (code: string) => api.post<{ ok: boolean }>(`/catalog/admin/bundles/${encodeURIComponent(code)}/cancel`, {}, { idempotencyKey: true }),
  importWorkbook: (content: string, dryRun: boolean) => api.post<ImportResult>('/catalog/admin/import', { content, dryRun }, { idempotencyKey: true }),
};

/** Where the workbook is downloaded from (a plain link: the session cookie goes along). */
export const exportWorkbookUrl = '/api/v1/catalog/admin/export.xlsx';
