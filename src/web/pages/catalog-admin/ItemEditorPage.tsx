import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Badge, Modal, Space, Tabs, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useBlocker, useParams } from 'react-router';
import { useT } from '../../i18n/index.tsx';
import { can, useMe } from '../../api/auth.ts';
import type { Me } from '../../api/types.ts';
import { catalogAdminKeys, fetchAdminItem, useAdminItem, type AdminItem, type Problem } from '../../api/catalog-admin.ts';
import { Forbidden, NotFoundState, QueryState } from '../../components/PageState.tsx';
import { idOf } from '../../components/address.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ItemActions } from './editor/ItemActions.tsx';
import { countByTab, ProblemsPanel, tabKeys, type EditorTab } from './editor/ProblemsPanel.tsx';
import { useItemDraft } from './editor/useItemDraft.ts';
import { BasicTab } from './editor/BasicTab.tsx';
import { MaterialsTab } from './editor/MaterialsTab.tsx';
import { FeesTab } from './editor/FeesTab.tsx';
import { VersionsTab } from './editor/VersionsTab.tsx';
import { DelegationTab } from './editor/DelegationTab.tsx';
import { LocalDetailsCard } from './editor/LocalDetailsCard.tsx';
import { LicenseFieldsCard } from './editor/LicenseFieldsCard.tsx';
import { FormDesigner } from './form-designer/FormDesigner.tsx';
import { ProcessDesigner } from './process-designer/ProcessDesigner.tsx';
import { labelOf, statusColors, statusLabels, versionStateColors, versionStateLabels } from './labels.ts';
import './catalog-admin.css';

/** Asks before leaving the page (or the tab) with unsaved edits. */
function useLeaveGuard(dirty: boolean) {
  const t = useT();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  return (
    <Modal
      open={blocker.state === 'blocked'}
      title={t('ca.editor.leaveTitle')}
      okText={t('ca.editor.leave')}
      cancelText={t('ca.editor.stay')}
      okButtonProps={{ danger: true }}
      onOk={() => blocker.proceed?.()}
      onCancel={() => blocker.reset?.()}
    >
      {t('ca.editor.leaveText')}
    </Modal>
  );
}

function ItemEditor({ item, me }: { item: AdminItem; me: Me }) {
  const t = useT();
  const queryClient = useQueryClient();
  const { draft, update, saved, reset } = useItemDraft(item);
  const [tab, setTab] = useState<EditorTab>('basic');
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const guard = useLeaveGuard(draft.dirty);
  const canManage = can(me, 'catalog.manage');
  const editable = canManage && item.open?.state === 'draft' && !item.delegatedFrom && item.status !== 'cancelled';
  const readOnly = !editable;
  const content = draft.content;
  const counts = countByTab(problems);
  /** After a conflict: read the item again and drop the unsaved edits. */
  const reload = async () => {
    const fresh = await queryClient.fetchQuery({ queryKey: catalogAdminKeys.item(item.id), queryFn: () => fetchAdminItem(item.id), staleTime: 0 });
    reset(fresh);
    setProblems(null);
  };

  const shownVersion = item.open ?? (item.published ? { number: item.published.number, state: 'published' as const } : null);
  const label = (key: EditorTab) => (
    <Badge count={counts[key] ?? 0} size="small" offset={[8, -2]}>
      <span>{t(tabKeys[key])}</span>
    </Badge>
  );
  const pane = (node: ReactNode, content = true) => <div className={`ca-pane${readOnly && content ? ' ca-readonly' : ''}`}>{node}</div>;
  const tabs = content
    ? [
        { key: 'basic', label: label('basic'), children: pane(<BasicTab key={draft.revision} content={content} readOnly={readOnly} onChange={update} />) },
        {
          key: 'materials',
          label: label('materials'),
          children: pane(<MaterialsTab materials={content.materials} readOnly={readOnly} onChange={(materials) => update({ materials })} />),
        },
        {
          key: 'fees',
          label: label('fees'),
          children: pane(<FeesTab isChargeable={content.isChargeable} fees={content.fees} readOnly={readOnly} onChange={update} />),
        },
        {
          key: 'form',
          label: label('form'),
          children: pane(
            <>
              <FormDesigner form={content.form} readOnly={readOnly} onChange={(form) => update({ form })} />
              <LicenseFieldsCard content={content} readOnly={readOnly} onChange={update} />
            </>,
          ),
        },
        {
          key: 'process',
          label: label('process'),
          children: pane(<ProcessDesigner content={content} readOnly={readOnly} onChange={(process) => update({ process })} />),
        },
        { key: 'versions', label: t('ca.tab.versions'), children: pane(<VersionsTab item={item} />, false) },
        { key: 'delegation', label: t('ca.tab.delegation'), children: pane(<DelegationTab item={item} canManage={canManage} />, false) },
      ]
    : [];

  return (
    <div className="ca-editor">
      {guard}
      <PageHeader
        title={content?.name ?? item.code}
        crumbs={[{ title: t('ca.nav.group') }, { to: '/workbench/catalog/items', title: t('ca.nav.items') }]}
        subtitle={
          <Space size={8} wrap className="ca-editor-meta">
            <span className="mono">{item.code}</span>
            <span>{item.organizationName}</span>
            <Tag color={statusColors[item.status]}>{labelOf(t, statusLabels, item.status)}</Tag>
            {shownVersion && (
              <Tag color={versionStateColors[shownVersion.state]} data-testid="shown-version">
                v{shownVersion.number} · {labelOf(t, versionStateLabels, shownVersion.state)}
              </Tag>
            )}
            {item.delegatedFrom && <Tag color="purple">{t('ca.item.delegatedTag')}</Tag>}
            {draft.dirty && (
              <Tag color="gold" data-testid="dirty">
                {t('ca.editor.unsaved')}
              </Tag>
            )}
          </Space>
        }
        extra={<ItemActions item={item} draft={draft} me={me} onSaved={saved} onProblems={setProblems} onReload={() => void reload()} />}
      />
      {item.status === 'cancelled' && (
        <Alert className="block-gap" type="error" showIcon title={t('ca.editor.cancelled')} description={item.cancelReason ?? undefined} />
      )}
      {item.open?.state === 'draft' && item.open.reviewNote && !item.delegatedFrom && (
        <Alert className="block-gap" type="warning" showIcon title={t('ca.editor.rejected')} description={item.open.reviewNote} data-testid="review-note" />
      )}
      {item.open?.state === 'in_review' && (
        <Alert className="block-gap" type="info" showIcon title={t('ca.editor.inReview', { n: item.open.number })} description={t('ca.editor.inReviewHint')} />
      )}
      {!item.open && item.published && !item.delegatedFrom && item.status !== 'cancelled' && (
        <Alert
          className="block-gap"
          type="info"
          showIcon
          title={t('ca.editor.publishedReadOnly', { n: item.published.number })}
          description={canManage ? t('ca.editor.publishedHint') : undefined}
          data-testid="published-readonly"
        />
      )}
      {item.delegatedFrom && (
        <>
          <Alert
            className="block-gap"
            type="info"
            showIcon
            title={t('ca.editor.delegated')}
            description={t('ca.editor.delegatedHint')}
            data-testid="delegated-notice"
          />
          <LocalDetailsCard item={item} canEdit={canManage && item.status !== 'cancelled'} />
        </>
      )}
      {problems && <ProblemsPanel problems={problems} content={content} onJump={setTab} onClose={() => setProblems(null)} />}
      {content ? (
        <Tabs activeKey={tab} onChange={(k) => setTab(k as EditorTab)} items={tabs} className="ca-tabs" data-testid="editor-tabs" destroyOnHidden={false} />
      ) : (
        <Typography.Text type="secondary">{t('ca.editor.noContent')}</Typography.Text>
      )}
    </div>
  );
}

/** 事项编辑: an item's tabs, from its draft when there is one, else its published version read-only. */
export function ItemEditorPage() {
  const t = useT();
  const id = idOf(useParams().id);
  const me = useMe().data!;
  const item = useAdminItem(id);
  const back = { to: '/workbench/catalog/items', label: t('ca.editor.backToList') };
  if (!can(me, 'catalog.manage') && !can(me, 'catalog.review')) return <Forbidden back={{ to: '/workbench', label: t('state.backToWorkbench') }} />;
  const notFound = (
    <>
      <PageHeader title={t('ca.editor.item')} crumbs={[{ title: t('ca.nav.group') }, { to: '/workbench/catalog/items', title: t('ca.nav.items') }]} />
      <NotFoundState title={t('ca.editor.notFound')} hint={t('ca.editor.notFoundHint')} back={back} />
    </>
  );
  if (!id) return notFound;
  return (
    <QueryState query={item} notFound={notFound} forbidden={<Forbidden back={back} />}>
      {(data) => <ItemEditor item={data} me={me} />}
    </QueryState>
  );
}
