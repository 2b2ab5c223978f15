import { lazy, Suspense } from 'react';
import { Badge, Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useCaseT } from '../../../i18n/cases-pages.ts';
import { can, useMe } from '../../../api/auth.ts';
import { useCases } from '../../../api/cases.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { Forbidden, PageSpin } from '../../../components/PageState.tsx';
import { PreReviewTab } from './PreReviewTab.tsx';
import { DeliveryTab } from './DeliveryTab.tsx';
import { WindowDecisionTab } from './WindowDecisionTab.tsx';
import { ToleratedTab } from './ToleratedTab.tsx';
import { useTolT } from '../../../i18n/tolerated.ts';
import '../cases.css';

const WindowIntakeTab = lazy(async () => ({ default: (await import('./WindowIntakeTab.tsx')).WindowIntakeTab }));

const tabs = ['prereview', 'window', 'window_decision', 'tolerated', 'delivery'] as const;
type TabKey = (typeof tabs)[number];

/**
 * 综合受理: the comprehensive window's desk — pre-review of arrivals, receiving at the window, the immediate items
 * the window decides on the spot, the cases accepted with materials to follow (容缺待补), and unified delivery.
 */
export function IntakePage() {
  const t = useCaseT();
  const tt = useTolT();
  const me = useMe().data!;
  const [params, setParams] = useSearchParams();
  const allowed = can(me, 'case.intake');
  // new applications in 预审 (a bundle once), counted by the server
  const submitted = useCases({ queue: 'prereview', status: 'submitted' }, 1, 1, { enabled: allowed, refetchInterval: 60_000 });
  // immediate items the window decides, accepted and waiting for the decision or conclusion
  const atWindow = useCases({ queue: 'window_decision' }, 1, 1, { enabled: allowed, refetchInterval: 60_000 });
  // accepted with materials to follow that are not all in yet
  const tolerated = useCases({ queue: 'tolerated' }, 1, 1, { enabled: allowed, refetchInterval: 60_000 });
  // results waiting for delivery, as 待出件 lists them
  const concluded = useCases({ status: 'concluded' }, 1, 1, { enabled: allowed, refetchInterval: 60_000 });
  if (!allowed) return <Forbidden />;
  const asked = params.get('tab');
  const tab: TabKey = tabs.find((k) => k === asked) ?? 'prereview';
  const label = (text: string, n: number | undefined) => (
    <span>
      {text} {n ? <Badge count={n} size="small" className="case-tab-badge" /> : null}
    </span>
  );
  return (
    <>
      <PageHeader title={t('cases.intake')} subtitle={t('cases.intakeSubtitle')} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams((p) => ({ ...Object.fromEntries(p), tab: k }), { replace: true })}
          destroyOnHidden={false}
          data-testid="intake-tabs"
          items={[
            { key: 'prereview', label: label(t('cases.preReview'), submitted.data?.total), children: <PreReviewTab /> },
            {
              key: 'window',
              label: t('cases.windowIntake'),
              children: (
                <Suspense fallback={<PageSpin />}>
                  <WindowIntakeTab initialItem={params.get('item') ?? undefined} ticketId={Number(params.get('ticket')) || undefined} />
                </Suspense>
              ),
            },
            { key: 'window_decision', label: label(t('cases.windowDecision'), atWindow.data?.total), children: <WindowDecisionTab /> },
            { key: 'tolerated', label: label(tt('tol.tab'), tolerated.data?.total), children: <ToleratedTab /> },
            { key: 'delivery', label: label(t('cases.toDeliver'), concluded.data?.total), children: <DeliveryTab /> },
          ]}
        />
      </Card>
    </>
  );
}
