import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, InputNumber } from 'antd';
import { useLocale, useT } from '../../i18n/index.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { can, useMe } from '../../api/auth.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Forbidden, QueryState } from '../../components/PageState.tsx';
import { useConflictHandler } from '../../components/conflict.tsx';
import { useFeedback } from '../../components/feedback-context.tsx';
import { useSaveThresholds, useThresholds, type Thresholds } from './api.ts';

/** The working day on which a 5-working-day limit turns yellow under the thresholds (as the server computes it). */
function yellowDay(workdaysLeft: number, usedPercent: number): number {
  const byUse = Math.ceil((5 * usedPercent) / 100 - 1e-9);
  const byLeft = workdaysLeft > 0 ? Math.max(0, 5 - workdaysLeft + 1) : 5;
  return Math.max(1, Math.min(byUse, byLeft, 5));
}

function ThresholdsForm({ current, editable }: { current: Thresholds; editable: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const { message } = useFeedback();
  const [form] = Form.useForm<{ workdaysLeft: number; usedPercent: number }>();
  const save = useSaveThresholds();
  const thresholds = useThresholds();
  const [onError, holder] = useConflictHandler();
  const [values, setValues] = useState({ workdaysLeft: current.workdaysLeft, usedPercent: current.usedPercent });
  useEffect(() => {
    form.setFieldsValue({ workdaysLeft: current.workdaysLeft, usedPercent: current.usedPercent });
    setValues({ workdaysLeft: current.workdaysLeft, usedPercent: current.usedPercent });
  }, [current, form]);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await save.mutateAsync({ ...v, expectedVersion: current.version });
      message.success(t('sup.settings.saved'));
    } catch (error) {
      onError(error, () => void thresholds.refetch());
    }
  };
  return (
    <Card>
      {holder}
      {!editable && <Alert type="info" showIcon className="block-gap" message={t('sup.settings.readOnly')} />}
      <Form
        form={form}
        layout="vertical"
        style={{ maxWidth: 420 }}
        disabled={!editable}
        onValuesChange={(_, all) => setValues({ workdaysLeft: all.workdaysLeft ?? 0, usedPercent: all.usedPercent ?? 100 })}
      >
        <Form.Item name="workdaysLeft" label={t('sup.settings.workdaysLeft')} extra={t('sup.settings.workdaysLeftHint')} rules={[{ required: true }]}>
          <InputNumber min={0} max={30} precision={0} data-testid="workdays-left" />
        </Form.Item>
        <Form.Item name="usedPercent" label={t('sup.settings.usedPercent')} extra={t('sup.settings.usedPercentHint')} rules={[{ required: true }]}>
          <InputNumber min={1} max={100} precision={0} data-testid="used-percent" />
        </Form.Item>
        <Alert type="success" className="block-gap" message={t('sup.settings.example', { day: yellowDay(values.workdaysLeft, values.usedPercent) })} />
        {editable && (
          <Button type="primary" onClick={() => void submit()} loading={save.isPending} data-testid="save-thresholds">
            {t('sup.settings.save')}
          </Button>
        )}
      </Form>
      <div className="sup-sub" style={{ marginTop: 12 }}>
        {t('sup.settings.updatedAt', { at: formatDateTime(current.updatedAt, locale) })}
      </div>
    </Card>
  );
}

/** 预警阈值: when a limit turns yellow (working days left, share used). */
export function ThresholdsPage() {
  const t = useT();
  const me = useMe().data!;
  const readable = can(me, 'supervision.read') || can(me, 'supervision.configure');
  const query = useThresholds();
  if (!readable) return <Forbidden />;
  return (
    <>
      <PageHeader title={t('sup.settings.title')} subtitle={t('sup.settings.subtitle')} />
      <QueryState query={query}>{(current) => <ThresholdsForm current={current} editable={current.canChange} />}</QueryState>
    </>
  );
}
