import { useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Col, Drawer, Form, Input, InputNumber, Row, Select, Skeleton, Space, Switch } from 'antd';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useT } from '../../../i18n/index.tsx';
import { useFeedback } from '../../../components/feedback-context.tsx';
import { rules, showFieldError, useIdempotencyKey } from '../../../components/forms.ts';
import { useOrganizationOptions } from '../../../api/org.ts';
import { catalogAdminApi, catalogAdminKeys, searchPublishedItems, useBundle, type BundleContent, type Limit } from '../../../api/catalog-admin.ts';
import { audienceLabels, deliveryLabels, optionsOf, themeOptions, unitLabels } from '../labels.ts';

interface BundleForm {
  code: string;
  organizationId: number;
  name: string;
  description: string;
  itemCodes: string[];
  committedLimit: Limit;
  deliveryMethods: BundleContent['deliveryMethods'];
  audience: BundleContent['audience'];
  themes: string[];
  keywords: string[];
  publish: boolean;
}

/** Pick published items by words of their name; the chosen ones keep their names while the search moves on. */
function ItemPicker({ id, value, onChange, known }: { id?: string; value?: string[]; onChange?: (v: string[]) => void; known: Map<string, string> }) {
  const t = useT();
  const [q, setQ] = useState('');
  const [names, setNames] = useState(known);
  const found = useQuery({
    queryKey: ['catalog-admin', 'item-picker', q],
    queryFn: () => searchPublishedItems(q, 30),
    placeholderData: keepPreviousData,
  });
  const options = useMemo(() => {
    const seen = new Set<string>();
    const out: { value: string; label: string }[] = [];
    for (const code of value ?? []) {
      seen.add(code);
      out.push({ value: code, label: names.get(code) ?? known.get(code) ?? code });
    }
    for (const i of found.data?.items ?? []) if (!seen.has(i.code)) out.push({ value: i.code, label: `${i.name} · ${i.organizationName}` });
    return out;
  }, [value, found.data, names, known]);
  return (
    <Select
      id={id}
      mode="multiple"
      value={value}
      showSearch={{ filterOption: false, onSearch: setQ }}
      onChange={(codes: string[]) => {
        const next = new Map(names);
        for (const i of found.data?.items ?? []) next.set(i.code, `${i.name} · ${i.organizationName}`);
        setNames(next);
        onChange?.(codes);
        setQ('');
      }}
      options={options}
      loading={found.isFetching}
      placeholder={t('ca.bundle.itemsPlaceholder')}
      notFoundContent={t('ca.bundle.noItems')}
      data-testid="bundle-items"
    />
  );
}

/** 一件事 editor: code, lead organization, name, description, member items, one committed limit, delivery, audience, themes, keywords. */
export function BundleDrawer({ code, onClose, onSaved }: { code: string | null; onClose: () => void; onSaved: (code: string, published: boolean) => void }) {
  const t = useT();
  const { message } = useFeedback();
  const [form] = Form.useForm<BundleForm>();
  const queryClient = useQueryClient();
  const [key] = useIdempotencyKey();
  const organizations = useOrganizationOptions();
  const existing = useBundle(code);
  const isEdit = code !== null;

  const known = useMemo(() => new Map((existing.data?.items ?? []).map((i) => [i.code, `${i.name} · ${i.organizationName}`])), [existing.data]);
  const initial: Partial<BundleForm> | null = useMemo(() => {
    // the lead organization is preset (new bundles: the center), so wait for the list
    if (!organizations.data) return null;
    if (!isEdit) {
      const center = organizations.data.find((o) => o.kind === 'center');
      return {
        organizationId: center?.id,
        committedLimit: { value: 5, unit: 'workday' },
        deliveryMethods: ['pickup', 'post'],
        audience: ['enterprise'],
        themes: [],
        keywords: [],
        itemCodes: [],
        publish: true,
        description: '',
      };
    }
    const b = existing.data;
    if (!b) return null;
    return {
      ...b.content,
      code: b.code,
      organizationId: organizations.data.find((o) => o.name === b.organizationName)?.id,
      publish: true,
    };
  }, [isEdit, existing.data, organizations.data]);

  const save = useMutation({
    meta: { silent: true },
    mutationFn: (v: BundleForm) =>
      catalogAdminApi.saveBundle(
        {
          code: v.code.trim().toUpperCase(),
          organizationId: v.organizationId,
          publish: v.publish,
          content: {
            name: v.name.trim(),
            description: v.description?.trim() ?? '',
            itemCodes: v.itemCodes,
            committedLimit: {
              value: v.committedLimit.value ?? 0,
              unit: v.committedLimit.unit,
              ...(v.committedLimit.note ? { note: v.committedLimit.note } : {}),
            },
            deliveryMethods: v.deliveryMethods,
            audience: v.audience,
            themes: v.themes ?? [],
            keywords: v.keywords ?? [],
          },
        },
        key,
      ),
    onSuccess: async (r, v) => {
      message.success(t('ca.bundle.saved', { code: r.code }));
      await queryClient.invalidateQueries({ queryKey: catalogAdminKeys.bundles });
      await queryClient.invalidateQueries({ queryKey: catalogAdminKeys.bundle(r.code) });
      onSaved(r.code, v.publish);
    },
    onError: (error) => {
      if (!showFieldError(form, error)) message.error(error.message);
    },
  });

  return (
    <Drawer
      open
      size={720}
      title={isEdit ? t('ca.bundle.editTitle', { name: existing.data?.name ?? code }) : t('ca.bundle.create')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} disabled={!initial} data-testid="bundle-save">
            {t('action.save')}
          </Button>
        </Space>
      }
    >
      {!initial ? (
        <Skeleton active />
      ) : (
        <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)}>
          <Row gutter={16}>
            <Col span={10}>
              <Form.Item
                name="code"
                label={t('ca.bundle.code')}
                extra={t('ca.bundle.codeHint')}
                rules={[rules.required(t, t('ca.bundle.code')), { pattern: /^[0-9A-Za-z-]{3,60}$/, message: t('ca.bundle.codeInvalid') }]}
              >
                <Input className="mono" disabled={isEdit} maxLength={60} placeholder="B-XXXX-001" />
              </Form.Item>
            </Col>
            <Col span={14}>
              <Form.Item name="organizationId" label={t('ca.bundle.organization')} rules={[{ required: true, message: t('ca.items.organizationRequired') }]}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={organizations.isPending}
                  options={(organizations.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="name" label={t('ca.bundle.name')} rules={[rules.required(t, t('ca.bundle.name')), { max: 200 }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="description" label={t('ca.bundle.description')}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount />
          </Form.Item>
          <Form.Item
            name="itemCodes"
            label={t('ca.bundle.items')}
            extra={t('ca.bundle.itemsHint')}
            rules={[{ required: true, type: 'array', min: 2, message: t('ca.bundle.itemsMin') }]}
          >
            <ItemPicker known={known} />
          </Form.Item>
          <Form.Item label={t('ca.bundle.committedLimit')} required extra={t('ca.bundle.limitHint')}>
            <Space.Compact block>
              <Form.Item name={['committedLimit', 'value']} noStyle rules={[{ required: true }]}>
                <InputNumber min={0} max={3650} precision={0} style={{ width: 110 }} />
              </Form.Item>
              <Form.Item name={['committedLimit', 'unit']} noStyle>
                <Select style={{ width: 120 }} options={optionsOf(t, unitLabels)} />
              </Form.Item>
              <Form.Item name={['committedLimit', 'note']} noStyle>
                <Input placeholder={t('ca.item.limitNote')} maxLength={500} />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
          <Row gutter={16}>
            <Col span={14}>
              <Form.Item
                name="deliveryMethods"
                label={t('ca.item.deliveryMethods')}
                rules={[{ required: true, type: 'array', min: 1, message: t('ca.basic.deliveryRequired') }]}
              >
                <Checkbox.Group options={optionsOf(t, deliveryLabels)} />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item
                name="audience"
                label={t('ca.item.audience')}
                rules={[{ required: true, type: 'array', min: 1, message: t('ca.basic.audienceRequired') }]}
              >
                <Checkbox.Group options={optionsOf(t, audienceLabels)} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="themes" label={t('ca.item.themes')}>
            <Select mode="tags" maxCount={10} options={themeOptions.map((v) => ({ value: v, label: v }))} />
          </Form.Item>
          <Form.Item name="keywords" label={t('ca.item.keywords')} extra={t('ca.basic.keywordsHint')}>
            <Select mode="tags" maxCount={30} open={false} tokenSeparators={[',', '，', '、', ' ']} />
          </Form.Item>
          <Form.Item name="publish" label={t('ca.bundle.publish')} valuePropName="checked" extra={t('ca.bundle.publishHint')}>
            <Switch />
          </Form.Item>
          {isEdit && <Alert type="info" showIcon title={t('ca.bundle.editHint')} />}
        </Form>
      )}
    </Drawer>
  );
}
