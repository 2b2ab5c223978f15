import { useState } from 'react';
import { Button, Card, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { FlagOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useT } from '../../i18n/index.tsx';
import { QueryState } from '../../components/PageState.tsx';
import { useFeedback } from '../../components/feedback-context.tsx';
import { localToday, metricsApi, type RankRow, type Settings, type WorkLog } from './api.ts';
import { formatMetric } from './format.ts';
import './metrics.css';

const pct = (v: number | null) => formatMetric('onTimeRate', v);

export function WindowsPage() {
  const t = useT();
  const [month, setMonth] = useState(localToday().slice(0, 7));
  const options = useQuery({ queryKey: ['metrics', 'options'], queryFn: metricsApi.options });
  return (
    <div className="page" data-testid="metrics-windows">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('m.win.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('m.win.subtitle')}</Typography.Paragraph>
      <Space style={{ marginBottom: 16 }}>
        <span>{t('m.month')}</span>
        <DatePicker
          picker="month"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
          aria-label={t('m.month')}
        />
      </Space>
      <Tabs
        items={[
          { key: 'ranking', label: t('m.tab.ranking'), children: <RankingTab month={month} canManage={!!options.data?.canManage} /> },
          { key: 'staff', label: t('m.tab.staff'), children: <StaffTab month={month} canManage={!!options.data?.canManage} /> },
          { key: 'log', label: t('m.tab.log'), children: <LogTab month={month} windows={options.data?.windows ?? []} /> },
        ]}
      />
    </div>
  );
}

function RankTable({ rows, testId, nameWidth }: { rows: RankRow[]; testId: string; nameWidth: string }) {
  const t = useT();
  const num = { align: 'right' as const, className: 'metrics-num' };
  return (
    <Table
      data-testid={testId}
      className="metrics-table"
      size="small"
      rowKey="id"
      dataSource={rows}
      pagination={false}
      // as wide as its card; wider only when the columns cannot fit, and then it scrolls inside the card
      scroll={{ x: true }}
      tableLayout="auto"
      locale={{ emptyText: t('m.rank.empty') }}
      columns={[
        {
          title: t('m.rank.rank'),
          dataIndex: 'rank',
          className: 'metrics-num',
          render: (v: number, r) => (
            <span data-rank={v}>
              {v}
              {r.tied && (
                <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4 }}>
                  {t('m.rank.tied')}
                </Typography.Text>
              )}
            </span>
          ),
        },
        {
          title: t('m.name'),
          dataIndex: 'name',
          render: (v: string, r) => (
            <div className="metrics-name" style={{ minWidth: nameWidth }}>
              <span className="metrics-name-text">{v}</span>
              {r.mark === 'praised' && <Tag color="green">{t('m.rank.praised')}</Tag>}
              {r.mark === 'flagged' && <Tag color="red">{t('m.rank.flagged')}</Tag>}
            </div>
          ),
        },
        { title: t('m.metric.accepted'), dataIndex: 'accepted', ...num },
        { title: t('m.metric.completed'), dataIndex: 'concluded', ...num },
        { title: t('m.metric.onTimeRate'), dataIndex: 'onTimeRate', render: pct, ...num },
        { title: t('m.metric.earlyRate'), dataIndex: 'earlyRate', render: pct, ...num },
        { title: t('m.metric.satisfaction'), dataIndex: 'satisfaction', render: pct, ...num },
        { title: t('m.rank.score'), dataIndex: 'score', render: (v: number | null) => (v === null ? '—' : v.toFixed(2)), ...num },
      ]}
    />
  );
}

function RankingTab({ month, canManage }: { month: string; canManage: boolean }) {
  const t = useT();
  const { message } = useFeedback();
  const client = useQueryClient();
  const ranking = useQuery({ queryKey: ['metrics', 'ranking', month], queryFn: () => metricsApi.ranking(month) });
  const [note, setNote] = useState('');
  const [open, setOpen] = useState(false);
  const name = useMutation({
    mutationFn: (windowId: number) => metricsApi.nameRedFlag({ windowId, month, note }),
    onSuccess: async () => {
      setOpen(false);
      message.success(t('m.redFlag.done'));
      await client.invalidateQueries({ queryKey: ['metrics', 'ranking', month] });
    },
    onError: (e) => message.error((e as Error).message),
  });
  return (
    <QueryState query={ranking}>
      {(r) => (
        <>
          <Card
            size="small"
            style={{ marginBottom: 16 }}
            // the month whose ranking is shown (the one chosen may still be loading)
            data-testid="red-flag-card"
            data-month={r.month}
            title={
              <Space>
                <FlagOutlined style={{ color: '#cf1322' }} />
                {t('m.redFlag')}
              </Space>
            }
          >
            {r.redFlags.length > 0 ? (
              r.redFlags.map((f) => (
                <div key={f.hallId} data-testid="red-flag" style={{ marginBottom: 8 }}>
                  <Tag color="red">{t('m.redFlag.named', { month: r.month, name: f.windowName ?? f.hall })}</Tag> {f.note}
                </div>
              ))
            ) : (
              <Typography.Paragraph>{t('m.redFlag.none')}</Typography.Paragraph>
            )}
            {r.redFlagCandidate && r.redFlags.length === 0 && (
              <Space>
                <Typography.Text data-testid="red-flag-candidate">
                  {r.redFlagCandidate.tied
                    ? t('m.redFlag.candidateTied', {
                        name: r.redFlagCandidate.name,
                        score: r.redFlagCandidate.score ?? '—',
                        others: r.windows.filter((w) => w.rank === 1).length - 1,
                      })
                    : t('m.redFlag.candidate', { name: r.redFlagCandidate.name, score: r.redFlagCandidate.score ?? '—' })}
                </Typography.Text>
                {canManage && (
                  <Button danger icon={<FlagOutlined />} onClick={() => setOpen(true)}>
                    {t('m.redFlag.name')}
                  </Button>
                )}
              </Space>
            )}
            <Modal
              open={open}
              title={t('m.redFlag.name')}
              onCancel={() => setOpen(false)}
              onOk={() => r.redFlagCandidate && name.mutate(r.redFlagCandidate.id)}
              confirmLoading={name.isPending}
            >
              <Typography.Paragraph>{r.redFlagCandidate?.name}</Typography.Paragraph>
              <Input.TextArea
                aria-label={t('m.redFlag.note')}
                placeholder={t('m.redFlag.note')}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                maxLength={500}
              />
            </Modal>
          </Card>
          {/* one above the other: a window's name needs the width */}
          <Row gutter={[16, 16]}>
            <Col xs={24}>
              <Card size="small" title={t('m.rank.windows')}>
                <RankTable rows={r.windows} testId="rank-windows" nameWidth="16em" />
              </Card>
            </Col>
            <Col xs={24}>
              <Card size="small" title={t('m.rank.departments')}>
                <RankTable rows={r.departments} testId="rank-departments" nameWidth="10em" />
              </Card>
            </Col>
          </Row>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('m.rank.formula')}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t('m.rank.ties')}</Typography.Paragraph>
        </>
      )}
    </QueryState>
  );
}

function StaffTab({ month, canManage }: { month: string; canManage: boolean }) {
  const t = useT();
  const staff = useQuery({ queryKey: ['metrics', 'staff', month], queryFn: () => metricsApi.staff(month) });
  const settings = useQuery({ queryKey: ['metrics', 'settings'], queryFn: metricsApi.settings, enabled: canManage });
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={canManage ? 16 : 24}>
        <QueryState query={staff}>
          {(s) => (
            <Card size="small" title={t('m.staff.weights', { v: s.weights.volume, t: s.weights.timeliness, r: s.weights.rating })}>
              <Table
                data-testid="staff-table"
                size="small"
                rowKey="accountId"
                dataSource={s.staff}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                locale={{ emptyText: t('m.staff.empty') }}
                columns={[
                  { title: t('m.staff.name'), dataIndex: 'name' },
                  { title: t('m.staff.org'), dataIndex: 'organization' },
                  { title: t('m.staff.window'), dataIndex: 'window', render: (v: string | null) => v ?? '—' },
                  { title: t('m.staff.volume'), dataIndex: 'volume', align: 'right' },
                  { title: t('m.staff.tasks'), dataIndex: 'tasksDone', align: 'right' },
                  { title: t('m.staff.timeliness'), dataIndex: 'timeliness', align: 'right', render: pct },
                  { title: t('m.metric.satisfaction'), dataIndex: 'satisfaction', align: 'right', render: pct },
                  { title: t('m.staff.score'), dataIndex: 'score', align: 'right', render: (v: number | null) => (v === null ? '—' : v.toFixed(2)) },
                ]}
              />
            </Card>
          )}
        </QueryState>
      </Col>
      {canManage && (
        <Col xs={24} xl={8}>
          <QueryState query={settings}>{(s) => <SettingsForm settings={s} />}</QueryState>
        </Col>
      )}
    </Row>
  );
}

function SettingsForm({ settings }: { settings: Settings }) {
  const t = useT();
  const { message } = useFeedback();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const save = useMutation({
    mutationFn: (v: { volume: number; timeliness: number; rating: number; minCases: number }) =>
      metricsApi.saveSettings({
        center: settings.centerId,
        weights: { volume: v.volume, timeliness: v.timeliness, rating: v.rating },
        minCases: v.minCases,
        expectedVersion: settings.version,
      }),
    onSuccess: async () => {
      message.success(t('m.settings.saved'));
      await client.invalidateQueries({ queryKey: ['metrics'] });
    },
    onError: (e) => message.error((e as Error).message),
  });
  return (
    <Card size="small" title={`${t('m.settings')} · ${settings.centerName}`}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ ...settings.weights, minCases: settings.minCases }}
        onFinish={(v) => save.mutate(v)}
        data-testid="weights-form"
      >
        {(['volume', 'timeliness', 'rating'] as const).map((k) => (
          <Form.Item
            key={k}
            name={k}
            label={t(`m.settings.${k}`)}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: () =>
                  (getFieldValue('volume') ?? 0) + (getFieldValue('timeliness') ?? 0) + (getFieldValue('rating') ?? 0) === 100
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('m.settings.sum'))),
              }),
            ]}
            dependencies={['volume', 'timeliness', 'rating'].filter((x) => x !== k)}
          >
            <InputNumber min={0} max={100} addonAfter="%" style={{ width: '100%' }} />
          </Form.Item>
        ))}
        <Form.Item name="minCases" label={t('m.settings.minCases')} rules={[{ required: true }]}>
          <InputNumber min={0} max={100000} style={{ width: '100%' }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('m.save')}
        </Button>
      </Form>
    </Card>
  );
}

function LogTab({ month, windows }: { month: string; windows: { id: number; name: string }[] }) {
  const t = useT();
  const [windowId, setWindowId] = useState<number | undefined>();
  const from = `${month}-01`;
  const end = dayjs(from).endOf('month').format('YYYY-MM-DD');
  const to = end > localToday() ? localToday() : end;
  const log = useQuery({
    queryKey: ['metrics', 'log', windowId, from, to],
    queryFn: () => metricsApi.log(windowId!, from, to),
    enabled: !!windowId && from <= to,
  });
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <span>{t('m.log.window')}</span>
        <Select
          style={{ width: 320 }}
          aria-label={t('m.log.window')}
          placeholder={t('m.log.pick')}
          value={windowId}
          onChange={setWindowId}
          showSearch
          optionFilterProp="label"
          options={windows.map((w) => ({ value: w.id, label: w.name }))}
        />
      </Space>
      {windowId && <QueryState query={log}>{(l) => <LogTable log={l} windowId={windowId} />}</QueryState>}
    </>
  );
}

function LogTable({ log, windowId }: { log: WorkLog; windowId: number }) {
  const t = useT();
  const { message } = useFeedback();
  const client = useQueryClient();
  const [editing, setEditing] = useState<WorkLog['days'][number] | null>(null);
  const [remarks, setRemarks] = useState('');
  const save = useMutation({
    mutationFn: () => metricsApi.saveLog(windowId, editing!.day, { remarks, expectedVersion: editing!.version }),
    onSuccess: async () => {
      setEditing(null);
      message.success(t('m.log.saved'));
      await client.invalidateQueries({ queryKey: ['metrics', 'log', windowId] });
    },
    onError: (e) => message.error((e as Error).message),
  });
  return (
    <>
      <Table
        data-testid="work-log"
        size="small"
        rowKey="day"
        dataSource={log.days}
        pagination={{ pageSize: 31, hideOnSinglePage: true }}
        locale={{ emptyText: t('m.log.empty') }}
        columns={[
          { title: t('m.log.day'), dataIndex: 'day', width: 120 },
          { title: t('m.log.onDuty'), dataIndex: 'onDuty', render: (v: WorkLog['days'][number]['onDuty']) => v.map((s) => s.name).join('、') || '—' },
          { title: t('m.log.handled'), key: 'h', render: (_, r) => `${r.accepted} / ${r.concluded} / ${r.delivered}` },
          {
            title: t('m.log.remarks'),
            dataIndex: 'remarks',
            render: (v: string, r) => (
              <Space direction="vertical" size={0}>
                <span>{v || '—'}</span>
                {r.updatedBy && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('m.log.by', { name: r.updatedBy })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: '',
            key: 'edit',
            width: 80,
            render: (_, r) => (
              <Button
                size="small"
                onClick={() => {
                  setEditing(r);
                  setRemarks(r.remarks);
                }}
              >
                {/* a day with its note already written is changed, not written */}
                {t(r.remarks ? 'm.log.change' : 'm.log.edit')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={!!editing}
        title={`${log.window.hall} ${log.window.number}号 · ${editing?.day ?? ''}`}
        onCancel={() => setEditing(null)}
        onOk={() => save.mutate()}
        confirmLoading={save.isPending}
      >
        <Input.TextArea aria-label={t('m.log.remarks')} rows={4} maxLength={2000} value={remarks} onChange={(e) => setRemarks(e.target.value)} />
      </Modal>
    </>
  );
}
