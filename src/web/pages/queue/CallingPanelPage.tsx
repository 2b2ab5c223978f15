import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Card, Col, Descriptions, Empty, Form, Modal, Row, Select, Space, Statistic, Table, Tag } from 'antd';
import { FileAddOutlined, PauseCircleOutlined, PlayCircleOutlined, SoundOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { can, useMe } from '../../api/auth.ts';
import { useLocale, useT } from '../../i18n/index.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorState, PageSpin } from '../../components/PageState.tsx';
import { useFeedback } from '../../components/feedback-context.tsx';
import { useCategories, useMyWindows, useWindowCommands, useWindowPanel } from './queue-api.ts';
import { useWindows } from '../../api/org.ts';
import { errorText, useCategoryName, useHallStream } from './queue-shared.tsx';
import { formatTime } from '../../i18n/format.ts';
import { CaseLinkPicker } from './CaseLinkPicker.tsx';

/** 叫号面板: a window clerk calls, recalls, marks no-shows, skips, transfers and finishes; pauses the window. */
export function CallingPanelPage() {
  const t = useT();
  const windows = useMyWindows();
  const [params, setParams] = useSearchParams();
  const chosen = Number(params.get('window')) || windows.data?.[0]?.windowId;
  return (
    <>
      <PageHeader
        title={t('q.nav.calling')}
        subtitle={t('q.calling.subtitle')}
        extra={
          windows.data && windows.data.length > 1 ? (
            <Select
              value={chosen}
              onChange={(v) => setParams({ window: String(v) })}
              options={windows.data.map((w) => ({ value: w.windowId, label: `${w.hallName} · ${t('q.windowN', { n: w.number })} ${w.name}（${w.post}）` }))}
              style={{ minWidth: 320 }}
              aria-label={t('q.window')}
              data-testid="calling-window-picker"
            />
          ) : undefined
        }
      />
      {windows.isPending ? (
        <PageSpin />
      ) : windows.isError ? (
        <ErrorState error={windows.error} onRetry={() => void windows.refetch()} />
      ) : !chosen ? (
        <Empty description={t('q.calling.noWindow')} />
      ) : (
        <Panel windowId={chosen} />
      )}
    </>
  );
}

function Panel({ windowId }: { windowId: number }) {
  const t = useT();
  const { locale } = useLocale();
  const qc = useQueryClient();
  const { message } = useFeedback();
  const panel = useWindowPanel(windowId);
  const { callNext, setState, act } = useWindowCommands(windowId);
  const categories = useCategories(panel.data?.hallId);
  const hallWindows = useWindows(panel.data?.hallId ?? 0);
  const nameOf = useCategoryName();
  const [transfer, setTransfer] = useState(false);
  const [finish, setFinish] = useState(false);
  const [form] = Form.useForm<{ categoryId?: number; toWindowId?: number }>();
  const [caseId, setCaseId] = useState<number | null>(null);
  // 叫号到收件: a window that receives applications takes the ticket's holder to 窗口收件
  const mayReceive = can(useMe().data, 'case.intake');
  const { connected } = useHallStream(panel.data?.hallId, () => void qc.invalidateQueries({ queryKey: ['queue', 'window', windowId] }));
  const error = callNext.error ?? setState.error ?? act.error;
  useEffect(() => {
    if (error) message.error(errorText(t, error));
  }, [error, message, t]);

  if (panel.isPending) return <PageSpin />;
  if (panel.isError) return <ErrorState error={panel.error} onRetry={() => void panel.refetch()} />;
  const p = panel.data;
  const cur = p.current;
  const busy = callNext.isPending || act.isPending || setState.isPending;
  const doAct = (action: string, extra: Record<string, unknown> = {}) => cur && act.mutate({ ticketId: cur.id, action, ...extra });
  const catName = (id: number) => {
    const c = p.categories.find((x) => x.id === id) ?? categories.data?.find((x) => x.id === id);
    return c ? `${c.prefix} ${nameOf(c)}` : String(id);
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Card
          title={
            <Space>
              {p.hallName} · {t('q.windowN', { n: p.number })} {p.name}
              <Badge
                status={p.state === 'open' ? 'success' : p.state === 'paused' ? 'warning' : 'default'}
                text={t(`q.wstate.${p.state}`)}
                data-testid="calling-state"
              />
            </Space>
          }
          extra={
            p.state === 'paused' ? (
              <Button icon={<PlayCircleOutlined />} onClick={() => setState.mutate('resume')} loading={setState.isPending} data-testid="calling-resume">
                {t('q.calling.resume')}
              </Button>
            ) : (
              <Button
                icon={<PauseCircleOutlined />}
                onClick={() => setState.mutate(p.state === 'closed' ? 'open' : 'pause')}
                loading={setState.isPending}
                data-testid="calling-pause"
              >
                {p.state === 'closed' ? t('q.calling.open') : t('q.calling.pause')}
              </Button>
            )
          }
        >
          <div className="q-panel-current" data-testid="calling-current">
            {cur ? (
              <>
                <div className="q-panel-code">{cur.code}</div>
                <Space wrap>
                  <Tag color={cur.status === 'serving' ? 'green' : 'red'}>{t(`q.status.${cur.status}`)}</Tag>
                  {cur.isGreen && <Tag color="green">{t('q.green')}</Tag>}
                  {cur.appointmentFrom && <Tag color="purple">{t('q.appointment')}</Tag>}
                  <span>{catName(cur.categoryId)}</span>
                </Space>
                <Descriptions size="small" column={2} className="q-gap">
                  <Descriptions.Item label={t('q.idNumber')}>{cur.idNumber ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('q.phone')}>{cur.phone ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('q.calling.calls')}>{cur.callCount}</Descriptions.Item>
                  <Descriptions.Item label={t('q.calling.issued')}>{formatTime(cur.issuedAt, locale)}</Descriptions.Item>
                </Descriptions>
              </>
            ) : (
              <div className="q-muted">{t('q.calling.idle')}</div>
            )}
          </div>
          <Space wrap size="middle" className="q-gap">
            <Button
              type="primary"
              size="large"
              icon={<SoundOutlined />}
              disabled={!!cur || p.state === 'paused'}
              loading={callNext.isPending}
              onClick={() => callNext.mutate(undefined, { onSuccess: (r) => !r.ticket && message.info(t('q.calling.nobody')) })}
              data-testid="calling-next"
            >
              {t('q.calling.next')}
            </Button>
            <Button disabled={!cur || busy} onClick={() => doAct('recall')} data-testid="calling-recall">
              {t('q.calling.recall')}
            </Button>
            <Button disabled={!cur || cur.status !== 'called' || busy} onClick={() => doAct('start')} data-testid="calling-start">
              {t('q.calling.start')}
            </Button>
            <Button disabled={!cur || cur.status !== 'called' || busy} onClick={() => doAct('no_show')} data-testid="calling-noshow">
              {t('q.calling.noShow')}
            </Button>
            <Button disabled={!cur || cur.status !== 'called' || busy} onClick={() => doAct('skip')} data-testid="calling-skip">
              {t('q.calling.skip')}
            </Button>
            <Button disabled={!cur || busy} onClick={() => setTransfer(true)} data-testid="calling-transfer">
              {t('q.calling.transfer')}
            </Button>
            {mayReceive && cur && (
              <Link to={`/workbench/intake?tab=window&ticket=${cur.id}`} data-testid="calling-receive">
                <Button icon={<FileAddOutlined />}>{t('q.calling.receive')}</Button>
              </Link>
            )}
            <Button type="primary" ghost disabled={!cur || busy} onClick={() => setFinish(true)} data-testid="calling-finish">
              {t('q.calling.finish')}
            </Button>
          </Space>
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card>
          <Row gutter={16}>
            <Col span={12}>
              <Statistic title={t('q.calling.waiting')} value={p.waiting.length} />
            </Col>
            <Col span={12}>
              <Statistic title={t('q.calling.served')} value={p.servedToday} />
            </Col>
          </Row>
          <div className="q-muted q-gap">
            {t('q.calling.serves')}: {p.categories.map((c) => `${c.prefix} ${nameOf(c)}`).join('、') || '—'} · {connected ? t('q.live') : t('q.reconnecting')}
          </div>
        </Card>
        <Card title={t('q.calling.queue')} className="q-gap" size="small">
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={p.waiting}
            locale={{ emptyText: t('q.calling.empty') }}
            data-testid="calling-waiting"
            columns={[
              {
                title: t('q.number'),
                dataIndex: 'code',
                // the number with what marks it (绿色通道, 预约, 转入), under its heading
                render: (code: string, r) => (
                  <span className="tag-wrap">
                    <span>{code}</span>
                    {r.isGreen && <Tag color="green">{t('q.green')}</Tag>}
                    {r.isAppointment && <Tag color="purple">{t('q.appointment')}</Tag>}
                    {r.isTransferredHere && <Tag color="orange">{t('q.transferred')}</Tag>}
                  </span>
                ),
              },
              { title: t('q.category'), dataIndex: 'categoryId', render: (id: number) => catName(id) },
              { title: t('q.calling.since'), dataIndex: 'queuedAt', render: (v: string) => formatTime(v, locale) },
            ]}
          />
        </Card>
      </Col>
      <Modal
        open={transfer}
        title={t('q.calling.transferTitle')}
        onCancel={() => setTransfer(false)}
        okText={t('q.calling.transfer')}
        cancelText={t('action.cancel')}
        onOk={() => {
          const v = form.getFieldsValue();
          if (!v.categoryId && !v.toWindowId) return;
          doAct('transfer', { categoryId: v.categoryId, toWindowId: v.toWindowId });
          setTransfer(false);
          form.resetFields();
        }}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="categoryId" label={t('q.calling.toCategory')}>
            <Select
              allowClear
              options={(categories.data ?? []).map((c) => ({ value: c.id, label: `${c.prefix} ${nameOf(c)}` }))}
              data-testid="transfer-category"
            />
          </Form.Item>
          <Form.Item name="toWindowId" label={t('q.calling.toWindow')}>
            <Select
              allowClear
              options={(hallWindows.data ?? [])
                .filter((w) => w.id !== windowId)
                .map((w) => ({ value: w.id, label: `${t('q.windowN', { n: w.number })} ${w.name}` }))}
            />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={finish}
        title={t('q.calling.finishTitle')}
        onCancel={() => setFinish(false)}
        okText={t('q.calling.finish')}
        cancelText={t('action.cancel')}
        onOk={() => {
          doAct('finish', { caseId });
          setFinish(false);
          setCaseId(null);
        }}
      >
        <Form layout="vertical">
          <Form.Item label={t('q.calling.caseId')} extra={t('q.calling.caseHint')}>
            <CaseLinkPicker value={caseId} onChange={setCaseId} />
          </Form.Item>
        </Form>
      </Modal>
      {p.state === 'paused' && (
        <Col span={24}>
          <Alert type="warning" showIcon message={t('q.calling.pausedHint')} />
        </Col>
      )}
    </Row>
  );
}
