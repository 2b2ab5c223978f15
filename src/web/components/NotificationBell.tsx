import { Badge, Button, Tooltip } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useT } from '../i18n/index.tsx';
import { useUnreadCount } from '../api/notify.ts';

/** The bell with the unread count; opens the message center. */
export function NotificationBell() {
  const t = useT();
  const navigate = useNavigate();
  const unread = useUnreadCount();
  const count = unread.data ?? 0;
  return (
    <Tooltip title={t('messages.unreadTooltip', { count })}>
      <Badge count={count} size="small" offset={[-4, 4]}>
        <Button
          type="text"
          shape="circle"
          icon={<BellOutlined style={{ fontSize: 18 }} />}
          onClick={() => navigate('/messages')}
          aria-label={t('messages.title')}
          data-testid="notification-bell"
        />
      </Badge>
    </Tooltip>
  );
}
