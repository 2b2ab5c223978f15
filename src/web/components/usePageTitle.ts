import { useEffect } from 'react';
import { useT } from '../i18n/index.tsx';

/** "页面 · 一窗通办" in the browser tab. */
export function usePageTitle(title: string): void {
  const t = useT();
  const suffix = t('app.shortName');
  useEffect(() => {
    document.title = title ? `${title} · ${suffix}` : suffix;
  }, [title, suffix]);
}
