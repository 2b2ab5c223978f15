import { Alert, Checkbox, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useCaseT } from '../../../i18n/cases-pages.ts';
import { useTolT } from '../../../i18n/tolerated.ts';

/** 容缺受理's terms as the window sets them: the working days given, the applicant's promise, the acceptance's note. */
export interface TolerateValue {
  workdays: number | null;
  promised: boolean;
  note: string;
}

/** The working days the applicant is given by default to hand in what follows (容缺后补). */
export const initialTolerate = (): TolerateValue => ({ workdays: 5, promised: false, note: '' });

/** Whether the terms may be sent: 1–30 whole working days, and the promise made. */
export const tolerateReady = (v: TolerateValue) => v.workdays !== null && Number.isInteger(v.workdays) && v.workdays >= 1 && v.workdays <= 30 && v.promised;

/**
 * 容缺受理: what follows, by when (1–30 working days), the result held until it is in, and the window's confirmation that
 * the applicant promised it — in pre-review's dialog and at the window's 收件并容缺受理 alike.
 */
export function TolerateTerms({
  materials,
  value,
  onChange,
}: {
  materials: { key: string; name: string }[];
  value: TolerateValue;
  onChange(v: TolerateValue): void;
}) {
  const t = useCaseT();
  const tt = useTolT();
  const daysValid = value.workdays !== null && Number.isInteger(value.workdays) && value.workdays >= 1 && value.workdays <= 30;
  return (
    <>
      <Typography.Paragraph>{tt('tol.acceptIntro')}</Typography.Paragraph>
      <ul className="case-tolerated-list" data-testid="tolerate-materials">
        {materials.map((m) => (
          <li key={m.key} data-material={m.key}>
            {m.name}
          </li>
        ))}
      </ul>
      <Form layout="vertical">
        <Form.Item label={tt('tol.workdays')} extra={tt('tol.workdaysHint')} required validateStatus={daysValid ? undefined : 'error'}>
          <Space.Compact>
            <InputNumber
              id="tolerate-workdays"
              min={1}
              max={30}
              precision={0}
              value={value.workdays}
              onChange={(v) => onChange({ ...value, workdays: v })}
              style={{ width: 96 }}
              data-testid="tolerate-workdays"
            />
            <Space.Addon>{tt('tol.workdaysUnit')}</Space.Addon>
          </Space.Compact>
        </Form.Item>
      </Form>
      <Alert type="info" showIcon className="block-gap" title={tt('tol.acceptHeld')} />
      <Checkbox checked={value.promised} onChange={(e) => onChange({ ...value, promised: e.target.checked })} data-testid="tolerate-promised">
        {tt('tol.acceptPromise')}
      </Checkbox>
      <Input.TextArea
        rows={2}
        maxLength={500}
        className="block-gap-top"
        value={value.note}
        onChange={(e) => onChange({ ...value, note: e.target.value })}
        placeholder={t('cases.notePlaceholder')}
      />
    </>
  );
}
