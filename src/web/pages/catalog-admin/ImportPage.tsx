import { useState } from 'react';
import { Alert, Button, Card, Col, Row, Space, Statistic, Steps, Table, Tag, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import { CloudUploadOutlined, DownloadOutlined, FileExcelOutlined, FileSearchOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useLocale, useT } from '../../i18n/index.tsx';
import { can, useMe } from '../../api/auth.ts';
import { isApiError } from '../../api/client.ts';
import { catalogAdminApi, catalogAdminKeys, exportWorkbookUrl, messageIn, type ImportResult, type ImportRowError } from '../../api/catalog-admin.ts';
import { Forbidden } from '../../components/PageState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import './catalog-admin.css';

/** The file as base64, the way POST /catalog/admin/import takes it. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

type Outcome =
  { kind: 'plan'; result: ImportResult } | { kind: 'done'; result: ImportResult } | { kind: 'errors'; errors: ImportRowError[]; total: number } | null;

/** 导入导出: download the catalog workbook; upload one, check it without saving (预检), then import it all or nothing. */
export function ImportPage() {
  const t = useT();
  const { locale } = useLocale();
  const me = useMe().data!;
  const queryClient = useQueryClient();
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const run = useMutation({
    meta: { silent: true },
    mutationFn: (dryRun: boolean) => catalogAdminApi.importWorkbook(file!.content, dryRun),
    onSuccess: async (result, dryRun) => {
      setFailure(null);
      setOutcome({ kind: dryRun ? 'plan' : 'done', result });
      if (!dryRun) await queryClient.invalidateQueries({ queryKey: catalogAdminKeys.all });
    },
    onError: (error) => {
      const details = isApiError(error, 'VALIDATION_FAILED') ? (error.details as { errors?: ImportRowError[]; errorCount?: number } | null) : null;
      if (details?.errors) {
        setFailure(null);
        setOutcome({ kind: 'errors', errors: details.errors, total: details.errorCount ?? details.errors.length });
      } else {
        setOutcome(null);
        setFailure(error.message);
      }
    },
  });
  if (!can(me, 'catalog.manage')) return <Forbidden />;

  const errorColumns: TableColumnsType<ImportRowError & { n: number }> = [
    { title: t('ca.import.sheet'), dataIndex: 'sheet', width: 90, render: (s: string) => <Tag>{s}</Tag> },
    { title: t('ca.import.row'), dataIndex: 'row', width: 70, align: 'right', render: (r: number) => (r > 0 ? r : '—') },
    { title: t('ca.import.column'), dataIndex: 'column', width: 220, render: (c?: string) => c ?? '—' },
    { title: t('ca.import.message'), key: 'message', render: (_: unknown, e: ImportRowError) => messageIn(locale, e) },
  ];
  const planColumns: TableColumnsType<ImportResult['items'][number]> = [
    {
      title: t('ca.import.action'),
      dataIndex: 'action',
      width: 110,
      render: (a: string) => <Tag color={a === 'create' ? 'green' : 'blue'}>{a === 'create' ? t('ca.import.create') : t('ca.import.newDraft')}</Tag>,
    },
    { title: t('ca.item.code'), dataIndex: 'code', width: 300, render: (c: string) => <span className="mono">{c}</span> },
    { title: t('ca.item.name'), dataIndex: 'name' },
  ];
  const step = outcome?.kind === 'done' ? 3 : outcome?.kind === 'plan' ? 2 : file ? 1 : 0;

  return (
    <>
      <PageHeader title={t('ca.nav.import')} subtitle={t('ca.import.subtitle')} crumbs={[{ title: t('ca.nav.group') }]} />
      <Row gutter={16}>
        <Col xs={24} lg={8}>
          <Card title={t('ca.import.exportTitle')} className="block-gap">
            <Typography.Paragraph type="secondary">{t('ca.import.exportHint')}</Typography.Paragraph>
            <Button type="primary" icon={<DownloadOutlined />} href={exportWorkbookUrl} download="catalog.xlsx" data-testid="export-link">
              {t('ca.import.download')}
            </Button>
            <Typography.Paragraph type="secondary" className="small-note">
              {t('ca.import.layout')}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card title={t('ca.import.importTitle')} className="block-gap">
            <Steps
              size="small"
              current={step}
              className="block-gap"
              items={[{ title: t('ca.import.step1') }, { title: t('ca.import.step2') }, { title: t('ca.import.step3') }, { title: t('ca.import.step4') }]}
            />
            <Upload.Dragger
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              maxCount={1}
              showUploadList={false}
              beforeUpload={(f) => {
                void readBase64(f).then((content) => {
                  setFile({ name: f.name, content });
                  setOutcome(null);
                  setFailure(null);
                });
                return false;
              }}
              data-testid="import-upload"
            >
              <p className="ant-upload-drag-icon">{file ? <FileExcelOutlined /> : <InboxOutlined />}</p>
              <p className="ant-upload-text">{file ? file.name : t('ca.import.drop')}</p>
              <p className="ant-upload-hint">{t('ca.import.dropHint')}</p>
            </Upload.Dragger>
            <Space className="block-gap-top">
              <Button
                icon={<FileSearchOutlined />}
                disabled={!file}
                loading={run.isPending && run.variables}
                onClick={() => run.mutate(true)}
                data-testid="import-dry-run"
              >
                {t('ca.import.dryRun')}
              </Button>
              <Button
                type="primary"
                icon={<CloudUploadOutlined />}
                disabled={!file || outcome?.kind !== 'plan'}
                loading={run.isPending && !run.variables}
                onClick={() => run.mutate(false)}
                data-testid="import-run"
              >
                {t('ca.import.run')}
              </Button>
              {file && outcome?.kind !== 'plan' && outcome?.kind !== 'done' && <span className="muted">{t('ca.import.dryRunFirst')}</span>}
            </Space>
          </Card>
        </Col>
      </Row>
      {failure && <Alert type="error" showIcon title={t('ca.import.failed')} description={failure} className="block-gap" />}
      {outcome?.kind === 'errors' && (
        <Card title={t('ca.import.errorsTitle', { count: outcome.total })} className="block-gap" data-testid="import-errors">
          <Alert type="error" showIcon className="block-gap" title={t('ca.import.nothingSaved')} />
          <Table
            rowKey="n"
            size="small"
            columns={errorColumns}
            dataSource={outcome.errors.map((e, n) => ({ ...e, n }))}
            pagination={outcome.errors.length > 50 ? { pageSize: 50 } : false}
          />
        </Card>
      )}
      {(outcome?.kind === 'plan' || outcome?.kind === 'done') && (
        <Card
          title={outcome.kind === 'plan' ? t('ca.import.planTitle') : t('ca.import.doneTitle')}
          className="block-gap"
          data-testid={outcome.kind === 'plan' ? 'import-plan' : 'import-done'}
          extra={outcome.kind === 'done' && <Link to="/workbench/catalog/items">{t('ca.import.toItems')}</Link>}
        >
          <Space size={48} className="block-gap">
            <Statistic title={t('ca.import.created')} value={outcome.result.created} />
            <Statistic title={t('ca.import.updated')} value={outcome.result.updated} />
          </Space>
          {outcome.kind === 'plan' && <Alert type="success" showIcon className="block-gap" title={t('ca.import.planOk')} />}
          {outcome.kind === 'done' && <Alert type="success" showIcon className="block-gap" title={t('ca.import.doneOk')} />}
          <Table
            rowKey={(r) => `${r.action}-${r.code}`}
            size="small"
            columns={planColumns}
            dataSource={outcome.result.items}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
          />
        </Card>
      )}
    </>
  );
}
