import { Avatar, Dropdown, Space, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { AppstoreOutlined, LogoutOutlined, MailOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useLocale, useT } from '../i18n/index.tsx';
import { roleName } from '../i18n/format.ts';
import { homeOf, isStaff, useLogout } from '../api/auth.ts';
import type { Me } from '../api/types.ts';

/** Distinct role names of an account, in the UI language. */
export function roleNamesOf(me: Me, locale: 'zh-CN' | 'en'): string[] {
  return [...new Set(me.roles.map((r) => roleName(r.role, locale)))];
}

export function UserMenu({ me }: { me: Me }) {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const logout = useLogout();
  const roles = roleNamesOf(me, locale).join(locale === 'en' ? ', ' : '、');
  const items: MenuProps['items'] = [
    { key: 'home', icon: <AppstoreOutlined />, label: isStaff(me) ? t('nav.workbench') : t('nav.myAccount') },
    { key: 'messages', icon: <MailOutlined />, label: t('messages.title') },
    { key: 'profile', icon: <UserOutlined />, label: t('profile.title') },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('auth.logout'), danger: true },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'home') navigate(homeOf(me));
    else if (key === 'messages') navigate('/messages');
    else if (key === 'profile') navigate('/profile');
    else if (key === 'logout') logout.mutate(undefined, { onSettled: () => navigate('/') });
  };
  return (
    <Dropdown menu={{ items, onClick }} placement="bottomRight" trigger={['click']}>
      <button type="button" className="user-menu" data-testid="user-menu" aria-label={t('nav.userMenu')}>
        <Space size={8}>
          <Avatar size="small" style={{ background: '#c0392b' }}>
            {me.displayName.slice(0, 1)}
          </Avatar>
          <span className="user-menu-text">
            <Typography.Text strong className="user-menu-name" title={me.displayName} data-testid="user-name">
              {me.displayName}
            </Typography.Text>
            {roles && <span className="user-menu-roles">{roles}</span>}
          </span>
        </Space>
      </button>
    </Dropdown>
  );
}
