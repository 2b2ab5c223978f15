import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Result, Skeleton } from 'antd';
import { Link } from 'react-router';
import { useT } from '../i18n/index.tsx';
import { isApiError } from '../api/client.ts';

export { EmptyHint, PageSpin } from './Feedback.tsx';

/** A failed load: the server's message and a retry. 403 and 404 get their own pictures. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const status = isApiError(error) ? (error.status === 403 ? '403' : error.status === 404 ? '404' : 'error') : 'error';
  const message = error instanceof Error ? error.message : String(error);
  const title = status === '403' ? t('state.forbidden') : status === '404' ? t('state.notFound') : t('state.loadFailed');
  return (
    <Result
      status={status}
      title={title}
      // the server's 404 says what the title says: once is enough
      subTitle={message === title ? undefined : message}
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

/**
 * Renders the query's data, or its skeleton while pending, or the error with a retry — or, for a 404, `notFound`
 * when the page says what was not found and where to go instead, and for a 403 `forbidden` (trying again would
 * find nothing either).
 */
export function QueryState<T>({
  query,
  rows = 6,
  notFound,
  forbidden,
  children,
}: {
  query: UseQueryResult<T>;
  rows?: number;
  notFound?: ReactNode;
  forbidden?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  const status = query.isError && isApiError(query.error) ? query.error.status : undefined;
  if (status === 404 && notFound !== undefined) return <>{notFound}</>;
  if (status === 403 && forbidden !== undefined) return <>{forbidden}</>;
  if (query.isPending) return <Skeleton active paragraph={{ rows }} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}

/** A record that is not there, or not the reader's: what was looked for, and the way back to where such records are listed. */
export function NotFoundState({ title, hint, back }: { title: string; hint: ReactNode; back: { to: string; label: string } }) {
  return (
    <Result
      status="404"
      title={title}
      subTitle={hint}
      extra={
        <Link to={back.to}>
          <Button type="primary">{back.label}</Button>
        </Link>
      }
      data-testid="not-found"
    />
  );
}

/** Shown when the account lacks the permission a page needs; a page of one record adds the way back. */
export function Forbidden({ back }: { back?: { to: string; label: string } }) {
  const t = useT();
  return (
    <Result
      status="403"
      title={t('state.forbidden')}
      subTitle={t('state.forbiddenHint')}
      extra={
        back ? (
          <Link to={back.to}>
            <Button type="primary">{back.label}</Button>
          </Link>
        ) : undefined
      }
      data-testid="forbidden"
    />
  );
}
