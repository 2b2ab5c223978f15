import type { ReactNode } from 'react';
import { Alert, Button, Space } from 'antd';
import { useWorkT } from '../../../i18n/case-work.ts';

/**
 * The bar over a list whose rows are chosen for a batch of actions (批量签收, 批量电子送达, 批量注销): how many are chosen,
 * the action — its label counting what was sent while it runs — and clearing the choice.
 */
export function BatchBar(props: {
  title: ReactNode;
  action: ReactNode;
  progress: { done: number; total: number } | null;
  running: (p: { done: number; total: number }) => ReactNode;
  onRun: () => void;
  onClear: () => void;
  testId: string;
  actionTestId: string;
}) {
  const t = useWorkT();
  return (
    <Alert
      type="info"
      showIcon
      className="block-gap"
      data-testid={props.testId}
      title={props.title}
      action={
        <Space>
          <Button type="primary" size="small" loading={!!props.progress} onClick={props.onRun} data-testid={props.actionTestId}>
            {props.progress ? props.running(props.progress) : props.action}
          </Button>
          <Button size="small" type="link" disabled={!!props.progress} onClick={props.onClear}>
            {t('batch.clear')}
          </Button>
        </Space>
      }
    />
  );
}

/**
 * What a batch could not do, item by item — by the case's or the license's number — with why (for a notification that
 * stays until closed).
 */
export function BatchFailures({ failed }: { failed: { number: string; message: ReactNode }[] }) {
  return (
    <ul className="batch-failures" data-testid="batch-failures">
      {failed.map((f) => (
        <li key={f.number}>
          <span className="mono">{f.number}</span>：{f.message}
        </li>
      ))}
    </ul>
  );
}
