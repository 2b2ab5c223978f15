import { lazy, Suspense } from 'react';
import { Button, Layout, Space } from 'antd';
import { Link, NavLink, Outlet } from 'react-router';
import { useT } from '../i18n/index.tsx';
import { useLicFrameT } from '../i18n/licenses-frame.ts';
import { isStaff, useMe } from '../api/auth.ts';
import { Brand } from '../components/Brand.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { PageSpin } from '../components/Feedback.tsx';

const AccountActions = lazy(async () => ({ default: (await import('./AccountActions.tsx')).AccountActions }));

/** The public portal for applicants: header with the center's name, navigation, language, sign-in; footer. */
export function PortalLayout() {
  const t = useT();
  const lt = useLicFrameT();
  const me = useMe();
  const user = me.data ?? null;
  return (
    <Layout className="portal">
      <Layout.Header className="portal-header">
        <div className="portal-header-inner">
          <Brand />
          <nav className="portal-nav" aria-label={t('nav.main')}>
            <NavLink to="/" end>
              {t('nav.home')}
            </NavLink>
            <NavLink to="/services">{t('nav.services')}</NavLink>
            <NavLink to="/appointments" data-testid="nav-appointments">
              {t('home.entry.appointment')}
            </NavLink>
            <a href="/#network">{t('nav.network')}</a>
            {!(user && isStaff(user)) && (
              <>
                <NavLink to="/my/cases" data-testid="nav-my-cases">
                  {t('cases.myCases')}
                </NavLink>
                <NavLink to="/my/licenses" data-testid="nav-my-licenses">
                  {t('cases.myLicenses')}
                </NavLink>
              </>
            )}
            <NavLink to={user && isStaff(user) ? '/workbench' : '/my'} end>
              {user && isStaff(user) ? t('nav.workbench') : t('nav.myAccount')}
            </NavLink>
          </nav>
          <Space size={4} className="portal-actions">
            <LanguageSwitch />
            {user ? (
              <Suspense fallback={null}>
                <AccountActions me={user} />
              </Suspense>
            ) : (
              <>
                <Link to="/register">
                  <Button type="text">{t('auth.register')}</Button>
                </Link>
                <Link to="/login">
                  <Button type="primary" data-testid="header-login">
                    {t('auth.login')}
                  </Button>
                </Link>
              </>
            )}
          </Space>
        </div>
      </Layout.Header>
      <Layout.Content className="portal-content">
        <Suspense fallback={<PageSpin />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
      <Layout.Footer className="portal-footer">
        <div>{t('footer.copyright', { year: new Date().getFullYear() })}</div>
        <div className="portal-footer-links">
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
