import { useState } from 'react';
import { Form, Input, InputNumber, Modal } from 'antd';
import { useT } from '../../i18n/index.tsx';
import { newIdempotencyKey } from '../../api/client.ts';
import { useFeedback } from '../../components/feedback-context.tsx';
import { useIssueOrder } from './api.ts';

/** 督办: an order on a case to the department holding its open task, with a reply deadline in working days. */
export function IssueOrderModal({ kase, onClose }: { kase: { id: number; number: string } | null; onClose: () => void }) {
  const t = useT();
  const { message } = useFeedback();
  const [form] = Form.useForm<{ request: string; replyWorkdays: number }>();
  const [key, setKey] = useState(newIdempotencyKey);
  const issue = useIssueOrder();
  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values || !kase) return;
    try {
      const r = await issue.mutateAsync({ body: { caseId: kase.id, request: values.request.trim(), replyWorkdays: values.replyWorkdays }, key });
      message.success(t('sup.issue.done', { number: r.number }));
      form.resetFields();
      setKey(newIdempotencyKey());
      onClose();
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <Modal
      open={kase !== null}
      title={kase ? t('sup.issue.title', { number: kase.number }) : ''}
      okText={t('sup.issue.ok')}
      onOk={() => void submit()}
      confirmLoading={issue.isPending}
      onCancel={onClose}
      destroyOnHidden
      data-testid="issue-order-modal"
    >
      <Form form={form} layout="vertical" initialValues={{ replyWorkdays: 2 }} preserve={false}>
        <Form.Item
          name="request"
          label={t('sup.issue.request')}
          extra={t('sup.issue.organizationHint')}
          rules={[{ required: true, whitespace: true, min: 2, max: 2000, message: t('sup.issue.requestRequired') }]}
        >
          <Input.TextArea rows={4} placeholder={t('sup.issue.requestPlaceholder')} maxLength={2000} data-testid="order-request" />
        </Form.Item>
        <Form.Item name="replyWorkdays" label={t('sup.issue.replyWorkdays')} rules={[{ required: true }]}>
          <InputNumber min={1} max={30} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
