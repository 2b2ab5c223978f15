import { useState } from 'react';
import { Alert, Button, Table, Tag, Tooltip } from 'antd';
import type { TableProps } from 'antd';
import { Link } from 'react-router';
import { useLocale } from '../../../i18n/index.tsx';
import { useWorkT, type WorkT } from '../../../i18n/case-work.ts';
import { formatDateTime, formatDue } from '../../../i18n/format.ts';
import type { BundleChild, BundleForApply, CaseDetail, CaseStatus, CaseSummary } from '../../../api/cases.ts';
import { StatusTag, decisionLabel, formatLimit } from './labels.tsx';
import { toleratedDay } from './Tolerated.tsx';

/** Bundle applications (一件事一次办): the parent's item cases, the way back from an item case, list helpers. */

export function BundleTag({ t, className }: { t: WorkT; className?: string }) {
  return (
    <Tag color="purple" variant="outlined" className={className} data-testid="bundle-tag">
      {t('bundle.tag')}
    </Tag>
  );
}

const terminal: CaseStatus[] = ['concluded', 'delivered', 'refused', 'withdrawn'];

/** The item cases of a bundle application: number, item, department, status and decision, each a link. */
export function BundleChildren({ kase, base }: { kase: CaseDetail; base: '/my/cases' | '/workbench/cases' }) {
  const t = useWorkT();
  const { locale } = useLocale();
  const children = kase.bundle?.children ?? [];
  return (
    <Table<BundleChild>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={children}
      scroll={{ x: 760 }}
      locale={{ emptyText: t('bundle.childrenEmpty') }}
      data-testid="bundle-children"
      columns={[
        {
          title: t('cases.subjectAndNumber'),
          dataIndex: 'subject',
          render: (subject: string, c) => (
            <div>
              <Link to={`${base}/${c.id}`} className="case-link">
                {subject}
              </Link>
              <div className="cell-sub mono">{c.number}</div>
            </div>
          ),
        },
        { title: t('cases.organization'), dataIndex: 'organizationName', width: 200 },
        {
          title: t('common.status'),
          dataIndex: 'status',
          width: 130,
          render: (s: CaseStatus, c) => (
            <div>
              <StatusTag status={s} t={t} />
              {c.awaitsRegistration && (
                <Tooltip title={t('bundle.awaitsRegistrationHint')}>
                  <Tag color="gold" className="block-gap-top" data-testid="child-awaits-registration">
                    {t('bundle.awaitsRegistration')}
                  </Tag>
                </Tooltip>
              )}
            </div>
          ),
        },
        {
          title: t('bundle.decision'),
          key: 'decision',
          width: 170,
          render: (_v, c) =>
            c.decision ? (
              <div>
                <Tag color={c.decision === 'denied' ? 'red' : 'green'}>{decisionLabel({ ...c, decision: c.decision }, locale)}</Tag>
                <div className="cell-sub">{formatDateTime(c.decidedAt, locale)}</div>
              </div>
            ) : (
              '—'
            ),
        },
      ]}
    />
  );
}

export function bundleProgress(kase: CaseDetail): { done: number; total: number } {
  const children = kase.bundle?.children ?? [];
  return { done: children.filter((c) => terminal.includes(c.status)).length, total: children.length };
}

/** On an item case of a bundle: intake happens on the bundle application; link back to it. */
export function ParentNotice({ kase, base }: { kase: CaseDetail; base: '/my/cases' | '/workbench/cases' }) {
  const t = useWorkT();
  if (!kase.parent) return null;
  return (
    <Alert
      type="info"
      showIcon
      className="block-gap"
      data-testid="parent-notice"
      title={t('bundle.belongsTo')}
      description={t('bundle.belongsToText', { subject: kase.parent.subject, number: kase.parent.number })}
      action={
        <Link to={`${base}/${kase.parent.id}`} data-testid="parent-link">
          <Button size="small" type="primary">
            {t('bundle.openParent')}
          </Button>
        </Link>
      }
    />
  );
}

export type CaseRow = CaseSummary & { children?: CaseRow[]; nested?: boolean };

/**
 * A page of cases with each bundle's item cases nested under their bundle application (when both are on
 * the page; an item case whose bundle is elsewhere stays a row of its own and names it).
 */
export function nestBundles(items: CaseSummary[]): CaseRow[] {
  const parents = new Map<number, CaseRow>();
  for (const c of items) if (c.isBundle) parents.set(c.id, { ...c, children: [] });
  const rows: CaseRow[] = [];
  for (const c of items) {
    if (c.isBundle) rows.push(parents.get(c.id)!);
    else if (c.parentId !== null && parents.has(c.parentId)) parents.get(c.parentId)!.children!.push({ ...c, nested: true });
    else rows.push({ ...c });
  }
  for (const p of parents.values()) if (p.children!.length === 0) delete p.children;
  return rows;
}

/** How close the art. 32 one-time-notice deadline is: only while the case waits for pre-review. */
export function noticeUrgency(c: { status: CaseStatus; noticeDueAt: string }, now = Date.now()): 'past' | 'near' | 'ok' | null {
  if (c.status !== 'submitted') return null;
  const left = Date.parse(c.noticeDueAt) - now;
  if (left < 0) return 'past';
  if (left < 2 * 86_400_000) return 'near';
  return 'ok';
}

/**
 * The notice deadline in a list: red when past (acceptance then counts from receipt), orange when within two days. Once
 * the notice is given, the day the applicant's supplement period (补正期限) ends, if the item sets one.
 */
export function NoticeDue({ c, t }: { c: { status: CaseStatus; noticeDueAt: string; supplementDueAt?: string | null }; t: WorkT }) {
  const { locale } = useLocale();
  const urgency = noticeUrgency(c);
  if (!urgency && c.status === 'notified' && c.supplementDueAt)
    return (
      <span className="cell-sub" data-testid="list-supplement-due">
        {t('cases.supplementDueShort', { due: toleratedDay(c.supplementDueAt, locale) })}
      </span>
    );
  if (!urgency) return <span className="cell-sub">—</span>;
  return (
    <span className={urgency === 'past' ? 'case-overdue' : urgency === 'near' ? 'case-notice-near' : undefined} data-testid="notice-due" data-urgency={urgency}>
      {formatDue(c.noticeDueAt, locale)}
      {urgency === 'past' && (
        <Tooltip title={t('notice.pastHint')}>
          <Tag color="red" className="case-overdue-tag">
            {t('notice.past')}
          </Tag>
        </Tooltip>
      )}
      {urgency === 'near' && (
        <Tag color="orange" className="case-overdue-tag">
          {t('notice.near')}
        </Tag>
      )}
    </span>
  );
}

/** The class of an item case's row under its bundle application (cases.css indents it whole). */
export const nestedRow = (c: CaseRow) => (c.nested ? 'case-row-nested' : '');

/** Bundle rows start expanded; the user may fold them. */
export function useBundleExpansion(rows: CaseRow[]): TableProps<CaseRow>['expandable'] {
  const [folded, setFolded] = useState<ReadonlySet<number>>(new Set());
  return {
    // an item case is indented whole by its row's class (nestedRow), its number under its name; antd's indent moves
    // the first line only
    indentSize: 0,
    expandedRowKeys: rows.filter((r) => r.children && !folded.has(r.id)).map((r) => r.id),
    onExpand: (open, r) =>
      setFolded((f) => {
        const next = new Set(f);
        if (open) next.delete(r.id);
        else next.add(r.id);
        return next;
      }),
  };
}

/** The items of a bundle as its application shows them: each item, its department and its legal limit (即办 when none). */
export function BundleItemsTable({ items, testId }: { items: BundleForApply['items']; testId: string }) {
  const t = useWorkT();
  return (
    <Table
      size="small"
      rowKey="code"
      pagination={false}
      dataSource={items}
      data-testid={testId}
      columns={[
        { title: t('bundle.items'), dataIndex: 'name' },
        { title: t('cases.organization'), dataIndex: 'organizationName', width: 220 },
        {
          // each item's own legal limit; the bundle's committed limit above is the one the applicant is promised
          title: t('cases.legalLimitOfItem'),
          key: 'legal',
          width: 180,
          render: (_v, i) => (i.legalLimit.value > 0 ? formatLimit(t, i.legalLimit.value, i.legalLimit.unit) : t('cases.immediateLimit')),
        },
      ]}
    />
  );
}
