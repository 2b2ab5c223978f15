import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { AuditEntry, AuditVerdict, Page } from './types.ts';

export interface AuditFilter {
  targetType?: string;
  targetId?: string;
  action?: string;
  actorId?: number;
}

/** A page of the trail: the total is counted up to 10,000, and `totalCapped` says more entries match. */
export interface AuditPage extends Page<AuditEntry> {
  totalCapped: boolean;
}

export function useAuditEntries(filter: AuditFilter, page: number, pageSize: number, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['audit', filter, page, pageSize],
    queryFn: () => api.get<AuditPage>('/audit/entries', { ...filter, limit: pageSize, offset: (page - 1) * pageSize }),
    placeholderData: keepPreviousData,
  });
}

/** Seal new entries and recompute every hash chain. */
export function useVerifyAudit() {
  return useMutation({ mutationFn: () => api.post<AuditVerdict>('/audit/verify') });
}
