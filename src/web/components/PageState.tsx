import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Result, Skeleton } from 'antd';
import { useT } from '../i18n/index.tsx';
import { isApiError } from '../api/client.ts';

export { EmptyHint, PageSpin } from './Feedback.tsx';

/** A failed load: the server's message and a retry. 403 and 404 get their own pictures. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const status = isApiError(error) ? (error.status === 403 ? '403' : error.status === 404 ? '404' : 'error') : 'error';
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Result
      status={status}
      title={status === '403' ? t('state.forbidden') : status === '404' ? t('state.notFound') : t('state.loadFailed')}
      subTitle={message}
      extra={
        onRetry ? (
          <Button type="primary" onClick={onRetry}>
            {t('action.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}

/** Renders the query's data, or its skeleton while pending, or the error with a retry. */
export function QueryState<T>({ query, rows = 6, children }: { query: UseQueryResult<T>; rows?: number; children: (data: T) => ReactNode }) {
  if (query.isPending) return <Skeleton active paragraph={{ rows }} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}

/** Shown when the account lacks the permission a page needs. */
export function Forbidden() {
  const t = useT();
  return <Result status="403" title={t('state.forbidden')} subTitle={t('state.forbiddenHint')} />;
}
