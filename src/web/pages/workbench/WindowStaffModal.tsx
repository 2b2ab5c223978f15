import { Form, Modal, Select, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useT } from '../../i18n/index.tsx';
import { useFeedback } from '../../components/feedback-context.tsx';
import { api } from '../../api/client.ts';
import { orgKeys, useStaffOptions } from '../../api/org.ts';
import type { WindowView } from '../../api/types.ts';

type Posts = { A?: number | null; B?: number | null };

/** Put staff on a window's A post and B post (the B post covers when A is away). */
export function WindowStaffModal({ window, onClose }: { window: WindowView; onClose: () => void }) {
  const t = useT();
  const { message } = useFeedback();
  const [form] = Form.useForm<Posts>();
  const queryClient = useQueryClient();
  const staff = useStaffOptions();
  const initial: Posts = {
    A: window.staff.find((s) => s.post === 'A')?.accountId ?? null,
    B: window.staff.find((s) => s.post === 'B')?.accountId ?? null,
  };
  const options = (staff.data ?? [])
    .filter((s) => s.status === 'active')
    .map((s) => ({ value: s.accountId, label: `${s.name}（${s.username}）· ${s.organizationName}` }));

  const save = useMutation({
    mutationFn: async (v: Posts) => {
      for (const post of ['A', 'B'] as const) {
        const next = v[post] ?? null;
        if (next !== initial[post]) await api.put<WindowView>(`/org/windows/${window.id}/staff`, { post, accountId: next });
      }
    },
    onSuccess: async () => {
      message.success(t('common.saved'));
      await Promise.all([queryClient.invalidateQueries({ queryKey: orgKeys.halls }), queryClient.invalidateQueries({ queryKey: orgKeys.staff })]);
      onClose();
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: orgKeys.windows(window.hallId) }),
  });

  return (
    <Modal
      open
      title={t('window.assignTitle', { number: window.number, name: window.name })}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('window.assignHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => save.mutate(v)}
        // one person cannot hold both posts of a window
        onValuesChange={(changed: Posts, all: Posts) => {
          if (all.A && all.A === all.B) form.setFieldValue('A' in changed ? 'B' : 'A', null);
        }}
      >
        {(['A', 'B'] as const).map((p) => (
          <Form.Item key={p} name={p} label={p === 'A' ? t('window.postA') : t('window.postB')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              loading={staff.isPending}
              options={options}
              placeholder={t('window.vacant')}
              data-testid={`post-${p}`}
            />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
