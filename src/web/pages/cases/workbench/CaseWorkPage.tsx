import { useState } from 'react';
import { Button, Card, Col, Row, Space, Tag, Tooltip, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import { useCaseT } from '../../../i18n/cases-pages.ts';
import { can, useMe } from '../../../api/auth.ts';
import { useBundleForApply, useCase, usePublishedItem, type CaseDetail } from '../../../api/cases.ts';
import { idOf } from '../../../components/address.ts';
import { useReveal } from '../shared/Reveal.tsx';
import { ApplicantCases } from '../shared/ApplicantCases.tsx';
import type { Me } from '../../../api/types.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useCameFrom } from '../../../components/cameFrom.ts';
import { useT } from '../../../i18n/index.tsx';
import { Forbidden, NotFoundState, QueryState } from '../../../components/PageState.tsx';
import { FormValues } from '../../../components/schema-form/index.ts';
import { CaseTimeline } from '../shared/CaseTimeline.tsx';
import { CaseFacts, OutcomeBanner } from '../shared/CaseFacts.tsx';
import { Deadlines } from '../shared/Deadlines.tsx';
import { KindTags, StatusTag } from '../shared/labels.tsx';
import { MaterialsByRound } from '../shared/MaterialsByRound.tsx';
import { SupplementForm, askedMaterials } from '../shared/SupplementForm.tsx';
import { TasksTable } from '../shared/TasksTable.tsx';
import { FeesAndDocuments } from '../shared/CaseDocuments.tsx';
import { CompletenessCheck } from './CompletenessCheck.tsx';
import { IntakeActions, supplementExtendable } from './IntakeActions.tsx';
import { TaskActions, hasTaskActions } from './TaskActions.tsx';
import { useWorkT } from '../../../i18n/case-work.ts';
import { BundleChildren, BundleTag, ParentNotice, bundleProgress } from '../shared/BundleParts.tsx';
import { CcButton, ExtensionRequests, NoteButton } from './CaseCollab.tsx';
import { checkCompleteness } from './completeness.ts';
import { CommitmentTag } from '../shared/Commitment.tsx';
import { LicenseActionTag } from '../shared/Licenses.tsx';
import { CommitmentCheckAction } from './CommitmentCheckDialog.tsx';
import { ToleratedCard } from '../shared/Tolerated.tsx';
import '../cases.css';

/** 办件 for staff: who, what, where it stands, the clocks, the materials check, and the actions this user may take now. */
/** The list a case page was opened from, for its breadcrumb: 待办, 综合受理, the workbench's home, or else 办件查询. */
function useBackCrumb(): { to: string; title: string } {
  const t = useCaseT();
  const tt = useT();
  const from = useCameFrom();
  const path = from?.split('?')[0];
  if (from && path === '/workbench/tasks') return { to: from, title: t('cases.inbox') };
  if (from && path === '/workbench/intake') return { to: from, title: t('cases.intake') };
  if (from && path === '/workbench') return { to: from, title: tt('nav.workbenchHome') };
  if (from && path === '/workbench/cases') return { to: from, title: t('cases.search') };
  return { to: '/workbench/cases', title: t('cases.search') };
}

export function CaseWorkPage() {
  const t = useCaseT();
  const back = useBackCrumb();
  const me = useMe().data!;
  const id = idOf(useParams().id);
  const kase = useCase(id);
  if (!can(me, 'case.read')) return <Forbidden />;
  const notFound = (
    <NotFoundState title={t('cases.notFound')} hint={t('cases.notFoundHintStaff')} back={{ to: '/workbench/cases', label: t('cases.backToSearch') }} />
  );
  return (
    <>
      <PageHeader
        title={kase.data ? `${kase.data.subject}` : t('cases.case')}
        subtitle={kase.data ? <span className="mono">{kase.data.number}</span> : undefined}
        crumbs={[back]}
      />
      {id ? (
        <QueryState query={kase} rows={14} notFound={notFound}>
          {(data) => <CaseWork kase={data} me={me} />}
        </QueryState>
      ) : (
        notFound
      )}
    </>
  );
}

function CaseWork({ kase, me }: { kase: CaseDetail; me: Me }) {
  const t = useCaseT();
  const w = useWorkT();
  const item = usePublishedItem(kase.itemCode ?? undefined);
  const bundle = useBundleForApply(kase.bundle?.code);
  const spec = kase.bundle ? bundle.data?.form : (kase.itemForm ?? item.data?.content.form);
  // judged against the version the case was filed under, as the server judges it
  // 申请注销 asks none of the item's materials: what was handed in all the same is listed
  const completeness = checkCompleteness(kase, kase.cancels ? [] : kase.bundle ? bundle.data?.materials : (kase.itemMaterials ?? item.data?.content.materials));
  // an item case of a bundle takes its intake actions on the bundle application
  const isClerk = can(me, 'case.intake') && !kase.parent;
  const asked = askedMaterials(kase);
  const actionable =
    (isClerk && (['submitted', 'notified', 'concluded'].includes(kase.status) || supplementExtendable(kase))) ||
    hasTaskActions(kase, me) ||
    !!kase.commitmentCheck?.mayCheck;
  const reveal = useReveal(kase.id);
  const inFull = reveal.inFull;
  // 当场办结: the decision the window made concluded the case — the delivery is offered at once (at that version of it)
  const [deliveryOffered, setDeliveryOffered] = useState<number | null>(null);
  const offerDelivery = (done: CaseDetail) => {
    if (isClerk && done.status === 'concluded') setDeliveryOffered(done.version);
  };
  return (
    <div data-testid="case-work">
      <Card className="block-gap case-header-card" data-testid="case-header">
        <div className="case-header-top">
          {kase.bundle && <BundleTag t={w} />}
          <StatusTag status={kase.status} t={t} />
          <KindTags kinds={kase.kinds} t={t} />
          <CommitmentTag kase={kase} />
          <LicenseActionTag kase={kase} />
          <span className="case-header-spacer" />
          {reveal.toggle}
          <Tooltip title={w('sheet.hint')}>
            <Button
              size="small"
              type="text"
              icon={<PrinterOutlined />}
              href={`/api/v1/cases/${kase.id}/sheet.pdf`}
              target="_blank"
              rel="noopener"
              data-testid="case-sheet"
            >
              {w('sheet.print')}
            </Button>
          </Tooltip>
        </div>
        {reveal.note}
        <Row gutter={24}>
          <Col xs={24} lg={14}>
            <CaseFacts kase={kase} showApplicant applicantInFull={inFull?.applicant} deliveryInFull={inFull?.delivery} deliveryEditable={isClerk} />
          </Col>
          <Col xs={24} lg={10}>
            <Deadlines kase={kase} compact />
          </Col>
        </Row>
      </Card>
      <ParentNotice kase={kase} base="/workbench/cases" />
      <OutcomeBanner kase={kase} />
      <ToleratedCard kase={kase} mode={isClerk ? 'window' : undefined} />
      {kase.bundle && (
        <Card title={w('bundle.childrenTitle', bundleProgress(kase))} className="block-gap" data-testid="bundle-card">
          <BundleChildren kase={kase} base="/workbench/cases" />
        </Card>
      )}
      <Card
        title={t('cases.actions')}
        className="block-gap case-actions-card"
        data-testid="case-actions"
        extra={
          can(me, 'case.read') ? (
            <Space>
              <NoteButton kase={kase} />
              {!kase.bundle && <CcButton kase={kase} meId={me.id} />}
            </Space>
          ) : undefined
        }
      >
        {isClerk && (
          <IntakeActions
            kase={kase}
            completeness={completeness}
            deliveryOffered={deliveryOffered === kase.version}
            onOfferClosed={() => setDeliveryOffered(null)}
          />
        )}
        <TaskActions kase={kase} me={me} completeness={completeness} onDone={offerDelivery} />
        <CommitmentCheckAction kase={kase} />
        {!actionable && <Typography.Text type="secondary">{t('cases.noActions')}</Typography.Text>}
      </Card>
      {isClerk && asked.length > 0 && (
        <Card title={t('cases.windowSupplement')} className="block-gap">
          <SupplementForm kase={kase} mode="window" />
        </Card>
      )}
      {kase.extensionRequests.length > 0 && (
        <Card title={w('ext.title')} className="block-gap" data-testid="extension-card">
          <ExtensionRequests kase={kase} />
        </Card>
      )}
      {!kase.bundle && (
        <Card title={t('cases.tasks')} className="block-gap">
          <TasksTable tasks={kase.tasks} />
        </Card>
      )}
      <FeesAndDocuments caseId={kase.id} feesMode={isClerk ? 'window' : 'view'} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card title={t('cases.completeness')} className="block-gap">
            <CompletenessCheck completeness={completeness} toleratedDueAt={kase.toleratedDueAt} />
          </Card>
          {/* a later round, or a material accepted to follow and handed in since */}
          {(kase.materials.some((m) => m.round > 1) || kase.timeline.some((e) => e.type === 'tolerated_handed_in')) && (
            <Card title={t('cases.materialsByRound')} className="block-gap">
              <MaterialsByRound materials={kase.materials} timeline={kase.timeline} />
            </Card>
          )}
          <Card
            title={t('cases.applicationForm')}
            className="block-gap"
            data-testid="case-form"
            extra={kase.itemVersion !== null ? <Tag data-testid="form-version">{w('form.filedVersion', { n: kase.itemVersion })}</Tag> : undefined}
          >
            <FormValues spec={spec} data={inFull?.form ?? kase.form} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          {kase.clock && (kase.clock.pauses.length > 0 || kase.clock.extensions.length > 0) && (
            <Card title={t('cases.pausesAndExtensions')} className="block-gap">
              <Deadlines kase={kase} />
            </Card>
          )}
          <Card title={t('cases.timeline')} className="block-gap">
            <CaseTimeline events={kase.timeline} newestFirst renews={kase.renews} changes={kase.changes} cancels={kase.cancels} itemType={kase.itemType} />
          </Card>
          <Card title={t('cases.applicantOthersTitle')} className="block-gap" data-testid="applicant-others">
            <ApplicantCases applicantId={kase.applicant.id} exceptCaseId={kase.id} exceptParentId={kase.parent?.id} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
