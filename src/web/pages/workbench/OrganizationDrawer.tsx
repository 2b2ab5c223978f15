import { useState } from 'react';
import { Button, Descriptions, Drawer, Form, Input, Select, Space, Switch } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useT } from '../../i18n/index.tsx';
import { useFeedback } from '../../components/feedback-context.tsx';
import { api } from '../../api/client.ts';
import { orgKeys, useOrganizationOptions } from '../../api/org.ts';
import type { OrganizationView, OrgKind } from '../../api/types.ts';
import { nullIfEmpty, rules, showFieldError, useIdempotencyKey } from '../../components/forms.ts';
import { useConflictHandler } from '../../components/conflict.tsx';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { orgKindKeys, orgKinds } from './labels.ts';

interface OrgForm {
  creditCode: string;
  name: string;
  shortName?: string;
  kind: OrgKind;
  regionId: number;
  parentId?: number;
  phone?: string;
  address?: string;
  isActive: boolean;
}

const toForm = (o: OrganizationView): Partial<OrgForm> => ({
  name: o.name,
  shortName: o.shortName ?? '',
  kind: o.kind,
  phone: o.phone ?? '',
  address: o.address ?? '',
  isActive: o.isActive,
});

/** Create an organization (its unified social credit code checked here first) or edit one, sending the version read. */
export function OrganizationDrawer({ record, onClose }: { record: OrganizationView | null; onClose: () => void }) {
  const t = useT();
  const { message } = useFeedback();
  const [form] = Form.useForm<OrgForm>();
  const queryClient = useQueryClient();
  const [key] = useIdempotencyKey();
  const [onConflict, conflictHolder] = useConflictHandler();
  const [current, setCurrent] = useState(record);
  const parents = useOrganizationOptions();
  const isEdit = current !== null;

  const reload = async () => {
    if (!current) return;
    const fresh = await api.get<OrganizationView>(`/org/organizations/${current.id}`);
    setCurrent(fresh);
    form.setFieldsValue(toForm(fresh));
    message.info(t('conflict.reloaded'));
  };

  const save = useMutation({
    meta: { silent: true },
    mutationFn: (v: OrgForm) => {
      const common = { name: v.name.trim(), shortName: nullIfEmpty(v.shortName), kind: v.kind, phone: nullIfEmpty(v.phone), address: nullIfEmpty(v.address) };
      return current
        ? api.patch<OrganizationView>(`/org/organizations/${current.id}`, { ...common, isActive: v.isActive, version: current.version })
        : api.post<OrganizationView>(
            '/org/organizations',
            { ...common, creditCode: v.creditCode.trim().toUpperCase(), regionId: v.regionId, parentId: v.parentId ?? null },
            { idempotencyKey: key },
          );
    },
    onSuccess: async (saved) => {
      message.success(isEdit ? t('common.saved') : t('org.created', { name: saved.name }));
      await queryClient.invalidateQueries({ queryKey: orgKeys.organizations });
      void queryClient.invalidateQueries({ queryKey: orgKeys.regions });
      onClose();
    },
    onError: (error) => {
      if (!showFieldError(form, error)) onConflict(error, () => void reload());
    },
  });

  return (
    <Drawer
      open
      size={560}
      title={isEdit ? t('org.editTitle', { name: current.name }) : t('org.create')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="org-save">
            {t('action.save')}
          </Button>
        </Space>
      }
    >
      {conflictHolder}
      {current && (
        <Descriptions
          size="small"
          column={1}
          className="block-gap"
          items={[
            { key: 'code', label: t('org.creditCode'), children: <span className="mono">{current.creditCode}</span> },
            { key: 'region', label: t('org.region'), children: current.regionName },
          ]}
        />
      )}
      <Form form={form} layout="vertical" initialValues={current ? toForm(current) : { kind: 'department', isActive: true }} onFinish={(v) => save.mutate(v)}>
        {!current && (
          <>
            <Form.Item
              name="creditCode"
              label={t('org.creditCode')}
              extra={t('register.creditCodeHint')}
              rules={[rules.required(t, t('org.creditCode')), rules.creditCode(t)]}
            >
              <Input maxLength={18} className="mono" />
            </Form.Item>
            <Form.Item name="regionId" label={t('org.region')} rules={[{ required: true, message: t('form.required', { label: t('org.region') }) }]}>
              <RegionTreeSelect placeholder={t('org.filterRegion')} />
            </Form.Item>
            <Form.Item name="parentId" label={t('org.parent')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                loading={parents.isPending}
                options={(parents.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
                placeholder={t('org.parentPlaceholder')}
              />
            </Form.Item>
          </>
        )}
        <Form.Item name="name" label={t('org.name')} rules={[rules.required(t, t('org.name')), { max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="shortName" label={t('org.shortName')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="kind" label={t('org.kind')} rules={[{ required: true }]}>
          <Select options={orgKinds.map((k) => ({ value: k, label: t(orgKindKeys[k]) }))} />
        </Form.Item>
        <Form.Item name="phone" label={t('org.phone')} rules={[rules.phone(t)]}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="address" label={t('org.address')}>
          <Input maxLength={300} />
        </Form.Item>
        {current && (
          <Form.Item name="isActive" label={t('common.status')} valuePropName="checked">
            <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
