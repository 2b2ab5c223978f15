import { Button, Popconfirm, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useLocale, useT } from '../../i18n/index.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { api } from '../../api/client.ts';
import { useSessions } from '../../api/auth.ts';
import type { Session } from '../../api/types.ts';
import { EmptyHint, QueryState } from '../../components/PageState.tsx';

/** "Chrome 142 · Linux" from a user-agent string. */
export function describeAgent(agent: string | null): string {
  if (!agent) return '—';
  const browser = /(Edg|Firefox|Chrome|Chromium|Safari|MicroMessenger)\/(\d+)/.exec(agent);
  const os = /(Windows|Android|iPhone|iPad|Mac OS X|Linux)/.exec(agent);
  const name = browser ? `${browser[1] === 'Edg' ? 'Edge' : browser[1]} ${browser[2]}` : agent.slice(0, 40);
  return os ? `${name} · ${os[1] === 'Mac OS X' ? 'macOS' : os[1]}` : name;
}

/** The account's live sessions; any but this one can be ended from here. */
export function SessionsTable() {
  const t = useT();
  const { locale } = useLocale();
  const sessions = useSessions();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: (id: string) => api.delete(`/auth/sessions/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['sessions'] }),
  });
  const columns: TableColumnsType<Session> = [
    {
      title: t('sessions.device'),
      dataIndex: 'userAgent',
      render: (agent: string | null, s) => (
        <span>
          {describeAgent(agent)} {s.isCurrent && <Tag color="green">{t('sessions.current')}</Tag>}
        </span>
      ),
    },
    { title: t('sessions.ip'), dataIndex: 'ip', render: (ip: string | null) => <Typography.Text className="mono">{ip ?? '—'}</Typography.Text> },
    { title: t('sessions.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v, locale) },
    { title: t('sessions.lastSeenAt'), dataIndex: 'lastSeenAt', render: (v: string) => formatDateTime(v, locale) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_v, s) =>
        s.isCurrent ? null : (
          <Popconfirm title={t('sessions.revokeConfirm')} onConfirm={() => revoke.mutate(s.id)}>
            <Button type="link" danger size="small" loading={revoke.isPending && revoke.variables === s.id}>
              {t('sessions.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];
  return (
    <QueryState query={sessions} rows={3}>
      {(rows) => (
        <Table
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 640 }}
          locale={{ emptyText: <EmptyHint text={t('sessions.empty')} /> }}
        />
      )}
    </QueryState>
  );
}
