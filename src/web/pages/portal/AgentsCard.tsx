import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, Popconfirm, Segmented, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useLocale, useT } from '../../i18n/index.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useAgents, useAuthorizeAgent, useRevokeAgent, type AgentAuthorization } from '../../api/agents.ts';
import { useIdempotencyKey } from '../../components/forms.ts';
import { ErrorState } from '../../components/PageState.tsx';
import { isValidCreditCode, isValidIdCardNumber } from '../../../common/validators.ts';

/**
 * 委托代办: the people or enterprises I authorized to apply for me (until a date, or until I revoke it), a
 * new authorization by the agent's ID number or credit code (they need an account), and the applicants who
 * authorized me — on the application form I may then apply for them.
 */
export function AgentsCard() {
  const t = useT();
  const { locale } = useLocale();
  const agents = useAgents();
  const revoke = useRevokeAgent();
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const until = (a: AgentAuthorization) => (a.validUntil ? t('agents.until', { date: a.validUntil }) : t('agents.untilRevoked'));
  const columns: TableColumnsType<AgentAuthorization> = [
    {
      title: t('agents.agent'),
      key: 'agent',
      render: (_v, a) => (
        <div>
          {a.agent.name}
          <div className="cell-sub mono">{a.agent.idNumber}</div>
        </div>
      ),
    },
    { title: t('agents.validity'), key: 'until', width: 180, render: (_v, a) => until(a) },
    { title: t('agents.since'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v, locale) },
    {
      title: '',
      key: 'revoke',
      width: 90,
      render: (_v, a) => (
        <Popconfirm
          title={t('agents.revokeConfirm', { name: a.agent.name })}
          okText={t('agents.revoke')}
          okButtonProps={{ danger: true }}
          onConfirm={() =>
            revoke.mutateAsync(a.id).then(
              () => setRevokeError(null),
              (e: unknown) => setRevokeError(e instanceof Error ? e.message : String(e)),
            )
          }
        >
          <Button size="small" danger data-testid={`agent-revoke-${a.id}`}>
            {t('agents.revoke')}
          </Button>
        </Popconfirm>
      ),
    },
  ];
  return (
    <Card title={t('agents.title')} data-testid="agents-card">
      <Typography.Paragraph type="secondary">{t('agents.intro')}</Typography.Paragraph>
      {agents.isError ? (
        <ErrorState error={agents.error} onRetry={() => void agents.refetch()} />
      ) : (
        <>
          <Typography.Title level={5}>{t('agents.mine')}</Typography.Title>
          {revokeError && <Alert type="error" showIcon className="block-gap" title={revokeError} />}
          <Table<AgentAuthorization>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={agents.data?.myAgents ?? []}
            loading={agents.isPending}
            pagination={false}
            scroll={{ x: 600 }}
            locale={{ emptyText: t('agents.none') }}
            data-testid="my-agents"
          />
          <AuthorizeForm />
          {(agents.data?.actingFor.length ?? 0) > 0 && (
            <div className="block-gap-top" data-testid="acting-for">
              <Typography.Title level={5}>{t('agents.actingFor')}</Typography.Title>
              {agents.data!.actingFor.map((a) => (
                <Tag key={a.id} className="block-gap">
                  {a.principal.name} · <span className="mono">{a.principal.idNumber}</span> · {until(a)}
                </Tag>
              ))}
              <Typography.Paragraph type="secondary">{t('agents.actingForHint')}</Typography.Paragraph>
            </div>
          )}
        </>
      )}
    </Card>
  );
}

function AuthorizeForm() {
  const t = useT();
  const [form] = Form.useForm<{ kind: 'person' | 'enterprise'; idNumber: string; validUntil?: Dayjs | null }>();
  const [key, renew] = useIdempotencyKey();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const authorize = useAuthorizeAgent();
  const kind = Form.useWatch('kind', form) ?? 'person';
  const submit = async () => {
    setError(null);
    setDone(false);
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    authorize.mutate(
      { body: { kind: v.kind, idNumber: v.idNumber.trim().toUpperCase(), validUntil: v.validUntil ? v.validUntil.format('YYYY-MM-DD') : null }, key },
      {
        onSuccess: () => {
          renew();
          form.resetFields();
          setDone(true);
        },
        onError: (e) => setError(e instanceof Error ? e.message : String(e)),
      },
    );
  };
  return (
    <div className="block-gap-top">
      <Typography.Title level={5}>{t('agents.add')}</Typography.Title>
      <Form form={form} layout="inline" initialValues={{ kind: 'person' }} onValuesChange={() => setError(null)} data-testid="agent-form">
        <Form.Item name="kind">
          <Segmented
            options={[
              { value: 'person', label: t('register.person') },
              { value: 'enterprise', label: t('register.enterprise') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="idNumber"
          rules={[
            { required: true, message: t('agents.idRequired') },
            {
              validator: (_r, value: string | undefined) =>
                !value || (kind === 'person' ? isValidIdCardNumber(value.trim()) : isValidCreditCode(value.trim().toUpperCase()))
                  ? Promise.resolve()
                  : Promise.reject(new Error(t(kind === 'person' ? 'agents.idInvalid' : 'agents.creditInvalid'))),
            },
          ]}
        >
          <Input
            placeholder={t(kind === 'person' ? 'agents.idPlaceholder' : 'agents.creditPlaceholder')}
            maxLength={18}
            style={{ width: 240 }}
            data-testid="agent-id"
          />
        </Form.Item>
        <Form.Item name="validUntil">
          <DatePicker
            style={{ width: 170 }}
            placeholder={t('agents.validUntil')}
            disabledDate={(d) => d.isBefore(dayjs().startOf('day'))}
            data-testid="agent-until"
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" loading={authorize.isPending} onClick={() => void submit()} data-testid="agent-submit">
            {t('agents.authorize')}
          </Button>
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon className="block-gap-top" title={error} data-testid="agent-error" />}
      {done && <Alert type="success" showIcon className="block-gap-top" title={t('agents.added')} data-testid="agent-added" />}
    </div>
  );
}
