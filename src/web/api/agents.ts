import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';

/** One side of an authorization (代办): who, masked. */
export interface AgentParty {
  applicantId: number;
  name: string;
  idNumber: string;
}

/** A live authorization: `agent` may apply for `principal` until `validUntil` (a date) or until revoked. */
export interface AgentAuthorization {
  id: number;
  validUntil: string | null;
  createdAt: string;
  agent: AgentParty;
  principal: AgentParty;
}

export const agentKeys = { all: ['agents'] as const };

/** The agents I authorized, and the applicants I may act for. */
export function useAgents(enabled = true) {
  return useQuery({
    queryKey: agentKeys.all,
    queryFn: () => api.get<{ myAgents: AgentAuthorization[]; actingFor: AgentAuthorization[] }>('/agents'),
    enabled,
  });
}

export function useAuthorizeAgent() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: ({ body, key }: { body: { kind: 'person' | 'enterprise'; idNumber: string; validUntil: string | null }; key: string }) =>
      api.post<{ id: number }>('/agents', body, { idempotencyKey: key }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agentKeys.all }),
  });
}

export function useRevokeAgent() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: (id: number) => api.delete<{ ok: true }>(`/agents/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agentKeys.all }),
  });
}
