import { useMemo, useState } from 'react';
import { Form, Input, Modal, Radio, Select, Switch } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useT } from '../../i18n/index.tsx';
import { useFeedback } from '../../components/feedback-context.tsx';
import { api } from '../../api/client.ts';
import { orgKeys, useOrganizationOptions } from '../../api/org.ts';
import type { Hall, WindowView } from '../../api/types.ts';
import { rules, showFieldError, useIdempotencyKey } from '../../components/forms.ts';
import { useConflictHandler } from '../../components/conflict.tsx';
import { windowKindKeys } from './labels.ts';

interface WindowForm {
  number: string;
  name: string;
  kind: 'comprehensive' | 'department';
  organizationId?: number | null;
  categories: string[];
  isActive: boolean;
}

const toForm = (w: WindowView): WindowForm => ({
  number: w.number,
  name: w.name,
  kind: w.kind,
  organizationId: w.organizationId,
  categories: w.categories,
  isActive: w.isActive,
});

function nextNumber(existing: WindowView[]): string {
  const numeric = existing.map((w) => Number(w.number)).filter((n) => Number.isInteger(n));
  return String(numeric.length ? Math.max(...numeric) + 1 : 1);
}

/** Add a window to a hall or change one; a department window belongs to a department. */
export function WindowModal({ hall, window, existing, onClose }: { hall: Hall; window: WindowView | null; existing: WindowView[]; onClose: () => void }) {
  const t = useT();
  const { message } = useFeedback();
  const [form] = Form.useForm<WindowForm>();
  const kind = Form.useWatch('kind', form);
  const queryClient = useQueryClient();
  const organizations = useOrganizationOptions();
  const [key] = useIdempotencyKey();
  const [onConflict, conflictHolder] = useConflictHandler();
  const [current, setCurrent] = useState(window);
  const categoryOptions = useMemo(() => [...new Set(existing.flatMap((w) => w.categories))].map((c) => ({ value: c, label: c })), [existing]);

  const reload = async () => {
    const rows = await queryClient.fetchQuery({ queryKey: orgKeys.windows(hall.id), queryFn: () => api.get<WindowView[]>(`/org/halls/${hall.id}/windows`) });
    const fresh = rows.find((w) => w.id === current?.id);
    if (!fresh) return onClose();
    setCurrent(fresh);
    form.setFieldsValue(toForm(fresh));
    message.info(t('conflict.reloaded'));
  };

  const save = useMutation({
    meta: { silent: true },
    mutationFn: (v: WindowForm) => {
      const fields = { name: v.name.trim(), kind: v.kind, organizationId: v.organizationId ?? null, categories: v.categories ?? [] };
      return current
        ? api.patch<WindowView>(`/org/windows/${current.id}`, { ...fields, isActive: v.isActive, version: current.version })
        : api.post<WindowView>('/org/windows', { ...fields, hallId: hall.id, number: v.number.trim() }, { idempotencyKey: key });
    },
    onSuccess: async (saved) => {
      message.success(current ? t('common.saved') : t('window.created', { number: saved.number }));
      await queryClient.invalidateQueries({ queryKey: orgKeys.halls });
      onClose();
    },
    onError: (error) => {
      if (!showFieldError(form, error)) onConflict(error, () => void reload());
    },
  });

  return (
    <Modal
      open
      width={560}
      title={current ? t('window.editTitle', { number: current.number }) : t('window.createIn', { hall: hall.name })}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okButtonProps={{ id: 'window-save' }}
      destroyOnHidden
    >
      {conflictHolder}
      <Form
        form={form}
        layout="vertical"
        initialValues={current ? toForm(current) : { number: nextNumber(existing), kind: 'comprehensive', categories: [], isActive: true }}
        onFinish={(v) => save.mutate(v)}
        data-testid="window-form"
      >
        {!current && (
          <Form.Item
            name="number"
            label={t('window.number')}
            extra={t('window.numberHint')}
            rules={[
              rules.required(t, t('window.number')),
              { pattern: /^[A-Za-z0-9-]{1,10}$/, message: t('window.numberInvalid') },
              {
                validator: (_r, value: string) =>
                  existing.some((w) => w.number === value?.trim()) ? Promise.reject(new Error(t('window.numberTaken'))) : Promise.resolve(),
              },
            ]}
          >
            <Input maxLength={10} style={{ width: 160 }} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('window.name')} rules={[rules.required(t, t('window.name')), { max: 100 }]}>
          <Input maxLength={100} placeholder={t('window.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="kind" label={t('window.kind')}>
          <Radio.Group optionType="button" options={(['comprehensive', 'department'] as const).map((k) => ({ value: k, label: t(windowKindKeys[k]) }))} />
        </Form.Item>
        <Form.Item
          name="organizationId"
          label={t('window.organization')}
          extra={kind === 'department' ? t('window.organizationRequired') : t('window.organizationOptional')}
          rules={[{ required: kind === 'department', message: t('window.organizationRequired') }]}
        >
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={organizations.isPending}
            options={(organizations.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
        <Form.Item name="categories" label={t('window.categories')} extra={t('window.categoriesHint')}>
          <Select mode="tags" options={categoryOptions} tokenSeparators={[',', '，', '、']} maxCount={50} />
        </Form.Item>
        {current && (
          <Form.Item name="isActive" label={t('common.status')} valuePropName="checked">
            <Switch checkedChildren={t('window.open')} unCheckedChildren={t('window.closed')} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
