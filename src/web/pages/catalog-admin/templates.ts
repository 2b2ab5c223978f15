import type { ItemContent, ItemForm, ItemType, Limit } from '../../api/catalog-admin.ts';

/*
 * What a new item starts from, mirroring src/modules/catalog/item-templates.ts (the server's
 * standardForm and standardProcess): a content that passes the schema and, once its legal basis is
 * written, the rules checked before review.
 */

/** The form every item starts from: who applies and how to reach them. */
export function standardForm(): ItemForm {
  return {
    schema: {
      type: 'object',
      properties: {
        applicantName: { type: 'string', title: '申请人姓名', maxLength: 50 },
        idNumber: { type: 'string', title: '身份证号码', format: 'id-card' },
        phone: { type: 'string', title: '联系电话', format: 'phone' },
        address: { type: 'string', title: '联系地址', maxLength: 200 },
      },
      required: ['applicantName', 'idNumber', 'phone'],
    },
    ui: {
      order: ['applicantName', 'idNumber', 'phone', 'address'],
      fields: {
        applicantName: { widget: 'text', label: { 'zh-CN': '申请人姓名', en: 'Applicant name' }, prefill: 'applicant.name' },
        idNumber: { widget: 'id_number', label: { 'zh-CN': '身份证号码', en: 'ID card number' }, prefill: 'applicant.idNumber' },
        phone: { widget: 'phone', label: { 'zh-CN': '联系电话', en: 'Phone' }, prefill: 'applicant.phone' },
        address: { widget: 'address', label: { 'zh-CN': '联系地址', en: 'Address' } },
      },
    },
  };
}

/** 受理 → 审查 → 决定 → 办结 → 送达; an immediate item is decided at intake with no budgets. */
export function standardProcess(caseKind: ItemContent['caseKind'], committed: Limit): ItemContent['process'] {
  if (caseKind === 'immediate') {
    return {
      nodes: [
        { kind: 'stage', id: 'receive', stage: 'receive', name: '受理', assignee: { role: 'clerk', org: 'center' } },
        { kind: 'stage', id: 'decide', stage: 'decide', name: '决定', assignee: { role: 'approver', org: 'implementing' } },
        { kind: 'stage', id: 'conclude', stage: 'conclude', name: '办结', assignee: { role: 'approver', org: 'implementing' } },
        { kind: 'stage', id: 'deliver', stage: 'deliver', name: '送达', assignee: { role: 'clerk', org: 'center' } },
      ],
    };
  }
  const days = committed.unit === 'workday' ? committed.value : 0;
  const review = Math.max(1, Math.floor(days * 0.4));
  const decide = Math.max(1, Math.floor(days * 0.2));
  return {
    nodes: [
      { kind: 'stage', id: 'receive', stage: 'receive', name: '受理', assignee: { role: 'clerk', org: 'center' }, budget: { value: 0, unit: 'workday' } },
      {
        kind: 'stage',
        id: 'review',
        stage: 'review',
        name: '审查',
        assignee: { role: 'approver', org: 'implementing' },
        budget: { value: review, unit: 'workday' },
      },
      {
        kind: 'stage',
        id: 'decide',
        stage: 'decide',
        name: '决定',
        assignee: { role: 'head', org: 'implementing' },
        budget: { value: decide, unit: 'workday' },
      },
      { kind: 'stage', id: 'conclude', stage: 'conclude', name: '办结', assignee: { role: 'approver', org: 'implementing' } },
      { kind: 'stage', id: 'deliver', stage: 'deliver', name: '送达', assignee: { role: 'clerk', org: 'center' } },
    ],
  };
}

/** GB/T 39048: the first two digits of the base code give the item type. */
const typeByCodePrefix: Record<string, ItemType> = {
  '01': 'licensing',
  '04': 'levy',
  '05': 'payment',
  '06': 'inspection',
  '07': 'confirmation',
  '08': 'reward',
  '09': 'adjudication',
  '10': 'other_power',
  '20': 'public_service',
};

export function typeOfBaseCode(baseCode: string): ItemType | undefined {
  return typeByCodePrefix[baseCode.slice(0, 2)];
}

const resultTypeOf: Record<ItemType, ItemContent['resultType']> = {
  licensing: 'license',
  confirmation: 'certificate',
  payment: 'other',
  levy: 'other',
  reward: 'certificate',
  adjudication: 'approval_document',
  inspection: 'other',
  other_power: 'approval_document',
  public_service: 'other',
};

/** A complete new item: the standard form and process, a working-day limit for a committed item, free of charge. */
export function newItemContent(input: {
  name: string;
  type: ItemType;
  caseKind: ItemContent['caseKind'];
  basis: string;
  consultPhone?: string | null;
  location?: string | null;
}): ItemContent {
  const committed = input.caseKind === 'committed';
  const legalLimit: Limit = { value: committed ? 20 : 0, unit: 'workday' };
  const committedLimit: Limit = { value: committed ? 10 : 0, unit: 'workday' };
  return {
    name: input.name,
    type: input.type,
    basis: input.basis,
    powerSource: '法定本级行使',
    level: 'city',
    audience: ['person'],
    themes: [],
    keywords: [],
    conditions: '',
    caseKind: input.caseKind,
    legalLimit,
    committedLimit,
    visitsRequired: 1,
    onlineDepth: 3,
    anywhereScope: 'none',
    deliveryMethods: ['pickup'],
    location: input.location ?? '',
    hours: '周一至周五 9:00-12:00，13:30-17:30',
    consultPhone: input.consultPhone ?? '',
    complaintPhone: '12345',
    isChargeable: false,
    fees: [],
    materials: [],
    form: standardForm(),
    process: standardProcess(input.caseKind, committedLimit),
    resultType: resultTypeOf[input.type],
    resultName: '',
    commitmentApproval: false,
    supportsAppointment: false,
    supportsOnlinePayment: false,
    faqs: [],
  };
}
