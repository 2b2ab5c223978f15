import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useT } from '../i18n/index.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';

export function NotFoundPage() {
  const t = useT();
  usePageTitle(t('state.pageNotFound'));
  return (
    <Result
      status="404"
      title={t('state.pageNotFound')}
      subTitle={t('state.pageNotFoundHint')}
      extra={
        <Link to="/">
          <Button type="primary">{t('nav.home')}</Button>
        </Link>
      }
    />
  );
}
