import { Button, Drawer, Form, Input, Radio, Select, Space } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n/index.tsx';
import { useFeedback } from '../../components/feedback-context.tsx';
import { rules, showFieldError, useIdempotencyKey } from '../../components/forms.ts';
import { useOrganizationOptions } from '../../api/org.ts';
import { catalogAdminApi, catalogAdminKeys, type ItemContent, type ItemType } from '../../api/catalog-admin.ts';
import { caseKindLabels, optionsOf, typeLabels } from './labels.ts';
import { newItemContent, typeOfBaseCode } from './templates.ts';

interface CreateForm {
  organizationId: number;
  baseCode: string;
  name: string;
  type: ItemType;
  caseKind: ItemContent['caseKind'];
  basis: string;
}

/** 新建事项: the implementing organization, the 12-digit base code and the essentials; the rest starts from the standard template. */
export function CreateItemDrawer({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { message } = useFeedback();
  const [form] = Form.useForm<CreateForm>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [key] = useIdempotencyKey();
  const organizations = useOrganizationOptions();

  const create = useMutation({
    meta: { silent: true },
    mutationFn: (v: CreateForm) => {
      const org = organizations.data?.find((o) => o.id === v.organizationId);
      const content = newItemContent({ ...v, name: v.name.trim(), basis: v.basis.trim(), consultPhone: org?.phone, location: org?.address });
      return catalogAdminApi.createItem({ organizationId: v.organizationId, baseCode: v.baseCode, content }, key);
    },
    onSuccess: async (created) => {
      message.success(t('ca.items.created', { code: created.code }));
      await queryClient.invalidateQueries({ queryKey: catalogAdminKeys.items });
      onClose();
      void navigate(`/workbench/catalog/items/${created.id}`);
    },
    onError: (error) => {
      if (!showFieldError(form, error)) message.error(error.message);
    },
  });

  return (
    <Drawer
      open
      size={560}
      title={t('ca.items.create')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()} data-testid="item-create-save">
            {t('ca.items.createSubmit')}
          </Button>
        </Space>
      }
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ caseKind: 'committed', type: 'licensing' }}
        onFinish={(v) => create.mutate(v)}
        onValuesChange={(changed: Partial<CreateForm>) => {
          const type = changed.baseCode ? typeOfBaseCode(changed.baseCode) : undefined;
          if (type) form.setFieldValue('type', type);
        }}
      >
        <Form.Item name="organizationId" label={t('ca.item.organization')} rules={[{ required: true, message: t('ca.items.organizationRequired') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={organizations.isPending}
            placeholder={t('ca.items.organizationPlaceholder')}
            options={(organizations.data ?? []).map((o) => ({ value: o.id, label: `${o.name}（${o.regionName}）` }))}
          />
        </Form.Item>
        <Form.Item
          name="baseCode"
          label={t('ca.item.baseCode')}
          extra={t('ca.items.baseCodeHint')}
          rules={[rules.required(t, t('ca.item.baseCode')), { pattern: /^[0-9]{12}$/, message: t('ca.items.baseCodeInvalid') }]}
        >
          <Input maxLength={12} className="mono" placeholder="011100100000" />
        </Form.Item>
        <Form.Item name="name" label={t('ca.item.name')} rules={[rules.required(t, t('ca.item.name')), { max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="type" label={t('ca.item.type')} rules={[{ required: true }]}>
          <Select options={optionsOf(t, typeLabels)} />
        </Form.Item>
        <Form.Item name="caseKind" label={t('ca.item.caseKind')} extra={t('ca.items.caseKindHint')} rules={[{ required: true }]}>
          <Radio.Group options={optionsOf(t, caseKindLabels)} />
        </Form.Item>
        <Form.Item name="basis" label={t('ca.item.basis')} rules={[rules.required(t, t('ca.item.basis')), { max: 4000 }]}>
          <Input.TextArea rows={4} maxLength={4000} placeholder={t('ca.item.basisPlaceholder')} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
