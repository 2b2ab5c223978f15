import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';

/**
 * 暂存: online applications the signed-in applicant saved unfinished, to continue later (GET/POST/PUT/DELETE
 * /api/v1/drafts). Each account sees only its own; a draft is kept 30 days after its last save, and the application
 * filed from it (`draftId` on POST /cases) removes it.
 */

/** A row of GET /drafts (newest save first). */
export interface DraftSummary {
  id: number;
  /** the item applied for, or the bundle (一件事): exactly one */
  itemCode: string | null;
  bundleCode: string | null;
  /** the item's or the bundle's name */
  name: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
}

/** GET /drafts/:id: the row with what the page saved, as it saved it. */
export interface Draft extends DraftSummary {
  content: Record<string, unknown>;
}

/** What POST and PUT /drafts answer. */
export interface SavedDraft {
  id: number;
  version: number;
  updatedAt: string;
  expiresAt: string;
}

/** What a new draft is of: an item or a bundle. */
export type DraftOf = { itemCode: string; bundleCode?: never } | { bundleCode: string; itemCode?: never };

export const draftKeys = {
  all: ['drafts'] as const,
  list: ['drafts', 'list'] as const,
  one: (id: number) => ['drafts', 'one', id] as const,
};

/** The applicant's drafts; `enabled: false` for staff, who hold none (the server answers them 403). */
export function useDrafts(enabled = true) {
  return useQuery({
    queryKey: draftKeys.list,
    queryFn: ({ signal }) => api.get<{ items: DraftSummary[] }>('/drafts', undefined, { signal }),
    select: (page) => page.items,
    enabled,
  });
}

/**
 * One draft, to continue it (`id` 0: none). Read afresh each time a page opens it — another tab may have saved it
 * meanwhile — and not again while the form is open: the form holds it from then on.
 */
export function useDraft(id: number) {
  return useQuery({
    queryKey: draftKeys.one(id),
    queryFn: ({ signal }) => api.get<Draft>(`/drafts/${id}`, undefined, { signal }),
    enabled: id > 0,
    gcTime: 0,
    staleTime: Infinity,
    refetchOnReconnect: false,
  });
}

/** 暂存 the first time: a new draft, under the form's Idempotency-Key (a save sent twice makes one draft). */
export function useCreateDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: ({ body, key }: { body: DraftOf & { content: Record<string, unknown> }; key: string }) =>
      api.post<SavedDraft>('/drafts', body, { idempotencyKey: key }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: draftKeys.list }),
  });
}

/** 暂存 again: the draft's content replaced, at the version the page holds (409 when saved elsewhere meanwhile). */
export function useSaveDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: ({ id, content, version }: { id: number; content: Record<string, unknown>; version: number }) =>
      api.put<SavedDraft>(`/drafts/${id}`, { content, version }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: draftKeys.list }),
  });
}

export function useDeleteDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: (id: number) => api.delete<void>(`/drafts/${id}`),
    // refused too (deleted or filed meanwhile elsewhere): the list as it now is
    onSettled: () => queryClient.invalidateQueries({ queryKey: draftKeys.list }),
  });
}

/** The application filed from a draft removed it: 我的办件 lists it no more. */
export function useForgetFiledDraft() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: draftKeys.list });
}
