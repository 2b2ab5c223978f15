import { Button, Col, Input, InputNumber, Row, Select, Space, Switch, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useT, type MessageKey } from '../../../i18n/index.tsx';
import type { Widget } from '../../../api/catalog-admin.ts';
import { optionsOf, widgetLabels } from '../labels.ts';
import {
  defaultSchema,
  fieldIssues,
  fileSchema,
  isMultiple,
  selectOptions,
  selectSchema,
  tableColumns,
  tableSchema,
  withKeyword,
  type ColumnType,
  type FieldDef,
  type TableColumn,
} from './form-model.ts';

/** What a field may be filled with from the signed-in applicant's verified details (schema-form's `prefillValues`). */
const prefills: [string, MessageKey][] = [
  ['applicant.name', 'ca.form.prefill.name'],
  ['applicant.idNumber', 'ca.form.prefill.idNumber'],
  ['applicant.phone', 'ca.form.prefill.phone'],
  ['applicant.legalRepresentative', 'ca.form.prefill.legalRepresentative'],
];

/** The check a widget's format makes, in words (item-rules.ts holds the formats). */
const fixedFormats: Partial<Record<Widget, MessageKey>> = {
  id_number: 'ca.form.formatIdCard',
  phone: 'ca.form.formatPhone',
  region: 'ca.form.formatRegion',
  date: 'ca.form.formatDate',
};

function Setting({ label, children, hint, error }: { label: string; children: ReactNode; hint?: string; error?: string | null }) {
  return (
    <div className="ca-setting">
      <div className="ca-field-label">{label}</div>
      {children}
      {error ? <div className="ca-setting-error">{error}</div> : hint ? <div className="ca-setting-hint">{hint}</div> : null}
    </div>
  );
}

const num = (v: unknown) => (typeof v === 'number' ? v : null);

/** The columns of a table field: key, title (in Chinese, and in English), type and whether each must be filled. */
function ColumnsEditor({ field, readOnly, onChange }: { field: FieldDef; readOnly: boolean; onChange: (f: FieldDef) => void }) {
  const t = useT();
  const columns = tableColumns(field.schema);
  const set = (next: TableColumn[]) => onChange({ ...field, schema: tableSchema(field.schema, next) });
  const typeOptions: { value: ColumnType; label: string }[] = [
    { value: 'string', label: t('ca.form.colText') },
    { value: 'number', label: t('ca.form.colNumber') },
    { value: 'date', label: t('ca.form.colDate') },
  ];
  return (
    <div className="ca-columns">
      {columns.map((c, i) => (
        <div key={i} className="ca-column">
          <Space.Compact block className="ca-column-row">
            <Input
              className="mono"
              value={c.key}
              disabled={readOnly}
              status={/^[A-Za-z][A-Za-z0-9_]{0,59}$/.test(c.key) && columns.filter((x) => x.key === c.key).length === 1 ? undefined : 'error'}
              onChange={(e) => set(columns.map((x, j) => (j === i ? { ...x, key: e.target.value.trim() } : x)))}
              style={{ width: '30%' }}
              aria-label={t('ca.form.colKey')}
            />
            <Input
              value={c.title}
              disabled={readOnly}
              onChange={(e) => set(columns.map((x, j) => (j === i ? { ...x, title: e.target.value } : x)))}
              style={{ width: '34%' }}
              aria-label={t('ca.form.colTitle')}
            />
            <Select
              value={c.type}
              disabled={readOnly}
              options={typeOptions}
              onChange={(type) => set(columns.map((x, j) => (j === i ? { ...x, type } : x)))}
              style={{ width: '22%' }}
            />
            <Button
              disabled={readOnly}
              type={c.required ? 'primary' : 'default'}
              ghost={c.required}
              onClick={() => set(columns.map((x, j) => (j === i ? { ...x, required: !x.required } : x)))}
              title={t('ca.form.required')}
            >
              *
            </Button>
            <Button
              disabled={readOnly}
              danger
              icon={<DeleteOutlined />}
              onClick={() => set(columns.filter((_x, j) => j !== i))}
              aria-label={t('action.remove')}
            />
          </Space.Compact>
          {/* the title an English page shows (the Chinese one where it is empty) */}
          <Input
            size="small"
            value={c.titleEn ?? ''}
            disabled={readOnly}
            maxLength={100}
            addonBefore="EN"
            placeholder={t('ca.form.colTitleEn')}
            onChange={(e) => set(columns.map((x, j) => (j === i ? { ...x, titleEn: e.target.value } : x)))}
            className="ca-column-en"
            aria-label={t('ca.form.colTitleEn')}
          />
        </div>
      ))}
      {!readOnly && (
        <Button
          size="small"
          type="dashed"
          icon={<PlusOutlined />}
          onClick={() => {
            let n = columns.length + 1;
            while (columns.some((c) => c.key === `col${n}`)) n += 1;
            set([...columns, { key: `col${n}`, title: t('ca.form.colN', { n }), type: 'string', required: false }]);
          }}
        >
          {t('ca.form.addColumn')}
        </Button>
      )}
    </div>
  );
}

/** The settings of the selected field: key, labels in both languages, required, help, prefill and what fits its widget. */
export function FieldSettings({
  field,
  all,
  readOnly,
  onChange,
}: {
  field: FieldDef;
  all: readonly FieldDef[];
  readOnly: boolean;
  onChange: (f: FieldDef) => void;
}) {
  const t = useT();
  const issues = fieldIssues(field, all);
  const s = field.schema;
  const setSchema = (keyword: string, value: unknown) => onChange({ ...field, schema: withKeyword(s, keyword, value) });
  const stringLimits = (
    <Row gutter={12}>
      <Col span={12}>
        <Setting label={t('ca.form.minLength')}>
          <InputNumber
            min={0}
            max={4000}
            precision={0}
            value={num(s.minLength)}
            disabled={readOnly}
            onChange={(v) => setSchema('minLength', v)}
            style={{ width: '100%' }}
          />
        </Setting>
      </Col>
      <Col span={12}>
        <Setting label={t('ca.form.maxLength')}>
          <InputNumber
            min={1}
            max={4000}
            precision={0}
            value={num(s.maxLength)}
            disabled={readOnly}
            onChange={(v) => setSchema('maxLength', v)}
            style={{ width: '100%' }}
            data-testid="field-maxlength"
          />
        </Setting>
      </Col>
    </Row>
  );
  const fixedFormat = fixedFormats[field.widget];
  return (
    <div className="ca-field-settings" data-testid="field-settings">
      <Setting label={t('ca.form.widget')}>
        <Select<Widget>
          value={field.widget}
          disabled={readOnly}
          options={optionsOf(t, widgetLabels)}
          onChange={(widget) => onChange({ ...field, widget, schema: { ...defaultSchema(widget), title: field.label['zh-CN'] } })}
          style={{ width: '100%' }}
        />
      </Setting>
      <Setting
        label={t('ca.form.key')}
        hint={t('ca.form.keyHint')}
        error={issues.includes('key') ? t('ca.form.keyInvalid') : issues.includes('duplicate') ? t('ca.form.keyDuplicate') : null}
      >
        <Input
          className="mono"
          value={field.key}
          maxLength={60}
          disabled={readOnly}
          status={issues.includes('key') || issues.includes('duplicate') ? 'error' : undefined}
          onChange={(e) => onChange({ ...field, key: e.target.value.trim() })}
          data-testid="field-key"
        />
      </Setting>
      <Row gutter={12}>
        <Col span={12}>
          <Setting label={t('ca.form.labelZh')} error={issues.includes('labelZh') ? t('ca.form.labelRequired') : null}>
            <Input
              value={field.label['zh-CN']}
              maxLength={100}
              disabled={readOnly}
              onChange={(e) => onChange({ ...field, label: { ...field.label, 'zh-CN': e.target.value } })}
              data-testid="field-label-zh"
            />
          </Setting>
        </Col>
        <Col span={12}>
          <Setting label={t('ca.form.labelEn')} error={issues.includes('labelEn') ? t('ca.form.labelRequired') : null}>
            <Input
              value={field.label.en}
              maxLength={100}
              disabled={readOnly}
              onChange={(e) => onChange({ ...field, label: { ...field.label, en: e.target.value } })}
              data-testid="field-label-en"
            />
          </Setting>
        </Col>
      </Row>
      <Setting label={t('ca.form.required')}>
        <Switch checked={field.required} disabled={readOnly} onChange={(required) => onChange({ ...field, required })} data-testid="field-required" />
      </Setting>

      {(field.widget === 'text' || field.widget === 'textarea' || field.widget === 'address') && stringLimits}
      {field.widget === 'text' && (
        <>
          <Setting label={t('ca.form.format')}>
            <Select
              value={(s.format as string | undefined) ?? ''}
              disabled={readOnly}
              onChange={(v: string) => setSchema('format', v)}
              options={[
                { value: '', label: t('ca.form.formatNone') },
                { value: 'credit-code', label: t('ca.form.formatCreditCode') },
                { value: 'email', label: t('ca.form.formatEmail') },
              ]}
              style={{ width: '100%' }}
            />
          </Setting>
          <Setting label={t('ca.form.pattern')} hint={t('ca.form.patternHint')}>
            <Input
              className="mono"
              value={(s.pattern as string | undefined) ?? ''}
              disabled={readOnly}
              onChange={(e) => setSchema('pattern', e.target.value)}
            />
          </Setting>
        </>
      )}
      {field.widget === 'number' && (
        <Row gutter={12}>
          <Col span={8}>
            <Setting label={t('ca.form.minimum')}>
              <InputNumber value={num(s.minimum)} disabled={readOnly} onChange={(v) => setSchema('minimum', v)} style={{ width: '100%' }} />
            </Setting>
          </Col>
          <Col span={8}>
            <Setting label={t('ca.form.maximum')}>
              <InputNumber value={num(s.maximum)} disabled={readOnly} onChange={(v) => setSchema('maximum', v)} style={{ width: '100%' }} />
            </Setting>
          </Col>
          <Col span={8}>
            <Setting label={t('ca.form.integer')}>
              <Switch checked={s.type === 'integer'} disabled={readOnly} onChange={(on) => setSchema('type', on ? 'integer' : 'number')} />
            </Setting>
          </Col>
        </Row>
      )}
      {field.widget === 'select' && (
        <>
          <Setting label={t('ca.form.options')} hint={t('ca.form.optionsHint')} error={issues.includes('options') ? t('ca.form.optionsRequired') : null}>
            <Select
              mode="tags"
              open={false}
              value={selectOptions(s).map(String)}
              disabled={readOnly}
              tokenSeparators={[',', '，', '、']}
              onChange={(options: string[]) => onChange({ ...field, schema: selectSchema(s, options, isMultiple(s)) })}
              style={{ width: '100%' }}
              data-testid="field-options"
            />
          </Setting>
          <Setting label={t('ca.form.multiple')}>
            <Switch
              checked={isMultiple(s)}
              disabled={readOnly}
              onChange={(multiple) => onChange({ ...field, schema: selectSchema(s, selectOptions(s).map(String), multiple) })}
            />
          </Setting>
        </>
      )}
      {fixedFormat && (
        <Typography.Paragraph type="secondary" className="ca-setting-hint" data-testid="field-fixed-format">
          {t('ca.form.fixedFormat', { format: t(fixedFormat) })}
        </Typography.Paragraph>
      )}
      {field.widget === 'table' && (
        <>
          <Setting label={t('ca.form.columns')} error={issues.includes('columns') ? t('ca.form.columnsRequired') : null}>
            <ColumnsEditor field={field} readOnly={readOnly} onChange={onChange} />
          </Setting>
          <Row gutter={12}>
            <Col span={12}>
              <Setting label={t('ca.form.minRows')}>
                <InputNumber
                  min={0}
                  max={200}
                  precision={0}
                  value={num(s.minItems)}
                  disabled={readOnly}
                  onChange={(v) => setSchema('minItems', v)}
                  style={{ width: '100%' }}
                />
              </Setting>
            </Col>
            <Col span={12}>
              <Setting label={t('ca.form.maxRows')}>
                <InputNumber
                  min={1}
                  max={200}
                  precision={0}
                  value={num(s.maxItems)}
                  disabled={readOnly}
                  onChange={(v) => setSchema('maxItems', v)}
                  style={{ width: '100%' }}
                />
              </Setting>
            </Col>
          </Row>
        </>
      )}
      {field.widget === 'file' && (
        <Setting label={t('ca.form.multipleFiles')}>
          <Switch checked={isMultiple(s)} disabled={readOnly} onChange={(multiple) => onChange({ ...field, schema: fileSchema(s, multiple) })} />
        </Setting>
      )}

      <Setting label={t('ca.form.help')}>
        <Input value={field.help ?? ''} maxLength={500} disabled={readOnly} onChange={(e) => onChange({ ...field, help: e.target.value || undefined })} />
      </Setting>
      <Setting label={t('ca.form.helpEn')}>
        <Input
          value={field.helpEn ?? ''}
          maxLength={500}
          disabled={readOnly}
          onChange={(e) => onChange({ ...field, helpEn: e.target.value || undefined })}
          data-testid="field-help-en"
        />
      </Setting>
      <Setting label={t('ca.form.prefill')} hint={t('ca.form.prefillHint')}>
        <Select
          value={field.prefill ?? ''}
          disabled={readOnly}
          options={[
            { value: '', label: t('ca.form.prefill.none') },
            ...prefills.map(([value, label]) => ({ value, label: t(label) })),
            // a source this designer does not offer, kept as the item has it
            ...(field.prefill && !prefills.some(([value]) => value === field.prefill) ? [{ value: field.prefill, label: field.prefill }] : []),
          ]}
          onChange={(v: string) => onChange({ ...field, prefill: v || undefined })}
          style={{ width: '100%' }}
          data-testid="field-prefill"
        />
      </Setting>
    </div>
  );
}
