import { useMemo, useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Segmented, Select, Space, TreeSelect, Upload } from 'antd';
import type { FormRule } from 'antd';
import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { Locale } from '../../../../common/errors.ts';
import { translate, useT, type TFunction } from '../../../i18n/index.tsx';
import { rules } from '../../../components/forms.ts';
import { useRegions } from '../../../api/org.ts';
import type { RegionNode } from '../../../api/types.ts';
import { isMultiple, selectOptions, tableColumns, type FieldDef, type JsonSchema } from './form-model.ts';

interface RegionCodeOption {
  value: string;
  title: string;
  children?: RegionCodeOption[];
}

/** The region tree with 12-digit codes as values (format region-code). */
function regionCodeTree(nodes: readonly RegionNode[]): RegionCodeOption[] {
  const byParent = new Map<number | null, RegionNode[]>();
  for (const n of nodes) byParent.set(n.parentId, [...(byParent.get(n.parentId) ?? []), n]);
  const ids = new Set(nodes.map((n) => n.id));
  const build = (parent: number | null): RegionCodeOption[] | undefined => {
    const children = byParent.get(parent);
    return children?.map((n) => ({ value: n.code, title: n.name, children: build(n.id) }));
  };
  return nodes.filter((n) => n.parentId === null || !ids.has(n.parentId)).map((n) => ({ value: n.code, title: n.name, children: build(n.id) }));
}

/** The checks the server's JSON Schema (Ajv, item-rules.ts) makes, as antd rules, with the GB 11643 and phone validators of common/validators.ts. */
function rulesOf(t: TFunction, schema: JsonSchema, required: boolean, label: string): FormRule[] {
  const out: FormRule[] = [];
  if (required) out.push({ required: true, message: t('form.required', { label }) });
  if (schema.format === 'id-card') out.push(rules.idCard(t));
  if (schema.format === 'phone') out.push(rules.phone(t));
  if (schema.format === 'credit-code') out.push(rules.creditCode(t));
  if (schema.format === 'email') out.push({ type: 'email', message: t('ca.preview.invalidEmail') });
  if (schema.type === 'string') {
    if (typeof schema.maxLength === 'number') out.push({ max: schema.maxLength, message: t('ca.preview.maxLength', { n: schema.maxLength }) });
    if (typeof schema.minLength === 'number' && schema.minLength > 0)
      out.push({ min: schema.minLength, message: t('ca.preview.minLength', { n: schema.minLength }) });
    if (typeof schema.pattern === 'string') {
      try {
        out.push({ pattern: new RegExp(schema.pattern, 'u'), message: t('ca.preview.pattern') });
      } catch {}
    }
  }
  return out;
}

/** A table needs a row when it is required, and at least `minItems` rows once it has any. */
function tableRules(t: TFunction, schema: JsonSchema, required: boolean, label: string) {
  const min = typeof schema.minItems === 'number' ? schema.minItems : 0;
  return [
    {
      validator: async (_r: unknown, rows: unknown[] | undefined) => {
        const n = rows?.length ?? 0;
        if (required && n === 0) throw new Error(t('form.required', { label }));
        if (n > 0 && n < min) throw new Error(t('ca.preview.minRows', { n: min }));
      },
    },
  ];
}

function TableInput({ field, locale }: { field: FieldDef; locale: Locale }) {
  const t = (key: Parameters<TFunction>[0], vars?: Record<string, string | number>) => translate(locale, key, vars);
  const columns = tableColumns(field.schema);
  return (
    <Form.List name={field.key} rules={tableRules(t, field.schema, field.required, field.label[locale])}>
      {(rows, { add, remove }, { errors }) => (
        <div className="ca-preview-table">
          {rows.map((row) => (
            <Space key={row.key} align="start" wrap className="ca-preview-table-row">
              {columns.map((c) => (
                <Form.Item
                  key={c.key}
                  name={[row.name, c.key]}
                  rules={c.required ? [{ required: true, message: t('form.required', { label: c.title }) }] : []}
                  className="ca-preview-cell"
                >
                  {c.type === 'number' ? (
                    <InputNumber placeholder={c.title} />
                  ) : c.type === 'date' ? (
                    <DatePicker placeholder={c.title} />
                  ) : (
                    <Input placeholder={c.title} />
                  )}
                </Form.Item>
              ))}
              <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label={t('action.remove')} />
            </Space>
          ))}
          <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({})}>
            {t('ca.preview.addRow')}
          </Button>
          <Form.ErrorList errors={errors} />
        </div>
      )}
    </Form.List>
  );
}

/** The control of a widget; what Form.Item hands it (`id`, `value` or `fileList`, `onChange`) goes on to the antd control. */
function Control({ field, regions, ...bound }: { field: FieldDef; regions: RegionCodeOption[] } & Record<string, any>) {
  const s = field.schema;
  switch (field.widget) {
    case 'textarea':
      return <Input.TextArea {...bound} autoSize={{ minRows: 2, maxRows: 6 }} />;
    case 'number':
      return (
        <InputNumber
          {...bound}
          style={{ width: '100%' }}
          min={typeof s.minimum === 'number' ? s.minimum : undefined}
          max={typeof s.maximum === 'number' ? s.maximum : undefined}
          precision={s.type === 'integer' ? 0 : undefined}
        />
      );
    case 'date':
      return <DatePicker {...bound} style={{ width: '100%' }} />;
    case 'select':
      return (
        <Select {...bound} mode={isMultiple(s) ? 'multiple' : undefined} options={selectOptions(s).map((o) => ({ value: o, label: String(o) }))} allowClear />
      );
    case 'region':
      return <TreeSelect {...bound} treeData={regions} showSearch={{ treeNodeFilterProp: 'title' }} treeDefaultExpandAll allowClear />;
    case 'file':
      return (
        <Upload {...bound} beforeUpload={() => false} multiple={isMultiple(s)} maxCount={isMultiple(s) ? undefined : 1}>
          <Button icon={<UploadOutlined />} />
        </Upload>
      );
    default:
      return <Input {...bound} />;
  }
}

/** The form as an applicant will see it, rendered from the schema and UI hints, with the same checks the server makes. */
export function FormPreview({ fields }: { fields: readonly FieldDef[] }) {
  const ui = useT();
  const [locale, setLocale] = useState<Locale>('zh-CN');
  const [form] = Form.useForm();
  const [verdict, setVerdict] = useState<'ok' | 'bad' | null>(null);
  const regions = useRegions();
  const regionTree = useMemo(() => regionCodeTree(regions.data ?? []), [regions.data]);
  const t: TFunction = (key, vars) => translate(locale, key, vars);
  return (
    <div className="ca-preview" data-testid="form-preview">
      <div className="ca-preview-bar">
        <Segmented<Locale>
          size="small"
          value={locale}
          onChange={setLocale}
          options={[
            { value: 'zh-CN', label: '中文' },
            { value: 'en', label: 'English' },
          ]}
        />
        <Button
          size="small"
          type="primary"
          ghost
          onClick={() =>
            form.validateFields().then(
              () => setVerdict('ok'),
              () => setVerdict('bad'),
            )
          }
          data-testid="preview-validate"
        >
          {ui('ca.preview.validate')}
        </Button>
      </div>
      {verdict === 'ok' && (
        <Alert type="success" showIcon title={ui('ca.preview.valid')} className="block-gap" closable={{ onClose: () => setVerdict(null) }} />
      )}
      {verdict === 'bad' && (
        <Alert type="warning" showIcon title={ui('ca.preview.invalid')} className="block-gap" closable={{ onClose: () => setVerdict(null) }} />
      )}
      <Form form={form} name="preview" layout="vertical" onValuesChange={() => setVerdict(null)}>
        {fields.map((f) => {
          const label = f.label[locale] || f.key;
          if (f.widget === 'table')
            return (
              <Form.Item key={f.key} label={label} required={f.required} help={f.help}>
                <TableInput field={f} locale={locale} />
              </Form.Item>
            );
          return (
            <Form.Item
              key={f.key}
              name={f.key}
              label={label}
              extra={f.help}
              rules={rulesOf(t, f.schema, f.required, label)}
              valuePropName={f.widget === 'file' ? 'fileList' : 'value'}
              getValueFromEvent={f.widget === 'file' ? (e: { fileList: unknown[] }) => e.fileList : undefined}
            >
              <Control field={f} regions={regionTree} />
            </Form.Item>
          );
        })}
      </Form>
      {fields.length === 0 && <div className="muted">{ui('ca.preview.empty')}</div>}
    </div>
  );
}
