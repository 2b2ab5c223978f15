import { Col, Form, Input, Row } from 'antd';
import { useLocale } from '../../i18n/index.tsx';
import { useCaseT } from '../../i18n/cases-pages.ts';
import { WidgetControl } from './controls.tsx';
import { TableField } from './TableField.tsx';
import { fieldsOf, type FieldModel, type FormSpec } from './model.ts';
import { rulesFor } from './rules.ts';
import './schema-form.css';

const wide = new Set(['textarea', 'table', 'address', 'file']);

/**
 * The fields of an item's application form, rendered inside the caller's antd `<Form>` (so the page
 * owns the layout, the submit button and the other parts of the application). Validation follows the
 * JSON Schema the server checks with: required, lengths, bounds, enums and the Chinese ID, phone,
 * credit-code and region formats.
 */
/**
 * The form's fields. `bound`: fields the server fills from the applicant's record (实名), shown read-only with the
 * masked number and not part of the form's values.
 */
export function SchemaFields({
  spec,
  disabled,
  highlight,
  bound,
}: {
  spec: FormSpec;
  disabled?: boolean;
  highlight?: ReadonlySet<string>;
  bound?: ReadonlyMap<string, string>;
}) {
  const fields = fieldsOf(spec);
  return (
    <Row gutter={16} className="sf-fields" data-testid="schema-form">
      {fields.map((f) => (
        <Col key={f.name} xs={24} md={wide.has(f.widget) ? 24 : 12}>
          {bound?.has(f.name) ? (
            <RecordBoundField field={f} shown={bound.get(f.name)!} />
          ) : (
            <SchemaField field={f} disabled={disabled} highlighted={highlight?.has(f.name)} />
          )}
        </Col>
      ))}
    </Row>
  );
}

/** A field of the applicant's own number: shown masked, filled by the server from the verified record. */
function RecordBoundField({ field, shown }: { field: FieldModel; shown: string }) {
  const t = useCaseT();
  const { locale } = useLocale();
  return (
    <Form.Item label={field.label[locale] || field.label['zh-CN']} required={field.required} extra={t('sf.fromRecord')} className="sf-item">
      <Input value={shown} disabled className="mono" data-testid={`sf-bound-${field.name}`} />
    </Form.Item>
  );
}

function SchemaField({ field, disabled, highlighted }: { field: FieldModel; disabled?: boolean; highlighted?: boolean }) {
  const t = useCaseT();
  const { locale } = useLocale();
  const label = field.label[locale] || field.label['zh-CN'];
  const help = locale === 'en' ? field.helpEn || field.help : field.help;
  const extra = [help, highlighted ? t('sf.maskedPrefill') : null].filter(Boolean).join(' ');
  if (field.widget === 'table')
    return (
      <Form.Item label={label} required={field.required} extra={extra || undefined} className="sf-item">
        <TableField field={field} label={label} disabled={disabled} />
      </Form.Item>
    );
  return (
    <Form.Item
      name={field.name}
      label={label}
      required={field.required}
      rules={rulesFor(field.schema, label, field.required, t)}
      extra={extra || undefined}
      validateFirst
      className="sf-item"
    >
      <WidgetControl widget={field.widget} schema={field.schema} disabled={disabled} />
    </Form.Item>
  );
}
