import type { ReactNode } from 'react';
import { Button, Empty, Spin } from 'antd';
import { useT } from '../i18n/index.tsx';

/*
 * Light loading/empty/error pieces for the portal's first load (no Result, Typography or Card, which
 * would pull their illustrations and editors into the first chunk). Workbench pages use PageState.tsx.
 */

/** Centered spinner while a lazy page loads. */
export function PageSpin() {
  return (
    <div className="page-spin">
      <Spin size="large" />
    </div>
  );
}

export function EmptyHint({ text, children }: { text: string; children?: ReactNode }) {
  return (
    // a short hint breaks between its phrases, not inside a word (安|排)
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<span className="keep-words">{text}</span>}>
      {children}
    </Empty>
  );
}

/** A failed load in a section of a page: what went wrong and a retry. */
export function InlineError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  return (
    <div className="inline-error" role="alert">
      <div className="inline-error-title">{t('state.loadFailed')}</div>
      <div className="inline-error-text">{error instanceof Error ? error.message : String(error)}</div>
      {onRetry && (
        <Button type="primary" onClick={onRetry}>
          {t('action.retry')}
        </Button>
      )}
    </div>
  );
}
