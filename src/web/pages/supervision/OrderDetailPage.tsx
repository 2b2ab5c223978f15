import { useState } from 'react';
import { Button, Card, Descriptions, Form, Input, InputNumber, Modal, Space, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useLocale, useT, type MessageKey } from '../../i18n/index.tsx';
import { formatDateTime, formatDue } from '../../i18n/format.ts';
import { newIdempotencyKey } from '../../api/client.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Forbidden, NotFoundState, QueryState } from '../../components/PageState.tsx';
import { idOf } from '../../components/address.ts';
import { can, useMe } from '../../api/auth.ts';
import { useConflictHandler } from '../../components/conflict.tsx';
import { useFeedback } from '../../components/feedback-context.tsx';
import { useOrder, useOrderAction, type OrderAction, type OrderDetail } from './api.ts';
import { OrderStatusTag } from './shared.tsx';

type Acting = 'reply' | 'close' | 'escalate' | null;

function ActionModal({ order, acting, onClose }: { order: OrderDetail; acting: Acting; onClose: () => void }) {
  const t = useT();
  const { message } = useFeedback();
  const [form] = Form.useForm<{ text: string; replyWorkdays: number }>();
  const [key, setKey] = useState(newIdempotencyKey);
  const act = useOrderAction(order.id);
  const [onError, conflictHolder] = useConflictHandler();
  const title = acting ? t(`sup.order.${acting}` as MessageKey) : '';
  const label = acting === 'reply' ? t('sup.order.replyText') : acting === 'close' ? t('sup.order.closeNote') : t('sup.order.escalateNote');
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const text = v.text.trim();
    const body: OrderAction =
      acting === 'reply'
        ? { action: 'reply', text, expectedVersion: order.version }
        : acting === 'close'
          ? { action: 'close', note: text, expectedVersion: order.version }
          : { action: 'escalate', note: text, replyWorkdays: v.replyWorkdays, expectedVersion: order.version };
    try {
      await act.mutateAsync({ body, key });
      message.success(t('sup.order.done'));
      setKey(newIdempotencyKey());
      onClose();
    } catch (error) {
      onError(error, onClose);
    }
  };
  return (
    <Modal open={acting !== null} title={title} onOk={() => void submit()} confirmLoading={act.isPending} onCancel={onClose} destroyOnHidden>
      {conflictHolder}
      <Form form={form} layout="vertical" initialValues={{ replyWorkdays: 2 }} preserve={false}>
        <Form.Item name="text" label={label} rules={[{ required: true, whitespace: true, min: 2, max: 2000, message: t('sup.order.textRequired') }]}>
          <Input.TextArea rows={4} maxLength={2000} placeholder={acting === 'reply' ? t('sup.order.replyPlaceholder') : undefined} data-testid="order-text" />
        </Form.Item>
        {acting === 'escalate' && (
          <Form.Item name="replyWorkdays" label={t('sup.issue.replyWorkdays')} rules={[{ required: true }]}>
            <InputNumber min={1} max={30} precision={0} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function OrderView({ order }: { order: OrderDetail }) {
  const t = useT();
  const { locale } = useLocale();
  const [acting, setActing] = useState<Acting>(null);
  const awaiting = order.status === 'open' || order.status === 'escalated';
  const canEscalate = order.canDecide && (order.status === 'replied' || (awaiting && order.isLate));
  return (
    <>
      <Card
        className="block-gap"
        extra={
          <Space>
            {order.canReply && (
              <Button type="primary" onClick={() => setActing('reply')} data-testid="order-reply">
                {t('sup.order.reply')}
              </Button>
            )}
            {order.canDecide && order.status === 'replied' && (
              <Button type="primary" onClick={() => setActing('close')} data-testid="order-close">
                {t('sup.order.close')}
              </Button>
            )}
            {canEscalate && (
              <Button danger onClick={() => setActing('escalate')} data-testid="order-escalate">
                {t('sup.order.escalate')}
              </Button>
            )}
          </Space>
        }
        title={<OrderStatusTag status={order.status} late={order.isLate} t={t} />}
      >
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('sup.order.number')}>
            <span className="mono">{order.number}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('sup.col.case')}>
            <Link to={`/workbench/cases/${order.caseId}`}>{order.caseSubject}</Link> <span className="sup-sub mono">{order.caseNumber}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('sup.issue.organization')}>{order.organizationName}</Descriptions.Item>
          <Descriptions.Item label={t('sup.order.issuedBy')}>{order.issuedByName}</Descriptions.Item>
          <Descriptions.Item label={t('sup.order.issuedAt')}>{formatDateTime(order.createdAt, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('sup.order.replyDue')}>{formatDue(order.replyDueAt, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('sup.order.escalations')}>{order.escalations}</Descriptions.Item>
          <Descriptions.Item label={t('sup.order.request')} span={2}>
            <Typography.Paragraph className="sup-trail-text">{order.request}</Typography.Paragraph>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('sup.order.trail')}>
        <Timeline
          data-testid="order-trail"
          items={order.entries.map((e) => ({
            color: e.kind === 'escalated' ? 'red' : e.kind === 'closed' ? 'green' : e.kind === 'replied' ? 'cyan' : 'blue',
            children: (
              <div>
                <strong>{t(`sup.order.entry.${e.kind}` as MessageKey)}</strong> · {e.by} · <span className="sup-sub">{formatDateTime(e.at, locale)}</span>
                <div className="sup-trail-text">{e.text}</div>
                {e.replyDueAt && <div className="sup-sub">{t('sup.order.entryDue', { due: formatDue(e.replyDueAt, locale) })}</div>}
              </div>
            ),
          }))}
        />
      </Card>
      <ActionModal order={order} acting={acting} onClose={() => setActing(null)} />
    </>
  );
}

function OrderDetail({ view }: { view: 'issued' | 'department' }) {
  const t = useT();
  const me = useMe().data!;
  const id = idOf(useParams().id);
  const order = useOrder(id);
  const list =
    view === 'issued'
      ? { to: '/workbench/supervision/orders', title: t('sup.orders.title') }
      : { to: '/workbench/supervision/inbox', title: t('sup.inbox.title') };
  const back = { to: list.to, label: t(view === 'issued' ? 'sup.order.backToOrders' : 'sup.order.backToInbox') };
  // the list this page belongs to asks the same permission
  if (!can(me, view === 'issued' ? 'supervision.read' : 'case.handle')) return <Forbidden back={{ to: '/workbench', label: t('state.backToWorkbench') }} />;
  const notFound = (
    <NotFoundState title={t('sup.order.notFound')} hint={t(view === 'issued' ? 'sup.order.notFoundHint' : 'sup.order.notFoundHintInbox')} back={back} />
  );
  return (
    <>
      <PageHeader title={order.data ? order.data.number : t('sup.order.number')} crumbs={[list]} />
      {id ? (
        <QueryState query={order} notFound={notFound} forbidden={<Forbidden back={back} />}>
          {(o) => <OrderView order={o} />}
        </QueryState>
      ) : (
        notFound
      )}
    </>
  );
}

/** A 督办 order as the supervisor follows it: trail, close or escalate. */
export function OrderDetailPage() {
  return <OrderDetail view="issued" />;
}

/** A 督办 order as the department answers it. */
export function DepartmentOrderPage() {
  return <OrderDetail view="department" />;
}
