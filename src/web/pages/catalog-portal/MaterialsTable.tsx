import { Table, Tag } from 'antd';
import { useNarrow } from '../../components/useNarrow.ts';
import type { TableColumnsType } from 'antd';
import { useT, type MessageKey } from '../../i18n/index.tsx';
import type { Material } from '../../api/catalog.ts';
import { isExempt } from './labels.ts';
import { useTolT } from '../../i18n/tolerated.ts';

type Row = Material & { items?: string[] };

/**
 * 一次性告知: every material of a service (or of a bundle, with the services each is for) — original or
 * copy, paper or electronic, copies, necessity with its condition, and where it comes from. Materials an
 * electronic license or shared data supplies are marked 可免提交; those that may follow after acceptance 可容缺后补
 * (a service's only: a bundle application is accepted complete).
 */
export function MaterialsTable({ materials, itemNames }: { materials: Row[]; itemNames?: Map<string, string> }) {
  const t = useT();
  const tt = useTolT();
  // a phone: the name, what it is and where it comes from in one column beside the necessity, with no sideways scroll
  const narrow = useNarrow();
  const columns: TableColumnsType<Row> = [
    { title: t('guide.mat.no'), key: 'no', width: 52, align: 'center', render: (_v, _m, i) => i + 1 },
    {
      title: t('guide.mat.name'),
      dataIndex: 'name',
      render: (name: string, m) => (
        <div>
          <div className="mat-name">{name}</div>
          {m.notes && <div className="cell-sub">{m.notes}</div>}
          {m.spec && <div className="cell-sub">{t('guide.spec', { spec: m.spec })}</div>}
          {m.blankFormFile && <div className="cell-sub">{t('guide.blankForm', { file: m.blankFormFile })}</div>}
          {m.sampleFile && <div className="cell-sub">{t('guide.sample', { file: m.sampleFile })}</div>}
          {m.basis && <div className="cell-sub">{t('guide.matBasis', { basis: m.basis })}</div>}
          {narrow && (
            <div className="cell-sub" data-testid="material-facts">
              {t(`guide.kind.${m.kind}` as MessageKey)} · {t(`guide.form.${m.form}` as MessageKey)} · {t('guide.mat.count')} {m.count} ·{' '}
              {t(`guide.source.${m.source}` as MessageKey)}
              {m.licenseType ? `（${m.licenseType}）` : ''}
              {isExempt(m) && (
                <Tag color="green" className="mat-exempt" style={{ marginInlineStart: 6 }}>
                  {t('guide.exempt')}
                </Tag>
              )}
            </div>
          )}
        </div>
      ),
    },
    { title: t('guide.mat.kind'), dataIndex: 'kind', width: 100, render: (k: string) => t(`guide.kind.${k}` as MessageKey) },
    { title: t('guide.mat.form'), dataIndex: 'form', width: 100, render: (f: string) => t(`guide.form.${f}` as MessageKey) },
    { title: t('guide.mat.count'), dataIndex: 'count', width: 72, align: 'center' },
    {
      title: t('guide.mat.necessity'),
      dataIndex: 'necessity',
      width: 150,
      render: (n: Material['necessity'], m) => (
        <div>
          <Tag color={n === 'required' ? 'red' : n === 'conditional' ? 'orange' : 'default'}>{t(`guide.necessity.${n}` as MessageKey)}</Tag>
          {m.tolerable && n === 'required' && !itemNames && (
            <span className="mat-tolerable" data-testid="material-tolerable" title={tt('tol.tolerableHint')}>
              {tt('tol.tolerableMark')}
            </span>
          )}
          {m.condition && <div className="cell-sub">{m.condition}</div>}
        </div>
      ),
    },
    {
      title: t('guide.mat.source'),
      dataIndex: 'source',
      width: 200,
      render: (s: Material['source'], m) => (
        <div>
          <span>{t(`guide.source.${s}` as MessageKey)}</span>
          {m.licenseType && <div className="cell-sub">{m.licenseType}</div>}
          {isExempt(m) && (
            <div>
              <Tag color="green" className="mat-exempt" data-testid="material-exempt">
                {t('guide.exempt')}
              </Tag>
            </div>
          )}
          {m.sourceNote && <div className="cell-sub">{m.sourceNote}</div>}
        </div>
      ),
    },
  ];
  if (narrow) {
    const kept = new Set(['no', 'name', 'necessity']);
    columns.splice(0, columns.length, ...columns.filter((c) => kept.has(String('dataIndex' in c ? c.dataIndex : c.key))));
    columns[0] = { ...columns[0]!, width: 48 };
    columns[2] = { ...columns[2]!, width: 96 };
  }
  if (itemNames) {
    columns.push({
      title: t('guide.mat.usedBy'),
      dataIndex: 'items',
      width: 220,
      render: (codes: string[] = []) => (
        <div className="tag-wrap">
          {codes.map((c) => (
            <Tag key={c}>{itemNames.get(c) ?? c}</Tag>
          ))}
        </div>
      ),
    });
  }
  return (
    <Table<Row>
      rowKey="key"
      size="small"
      bordered
      columns={columns}
      dataSource={materials}
      pagination={false}
      tableLayout="fixed"
      // a guide's table fits the guide's column on a desktop (the source's note in full); a narrower screen scrolls it
      scroll={narrow && !itemNames ? undefined : { x: itemNames ? 1100 : 800 }}
      rowClassName={(m) => (isExempt(m) ? 'mat-row-exempt' : '')}
      data-testid="materials-table"
    />
  );
}
