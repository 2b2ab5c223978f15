import { useMemo, useState } from 'react';
import { Button, DatePicker, Input, InputNumber, Select, TreeSelect, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useRegions } from '../../api/org.ts';
import { buildRegionTree, type RegionTreeNode } from '../../api/regions.ts';
import { acceptAttribute, fileReference, fileUrl, uploadFile } from '../../api/files.ts';
import { uploadErrorText } from '../upload-errors.ts';
import { useLocale } from '../../i18n/index.tsx';
import { useCaseT } from '../../i18n/cases-pages.ts';
import type { FieldSchema, Widget } from './model.ts';

/** Props antd's Form.Item passes to its control. */
export interface ControlProps<T = unknown> {
  id?: string;
  value?: T;
  onChange?: (value: T | undefined) => void;
  disabled?: boolean;
  placeholder?: string;
  'aria-label'?: string;
}

/** Dates live in the form as the schema's `YYYY-MM-DD` strings; the picker works with dayjs. */
export function DateInput({ value, onChange, ...rest }: ControlProps<string>) {
  return (
    <DatePicker
      {...rest}
      value={value ? dayjs(value) : null}
      onChange={(d: Dayjs | null) => onChange?.(d ? d.format('YYYY-MM-DD') : undefined)}
      style={{ width: '100%' }}
    />
  );
}

interface RegionOption {
  value: string;
  title: string;
  children?: RegionOption[];
}

const toOptions = (nodes: RegionTreeNode[]): RegionOption[] =>
  nodes.map((n) => ({ value: n.code, title: n.name, children: n.children.length ? toOptions(n.children) : undefined }));

/** A region by its 12-digit GB/T 2260 code (what `format: region-code` fields hold). */
export function RegionCodeInput({ value, onChange, ...rest }: ControlProps<string>) {
  const regions = useRegions();
  const options = useMemo(() => toOptions(buildRegionTree(regions.data ?? [])), [regions.data]);
  return (
    <TreeSelect
      {...rest}
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      treeData={options}
      loading={regions.isPending}
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear
      treeDefaultExpandedKeys={options.map((o) => o.value)}
      popupMatchSelectWidth={false}
    />
  );
}

/** A `file` widget: uploads at once and holds `file:<id>` (or a list of them for an array field). */
export function FileRefInput({ value, onChange, disabled, multiple }: ControlProps<string | string[]> & { multiple?: boolean }) {
  const t = useCaseT();
  const { locale } = useLocale();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [names, setNames] = useState<Record<string, string>>({});
  const refs = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return (
    <div>
      <Upload
        accept={acceptAttribute}
        showUploadList={false}
        disabled={disabled || busy}
        multiple={multiple}
        customRequest={async ({ file }) => {
          setBusy(true);
          setError(null);
          try {
            const stored = await uploadFile(file as File, locale);
            const ref = fileReference(stored);
            setNames((n) => ({ ...n, [ref]: stored.name }));
            onChange?.(multiple ? [...refs, ref] : ref);
          } catch (e) {
            setError(uploadErrorText(t, e, (file as File).name));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy} disabled={disabled}>
          {t('sf.upload')}
        </Button>
      </Upload>
      {refs.map((ref) => (
        <div key={ref} className="sf-file">
          <a href={fileUrl(ref) ?? undefined} target="_blank" rel="noreferrer">
            {names[ref] ?? ref}
          </a>
          {!disabled && (
            <Button type="link" size="small" onClick={() => onChange?.(multiple ? refs.filter((r) => r !== ref) : undefined)}>
              {t('action.remove')}
            </Button>
          )}
        </div>
      ))}
      {error && <div className="sf-error">{error}</div>}
    </div>
  );
}

/** The input for a widget; every control takes antd Form.Item's value/onChange. */
export function WidgetControl({ widget, schema, ...props }: ControlProps<any> & { widget: Widget; schema: FieldSchema }) {
  const t = useCaseT();
  switch (widget) {
    case 'textarea':
      return <Input.TextArea {...props} autoSize={{ minRows: 3, maxRows: 10 }} showCount={!!schema.maxLength} maxLength={schema.maxLength} />;
    case 'number':
      return (
        <InputNumber
          {...props}
          min={schema.minimum}
          max={schema.maximum}
          precision={schema.type === 'integer' ? 0 : undefined}
          style={{ width: '100%' }}
          onChange={(v: number | string | null) => props.onChange?.(v === null || v === '' ? undefined : Number(v))}
        />
      );
    case 'date':
      return <DateInput {...props} placeholder={props.placeholder ?? t('sf.pickDate')} />;
    case 'select': {
      const multiple = schema.type === 'array';
      const values = (multiple ? schema.items?.enum : schema.enum) ?? [];
      return (
        <Select
          {...props}
          mode={multiple ? 'multiple' : undefined}
          allowClear
          placeholder={props.placeholder ?? t('sf.choose')}
          options={values.map((v) => ({ value: v, label: String(v) }))}
          showSearch={values.length > 8 ? { optionFilterProp: 'label' } : undefined}
        />
      );
    }
    case 'region':
      return <RegionCodeInput {...props} placeholder={props.placeholder ?? t('sf.chooseRegion')} />;
    case 'id_number':
      return <Input {...props} maxLength={18} className="mono" placeholder={props.placeholder ?? t('sf.idPlaceholder')} autoComplete="off" />;
    case 'phone':
      return <Input {...props} maxLength={20} className="mono" inputMode="tel" placeholder={props.placeholder ?? t('sf.phonePlaceholder')} />;
    case 'file':
      return <FileRefInput {...props} multiple={schema.type === 'array'} />;
    case 'address':
    case 'text':
    default:
      return (
        <Input
          {...props}
          maxLength={schema.maxLength}
          className={schema.format === 'credit-code' ? 'mono' : undefined}
          placeholder={props.placeholder ?? (schema.format === 'credit-code' ? t('sf.creditCodePlaceholder') : undefined)}
        />
      );
  }
}
