import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type { Delivery, MessagePage, Page } from './types.ts';

export const unreadKey = ['messages', 'unread-count'] as const;

/** The unread count behind the bell, polled every 30 s while a signed-in page is open. */
export function useUnreadCount(enabled = true) {
  return useQuery({
    queryKey: unreadKey,
    queryFn: () => api.get<{ unread: number }>('/messages/unread-count'),
    enabled,
    refetchInterval: 30_000,
    select: (r) => r.unread,
  });
}

export function useMessages(params: { unread: boolean; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['messages', 'list', params],
    queryFn: () =>
      api.get<MessagePage>('/messages', { unread: params.unread || undefined, limit: params.pageSize, offset: (params.page - 1) * params.pageSize }),
    placeholderData: keepPreviousData,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: number[] | 'all') => api.post<{ updated: number }>('/messages/read', { ids }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['messages'] }),
  });
}

export function useDeliveries(params: { channel?: 'sms' | 'email'; page: number; pageSize: number }, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['deliveries', params],
    queryFn: () =>
      api.get<Page<Delivery>>('/notify/deliveries', { channel: params.channel, limit: params.pageSize, offset: (params.page - 1) * params.pageSize }),
    placeholderData: keepPreviousData,
  });
}
