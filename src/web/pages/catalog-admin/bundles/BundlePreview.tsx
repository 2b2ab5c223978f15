import { Descriptions, Drawer, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useT } from '../../../i18n/index.tsx';
import { useBundle, type BundleDetail } from '../../../api/catalog-admin.ts';
import { QueryState } from '../../../components/PageState.tsx';
import { caseKindLabels, formatLimit, labelOf, necessityLabels, sourceLabels } from '../labels.ts';

type Merged = BundleDetail['materials'][number];
type Member = BundleDetail['items'][number];

/** A published bundle as applicants get it: its items, and one material list merged by key with what it saves. */
export function BundlePreview({ code, onClose }: { code: string; onClose: () => void }) {
  const t = useT();
  const bundle = useBundle(code);
  const itemColumns: TableColumnsType<Member> = [
    {
      title: t('ca.item.name'),
      dataIndex: 'name',
      render: (n: string, m) => (
        <div>
          {n}
          <div className="cell-sub mono">{m.code}</div>
        </div>
      ),
    },
    { title: t('ca.item.organization'), dataIndex: 'organizationName', width: 180 },
    { title: t('ca.item.caseKind'), dataIndex: 'caseKind', width: 90, render: (k: 'immediate' | 'committed') => labelOf(t, caseKindLabels, k) },
    { title: t('ca.item.committedLimit'), dataIndex: 'committedLimit', width: 110, render: (l: Member['committedLimit']) => formatLimit(t, l) },
    { title: t('ca.bundle.materialCount'), dataIndex: 'materials', width: 80, align: 'right' },
  ];
  const materialColumns: TableColumnsType<Merged> = [
    { title: t('ca.material.name'), dataIndex: 'name' },
    {
      title: t('ca.material.necessity'),
      dataIndex: 'necessity',
      width: 120,
      render: (n: Merged['necessity']) => <Tag color={n === 'required' ? 'red' : 'default'}>{labelOf(t, necessityLabels, n)}</Tag>,
    },
    { title: t('ca.material.count'), dataIndex: 'count', width: 64, align: 'right' },
    { title: t('ca.material.source'), dataIndex: 'source', width: 110, render: (s: Merged['source']) => labelOf(t, sourceLabels, s) },
    {
      title: t('ca.bundle.usedBy'),
      dataIndex: 'items',
      width: 110,
      render: (codes: string[]) =>
        codes.length > 1 ? <Tag color="green">{t('ca.bundle.sharedBy', { n: codes.length })}</Tag> : <span className="muted">1</span>,
    },
  ];
  return (
    <Drawer open size={860} title={t('ca.bundle.previewTitle')} onClose={onClose} data-testid="bundle-preview">
      <QueryState query={bundle}>
        {(b) => (
          <>
            <Typography.Title level={4}>{b.name}</Typography.Title>
            <Typography.Paragraph type="secondary">{b.content.description}</Typography.Paragraph>
            <Descriptions
              size="small"
              column={3}
              className="block-gap"
              items={[
                { key: 'org', label: t('ca.bundle.organization'), children: b.organizationName },
                { key: 'limit', label: t('ca.bundle.committedLimit'), children: formatLimit(t, b.content.committedLimit) },
                { key: 'sum', label: t('ca.bundle.sumOfLimits'), children: t('ca.bundle.workdays', { n: b.sumOfCommittedLimits }) },
              ]}
            />
            <div className="ca-bundle-stats block-gap">
              <Statistic title={t('ca.bundle.items')} value={b.items.length} />
              <Statistic title={t('ca.bundle.mergedMaterials')} value={b.materials.length} />
              <Statistic title={t('ca.bundle.materialsSaved')} value={b.materialsSaved} styles={{ content: { color: '#1a7f37' } }} />
              <Statistic title={t('ca.bundle.formFields')} value={b.form.ui.order.length} />
            </div>
            <Typography.Title level={5}>{t('ca.bundle.items')}</Typography.Title>
            <Table rowKey="code" size="small" columns={itemColumns} dataSource={b.items} pagination={false} className="block-gap" />
            <Typography.Title level={5}>{t('ca.bundle.mergedMaterials')}</Typography.Title>
            <Table rowKey="key" size="small" columns={materialColumns} dataSource={b.materials} pagination={false} data-testid="bundle-materials" />
          </>
        )}
      </QueryState>
    </Drawer>
  );
}
