import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, isApiError, setCsrfToken } from './client.ts';
import type { Me, MeWithCsrf, Session } from './types.ts';
import type { Permission } from '../../common/roles.ts';

export const meKey = ['me'] as const;

/** Forget everything read as the previous account, keeping the `me` query its observers hold. */
function forgetAccountData(queryClient: QueryClient) {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
}

/** The signed-in account, or null for a visitor. Keeps the CSRF token current. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const reply = await api.get<MeWithCsrf>('/auth/me', undefined, { anonymousOk: true });
    setCsrfToken(reply.csrfToken);
    return reply.user;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken('');
      return null;
    }
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

export function isStaff(me: Me | null | undefined): boolean {
  return !!me && me.kind === 'staff';
}

export function can(me: Me | null | undefined, permission: Permission): boolean {
  return !!me && me.permissions.includes(permission);
}

/** Where an account lands after signing in. */
export function homeOf(me: Me): string {
  return isStaff(me) ? '/workbench' : '/my';
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: (body: { username: string; password: string }) => api.post<MeWithCsrf>('/auth/login', body, { anonymousOk: true }),
    onSuccess: (reply) => {
      setCsrfToken(reply.csrfToken);
      forgetAccountData(queryClient);
      queryClient.setQueryData(meKey, reply.user);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ok: boolean }>('/auth/logout', {}, { anonymousOk: true }),
    onSettled: () => {
      setCsrfToken('');
      forgetAccountData(queryClient);
      queryClient.setQueryData(meKey, null);
    },
  });
}

export function useSessions() {
  return useQuery({ queryKey: ['sessions'], queryFn: () => api.get<Session[]>('/auth/sessions') });
}
