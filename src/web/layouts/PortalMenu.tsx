import { Button, Drawer } from 'antd';
import { Link } from 'react-router';
import { useT } from '../i18n/index.tsx';
import type { Me } from '../api/types.ts';
import { PortalNavLinks } from './PortalNav.tsx';

/**
 * The navigation of the portal on a narrow screen (a phone, a tablet): a drawer from the menu button, with sign-in and
 * registration for a visitor. Loaded only when first opened, so that the portal's first load stays small.
 */
export function PortalMenu({ me, open, onClose }: { me: Me | null; open: boolean; onClose: () => void }) {
  const t = useT();
  return (
    <Drawer open={open} onClose={onClose} placement="right" size={280} title={t('nav.main')} className="portal-drawer">
      <nav className="portal-drawer-nav" aria-label={t('nav.main')} data-testid="portal-menu">
        <PortalNavLinks me={me} testIdPrefix="menu" onNavigate={onClose} />
      </nav>
      {!me && (
        <div className="portal-drawer-auth">
          <Link to="/login" onClick={onClose}>
            <Button type="primary" block data-testid="menu-login">
              {t('auth.login')}
            </Button>
          </Link>
          <Link to="/register" onClick={onClose}>
            <Button block data-testid="menu-register">
              {t('auth.register')}
            </Button>
          </Link>
        </div>
      )}
    </Drawer>
  );
}
