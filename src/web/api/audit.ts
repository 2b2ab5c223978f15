import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { AuditEntry, AuditVerdict, Page } from './types.ts';

export interface AuditFilter {
  targetType?: string;
  targetId?: string;
  action?: string;
  actorId?: number;
}

export function useAuditEntries(filter: AuditFilter, page: number, pageSize: number, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['audit', filter, page, pageSize],
    queryFn: () => api.get<Page<AuditEntry>>('/audit/entries', { ...filter, limit: pageSize, offset: (page - 1) * pageSize }),
    placeholderData: keepPreviousData,
  });
}

/** Seal new entries and recompute every hash chain. */
export function useVerifyAudit() {
  return useMutation({ mutationFn: () => api.post<AuditVerdict>('/audit/verify') });
}
