import { Form, Input, Modal, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useT } from '../../i18n/index.tsx';
import { api } from '../../api/client.ts';
import { orgKeys } from '../../api/org.ts';
import { childLevel, significantDigits, type RegionTreeNode } from '../../api/regions.ts';
import type { RegionView } from '../../api/types.ts';
import { rules, showFieldError, useIdempotencyKey } from '../../components/forms.ts';
import { useConflictHandler } from '../../components/conflict.tsx';
import { levelKeys } from './labels.ts';

type Region = Omit<RegionTreeNode, 'children'>;
export type RegionModalState = { mode: 'create'; parent: Region } | { mode: 'rename'; region: Region; version: number };

/** Add a sub-region (its code extends the parent's, GB/T 2260) or rename one. */
export function RegionFormModal({ state, onClose, onSaved }: { state: RegionModalState; onClose: () => void; onSaved: (r: RegionView) => void }) {
  const t = useT();
  const [form] = Form.useForm<{ code: string; name: string }>();
  const queryClient = useQueryClient();
  const [key] = useIdempotencyKey();
  const [onConflict, conflictHolder] = useConflictHandler();
  const prefix = state.mode === 'create' ? state.parent.code.slice(0, significantDigits[state.parent.level]) : '';
  const save = useMutation({
    meta: { silent: true },
    mutationFn: (v: { code: string; name: string }) =>
      state.mode === 'create'
        ? api.post<RegionView>('/org/regions', { code: v.code.trim(), name: v.name.trim(), parentId: state.parent.id }, { idempotencyKey: key })
        : api.patch<RegionView>(`/org/regions/${state.region.id}`, { name: v.name.trim(), version: state.version }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: orgKeys.regions });
      onSaved(saved);
    },
    onError: (error) => {
      if (showFieldError(form, error)) return;
      onConflict(error, () => {
        void queryClient.invalidateQueries({ queryKey: orgKeys.regions });
        onClose();
      });
    },
  });
  const level = state.mode === 'create' ? childLevel[state.parent.level] : null;
  return (
    <Modal
      open
      title={state.mode === 'create' ? t('region.addChildOf', { name: state.parent.name }) : t('region.renameTitle', { name: state.region.name })}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {conflictHolder}
      <Form
        form={form}
        layout="vertical"
        initialValues={state.mode === 'create' ? { code: prefix, name: '' } : { name: state.region.name }}
        onFinish={(v) => save.mutate(v)}
      >
        {state.mode === 'create' && (
          <>
            {level && <Typography.Paragraph type="secondary">{t('region.newLevel', { level: t(levelKeys[level]) })}</Typography.Paragraph>}
            <Form.Item
              name="code"
              label={t('region.code')}
              extra={t('region.codeHint', { prefix })}
              rules={[
                rules.required(t, t('region.code')),
                {
                  validator: (_r, value: string) =>
                    /^[1-9][0-9]{11}$/.test(value ?? '') && value.startsWith(prefix) && value !== state.parent.code
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('region.codeInvalid', { prefix }))),
                },
              ]}
            >
              <Input maxLength={12} className="mono" />
            </Form.Item>
          </>
        )}
        <Form.Item name="name" label={t('region.name')} rules={[rules.required(t, t('region.name')), { max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
