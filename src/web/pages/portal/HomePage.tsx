import { Button, Col, Row, Space } from 'antd';
import { CalendarOutlined, FileSearchOutlined, SafetyCertificateOutlined, SolutionOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { ReactNode } from 'react';
import { useT, type MessageKey } from '../../i18n/index.tsx';
import { homeOf, useMe } from '../../api/auth.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { ServiceNetwork } from './ServiceNetwork.tsx';
import { HomeSearch } from '../catalog-portal/HomeSearch.tsx';

/**
 * The quick entries, each to the page it names: the guides, the appointments and 证照核验 are public; 我的办件 asks a
 * visitor to sign in first and comes back to it.
 */
const entries: { key: string; icon: ReactNode; title: MessageKey; text: MessageKey; color: string; to: string; signIn?: boolean }[] = [
  { key: 'guide', icon: <FileSearchOutlined />, title: 'home.entry.guide', text: 'home.entry.guideText', color: '#1a5fb4', to: '/services' },
  { key: 'cases', icon: <SolutionOutlined />, title: 'home.entry.cases', text: 'home.entry.casesText', color: '#2e7d32', to: '/my/cases', signIn: true },
  {
    key: 'appointment',
    icon: <CalendarOutlined />,
    title: 'home.entry.appointment',
    text: 'home.entry.appointmentText',
    color: '#b26a00',
    to: '/appointments',
  },
  { key: 'verify', icon: <SafetyCertificateOutlined />, title: 'home.entry.verify', text: 'home.entry.verifyText', color: '#c0392b', to: '/verify' },
];

const steps: { title: MessageKey; text: MessageKey }[] = [
  { title: 'home.step1', text: 'home.step1Text' },
  { title: 'home.step2', text: 'home.step2Text' },
  { title: 'home.step3', text: 'home.step3Text' },
];

/**
 * The portal's front page: who we are, where to start, and the service network from the public
 * region tree. Plain markup with CSS keeps it in the lean first chunk.
 */
export function HomePage() {
  const t = useT();
  const me = useMe();
  usePageTitle(t('app.centerName'));
  const user = me.data ?? null;
  // staff have no cases of their own: their entry is the workbench
  const hrefOf = (e: (typeof entries)[number]) =>
    !e.signIn ? e.to : !user ? `/login?next=${encodeURIComponent(e.to)}` : user.kind === 'staff' ? homeOf(user) : e.to;
  return (
    <div className="home">
      <section className="home-hero">
        <div className="home-hero-inner">
          <div className="home-hero-kicker">{t('app.centerName')}</div>
          <h1 className="home-hero-title">{t('home.heroTitle')}</h1>
          <p className="home-hero-text">{t('home.heroText')}</p>
          <HomeSearch />
          <Space size={12} wrap>
            {user ? (
              <Link to={homeOf(user)}>
                <Button type="primary" size="large">
                  {user.kind === 'staff' ? t('home.toWorkbench') : t('home.toMyAccount')}
                </Button>
              </Link>
            ) : (
              <>
                <Link to="/login">
                  <Button type="primary" size="large">
                    {t('home.loginToApply')}
                  </Button>
                </Link>
                <Link to="/register">
                  <Button size="large" ghost>
                    {t('home.registerNow')}
                  </Button>
                </Link>
              </>
            )}
          </Space>
        </div>
      </section>

      <section className="home-section home-entries" aria-label={t('home.entries')}>
        <Row gutter={[16, 16]}>
          {entries.map((e) => (
            <Col xs={12} lg={6} key={e.key}>
              <Link to={hrefOf(e)} className="entry-card" data-testid={`entry-${e.key}`}>
                <span className="entry-icon" style={{ color: e.color, background: `${e.color}14` }}>
                  {e.icon}
                </span>
                <span className="entry-title">{t(e.title)}</span>
                <span className="entry-text">{t(e.text)}</span>
              </Link>
            </Col>
          ))}
        </Row>
      </section>

      <section className="home-section">
        <h2 className="section-title">{t('home.howTitle')}</h2>
        <Row gutter={[16, 16]}>
          {steps.map((s, i) => (
            <Col xs={24} md={8} key={s.title}>
              <div className="step-card">
                <span className="step-number">{i + 1}</span>
                <div>
                  <div className="step-title">{t(s.title)}</div>
                  <div className="step-text">{t(s.text)}</div>
                </div>
              </div>
            </Col>
          ))}
        </Row>
      </section>

      <section className="home-section" id="network">
        <ServiceNetwork />
      </section>
    </div>
  );
}
