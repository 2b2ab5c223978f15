import { Button } from 'antd';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { useT } from '../i18n/index.tsx';

/** A page failed to load or render (often a new release replaced the page's file): offer a reload. */
export function RouteError() {
  const t = useT();
  const error = useRouteError();
  const detail = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : error instanceof Error ? error.message : '';
  return (
    <div className="route-error" role="alert">
      <h1>{t('state.pageFailed')}</h1>
      {detail && <p>{detail}</p>}
      <div className="route-error-actions">
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('action.reload')}
        </Button>
        <Button href="/">{t('nav.home')}</Button>
      </div>
    </div>
  );
}
