import { Modal } from 'antd';
import { useCallback, type ReactElement } from 'react';
import { isApiError } from '../api/client.ts';
import { useT } from '../i18n/index.tsx';
import { useFeedback } from './feedback-context.tsx';

/**
 * Optimistic locking in the UI: when a save answers 409 CONFLICT (someone changed the record since it
 * was read), say so and offer to reload the current version. Other errors are shown as usual.
 * Render the returned holder once in the component.
 */
export function useConflictHandler(): [(error: unknown, reload: () => void) => void, ReactElement] {
  const [modal, holder] = Modal.useModal();
  const { message } = useFeedback();
  const t = useT();
  const handle = useCallback(
    (error: unknown, reload: () => void) => {
      if (isApiError(error, 'CONFLICT')) {
        void modal.confirm({
          title: t('conflict.title'),
          content: `${error.message} ${t('conflict.hint')}`,
          okText: t('conflict.reload'),
          cancelText: t('action.cancel'),
          onOk: reload,
        });
        return;
      }
      message.error({ content: error instanceof Error ? error.message : String(error), key: 'save-error' });
    },
    [modal, message, t],
  );
  return [handle, holder];
}
