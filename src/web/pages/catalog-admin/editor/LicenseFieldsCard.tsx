import { Alert, Card, Form, Select, Space, Switch, Typography } from 'antd';
import { issuesLicense } from '../../../../common/licenses.ts';
import { useLocale, useT } from '../../../i18n/index.tsx';
import type { ItemContent } from '../../../api/catalog-admin.ts';

/** The widgets a license may print (item-rules.ts says the same): not a table, a file, an ID number or a phone. */
const printable = new Set(['text', 'textarea', 'number', 'date', 'select', 'region', 'address']);

type Establishes = NonNullable<ItemContent['establishes']>;

/**
 * Beside the form's designer: what the result license prints of the form (登记事项, `resultFields`, in the order
 * chosen), and whether a grant registers an enterprise that holds the license (`establishes`, 企业设立登记), with the
 * fields its name, legal representative and domicile are taken from. Only for an item whose result is a license.
 */
export function LicenseFieldsCard({
  content,
  readOnly,
  onChange,
}: {
  content: ItemContent;
  readOnly: boolean;
  onChange: (patch: Pick<ItemContent, 'resultFields' | 'establishes'>) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  if (!issuesLicense(content))
    return (
      <Card size="small" title={t('ca.license.title')} className="block-gap-top" data-testid="license-fields-card">
        <Typography.Text type="secondary">{t('ca.license.notLicense')}</Typography.Text>
      </Card>
    );
  const fields = content.form.ui.order.map((key) => ({ key, ui: content.form.ui.fields[key] })).filter((f) => !!f.ui);
  const options = (widgets: (w: string) => boolean) =>
    fields.filter((f) => widgets(f.ui!.widget)).map((f) => ({ value: f.key, label: `${f.ui!.label[locale === 'en' ? 'en' : 'zh-CN']}（${f.key}）` }));
  const establishes = content.establishes;
  const setEstablishes = (patch: Partial<Establishes> | null) =>
    onChange({
      resultFields: content.resultFields,
      establishes:
        patch === null
          ? undefined
          : {
              nameField: patch.nameField ?? establishes?.nameField ?? '',
              legalRepresentativeField: patch.legalRepresentativeField ?? establishes?.legalRepresentativeField ?? '',
              ...((patch.addressField ?? establishes?.addressField) ? { addressField: patch.addressField ?? establishes?.addressField } : {}),
            },
    });
  // a field removed from the form is still named here until the rules (送审) say so
  const missing = [...(content.resultFields ?? []), ...Object.values(establishes ?? {})].filter((k) => k && !content.form.ui.fields[k]);
  return (
    <Card size="small" title={t('ca.license.title')} className="block-gap-top" data-testid="license-fields-card">
      <Form layout="vertical" disabled={readOnly}>
        <Form.Item label={t('ca.license.fields')} extra={t('ca.license.fieldsHint')}>
          <Select
            id="license-result-fields"
            mode="multiple"
            allowClear
            value={content.resultFields ?? []}
            options={options((w) => printable.has(w))}
            onChange={(keys: string[]) => onChange({ resultFields: keys.length ? keys : undefined, establishes })}
            data-testid="license-result-fields"
          />
        </Form.Item>
        <Form.Item extra={t('ca.license.establishesHint')}>
          <Space>
            <Switch
              checked={!!establishes}
              onChange={(on) => setEstablishes(on ? {} : null)}
              data-testid="license-establishes"
              aria-label={t('ca.license.establishes')}
            />
            {t('ca.license.establishes')}
          </Space>
        </Form.Item>
        {establishes && (
          <>
            <Form.Item label={t('ca.license.nameField')} required>
              <Select
                value={establishes.nameField || undefined}
                options={options((w) => w === 'text')}
                onChange={(nameField: string) => setEstablishes({ nameField })}
                data-testid="license-name-field"
              />
            </Form.Item>
            <Form.Item label={t('ca.license.legalRepField')} required>
              <Select
                value={establishes.legalRepresentativeField || undefined}
                options={options((w) => w === 'text')}
                onChange={(legalRepresentativeField: string) => setEstablishes({ legalRepresentativeField })}
                data-testid="license-legal-rep-field"
              />
            </Form.Item>
            <Form.Item label={t('ca.license.addressField')}>
              <Select
                value={establishes.addressField ?? ''}
                options={[{ value: '', label: t('ca.license.none') }, ...options((w) => w === 'address')]}
                onChange={(addressField: string) =>
                  onChange({
                    resultFields: content.resultFields,
                    establishes: {
                      nameField: establishes.nameField,
                      legalRepresentativeField: establishes.legalRepresentativeField,
                      ...(addressField ? { addressField } : {}),
                    },
                  })
                }
                data-testid="license-address-field"
              />
            </Form.Item>
          </>
        )}
        {missing.length > 0 && <Alert type="warning" showIcon title={t('ca.license.missing', { keys: missing.join('、') })} />}
      </Form>
    </Card>
  );
}
