import { Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useLocale, useT } from '../../../i18n/index.tsx';
import { formatDateTime } from '../../../i18n/format.ts';
import type { AdminItem, VersionState } from '../../../api/catalog-admin.ts';
import { labelOf, versionStateColors, versionStateLabels } from '../labels.ts';

type Version = AdminItem['versions'][number];

/** 版本: every version of the item, newest first, with when it was sent, reviewed and published and the reviewer's note. */
export function VersionsTab({ item }: { item: AdminItem }) {
  const t = useT();
  const { locale } = useLocale();
  const at = (v: string | null) => <span className="cell-sub">{formatDateTime(v, locale)}</span>;
  const columns: TableColumnsType<Version> = [
    { title: t('ca.version.number'), dataIndex: 'number', width: 64, render: (n: number) => <span className="mono">v{n}</span> },
    {
      title: t('ca.version.state'),
      dataIndex: 'state',
      width: 96,
      render: (s: VersionState) => <Tag color={versionStateColors[s]}>{labelOf(t, versionStateLabels, s)}</Tag>,
    },
    { title: t('ca.item.name'), dataIndex: 'name' },
    { title: t('ca.version.createdAt'), dataIndex: 'createdAt', width: 132, render: at },
    { title: t('ca.version.submittedAt'), dataIndex: 'submittedAt', width: 132, render: at },
    { title: t('ca.version.reviewedAt'), dataIndex: 'reviewedAt', width: 132, render: at },
    { title: t('ca.version.publishedAt'), dataIndex: 'publishedAt', width: 132, render: at },
    {
      title: t('ca.version.reviewNote'),
      dataIndex: 'reviewNote',
      width: 200,
      render: (note: string | null) => (note ? <Typography.Text>{note}</Typography.Text> : <span className="muted">—</span>),
    },
  ];
  return (
    <div data-testid="versions-tab">
      <Typography.Paragraph type="secondary">{t('ca.version.hint')}</Typography.Paragraph>
      <Table rowKey="id" size="small" columns={columns} dataSource={item.versions} pagination={false} scroll={{ x: 1000 }} />
    </div>
  );
}
