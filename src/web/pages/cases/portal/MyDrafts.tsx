import { useState } from 'react';
import { Alert, Button, Card, Popconfirm, Skeleton, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useLocale } from '../../../i18n/index.tsx';
import { useWorkT } from '../../../i18n/case-work.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import { isApiError } from '../../../api/client.ts';
import { useDeleteDraft, useDraft, useDrafts, useForgetFiledDraft, type Draft, type DraftOf, type DraftSummary, type SavedDraft } from '../../../api/drafts.ts';
import { InlineError } from '../../../components/Feedback.tsx';
import { useFeedback } from '../../../components/feedback-context.tsx';
import { idOf } from '../../../components/address.ts';
import { useNarrow } from '../../../components/useNarrow.ts';
import { BundleTag } from '../shared/BundleParts.tsx';
import { dayOf } from '../shared/Licenses.tsx';
import type { DraftsOfForm } from '../shared/application-draft.tsx';
import '../cases.css';

/*
 * 暂存 as the portal shows it: the drafts on 我的办件, and the draft an application page continues.
 */

/** Where a draft is continued: its item's or its bundle's application page, the draft named in the address. */
export function draftAddress(d: Pick<DraftSummary, 'id' | 'itemCode' | 'bundleCode'>): string {
  const page = d.itemCode ? `/apply/${encodeURIComponent(d.itemCode)}` : `/apply/bundle/${encodeURIComponent(d.bundleCode ?? '')}`;
  return `${page}?draft=${d.id}`;
}

/** A draft within three days of running out is marked, so that it is not lost unnoticed. */
const expiresSoon = (d: DraftSummary) => Date.parse(d.expiresAt) - Date.now() < 3 * 86_400_000;

/**
 * 草稿 on 我的办件: the applicant's applications saved unfinished, the latest saved first, each to continue or delete.
 * Shown only when there is one: while the list loads nothing is shown, as most applicants have none and a card that
 * appears only to vanish would shift the cases below it.
 */
export function MyDrafts() {
  const t = useWorkT();
  const { locale } = useLocale();
  const drafts = useDrafts();
  const remove = useDeleteDraft();
  const { message } = useFeedback();
  const narrow = useNarrow();
  if (drafts.isPending || drafts.data?.length === 0) return null;
  const title = t('cases.drafts.title');
  if (drafts.isError)
    return (
      <Card title={title} className="block-gap" data-testid="my-drafts">
        <InlineError error={drafts.error} onRetry={() => void drafts.refetch()} />
      </Card>
    );

  const subjectCell = (d: DraftSummary) => (
    <div className="case-subject-cell">
      {d.bundleCode && <BundleTag t={t} />}
      <Link to={draftAddress(d)} className="case-link" data-testid="draft-name">
        {/* an item no longer published has no name to show: its code then */}
        {d.name || d.itemCode || d.bundleCode}
      </Link>
    </div>
  );
  const expiresCell = (d: DraftSummary) => (
    <span>
      {dayOf(d.expiresAt, locale)}
      {expiresSoon(d) && (
        <Tag color="orange" className="case-overdue-tag" data-testid="draft-expires-soon">
          {t('cases.drafts.expiresSoon')}
        </Tag>
      )}
    </span>
  );
  const actions = (d: DraftSummary) => (
    <Space size={4} wrap>
      <Link to={draftAddress(d)} data-testid="draft-continue">
        <Button size="small" type="primary">
          {t('cases.drafts.continue')}
        </Button>
      </Link>
      <Popconfirm
        title={t('cases.drafts.deleteConfirm', { name: d.name })}
        okText={t('cases.drafts.delete')}
        okButtonProps={{ danger: true, 'data-testid': 'draft-delete-ok' }}
        cancelText={t('action.cancel')}
        // the list reloads either way (useDeleteDraft): a draft deleted elsewhere meanwhile goes from it too
        onConfirm={() =>
          remove.mutateAsync(d.id).then(
            () => void message.success(t('cases.drafts.deleted')),
            (e: Error) => void message.error(e.message),
          )
        }
      >
        <Button size="small" danger data-testid="draft-delete">
          {t('cases.drafts.delete')}
        </Button>
      </Popconfirm>
    </Space>
  );
  const columns: TableColumnsType<DraftSummary> = narrow
    ? [
        {
          title,
          key: 'draft',
          render: (_v, d) => (
            <div className="case-card">
              {subjectCell(d)}
              <div className="cell-sub">{t('cases.drafts.savedAtLine', { time: formatDateTime(d.updatedAt, locale) })}</div>
              <div className="cell-sub">
                {t('cases.drafts.expiresAtLine')}
                {expiresCell(d)}
              </div>
              {actions(d)}
            </div>
          ),
        },
      ]
    : [
        { title: t('cases.drafts.subject'), dataIndex: 'name', render: (_v: string, d) => subjectCell(d) },
        { title: t('cases.drafts.savedAt'), dataIndex: 'updatedAt', width: 170, render: (v: string) => formatDateTime(v, locale) },
        { title: t('cases.drafts.expiresAt'), dataIndex: 'expiresAt', width: 190, render: (_v: string, d) => expiresCell(d) },
        { title: '', key: 'actions', width: 170, render: (_v, d) => actions(d) },
      ];
  return (
    // on a phone the hint goes under the title's line, where it has the card's width
    <Card title={title} extra={narrow ? undefined : <span className="cell-sub">{t('cases.drafts.hint')}</span>} className="block-gap" data-testid="my-drafts">
      {narrow && <div className="cell-sub block-gap">{t('cases.drafts.hint')}</div>}
      <Table<DraftSummary>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={drafts.data}
        pagination={false}
        // a phone's one column would only repeat the card's title
        showHeader={!narrow}
        loading={drafts.isFetching && !drafts.isPending}
        data-testid="my-drafts-table"
      />
    </Card>
  );
}

/** What the page says of the draft it was asked to continue. */
type DraftState =
  | { kind: 'none' }
  | { kind: 'loading' }
  | { kind: 'restored'; draft: Draft }
  | { kind: 'notFound' }
  | { kind: 'expired' }
  | { kind: 'otherSubject'; draft: Draft }
  | { kind: 'failed'; error: unknown; retry: () => void };

const isOf = (d: Draft, of: DraftOf) => (of.itemCode ? d.itemCode === of.itemCode : d.bundleCode === of.bundleCode);

/**
 * The draft an application page continues (`?draft=<id>`, as 我的办件 links to it). It is loaded as the page opens
 * — the form waits for it, so that it shows with the draft in it — and is the form's from then on: what is typed is
 * not replaced by a later answer. The form's first save puts the new draft's id in the address (replacing it, so Back
 * leaves the page); a draft the address names that the page does not hold yet (Back and Forward) is loaded into a
 * fresh form. `offered`: the page offers drafts at all (not for a license's renewal, change or cancellation).
 */
export function useDraftToContinue(of: DraftOf, offered: boolean) {
  const [params, setParams] = useSearchParams();
  const raw = offered ? params.get('draft') : null;
  const asked = raw === null ? null : idOf(raw);
  // the drafts the mounted form holds (loaded into it, or saved from it) and the one it started from; a new
  // generation mounts a fresh form
  const [held, setHeld] = useState<{ ids: number[]; draft: Draft | null; generation: number }>({ ids: [], draft: null, generation: 0 });
  const toLoad = asked !== null && !held.ids.includes(asked) ? asked : 0;
  const query = useDraft(toLoad);
  const forgetFiled = useForgetFiledDraft();
  const loaded = query.data?.id === toLoad ? query.data : undefined;
  const usable = loaded && isOf(loaded, of) && Date.parse(loaded.expiresAt) > Date.now();
  if (toLoad > 0 && usable) setHeld({ ids: [...held.ids, loaded.id], draft: loaded, generation: held.generation + 1 });

  let state: DraftState = held.draft ? { kind: 'restored', draft: held.draft } : { kind: 'none' };
  if (asked === 0) state = { kind: 'notFound' };
  else if (toLoad > 0 && !usable) {
    if (loaded) state = isOf(loaded, of) ? { kind: 'expired' } : { kind: 'otherSubject', draft: loaded };
    else if (query.isError)
      state =
        isApiError(query.error) && query.error.status === 404
          ? { kind: 'notFound' }
          : { kind: 'failed', error: query.error, retry: () => void query.refetch() };
    else state = { kind: 'loading' };
  }

  const drafts: DraftsOfForm | null = offered
    ? {
        of,
        draft: held.draft,
        onSaved: (saved: SavedDraft) => {
          setHeld((h) => (h.ids.includes(saved.id) ? h : { ...h, ids: [...h.ids, saved.id] }));
          if (asked !== saved.id)
            setParams(
              (p) => {
                p.set('draft', String(saved.id));
                return p;
              },
              { replace: true },
            );
        },
        // saved meanwhile elsewhere: read it again, into a fresh form
        onReload: () => setHeld((h) => ({ ids: h.ids.filter((id) => id !== asked), draft: null, generation: h.generation })),
      }
    : null;

  /** The application went in, taking its draft with it: the address names it no more, and 我的办件 lists it no more. */
  const filed = () => {
    if (raw !== null)
      setParams(
        (p) => {
          p.delete('draft');
          return p;
        },
        { replace: true },
      );
    void forgetFiled();
  };

  return {
    /** the form waits (loading), or cannot be shown (the draft could not be read: a retry may bring it) */
    holdForm: state.kind === 'loading' || state.kind === 'failed',
    formKey: held.generation,
    drafts,
    filed,
    notice: <DraftNotice state={state} />,
  };
}

/** The draft continued (when it was saved, until when it is kept), or why it is not: loading, gone, another's. */
function DraftNotice({ state }: { state: DraftState }) {
  const t = useWorkT();
  const { locale } = useLocale();
  const toMyCases = (
    <Link to="/my/cases" data-testid="draft-to-my-cases">
      <Button size="small">{t('cases.draft.toMyCases')}</Button>
    </Link>
  );
  switch (state.kind) {
    case 'none':
      return null;
    case 'loading':
      return (
        <div className="block-gap" data-testid="draft-loading">
          <Alert type="info" showIcon title={t('cases.draft.loading')} className="block-gap" />
          <Skeleton active paragraph={{ rows: 8 }} />
        </div>
      );
    case 'restored':
      return (
        <Alert
          type="info"
          showIcon
          className="block-gap"
          title={t('cases.draft.restored', { time: formatDateTime(state.draft.updatedAt, locale) })}
          description={t('cases.draft.restoredHint', { day: dayOf(state.draft.expiresAt, locale) })}
          data-testid="draft-restored"
        />
      );
    case 'notFound':
    case 'expired':
      return (
        <Alert
          type="warning"
          showIcon
          className="block-gap"
          title={t(state.kind === 'expired' ? 'cases.draft.expired' : 'cases.draft.notFound')}
          description={t('cases.draft.notFoundHint')}
          action={toMyCases}
          data-testid="draft-missing"
        />
      );
    case 'otherSubject':
      return (
        <Alert
          type="warning"
          showIcon
          className="block-gap"
          title={t('cases.draft.otherSubject', { name: state.draft.name })}
          description={t('cases.draft.otherSubjectHint')}
          action={
            <Link to={draftAddress(state.draft)} data-testid="draft-open-other">
              <Button size="small">{t('cases.draft.openIt')}</Button>
            </Link>
          }
          data-testid="draft-missing"
        />
      );
    case 'failed':
      return (
        <Alert
          type="error"
          showIcon
          className="block-gap"
          title={t('cases.draft.loadFailed', { message: state.error instanceof Error ? state.error.message : String(state.error) })}
          action={
            <Button size="small" onClick={state.retry}>
              {t('action.retry')}
            </Button>
          }
          data-testid="draft-load-failed"
        />
      );
  }
}
