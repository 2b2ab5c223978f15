import { Descriptions, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useT } from '../../../i18n/index.tsx';
import { useTolT } from '../../../i18n/tolerated.ts';
import type { Material } from '../../../api/catalog-admin.ts';
import { labelOf, materialFormLabels, materialKindLabels, necessityLabels, sourceLabels } from '../labels.ts';

const necessityColors: Record<Material['necessity'], string> = { required: 'red', conditional: 'orange', optional: 'default' };

/** The materials of a version that is not being edited: what the guide will say, row by row. */
export function MaterialsView({ materials }: { materials: Material[] }) {
  const t = useT();
  const tt = useTolT();
  const columns: TableColumnsType<Material> = [
    { title: '#', key: 'n', width: 48, render: (_v, _m, i) => <span className="muted">{i + 1}</span> },
    {
      title: t('ca.material.name'),
      dataIndex: 'name',
      render: (name: string, m) => (
        <div>
          <Typography.Text strong>{name}</Typography.Text>
          <div className="cell-sub mono">{m.key}</div>
        </div>
      ),
    },
    { title: t('ca.material.kind'), dataIndex: 'kind', width: 120, render: (v: Material['kind']) => labelOf(t, materialKindLabels, v) },
    { title: t('ca.material.form'), dataIndex: 'form', width: 110, render: (v: Material['form']) => labelOf(t, materialFormLabels, v) },
    {
      title: t('ca.material.necessity'),
      dataIndex: 'necessity',
      width: 220,
      render: (v: Material['necessity'], m) => (
        <div>
          <Tag color={necessityColors[v]}>{labelOf(t, necessityLabels, v)}</Tag>
          {m.tolerable && (
            <Tooltip title={tt('tol.tolerableHint')}>
              <Tag color="gold" variant="outlined" data-testid={`material-tolerable-${m.key}`}>
                {tt('tol.tolerableTag')}
              </Tag>
            </Tooltip>
          )}
          {m.condition && <div className="cell-sub">{m.condition}</div>}
        </div>
      ),
    },
    { title: t('ca.material.count'), dataIndex: 'count', width: 64, align: 'right' },
    {
      title: t('ca.material.source'),
      dataIndex: 'source',
      width: 150,
      render: (v: Material['source'], m) => (
        <div>
          {labelOf(t, sourceLabels, v)}
          {m.licenseType && <div className="cell-sub">{m.licenseType}</div>}
        </div>
      ),
    },
  ];
  const details = (m: Material) =>
    (
      [
        ['notes', t('ca.material.notes')],
        ['spec', t('ca.material.spec')],
        ['basis', t('ca.material.basis')],
        ['sourceNote', t('ca.material.sourceNote')],
        ['blankFormFile', t('ca.material.blankFormFile')],
        ['sampleFile', t('ca.material.sampleFile')],
      ] as const
    )
      .filter(([k]) => m[k])
      .map(([k, label]) => ({ key: k, label, children: m[k] }));
  return (
    <Table
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={materials}
      pagination={false}
      expandable={{
        rowExpandable: (m) => details(m).length > 0,
        expandedRowRender: (m) => <Descriptions size="small" column={1} items={details(m)} />,
      }}
      locale={{ emptyText: t('ca.material.empty') }}
      data-testid="materials-table"
    />
  );
}
