import { useMemo, useState } from 'react';
import { Button, Input, Select, Skeleton, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useT } from '../../i18n/index.tsx';
import { powerListPdfUrl, usePowerList, type PowerRow } from '../../api/catalog.ts';
import { EmptyHint, InlineError } from '../../components/Feedback.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatLimit, typeKey } from './labels.ts';
import './catalog-portal.css';

type Row = PowerRow & { orgSpan: number; typeSpan: number };
const noRows: PowerRow[] = [];

/** Row spans that group consecutive rows of one organization, and of one type within it. */
function grouped(rows: PowerRow[]): Row[] {
  const out: Row[] = rows.map((r) => ({ ...r, orgSpan: 0, typeSpan: 0 }));
  for (let i = 0; i < out.length;) {
    let j = i;
    while (j < out.length && out[j]!.organizationName === out[i]!.organizationName) j++;
    out[i]!.orgSpan = j - i;
    for (let k = i; k < j;) {
      let m = k;
      while (m < j && out[m]!.type === out[k]!.type) m++;
      out[k]!.typeSpan = m - k;
      k = m;
    }
    i = j;
  }
  return out;
}

/** 权力清单: the published administrative powers by organization and type, with the PDF edition. */
export function PowerListPage() {
  const t = useT();
  usePageTitle(t('power.title'));
  const list = usePowerList();
  const [org, setOrg] = useState<string>();
  const [type, setType] = useState<string>();
  const [q, setQ] = useState('');
  const all = list.data ?? noRows;
  const orgs = useMemo(() => [...new Set(all.map((r) => r.organizationName))], [all]);
  const types = useMemo(() => [...new Set(all.map((r) => r.type))], [all]);
  const rows = useMemo(
    () =>
      grouped(
        all.filter(
          (r) => (!org || r.organizationName === org) && (!type || r.type === type) && (!q.trim() || r.name.includes(q.trim()) || r.code.includes(q.trim())),
        ),
      ),
    [all, org, type, q],
  );

  const columns: TableColumnsType<Row> = [
    {
      title: t('power.organization'),
      dataIndex: 'organizationName',
      width: 170,
      onCell: (r) => ({ rowSpan: r.orgSpan }),
      render: (name: string) => <strong>{name}</strong>,
    },
    { title: t('power.type'), dataIndex: 'type', width: 120, onCell: (r) => ({ rowSpan: r.typeSpan }), render: (v: string) => t(typeKey(v)) },
    {
      title: t('power.name'),
      dataIndex: 'name',
      width: 240,
      render: (name: string, r) => (
        <div>
          <Link to={`/services/${encodeURIComponent(r.code)}`}>{name}</Link>
          <div className="cell-sub mono">{r.code}</div>
        </div>
      ),
    },
    {
      title: t('power.basis'),
      dataIndex: 'basis',
      render: (basis: string) => (
        <Typography.Paragraph className="power-basis" ellipsis={{ rows: 2, expandable: 'collapsible' }}>
          {basis}
        </Typography.Paragraph>
      ),
    },
    { title: t('power.legalLimit'), key: 'limit', width: 120, render: (_v, r) => formatLimit(t, r.legalLimit) },
  ];

  return (
    <div className="portal-page" data-testid="power-list-page">
      <section className="svc-search power-head">
        <div>
          <h1 className="svc-title">{t('power.title')}</h1>
          <p className="svc-subtitle">{t('power.subtitle')}</p>
        </div>
        <Button type="primary" icon={<FilePdfOutlined />} href={powerListPdfUrl} target="_blank" rel="noopener" data-testid="power-list-pdf">
          {t('power.pdf')}
        </Button>
      </section>
      {list.isPending ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : list.isError ? (
        <InlineError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <div className="power-card">
          <div className="power-filters">
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('power.filterOrg')}
              value={org}
              onChange={setOrg}
              options={orgs.map((o) => ({ value: o, label: o }))}
              style={{ width: 260 }}
              aria-label={t('power.organization')}
            />
            <Select
              allowClear
              placeholder={t('power.filterType')}
              value={type}
              onChange={setType}
              options={types.map((v) => ({ value: v, label: t(typeKey(v)) }))}
              style={{ width: 180 }}
              aria-label={t('power.type')}
            />
            <Input.Search allowClear placeholder={t('power.name')} onSearch={setQ} style={{ width: 240 }} aria-label={t('power.name')} />
            <span className="muted" data-testid="power-summary">
              {t('power.summary', { total: rows.length, orgs: new Set(rows.map((r) => r.organizationName)).size })}
            </span>
          </div>
          <Table<Row>
            rowKey="code"
            size="middle"
            bordered
            columns={columns}
            dataSource={rows}
            pagination={false}
            tableLayout="fixed"
            scroll={{ x: 960 }}
            locale={{ emptyText: <EmptyHint text={t('power.empty')} /> }}
            data-testid="power-list-table"
          />
        </div>
      )}
    </div>
  );
}
