import { Suspense, useMemo, useState } from 'react';
import { Layout, Menu, Space } from 'antd';
import type { MenuProps } from 'antd';
import { ApartmentOutlined, AuditOutlined, CalendarOutlined, HomeOutlined, MailOutlined, MessageOutlined, UserOutlined } from '@ant-design/icons';
import { ProfileOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { FileSearchOutlined, InboxOutlined, SolutionOutlined } from '@ant-design/icons';
import { AlertOutlined } from '@ant-design/icons';
import { NumberOutlined } from '@ant-design/icons';
import { BarChartOutlined } from '@ant-design/icons';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { useT } from '../i18n/index.tsx';
import { useLicFrameT } from '../i18n/licenses-frame.ts';
import { can, isStaff, useMe } from '../api/auth.ts';
import type { Me } from '../api/types.ts';
import { Brand } from '../components/Brand.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { NotificationBell } from '../components/NotificationBell.tsx';
import { UserMenu } from '../components/UserMenu.tsx';
import { ErrorState, PageSpin } from '../components/PageState.tsx';
import { useRememberLocation } from '../components/cameFrom.ts';

type Item = NonNullable<MenuProps['items']>[number];

function useMenuItems(me: Me): Item[] {
  const t = useT();
  const lt = useLicFrameT();
  return useMemo(() => {
    const link = (to: string, text: string) => <Link to={to}>{text}</Link>;
    const items: Item[] = [{ key: '/workbench', icon: <HomeOutlined />, label: link('/workbench', t('nav.workbenchHome')) }];
    if (can(me, 'case.intake')) items.push({ key: '/workbench/intake', icon: <SolutionOutlined />, label: link('/workbench/intake', t('cases.intake')) });
    if (can(me, 'case.handle')) items.push({ key: '/workbench/tasks', icon: <InboxOutlined />, label: link('/workbench/tasks', t('cases.inbox')) });
    if (can(me, 'case.read')) {
      items.push({ key: '/workbench/cases', icon: <FileSearchOutlined />, label: link('/workbench/cases', t('cases.search')) });
      // 证照管理: the licenses my department issued
      items.push({ key: '/workbench/licenses', icon: <SafetyCertificateOutlined />, label: link('/workbench/licenses', lt('licnav.ledger')) });
    }
    if (can(me, 'supervision.read') || can(me, 'supervision.configure') || can(me, 'case.handle'))
      items.push({
        key: 'supervision',
        icon: <AlertOutlined />,
        label: t('sup.nav.group'),
        children: [
          ...(can(me, 'supervision.read')
            ? [
                { key: '/workbench/supervision', label: link('/workbench/supervision', t('sup.nav.console')) },
                { key: '/workbench/supervision/orders', label: link('/workbench/supervision/orders', t('sup.nav.orders')) },
              ]
            : []),
          ...(can(me, 'case.handle') ? [{ key: '/workbench/supervision/inbox', label: link('/workbench/supervision/inbox', t('sup.nav.inbox')) }] : []),
          ...(can(me, 'supervision.read') || can(me, 'supervision.configure')
            ? [{ key: '/workbench/supervision/settings', label: link('/workbench/supervision/settings', t('sup.nav.settings')) }]
            : []),
        ],
      });
    if (can(me, 'org.read'))
      items.push({
        key: 'org',
        icon: <ApartmentOutlined />,
        label: t('nav.org'),
        children: [
          { key: '/workbench/org/regions', label: link('/workbench/org/regions', t('nav.regions')) },
          { key: '/workbench/org/organizations', label: link('/workbench/org/organizations', t('nav.organizations')) },
          { key: '/workbench/org/halls', label: link('/workbench/org/halls', t('nav.halls')) },
          { key: '/workbench/org/staff', label: link('/workbench/org/staff', t('nav.staff')) },
        ],
      });
    items.push({
      key: 'calendar',
      icon: <CalendarOutlined />,
      label: t('nav.calendar'),
      children: [
        { key: '/workbench/calendar', label: link('/workbench/calendar', t('nav.calendarYear')) },
        { key: '/workbench/calendar/deadline', label: link('/workbench/calendar/deadline', t('nav.deadline')) },
      ],
    });
    if (can(me, 'catalog.manage') || can(me, 'catalog.review'))
      items.push({
        key: 'catalog',
        icon: <ProfileOutlined />,
        label: t('ca.nav.group'),
        children: [
          { key: '/workbench/catalog/items', label: link('/workbench/catalog/items', t('ca.nav.items')) },
          ...(can(me, 'catalog.manage')
            ? [
                { key: '/workbench/catalog/bundles', label: link('/workbench/catalog/bundles', t('ca.nav.bundles')) },
                { key: '/workbench/catalog/import', label: link('/workbench/catalog/import', t('ca.nav.import')) },
              ]
            : []),
        ],
      });
    if (can(me, 'queue.call') || can(me, 'queue.manage'))
      items.push({
        key: 'queue',
        icon: <NumberOutlined />,
        label: t('q.nav.group'),
        children: [
          ...(can(me, 'queue.call') ? [{ key: '/workbench/queue/calling', label: link('/workbench/queue/calling', t('q.nav.calling')) }] : []),
          ...(can(me, 'queue.manage')
            ? [
                { key: '/workbench/queue/board', label: link('/workbench/queue/board', t('q.nav.board')) },
                { key: '/workbench/queue/config', label: link('/workbench/queue/config', t('q.nav.config')) },
                { key: '/workbench/queue/stats', label: link('/workbench/queue/stats', t('q.nav.stats')) },
              ]
            : []),
        ],
      });
    if (can(me, 'metrics.read'))
      items.push({
        key: 'metrics',
        icon: <BarChartOutlined />,
        label: t('m.nav.group'),
        children: [
          { key: '/workbench/metrics', label: link('/workbench/metrics', t('m.nav.dashboard')) },
          { key: '/workbench/metrics/windows', label: link('/workbench/metrics/windows', t('m.nav.windows')) },
          { key: '/screen/metrics', label: link('/screen/metrics', t('m.nav.screen')) },
        ],
      });
    if (can(me, 'audit.read')) items.push({ key: '/workbench/audit', icon: <AuditOutlined />, label: link('/workbench/audit', t('nav.audit')) });
    if (can(me, 'notify.devlog'))
      items.push({ key: '/workbench/notify/deliveries', icon: <MessageOutlined />, label: link('/workbench/notify/deliveries', t('nav.deliveries')) });
    items.push({ key: '/messages', icon: <MailOutlined />, label: link('/messages', t('messages.title')) });
    items.push({ key: '/profile', icon: <UserOutlined />, label: link('/profile', t('profile.title')) });
    return items;
  }, [me, t, lt]);
}

const menuKeys = [
  '/workbench/intake',
  '/workbench/tasks',
  '/workbench/cases',
  '/workbench/licenses',
  '/workbench/supervision/orders',
  '/workbench/supervision/inbox',
  '/workbench/supervision/settings',
  '/workbench/supervision',
  '/workbench/org/regions',
  '/workbench/org/organizations',
  '/workbench/org/halls',
  '/workbench/org/staff',
  '/workbench/calendar/deadline',
  '/workbench/calendar',
  '/workbench/catalog/items',
  '/workbench/catalog/bundles',
  '/workbench/catalog/import',
  '/workbench/queue/calling',
  '/workbench/queue/board',
  '/workbench/queue/config',
  '/workbench/queue/stats',
  '/workbench/metrics/windows',
  '/workbench/metrics',
  '/workbench/audit',
  '/workbench/notify/deliveries',
  '/messages',
  '/profile',
];

function selectedKey(pathname: string): string {
  return menuKeys.find((k) => pathname === k || pathname.startsWith(`${k}/`)) ?? '/workbench';
}

/** The staff workbench: menu from the account's permissions, bell, language, user menu. Staff only. */
export function WorkbenchLayout() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageSpin />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (!isStaff(me.data)) return <Navigate to="/my" replace />;
  return <WorkbenchFrame me={me.data} pathname={location.pathname} />;
}

function WorkbenchFrame({ me, pathname }: { me: Me; pathname: string }) {
  const t = useT();
  useRememberLocation();
  const items = useMenuItems(me);
  const [collapsed, setCollapsed] = useState(false);
  const selected = selectedKey(pathname);
  const [openKeys, setOpenKeys] = useState<string[]>(
    selected.startsWith('/workbench/catalog')
      ? ['catalog']
      : selected.startsWith('/workbench/supervision')
        ? ['supervision']
        : selected.startsWith('/workbench/metrics')
          ? ['metrics']
          : selected.startsWith('/workbench/calendar')
            ? ['calendar']
            : selected.startsWith('/workbench/org') || selected === '/workbench'
              ? ['org']
              : [],
  );
  return (
    <Layout className="workbench">
      <Layout.Sider
        width={220}
        collapsedWidth={64}
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="xl"
        theme="light"
        className="workbench-sider"
      >
        <div className="workbench-logo">
          <Brand compact to="/workbench" />
        </div>
        <Menu
          mode="inline"
          items={items}
          selectedKeys={[selected]}
          openKeys={collapsed ? undefined : openKeys}
          onOpenChange={setOpenKeys}
          aria-label={t('nav.main')}
          data-testid="workbench-menu"
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="workbench-header">
          <div className="workbench-header-title">{t('app.workbench')}</div>
          <Space size={8}>
            <NotificationBell />
            <LanguageSwitch />
            <UserMenu me={me} />
          </Space>
        </Layout.Header>
        <Layout.Content className="workbench-content">
          <Suspense fallback={<PageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
