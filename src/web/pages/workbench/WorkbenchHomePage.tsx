import { Card, Col, Descriptions, Row, Skeleton, Tag, Typography } from 'antd';
import { AlertOutlined, ApartmentOutlined, AuditOutlined, BankOutlined, BarChartOutlined, ClusterOutlined, FileSearchOutlined } from '@ant-design/icons';
import { InboxOutlined, MessageOutlined, NumberOutlined, ProfileOutlined, SolutionOutlined, TeamOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { ReactNode } from 'react';
import { useLocale, useT, type MessageKey } from '../../i18n/index.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { can, useMe } from '../../api/auth.ts';
import { useStaff } from '../../api/org.ts';
import { useMessages } from '../../api/notify.ts';
import type { Me } from '../../api/types.ts';
import type { Permission } from '../../../common/roles.ts';
import { EmptyHint, ErrorState } from '../../components/PageState.tsx';
import { RoleTags } from '../../components/RoleTags.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { WorkToday } from '../cases/workbench/WorkToday.tsx';
import { SupervisionToday } from '../supervision/SupervisionToday.tsx';
import { MetricsToday } from '../metrics/MetricsToday.tsx';

function greetingKey(hour: number): MessageKey {
  if (hour < 6) return 'home.greeting.night';
  if (hour < 12) return 'home.greeting.morning';
  if (hour < 18) return 'home.greeting.afternoon';
  return 'home.greeting.evening';
}

/** 常用功能: the pages of one's daily work first, then administration; each shown to whoever may open it. */
const shortcuts: { to: string; icon: ReactNode; label: MessageKey; permission: Permission }[] = [
  { to: '/workbench/intake', icon: <SolutionOutlined />, label: 'cases.intake', permission: 'case.intake' },
  { to: '/workbench/tasks', icon: <InboxOutlined />, label: 'cases.inbox', permission: 'case.handle' },
  { to: '/workbench/cases', icon: <FileSearchOutlined />, label: 'cases.search', permission: 'case.read' },
  { to: '/workbench/queue/calling', icon: <NumberOutlined />, label: 'q.nav.calling', permission: 'queue.call' },
  { to: '/workbench/supervision', icon: <AlertOutlined />, label: 'sup.nav.console', permission: 'supervision.read' },
  { to: '/workbench/metrics', icon: <BarChartOutlined />, label: 'm.nav.dashboard', permission: 'metrics.read' },
  { to: '/workbench/catalog/items', icon: <ProfileOutlined />, label: 'ca.nav.items', permission: 'catalog.manage' },
  { to: '/workbench/org/regions', icon: <ClusterOutlined />, label: 'nav.regions', permission: 'org.manage' },
  { to: '/workbench/org/organizations', icon: <ApartmentOutlined />, label: 'nav.organizations', permission: 'org.manage' },
  { to: '/workbench/org/halls', icon: <BankOutlined />, label: 'nav.halls', permission: 'org.manage' },
  { to: '/workbench/org/staff', icon: <TeamOutlined />, label: 'nav.staff', permission: 'staff.manage' },
  { to: '/workbench/audit', icon: <AuditOutlined />, label: 'nav.audit', permission: 'audit.read' },
  { to: '/workbench/notify/deliveries', icon: <MessageOutlined />, label: 'nav.deliveries', permission: 'notify.devlog' },
];

/** 工作台首页: who I am here, today's work (今日工作), which windows I staff, what is unread, where I go from here. */
export function WorkbenchHomePage() {
  const t = useT();
  usePageTitle(t('nav.workbenchHome'));
  const me = useMe().data!;
  const allowed = shortcuts.filter((s) => can(me, s.permission));
  const staffsWindows = can(me, 'case.intake') || can(me, 'case.handle');
  return (
    <div data-testid="workbench-home">
      <Card className="welcome-card">
        <Typography.Title level={3} className="page-title">
          {t(greetingKey(new Date().getHours()), { name: me.displayName })}
        </Typography.Title>
        <Typography.Text type="secondary">
          {me.staff ? [me.staff.organizationName, me.staff.title].filter(Boolean).join(' · ') : t('home.noOrganization')}
        </Typography.Text>
        <Descriptions
          className="welcome-roles"
          column={1}
          items={[{ key: 'roles', label: t('home.rolesAndScopes'), children: <RoleTags roles={me.roles} /> }]}
        />
      </Card>
      <Row gutter={[16, 16]} className="block-gap-top">
        {(can(me, 'case.intake') || can(me, 'case.handle')) && (
          <Col xs={24}>
            <WorkToday isHead={me.roles.some((r) => r.role === 'head')} />
          </Col>
        )}
        {can(me, 'supervision.read') && (
          <Col xs={24}>
            <SupervisionToday />
          </Col>
        )}
        {can(me, 'metrics.read') && (
          <Col xs={24}>
            <MetricsToday />
          </Col>
        )}
        {/* window posts are for those who work cases at a window or in a department; a supervisor has none */}
        {staffsWindows && (
          <Col xs={24} xl={12}>
            <MyWindows me={me} />
          </Col>
        )}
        <Col xs={24} xl={staffsWindows ? 12 : 24}>
          <UnreadMessages />
        </Col>
        {allowed.length > 0 && (
          <Col xs={24}>
            <Card title={t('home.shortcuts')}>
              <Row gutter={[12, 12]}>
                {allowed.map((s) => (
                  <Col xs={12} md={8} xl={4} key={s.to}>
                    <Link to={s.to} className="shortcut-tile">
                      <span className="shortcut-tile-icon">{s.icon}</span>
                      <span>{t(s.label)}</span>
                    </Link>
                  </Col>
                ))}
              </Row>
            </Card>
          </Col>
        )}
      </Row>
    </div>
  );
}

function MyWindows({ me }: { me: Me }) {
  const t = useT();
  const allowed = can(me, 'org.read');
  const staff = useStaff({ q: me.username }, 1, 20, allowed);
  const mine = staff.data?.items.find((s) => s.accountId === me.id);
  return (
    <Card title={t('home.myWindows')} className="full-height">
      {!allowed ? (
        <EmptyHint text={t('home.myWindowsNoAccess')} />
      ) : staff.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : staff.isError ? (
        <ErrorState error={staff.error} onRetry={() => void staff.refetch()} />
      ) : !mine || mine.windows.length === 0 ? (
        // who arranges the posts, told to those who do not (the administrator arranges them under 大厅与窗口)
        <EmptyHint text={t(can(me, 'org.manage') ? 'home.myWindowsEmptyAdmin' : 'home.myWindowsEmpty')} />
      ) : (
        <div className="window-list" data-testid="my-windows">
          {mine.windows.map((w) => (
            <div key={`${w.windowId}-${w.post}`} className="window-item">
              <span className="window-number">{w.number}</span>
              <span className="window-hall">
                {w.name}
                <span className="cell-sub"> · {w.hallName}</span>
              </span>
              <Tag color={w.post === 'A' ? 'blue' : 'default'}>{w.post === 'A' ? t('window.postA') : t('window.postB')}</Tag>
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}

function UnreadMessages() {
  const t = useT();
  const { locale } = useLocale();
  const messages = useMessages({ unread: true, page: 1, pageSize: 5 });
  return (
    <Card title={t('home.unreadMessages')} extra={<Link to="/messages">{t('home.allMessages')}</Link>} className="full-height">
      {messages.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : messages.isError ? (
        <ErrorState error={messages.error} onRetry={() => void messages.refetch()} />
      ) : messages.data.items.length === 0 ? (
        <EmptyHint text={t('home.noUnread')} />
      ) : (
        <div className="message-mini-list">
          {messages.data.items.map((m) => (
            <Link to="/messages" key={m.id} className="message-mini">
              <span className="message-mini-title">{m.title[locale]}</span>
              <span className="message-mini-time">{formatDateTime(m.createdAt, locale)}</span>
            </Link>
          ))}
        </div>
      )}
    </Card>
  );
}
