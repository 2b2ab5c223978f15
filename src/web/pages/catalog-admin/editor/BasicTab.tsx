import { issuesLicense } from '../../../../common/licenses.ts';
import { AutoComplete, Button, Card, Checkbox, Col, Form, Input, InputNumber, Radio, Row, Select, Space, Switch } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useT, type MessageKey } from '../../../i18n/index.tsx';
import type { ItemContent, Limit } from '../../../api/catalog-admin.ts';
import {
  audienceLabels,
  caseKindLabels,
  deliveryLabels,
  depthLabels,
  levelLabels,
  optionsOf,
  powerSources,
  resultTypeLabels,
  scopeLabels,
  themeOptions,
  typeLabels,
  unitLabels,
} from '../labels.ts';

/** The elements the 基本信息 tab edits; everything of ItemContent but materials, fees, form and process. */
type BasicValues = Omit<ItemContent, 'materials' | 'fees' | 'isChargeable' | 'form' | 'process' | 'resultFields' | 'establishes'>;

const optionalText = (v: string | undefined | null) => (v && v.trim() ? v : undefined);
const whole = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : 0);
const limit = (l: Partial<Limit> | undefined): Limit => ({ value: whole(l?.value), unit: l?.unit ?? 'workday', note: optionalText(l?.note) });

type Validity = NonNullable<ItemContent['resultValidity']>;
/** 补正期限 is counted in days or working days, never in working hours. */
const dayUnitLabels = unitLabels.filter(([unit]) => unit !== 'workhour');

const validityUnitLabels = [
  ['year', 'ca.validity.year'],
  ['month', 'ca.validity.month'],
] as const satisfies readonly (readonly [Validity['unit'], MessageKey])[];

/** The elements this tab edits; the form's store also holds the rest of the content it started from, which must not flow back. */
const basicKeys = [
  'name',
  'type',
  'basis',
  'powerSource',
  'level',
  'audience',
  'themes',
  'keywords',
  'conditions',
  'caseKind',
  'legalLimit',
  'committedLimit',
  'visitsRequired',
  'onlineDepth',
  'anywhereScope',
  'deliveryMethods',
  'location',
  'hours',
  'consultPhone',
  'complaintPhone',
  'resultType',
  'resultName',
  'resultLicenseType',
  'resultValidity',
  'renewalLead',
  'renewalOpens',
  'commitmentApproval',
  'commitmentCheck',
  'supplementPeriod',
  'intermediaryServices',
  'specialProcedures',
  'supportsAppointment',
  'supportsOnlinePayment',
  'quantityLimit',
  'faqs',
] as const satisfies readonly (keyof BasicValues)[];

/** The form's values as content: cleared numbers become 0, empty optional texts are left out. */
function toPatch(all: BasicValues): Partial<ItemContent> {
  const v = Object.fromEntries(basicKeys.map((k) => [k, all[k]])) as BasicValues;
  const validity: Validity | undefined =
    issuesLicense(v) && whole(v.resultValidity?.value) > 0
      ? { value: Math.min(100, whole(v.resultValidity?.value)), unit: v.resultValidity?.unit ?? 'year' }
      : undefined;
  return {
    ...v,
    powerSource: optionalText(v.powerSource),
    legalLimit: limit(v.legalLimit),
    committedLimit: limit(v.committedLimit),
    // 告知承诺制's check period: only with 告知承诺制, and left out when empty (the default period applies)
    commitmentCheck: v.commitmentApproval && whole(v.commitmentCheck?.value) > 0 ? limit(v.commitmentCheck) : undefined,
    // 补正期限: left out when empty (no period)
    supplementPeriod: whole(v.supplementPeriod?.value) > 0 ? limit(v.supplementPeriod) : undefined,
    visitsRequired: whole(v.visitsRequired),
    onlineDepth: whole(v.onlineDepth) || 1,
    resultLicenseType: optionalText(v.resultLicenseType),
    // 证照有效期: only for a license, left out when empty (长期有效); 延续申请时限 only with it, left out when empty (the default 30 days)
    resultValidity: validity,
    renewalLead: validity && whole(v.renewalLead?.value) > 0 ? { ...limit(v.renewalLead), unit: v.renewalLead?.unit ?? 'day' } : undefined,
    // 延续受理起始时限: only with a period, left out when empty (taken any time before the lead)
    renewalOpens: validity && whole(v.renewalOpens?.value) > 0 ? { ...limit(v.renewalOpens), unit: v.renewalOpens?.unit ?? 'day' } : undefined,
    intermediaryServices: optionalText(v.intermediaryServices),
    specialProcedures: optionalText(v.specialProcedures),
    quantityLimit: optionalText(v.quantityLimit),
    faqs: (v.faqs ?? []).map((f) => ({ q: f?.q ?? '', a: f?.a ?? '' })),
    themes: v.themes ?? [],
    keywords: v.keywords ?? [],
  };
}

function LimitInput({
  name,
  label,
  readOnly,
  required = true,
  extra,
  placeholder,
  units = unitLabels,
}: {
  name: 'legalLimit' | 'committedLimit' | 'commitmentCheck' | 'supplementPeriod' | 'renewalLead' | 'renewalOpens';
  label: string;
  readOnly: boolean;
  required?: boolean;
  extra?: string;
  /** Shown in the empty number: what applies when the limit is left out. */
  placeholder?: string;
  /** The units offered; every unit of a limit when not given. */
  units?: typeof unitLabels;
}) {
  const t = useT();
  return (
    <Form.Item label={label} required={required} extra={extra}>
      {/* the number and its unit, and below them the note on a line of its own, read in full */}
      <div className="ca-limit">
        <Space.Compact className="ca-limit-value">
          <Form.Item name={[name, 'value']} noStyle>
            <InputNumber
              min={0}
              max={3650}
              precision={0}
              style={{ width: placeholder ? 150 : 110 }}
              aria-label={label}
              placeholder={placeholder}
              disabled={readOnly}
            />
          </Form.Item>
          <Form.Item name={[name, 'unit']} noStyle>
            <Select style={{ width: 150 }} options={optionsOf(t, units)} disabled={readOnly} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name={[name, 'note']} noStyle>
          <Input className="ca-limit-note" placeholder={t('ca.item.limitNote')} maxLength={500} disabled={readOnly} />
        </Form.Item>
      </div>
    </Form.Item>
  );
}

/** 基本信息: every standard element of the item (GB/T 39554.1), with Chinese choices for the enumerations. */
export function BasicTab({ content, readOnly, onChange }: { content: ItemContent; readOnly: boolean; onChange: (patch: Partial<ItemContent>) => void }) {
  const t = useT();
  const [form] = Form.useForm<BasicValues>();
  const caseKind = Form.useWatch('caseKind', form) ?? content.caseKind;
  const byCommitment = Form.useWatch('commitmentApproval', form) ?? content.commitmentApproval;
  const resultType = Form.useWatch('resultType', form) ?? content.resultType;
  const resultLicenseType = Form.useWatch('resultLicenseType', form) ?? content.resultLicenseType;
  const validityValue = Form.useWatch(['resultValidity', 'value'], form) ?? content.resultValidity?.value;
  const license = issuesLicense({ resultType, resultLicenseType });
  const runsOut = whole(validityValue) > 0;
  const emit = () => onChange(toPatch(form.getFieldsValue(true) as BasicValues));
  return (
    <Form
      form={form}
      layout="vertical"
      disabled={readOnly}
      initialValues={content}
      onValuesChange={(changed: Partial<BasicValues>) => {
        // an immediate item (即办件) is decided on the spot: both limits are 0
        if (changed.caseKind === 'immediate')
          form.setFieldsValue({
            legalLimit: { ...limit(form.getFieldValue('legalLimit')), value: 0 },
            committedLimit: { ...limit(form.getFieldValue('committedLimit')), value: 0 },
          });
        // a period of validity or a renewal lead typed without its unit: years, days
        if (changed.resultValidity?.value && !form.getFieldValue(['resultValidity', 'unit'])) form.setFieldValue(['resultValidity', 'unit'], 'year');
        if (changed.renewalLead?.value && !form.getFieldValue(['renewalLead', 'unit'])) form.setFieldValue(['renewalLead', 'unit'], 'day');
        if (changed.renewalOpens?.value && !form.getFieldValue(['renewalOpens', 'unit'])) form.setFieldValue(['renewalOpens', 'unit'], 'day');
        if (changed.supplementPeriod?.value && !form.getFieldValue(['supplementPeriod', 'unit'])) form.setFieldValue(['supplementPeriod', 'unit'], 'workday');
        emit();
      }}
      className="ca-basic"
      data-testid="basic-tab"
    >
      <Card size="small" title={t('ca.basic.essentials')} className="block-gap">
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Form.Item name="name" label={t('ca.item.name')} rules={[{ required: true, message: t('form.required', { label: t('ca.item.name') }) }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={12} lg={6}>
            <Form.Item name="type" label={t('ca.item.type')}>
              <Select options={optionsOf(t, typeLabels)} />
            </Form.Item>
          </Col>
          <Col xs={12} lg={6}>
            <Form.Item name="level" label={t('ca.item.level')} extra={t('ca.basic.levelHint')}>
              <Select options={optionsOf(t, levelLabels)} disabled />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item name="powerSource" label={t('ca.item.powerSource')}>
              <AutoComplete options={powerSources.map((p) => ({ value: p }))} maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item
              name="audience"
              label={t('ca.item.audience')}
              rules={[{ required: true, type: 'array', min: 1, message: t('ca.basic.audienceRequired') }]}
            >
              <Checkbox.Group options={optionsOf(t, audienceLabels)} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item name="themes" label={t('ca.item.themes')} extra={t('ca.basic.tagsHint')}>
              <Select mode="tags" maxCount={10} options={themeOptions.map((v) => ({ value: v, label: v }))} tokenSeparators={[',', '，', '、']} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item name="keywords" label={t('ca.item.keywords')} extra={t('ca.basic.keywordsHint')}>
              <Select mode="tags" maxCount={30} open={false} tokenSeparators={[',', '，', '、', ' ']} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="basis"
              label={t('ca.item.basis')}
              rules={[{ required: true, whitespace: true, message: t('form.required', { label: t('ca.item.basis') }) }]}
            >
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} showCount />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="conditions" label={t('ca.item.conditions')}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} showCount />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card size="small" title={t('ca.basic.limits')} className="block-gap">
        <Row gutter={16}>
          <Col xs={24} lg={8}>
            <Form.Item
              name="caseKind"
              label={t('ca.item.caseKind')}
              extra={caseKind === 'immediate' ? t('ca.basic.immediateHint') : t('ca.basic.committedHint')}
            >
              <Radio.Group options={optionsOf(t, caseKindLabels)} optionType="button" />
            </Form.Item>
          </Col>
          <Col xs={24} lg={16}>
            <LimitInput name="legalLimit" label={t('ca.item.legalLimit')} readOnly={readOnly || caseKind === 'immediate'} />
            <LimitInput name="committedLimit" label={t('ca.item.committedLimit')} readOnly={readOnly || caseKind === 'immediate'} />
            <div data-testid="supplement-period">
              <LimitInput
                name="supplementPeriod"
                label={t('ca.item.supplementPeriod')}
                readOnly={readOnly}
                required={false}
                units={dayUnitLabels}
                placeholder={t('ca.supplementPeriod.none')}
                extra={t('ca.item.supplementPeriodHint')}
              />
            </div>
          </Col>
          <Col span={24}>
            <Form.Item name="specialProcedures" label={t('ca.item.specialProcedures')} extra={t('ca.basic.specialProceduresHint')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card size="small" title={t('ca.basic.howToApply')} className="block-gap">
        <Row gutter={16}>
          <Col xs={12} lg={6}>
            <Form.Item name="visitsRequired" label={t('ca.item.visitsRequired')} extra={t('ca.basic.visitsHint')}>
              <InputNumber min={0} max={10} precision={0} suffix={t('ca.basic.times')} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} lg={6}>
            <Form.Item name="onlineDepth" label={t('ca.item.onlineDepth')}>
              <Select options={optionsOf(t, depthLabels)} />
            </Form.Item>
          </Col>
          <Col xs={12} lg={6}>
            <Form.Item name="anywhereScope" label={t('ca.item.anywhereScope')}>
              <Select options={optionsOf(t, scopeLabels)} />
            </Form.Item>
          </Col>
          <Col xs={12} lg={6}>
            <Form.Item name="quantityLimit" label={t('ca.item.quantityLimit')}>
              <Input maxLength={200} placeholder={t('ca.basic.none')} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item
              name="deliveryMethods"
              label={t('ca.item.deliveryMethods')}
              rules={[{ required: true, type: 'array', min: 1, message: t('ca.basic.deliveryRequired') }]}
            >
              <Checkbox.Group options={optionsOf(t, deliveryLabels)} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Space size={24} wrap>
              <Form.Item name="supportsAppointment" label={t('ca.item.supportsAppointment')} valuePropName="checked">
                <Switch />
              </Form.Item>
              <Form.Item name="supportsOnlinePayment" label={t('ca.item.supportsOnlinePayment')} valuePropName="checked">
                <Switch />
              </Form.Item>
              <Form.Item name="commitmentApproval" label={t('ca.item.commitmentApproval')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Space>
          </Col>
          {byCommitment && (
            <Col xs={24} lg={12} data-testid="commitment-check-period">
              <LimitInput
                name="commitmentCheck"
                label={t('ca.item.commitmentCheck')}
                readOnly={readOnly}
                required={false}
                extra={t('ca.item.commitmentCheckHint')}
              />
            </Col>
          )}
          <Col xs={24} lg={12}>
            <Form.Item name="location" label={t('ca.item.location')}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item name="hours" label={t('ca.item.hours')}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item name="consultPhone" label={t('ca.item.consultPhone')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item name="complaintPhone" label={t('ca.item.complaintPhone')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="intermediaryServices" label={t('ca.item.intermediaryServices')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} placeholder={t('ca.basic.none')} />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card size="small" title={t('ca.basic.result')} className="block-gap">
        <Row gutter={16}>
          <Col xs={24} lg={6}>
            <Form.Item name="resultType" label={t('ca.item.resultType')}>
              <Select options={optionsOf(t, resultTypeLabels)} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={9}>
            <Form.Item name="resultName" label={t('ca.item.resultName')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={9}>
            <Form.Item name="resultLicenseType" label={t('ca.item.resultLicenseType')} extra={t('ca.basic.resultLicenseHint')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          {license && (
            <>
              <Col xs={24} lg={12} data-testid="result-validity">
                <Form.Item label={t('ca.item.resultValidity')} extra={t('ca.item.resultValidityHint')}>
                  <Space.Compact block>
                    <Form.Item name={['resultValidity', 'value']} noStyle>
                      <InputNumber
                        min={1}
                        max={100}
                        precision={0}
                        style={{ width: 150 }}
                        aria-label={t('ca.item.resultValidity')}
                        placeholder={t('ca.validity.lasting')}
                        disabled={readOnly}
                      />
                    </Form.Item>
                    <Form.Item name={['resultValidity', 'unit']} noStyle>
                      <Select
                        style={{ width: 100 }}
                        options={optionsOf(t, validityUnitLabels)}
                        placeholder={t('ca.validity.year')}
                        aria-label={t('ca.item.resultValidity')}
                        disabled={readOnly}
                      />
                    </Form.Item>
                  </Space.Compact>
                </Form.Item>
              </Col>
              <Col xs={24} lg={12} data-testid="renewal-lead">
                <LimitInput
                  name="renewalLead"
                  label={t('ca.item.renewalLead')}
                  readOnly={readOnly || !runsOut}
                  required={false}
                  placeholder={runsOut ? t('ca.renewalLead.default') : undefined}
                  extra={t(runsOut ? 'ca.item.renewalLeadHint' : 'ca.item.renewalLeadNone')}
                />
              </Col>
              <Col xs={24} lg={12} data-testid="renewal-opens">
                <LimitInput
                  name="renewalOpens"
                  label={t('ca.item.renewalOpens')}
                  readOnly={readOnly || !runsOut}
                  required={false}
                  placeholder={runsOut ? t('ca.renewalOpens.default') : undefined}
                  extra={t(runsOut ? 'ca.item.renewalOpensHint' : 'ca.item.renewalLeadNone')}
                />
              </Col>
            </>
          )}
        </Row>
      </Card>

      <Card size="small" title={t('ca.basic.faqs')}>
        <Form.List name="faqs">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <div key={field.key} className="ca-faq">
                  <div className="ca-faq-index">{i + 1}</div>
                  <div className="ca-faq-body">
                    <Form.Item
                      name={[field.name, 'q']}
                      label={t('ca.basic.faqQ')}
                      rules={[{ required: true, message: t('form.required', { label: t('ca.basic.faqQ') }) }]}
                    >
                      <Input maxLength={300} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'a']} label={t('ca.basic.faqA')}>
                      <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
                    </Form.Item>
                  </div>
                  {!readOnly && (
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => {
                        remove(field.name);
                        emit();
                      }}
                      aria-label={t('action.remove')}
                    />
                  )}
                </div>
              ))}
              {!readOnly && (
                <Button
                  type="dashed"
                  block
                  icon={<PlusOutlined />}
                  onClick={() => {
                    add({ q: '', a: '' });
                    emit();
                  }}
                  disabled={fields.length >= 30}
                >
                  {t('ca.basic.addFaq')}
                </Button>
              )}
              {readOnly && fields.length === 0 && <span className="muted">{t('ca.basic.noFaqs')}</span>}
            </>
          )}
        </Form.List>
      </Card>
    </Form>
  );
}
