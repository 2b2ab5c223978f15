import { randomUUID } from 'node:crypto';
import type { ItemContent } from '../src/modules/catalog/catalog.schemas.ts';
import type { FiscalBillProvider } from '../src/modules/cases/fiscal-bills.ts';
import { standardForm, standardProcess } from '../src/modules/catalog/item-templates.ts';

/** A complete, valid item: a committed licence with 20/5 working-day limits. Override what a test is about. */
export function itemContent(overrides: Partial<ItemContent> = {}): ItemContent {
  const committedLimit = overrides.committedLimit ?? { value: 5, unit: 'workday' as const };
  const caseKind = overrides.caseKind ?? 'committed';
  return {
    name: '测试经营许可证核发',
    type: 'licensing',
    basis: '《中华人民共和国行政许可法》第十二条',
    powerSource: '法定本级行使',
    level: 'city',
    audience: ['enterprise'],
    themes: ['经营许可'],
    keywords: ['测试许可', '经营'],
    conditions: '申请人具有与经营项目相适应的场所和设备。',
    caseKind,
    legalLimit: { value: 20, unit: 'workday' },
    committedLimit,
    visitsRequired: 1,
    onlineDepth: 3,
    anywhereScope: 'city',
    deliveryMethods: ['pickup', 'post'],
    location: '云州市政务服务中心 5 号窗口',
    hours: '周一至周五 9:00-12:00，13:30-17:30',
    consultPhone: '0570-12345001',
    complaintPhone: '12345',
    isChargeable: false,
    fees: [],
    materials: [
      { key: 'application_form', name: '申请书', kind: 'original', form: 'both', necessity: 'required', count: 1, source: 'applicant' },
      {
        key: 'business_license',
        name: '营业执照',
        kind: 'copy',
        form: 'electronic',
        necessity: 'required',
        count: 1,
        source: 'license',
        licenseType: '营业执照',
      },
      {
        key: 'lease_contract',
        name: '场所租赁合同',
        kind: 'copy',
        form: 'paper',
        necessity: 'conditional',
        condition: '场所为租赁的',
        count: 1,
        source: 'applicant',
      },
    ],
    form: standardForm(),
    process: standardProcess(caseKind, committedLimit),
    resultType: 'license',
    resultName: '测试经营许可证',
    commitmentApproval: false,
    supportsAppointment: true,
    supportsOnlinePayment: false,
    faqs: [{ q: '可以网上办理吗？', a: '可以，在网上办事大厅提交申请。' }],
    ...overrides,
  };
}

/** A company name no other test registers: 云州测试<random>科技有限公司. */
export const uniqueCompanyName = () => `云州测试${randomUUID().slice(0, 8)}科技有限公司`;

type SchemaNode = {
  type?: string;
  format?: string;
  enum?: unknown[];
  minItems?: number;
  minimum?: number;
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  required?: string[];
};

/**
 * A form filled with sample values: what its JSON Schema requires. Given the whole form (schema and UI hints), the
 * fields of the applicant's own number — prefilled from `applicant.idNumber`: a person's ID card, an enterprise's
 * credit code — are left out, as the portal leaves them: the server fills them from the applicant's verified record (实名).
 */
export function sampleForm(form: unknown, idNumber: string, applicant: 'person' | 'enterprise' = 'person'): Record<string, unknown> {
  const whole = form as {
    schema?: { properties?: Record<string, { format?: string }> };
    ui?: { fields?: Record<string, { prefill?: string; widget?: string }> };
  };
  if (whole.schema && whole.ui) {
    const filled = sampleForm(whole.schema, idNumber);
    for (const [name, f] of Object.entries(whole.ui.fields ?? {}))
      if (f.prefill === 'applicant.idNumber' && (applicant === 'person' ? f.widget === 'id_number' : whole.schema.properties?.[name]?.format === 'credit-code'))
        delete filled[name];
    return filled;
  }
  const schema = form;
  const sample = (p: SchemaNode): unknown => {
    if (p.enum) return p.enum[0];
    if (p.type === 'object')
      return Object.fromEntries(
        Object.entries(p.properties ?? {})
          .filter(([k]) => (p.required ?? []).includes(k))
          // a company registered (企业设立登记) has a name of its own: no two enterprises share one
          .map(([k, v]) => [k, k === 'companyName' ? uniqueCompanyName() : sample(v)]),
      );
    if (p.type === 'array') return Array.from({ length: Math.max(1, p.minItems ?? 0) }, () => sample(p.items ?? { type: 'string' }));
    if (p.type === 'number' || p.type === 'integer') return Math.max(1, p.minimum ?? 1);
    if (p.type === 'boolean') return true;
    return (
      { 'id-card': idNumber, phone: '13600000001', date: '2026-12-01', 'region-code': '990102001001', 'credit-code': '91990102MA0000088B' }[p.format ?? ''] ??
      '测试'
    );
  };
  return sample(schema as SchemaNode) as Record<string, unknown>;
}

/** Every required material: from a license or shared data where the item allows, else a checked paper original. */
export function sampleMaterials(materials: { key: string; necessity: string; source: string }[]) {
  return materials
    .filter((m) => m.necessity === 'required')
    .map((m) => (m.source === 'license' || m.source === 'shared_data' ? { key: m.key, fromLicense: true } : { key: m.key, reference: '纸质原件已核验' }));
}

/**
 * An application for 企业设立登记 (the demo company-registration item) by 林小雨 as legal representative
 * and sole shareholder: the form filled as a person would, and every required material.
 */
export function companyApplication(
  item: { content: { form: { schema: { properties: { companyType: { enum: string[] } } } }; materials: { key: string; necessity: string; source: string }[] } },
  companyName: string,
  idNumber: string,
) {
  return {
    formData: {
      companyName,
      companyType: item.content.form.schema.properties.companyType.enum[0],
      registeredCapital: 50,
      businessScope: '软件开发',
      domicileRegion: '990102000000',
      domicile: '云州市青川区湖滨路 8 号',
      legalRepName: '林小雨',
      legalRepIdNumber: idNumber,
      contactPhone: '13600000001',
      shareholders: [{ name: '林小雨', certificateNo: idNumber, subscribed: 50, dueDate: '2030-12-31' }],
    },
    materials: sampleMaterials(item.content.materials),
  };
}

/** A fiscal e-bill platform that does not answer (the province's platform down): every request fails as a 503 would. */
export const fiscalPlatformDown: FiscalBillProvider = {
  name: 'demo',
  platform: '财政电子票据管理平台（演示）',
  issue: async () => {
    throw new Error('the fiscal e-bill platform did not answer (503)');
  },
  reverse: async () => {
    throw new Error('the fiscal e-bill platform did not answer (503)');
  },
};
