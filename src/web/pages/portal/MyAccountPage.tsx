import { Alert, Badge, Button, Card, Col, Descriptions, Row, Typography } from 'antd';
import { CalendarOutlined, FileTextOutlined, LockOutlined, MailOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useT } from '../../i18n/index.tsx';
import { isStaff, useMe } from '../../api/auth.ts';
import { useUnreadCount } from '../../api/notify.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { SessionsTable } from '../account/SessionsTable.tsx';
import { AgentsCard } from './AgentsCard.tsx';
import { MyCasesSummary } from '../cases/portal/MyCasesSummary.tsx';

/** 我的账户: the applicant's real-name profile (masked), their cases and what waits for them, messages, agents (委托代办) and sessions. */
export function MyAccountPage() {
  const t = useT();
  usePageTitle(t('nav.myAccount'));
  const me = useMe().data!;
  const unread = useUnreadCount();
  const applicant = me.applicant;
  const isEnterprise = applicant?.kind === 'enterprise';
  return (
    <div className="portal-page" data-testid="my-account">
      <Typography.Title level={2}>{t('my.greeting', { name: me.displayName })}</Typography.Title>
      {isStaff(me) && (
        <Alert
          type="info"
          showIcon
          className="block-gap"
          title={t('my.staffNotice')}
          action={
            <Link to="/workbench">
              <Button type="primary" size="small">
                {t('nav.workbench')}
              </Button>
            </Link>
          }
        />
      )}
      <Row gutter={[16, 16]}>
        {applicant && (
          <Col xs={24}>
            <MyCasesSummary />
          </Col>
        )}
        <Col xs={24} lg={16}>
          <Card title={t('my.profile')}>
            <Descriptions
              column={{ xs: 1, sm: 2 }}
              items={[
                { key: 'name', label: isEnterprise ? t('register.enterpriseName') : t('register.personName'), children: applicant?.name ?? me.displayName },
                { key: 'kind', label: t('register.kind'), children: applicant ? (isEnterprise ? t('register.enterprise') : t('register.person')) : '—' },
                {
                  key: 'id',
                  label: isEnterprise ? t('register.creditCode') : t('register.idCard'),
                  children: <span className="mono">{applicant?.idNumber ?? '—'}</span>,
                },
                { key: 'phone', label: t('register.phone'), children: <span className="mono">{applicant?.phone ?? '—'}</span> },
                { key: 'username', label: t('auth.username'), children: me.username },
              ]}
            />
            <Typography.Paragraph type="secondary" className="small-note">
              {t('my.maskedNote')}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('my.shortcuts')}>
            <div className="shortcut-list">
              <Link to="/my/cases" className="shortcut" data-testid="my-cases-link">
                <FileTextOutlined />
                <span>{t('cases.myCases')}</span>
              </Link>
              {applicant && (
                <Link to="/my/licenses" className="shortcut" data-testid="my-licenses-link">
                  <SafetyCertificateOutlined />
                  <span>{t('cases.myLicenses')}</span>
                </Link>
              )}
              {applicant && (
                <Link to="/appointments" className="shortcut" data-testid="my-appointments-link">
                  <CalendarOutlined />
                  <span>{t('q.book.myBookings')}</span>
                </Link>
              )}
              <Link to="/messages" className="shortcut" data-testid="my-messages-link">
                <MailOutlined />
                <span>{t('messages.title')}</span>
                <Badge count={unread.data ?? 0} />
              </Link>
              <Link to="/profile" className="shortcut">
                <LockOutlined />
                <span>{t('my.security')}</span>
              </Link>
            </div>
          </Card>
        </Col>
        {applicant && (
          <Col xs={24}>
            <AgentsCard />
          </Col>
        )}
        <Col xs={24}>
          <Card title={t('sessions.title')}>
            <SessionsTable />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
