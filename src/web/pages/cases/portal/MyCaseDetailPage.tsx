import { useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Col, Input, Modal, Row, Skeleton, Typography } from 'antd';
import { Link, Navigate, useParams } from 'react-router';
import { useCaseT } from '../../../i18n/cases-pages.ts';
import { useBundleForApply, useCase, useCaseAction, useCases, usePublishedItem, type CaseDetail } from '../../../api/cases.ts';
import { idOf } from '../../../components/address.ts';
import { useIdempotencyKey } from '../../../components/forms.ts';
import { NotFoundState, QueryState } from '../../../components/PageState.tsx';
import { usePageTitle } from '../../../components/usePageTitle.ts';
import { FormValues } from '../../../components/schema-form/index.ts';
import { CaseTimeline } from '../shared/CaseTimeline.tsx';
import { CaseFacts, OutcomeBanner, beforeDecision } from '../shared/CaseFacts.tsx';
import { Deadlines } from '../shared/Deadlines.tsx';
import { KindTags, StatusTag } from '../shared/labels.tsx';
import { MaterialsByRound } from '../shared/MaterialsByRound.tsx';
import { SupplementForm, askedMaterials } from '../shared/SupplementForm.tsx';
import { TasksTable } from '../shared/TasksTable.tsx';
import { FeesAndDocuments } from '../shared/CaseDocuments.tsx';
import { useWorkT } from '../../../i18n/case-work.ts';
import { useReveal } from '../shared/Reveal.tsx';
import { BundleChildren, BundleTag, ParentNotice, bundleProgress } from '../shared/BundleParts.tsx';
import { CommitmentTag } from '../shared/Commitment.tsx';
import { LicenseActionTag } from '../shared/Licenses.tsx';
import { ToleratedCard } from '../shared/Tolerated.tsx';
import '../cases.css';

/** A case number (办件编号, as notices print it) rather than an id: looked up among the applicant's own cases. */
const looksLikeNumber = (param: string | undefined) => !!param && /^[0-9A-Za-z]{12,40}$/.test(param) && !/^\d+$/.test(param);

/** 办件详情 for the applicant: every step, who is on it now, the clocks, materials by round, supplements, withdrawal. */
export function MyCaseDetailPage() {
  const t = useCaseT();
  const param = useParams().id;
  const id = idOf(param);
  const kase = useCase(id);
  usePageTitle(kase.data ? `${kase.data.subject} ${kase.data.number}` : t('cases.myCases'));
  if (!id) return <CaseByNumber param={param} />;
  return (
    <div className="portal-page" data-testid="my-case">
      <Breadcrumb
        className="page-breadcrumb"
        items={[
          { title: <Link to="/my">{t('nav.myAccount')}</Link> },
          { title: <Link to="/my/cases">{t('cases.myCases')}</Link> },
          { title: kase.data?.number ?? '…' },
        ]}
      />
      <QueryState query={kase} rows={14} notFound={<CaseNotFound />}>
        {(data) => <CaseView kase={data} />}
      </QueryState>
    </div>
  );
}

/**
 * An address that is no case id: a case number (办件编号) of one of the applicant's cases opens that case; anything
 * else is not found, with the way back to 我的办件.
 */
function CaseByNumber({ param }: { param: string | undefined }) {
  const t = useCaseT();
  const number = looksLikeNumber(param) ? param!.toUpperCase() : undefined;
  const found = useCases({ q: number }, 1, 5, { enabled: number !== undefined });
  const match = found.data?.items.find((c) => c.number === number);
  if (match) return <Navigate to={`/my/cases/${match.id}`} replace />;
  return (
    <div className="portal-page" data-testid="my-case">
      <Breadcrumb
        className="page-breadcrumb"
        items={[{ title: <Link to="/my">{t('nav.myAccount')}</Link> }, { title: <Link to="/my/cases">{t('cases.myCases')}</Link> }]}
      />
      {number !== undefined && found.isPending ? <Skeleton active paragraph={{ rows: 4 }} /> : <CaseNotFound />}
    </div>
  );
}

function CaseNotFound() {
  const t = useCaseT();
  return <NotFoundState title={t('cases.notFound')} hint={t('cases.notFoundHint')} back={{ to: '/my/cases', label: t('cases.backToMyCases') }} />;
}

function CaseView({ kase }: { kase: CaseDetail }) {
  const t = useCaseT();
  const w = useWorkT();
  const item = usePublishedItem(kase.itemCode ?? undefined);
  const bundleSpec = useBundleForApply(kase.bundle?.code);
  const formSpec = kase.bundle ? bundleSpec.data?.form : (kase.itemForm ?? item.data?.content.form);
  const reveal = useReveal(kase.id);
  const asked = askedMaterials(kase);
  const open = kase.tasks.filter((x) => x.state === 'open' || x.state === 'claimed');
  const waitingChildren = kase.bundle?.children.filter((c) => c.status === 'awaiting_supplement') ?? [];
  return (
    <>
      <div className="case-page-title">
        <div>
          <Typography.Title level={2} className="case-title">
            {kase.subject}
            {kase.bundle && <BundleTag t={w} />}
            <StatusTag status={kase.status} t={t} />
          </Typography.Title>
          <KindTags kinds={kase.kinds} t={t} />
          <CommitmentTag kase={kase} />
          <LicenseActionTag kase={kase} />
        </div>
        {beforeDecision(kase) && !kase.parent && <WithdrawButton kase={kase} />}
      </div>
      <ParentNotice kase={kase} base="/my/cases" />
      <OutcomeBanner kase={kase} />
      {kase.bundle && (
        <Card title={w('bundle.childrenTitle', bundleProgress(kase))} className="block-gap" data-testid="bundle-card">
          <Typography.Paragraph type="secondary">{w('bundle.itemCasesHint')}</Typography.Paragraph>
          {waitingChildren.length > 0 && (
            <Alert
              type="warning"
              showIcon
              className="block-gap"
              title={w('bundle.childWaiting')}
              description={
                <ul className="case-event-list">
                  {waitingChildren.map((c) => (
                    <li key={c.id}>
                      <Link to={`/my/cases/${c.id}`}>
                        {c.subject}
                        {t('cases.paren', { text: c.number })}
                      </Link>
                    </li>
                  ))}
                </ul>
              }
            />
          )}
          <BundleChildren kase={kase} base="/my/cases" />
        </Card>
      )}
      {asked.length > 0 && (
        <Card
          title={t(kase.status === 'notified' ? 'cases.noticeTitle' : 'cases.supplementTitle')}
          className="block-gap case-attention-card"
          data-testid="asked-card"
        >
          <Typography.Paragraph>{t(kase.status === 'notified' ? 'cases.noticeIntro' : 'cases.supplementIntro')}</Typography.Paragraph>
          <SupplementForm kase={kase} mode="applicant" />
        </Card>
      )}
      <ToleratedCard kase={kase} mode="applicant" />
      <FeesAndDocuments caseId={kase.id} feesMode="applicant" />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card title={t('cases.overview')} className="block-gap">
            <CaseFacts kase={kase} deliveryEditable />
          </Card>
          <Card title={t('cases.progress')} className="block-gap">
            <CaseTimeline events={kase.timeline} renews={kase.renews} changes={kase.changes} cancels={kase.cancels} itemType={kase.itemType} />
          </Card>
          <Card title={t('cases.materialsByRound')} className="block-gap">
            <MaterialsByRound materials={kase.materials} timeline={kase.timeline} />
          </Card>
          <Card title={t('cases.applicationForm')} className="block-gap" extra={reveal.toggle} data-testid="case-form">
            {reveal.note}
            <FormValues spec={formSpec} data={reveal.inFull?.form ?? kase.form} />
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card title={t('cases.deadlines')} className="block-gap">
            <Deadlines kase={kase} />
          </Card>
          {!kase.bundle && (
            <Card title={t('cases.nowWith')} className="block-gap">
              {open.length ? (
                <div data-testid="tasks-in-progress">
                  {open.map((task) => (
                    <div key={task.id} className="case-now">
                      <Typography.Text strong>{task.name}</Typography.Text>
                      <div className="cell-sub">
                        {task.organizationName}
                        {task.assignee ? ` · ${task.assignee}` : ''}
                      </div>
                    </div>
                  ))}
                </div>
              ) : (
                <Typography.Text type="secondary">{t('cases.nobodyNow')}</Typography.Text>
              )}
            </Card>
          )}
          {!kase.bundle && (
            <Card title={t('cases.allTasks')} className="block-gap">
              <TasksTable tasks={kase.tasks} compact />
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}

function WithdrawButton({ kase }: { kase: CaseDetail }) {
  const t = useCaseT();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [key, renew] = useIdempotencyKey();
  const action = useCaseAction(kase.id);
  return (
    <>
      <Button danger onClick={() => setOpen(true)} data-testid="withdraw">
        {t('cases.withdraw')}
      </Button>
      <Modal
        open={open}
        title={t('cases.withdrawTitle')}
        okText={t('cases.withdrawConfirm')}
        okButtonProps={{ danger: true, loading: action.isPending }}
        onCancel={() => setOpen(false)}
        onOk={() =>
          action.mutate(
            { body: { action: 'withdraw', reason: reason.trim() || null }, key },
            {
              onSuccess: () => {
                renew();
                setOpen(false);
              },
              onError: (e) => setError(e.message),
            },
          )
        }
        destroyOnHidden
      >
        <Typography.Paragraph>{t('cases.withdrawText')}</Typography.Paragraph>
        <Input.TextArea rows={3} maxLength={500} placeholder={t('cases.withdrawReason')} value={reason} onChange={(e) => setReason(e.target.value)} />
        {error && <Alert type="error" showIcon className="block-gap-top" title={error} />}
      </Modal>
    </>
  );
}
