import { Alert, Table, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCaseT } from '../../../i18n/cases-pages.ts';
import { useTolT } from '../../../i18n/tolerated.ts';
import { MaterialReference, MaterialStatus } from '../shared/MaterialsByRound.tsx';
import { ToleratedCompleteness } from '../shared/Tolerated.tsx';
import type { Completeness, CompletenessRow } from './completeness.ts';

/** 材料完整性检查: each material of the item, whether it is required, and what the case holds for it now. */
export function CompletenessCheck({ completeness, toleratedDueAt }: { completeness: Completeness; toleratedDueAt?: string | null }) {
  const t = useCaseT();
  const tt = useTolT();
  const columns: TableColumnsType<CompletenessRow> = [
    {
      title: t('cases.material'),
      dataIndex: 'name',
      // the rest of the width: a material's name is the longest thing in the row
      render: (name: string, r) => (
        <div>
          <span className={r.necessity === 'required' ? 'sf-required' : undefined}>{name}</span>
          {r.condition && <div className="cell-sub">{t('cases.condition', { text: r.condition })}</div>}
        </div>
      ),
    },
    {
      title: t('cases.necessity'),
      dataIndex: 'necessity',
      width: 100,
      render: (n: CompletenessRow['necessity'], r) => (
        <div className="tag-wrap">
          <Tag color={n === 'required' ? 'red' : n === 'conditional' ? 'orange' : 'default'} variant="outlined">
            {n === 'unknown' ? '—' : t(`cases.necessity.${n}`)}
          </Tag>
          {r.tolerable && (
            <Tooltip title={tt('tol.tolerableHint')}>
              <Tag color="gold" variant="outlined" data-testid={`tolerable-${r.key}`}>
                {tt('tol.tolerableTag')}
              </Tag>
            </Tooltip>
          )}
        </div>
      ),
    },
    { title: t('common.status'), dataIndex: 'status', width: 100, render: (s: CompletenessRow['status']) => <MaterialStatus status={s} /> },
    { title: t('cases.reference'), key: 'ref', width: 180, render: (_v, r) => (r.latest ? <MaterialReference m={r.latest} /> : '—') },
  ];
  return (
    <div data-testid="completeness">
      {completeness.isComplete && completeness.tolerated.length > 0 ? (
        // what is still out, by when, red once the day has passed
        <ToleratedCompleteness names={completeness.tolerated.map((m) => m.name)} dueAt={toleratedDueAt} />
      ) : completeness.isComplete ? (
        <Alert type="success" showIcon className="block-gap" title={t('cases.complete')} />
      ) : completeness.missingTolerable.length > 0 ? (
        <Alert
          type={completeness.canTolerate ? 'info' : 'warning'}
          showIcon
          className="block-gap"
          data-testid="completeness-tolerable"
          title={
            completeness.canTolerate
              ? tt('tol.completeTolerable', { n: completeness.missingRequired.length })
              : tt('tol.completeBlocking', { n: completeness.missingRequired.length, m: completeness.missingBlocking.length })
          }
          description={completeness.missingRequired.map((m) => (m.tolerable ? `${m.name}${tt('tol.tolerableMark')}` : m.name)).join(t('cases.listSep'))}
        />
      ) : (
        <Alert
          type="warning"
          showIcon
          className="block-gap"
          title={t('cases.incomplete', { n: completeness.missingRequired.length })}
          description={completeness.missingRequired.map((m) => m.name).join(t('cases.listSep'))}
        />
      )}
      <Table<CompletenessRow>
        size="small"
        rowKey="key"
        pagination={false}
        columns={columns}
        dataSource={completeness.rows}
        rowClassName={(r) => (r.necessity === 'required' && r.status === 'missing' ? 'case-row-missing' : '')}
      />
    </div>
  );
}
