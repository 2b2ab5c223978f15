import { lazy, Suspense, useRef, useState } from 'react';
import { Button, Layout, Space } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { Link, Outlet } from 'react-router';
import { useT } from '../i18n/index.tsx';
import { useLicFrameT } from '../i18n/licenses-frame.ts';
import { isStaff, useMe } from '../api/auth.ts';
import { PortalNavLinks, useNavFolded } from './PortalNav.tsx';
import { Brand } from '../components/Brand.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { PageSpin } from '../components/Feedback.tsx';

const AccountActions = lazy(async () => ({ default: (await import('./AccountActions.tsx')).AccountActions }));
const PortalMenu = lazy(async () => ({ default: (await import('./PortalMenu.tsx')).PortalMenu }));

/**
 * The public portal for applicants: header with the center's name, navigation, language, sign-in; footer. Where the
 * navigation does not fit on the header's line (a phone, a tablet, a long name in English), it folds into a menu
 * button that opens it in a drawer.
 */
export function PortalLayout() {
  const t = useT();
  const lt = useLicFrameT();
  const me = useMe();
  const user = me.data ?? null;
  // the drawer's code is asked for on the first press, and stays mounted after
  const [menu, setMenu] = useState<'never' | 'open' | 'closed'>('never');
  const line = useRef<HTMLDivElement>(null);
  const folded = useNavFolded(line, !user ? 'visitor' : isStaff(user) ? 'staff' : 'applicant');
  return (
    <Layout className="portal">
      <Layout.Header className={`portal-header${folded ? ' portal-header-folded' : ''}`}>
        <div className="portal-header-inner" ref={line}>
          <Brand />
          <nav className="portal-nav" aria-label={t('nav.main')}>
            <PortalNavLinks me={user} />
          </nav>
          <Space size={4} className="portal-actions">
            <LanguageSwitch />
            {user ? (
              <Suspense fallback={null}>
                <AccountActions me={user} />
              </Suspense>
            ) : (
              <>
                <Link to="/register" className="portal-register">
                  <Button type="text">{t('auth.register')}</Button>
                </Link>
                <Link to="/login">
                  <Button type="primary" data-testid="header-login">
                    {t('auth.login')}
                  </Button>
                </Link>
              </>
            )}
            <Button
              type="text"
              className="portal-menu-button"
              icon={<MenuOutlined style={{ fontSize: 18 }} />}
              onClick={() => setMenu('open')}
              aria-label={t('nav.menu')}
              aria-expanded={menu === 'open'}
              data-testid="portal-menu-button"
            />
          </Space>
        </div>
      </Layout.Header>
      {menu !== 'never' && (
        <Suspense fallback={null}>
          <PortalMenu me={user} open={menu === 'open'} onClose={() => setMenu('closed')} />
        </Suspense>
      )}
      <Layout.Content className="portal-content">
        <Suspense fallback={<PageSpin />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
      <Layout.Footer className="portal-footer">
        <div>{t('footer.copyright', { year: new Date().getFullYear() })}</div>
        <div className="portal-footer-links" data-testid="portal-footer-links">
          <span>{t('footer.platform')}</span>
          <Link to="/bundles">{t('nav.bundles')}</Link>
          <Link to="/power-list">{t('nav.powerList')}</Link>
          <Link to="/verify" data-testid="footer-verify">
            {lt('licnav.verify')}
          </Link>
          <a href="/docs" target="_blank" rel="noreferrer">
            {t('footer.api')}
          </a>
        </div>
      </Layout.Footer>
    </Layout>
  );
}
