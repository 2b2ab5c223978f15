import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { message, notification } from 'antd';

type MessageApi = ReturnType<typeof message.useMessage>[0];
type NotificationApi = ReturnType<typeof notification.useNotification>[0];

interface Feedback {
  message: MessageApi;
  notification: NotificationApi;
}

const FeedbackContext = createContext<Feedback | null>(null);

/**
 * Toasts and notifications that follow the ConfigProvider's theme and language. Like antd's <App>,
 * without pulling the modal into the portal's first chunk (pages that confirm use Modal.useModal).
 */
export function FeedbackProvider({ children }: { children: ReactNode }) {
  const [messageApi, messageHolder] = message.useMessage();
  const [notificationApi, notificationHolder] = notification.useNotification();
  const value = useMemo(() => ({ message: messageApi, notification: notificationApi }), [messageApi, notificationApi]);
  return (
    <FeedbackContext value={value}>
      {messageHolder}
      {notificationHolder}
      {children}
    </FeedbackContext>
  );
}

export function useFeedback(): Feedback {
  const feedback = useContext(FeedbackContext);
  if (!feedback) throw new Error('useFeedback outside FeedbackProvider');
  return feedback;
}
