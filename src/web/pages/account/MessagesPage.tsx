import { useState } from 'react';
import { Badge, Button, Card, Pagination, Segmented, Skeleton, Space, Tag, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useLocale, useT, type MessageKey } from '../../i18n/index.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useMarkRead, useMessages } from '../../api/notify.ts';
import type { Message } from '../../api/types.ts';
import { EmptyHint, ErrorState } from '../../components/PageState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';

const kindKeys: Record<string, MessageKey> = {
  security: 'messages.kind.security',
  assignment: 'messages.kind.assignment',
  case: 'messages.kind.case',
  supervision: 'messages.kind.supervision',
};
const kindColors: Record<string, string> = { security: 'red', assignment: 'blue', case: 'geekblue', supervision: 'orange' };

/** 消息中心: in-app messages, newest first; unread filter, mark one or all as read, follow a message's link. */
export function MessagesPage() {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [unread, setUnread] = useState(false);
  const [page, setPage] = useState(1);
  const pageSize = 10;
  const messages = useMessages({ unread, page, pageSize });
  const markRead = useMarkRead();
  const unreadCount = messages.data?.unread ?? 0;

  const open = (m: Message) => {
    if (!m.readAt) markRead.mutate([m.id]);
    if (m.link?.startsWith('/')) navigate(m.link);
  };

  return (
    <div className="account-page">
      <PageHeader
        title={t('messages.title')}
        subtitle={t('messages.subtitle', { count: unreadCount })}
        extra={
          <Button
            icon={<CheckOutlined />}
            disabled={unreadCount === 0}
            loading={markRead.isPending && markRead.variables === 'all'}
            onClick={() => markRead.mutate('all')}
            data-testid="mark-all-read"
          >
            {t('messages.markAllRead')}
          </Button>
        }
      />
      <Card>
        <div className="filter-bar">
          <Segmented<'all' | 'unread'>
            value={unread ? 'unread' : 'all'}
            onChange={(v) => {
              setUnread(v === 'unread');
              setPage(1);
            }}
            options={[
              { value: 'all', label: t('common.all') },
              { value: 'unread', label: t('messages.unreadOnly') },
            ]}
          />
        </div>
        {messages.isPending ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : messages.isError ? (
          <ErrorState error={messages.error} onRetry={() => void messages.refetch()} />
        ) : messages.data.items.length === 0 ? (
          <EmptyHint text={unread ? t('messages.emptyUnread') : t('messages.empty')} />
        ) : (
          <>
            <div className="message-list" data-testid="message-list">
              {messages.data.items.map((m) => (
                <div key={m.id} className={`message-row${m.readAt ? '' : ' message-unread'}`}>
                  <Badge dot={!m.readAt} offset={[-2, 6]}>
                    <span className="message-kind">
                      <Tag color={kindColors[m.kind] ?? 'default'}>{kindKeys[m.kind] ? t(kindKeys[m.kind]) : m.kind}</Tag>
                    </span>
                  </Badge>
                  <div className="message-main">
                    <div className="message-title">{m.title[locale]}</div>
                    <Typography.Paragraph className="message-body">{m.body[locale]}</Typography.Paragraph>
                    <div className="message-time">{formatDateTime(m.createdAt, locale)}</div>
                  </div>
                  <Space className="message-actions" size={0}>
                    {m.link && (
                      <Button type="link" size="small" onClick={() => open(m)}>
                        {t('messages.open')}
                      </Button>
                    )}
                    {!m.readAt && (
                      <Button type="link" size="small" onClick={() => markRead.mutate([m.id])}>
                        {t('messages.markRead')}
                      </Button>
                    )}
                  </Space>
                </div>
              ))}
            </div>
            <Pagination
              className="message-pagination"
              current={page}
              pageSize={pageSize}
              total={messages.data.total}
              onChange={setPage}
              hideOnSinglePage
              showTotal={(total) => t('common.total', { total })}
            />
          </>
        )}
      </Card>
    </div>
  );
}
