import type { BundleContent, Fee, Form, ItemContent, Limit, Material, ParallelNode, Process, ProcessNode, StageNode } from './catalog.schemas.ts';

/**
 * The demo service catalog of 云州市 (a fictional city, see src/server/seed/demo.ts): items of the
 * implementation list as a real center publishes them, with complete guides, application forms and
 * processes, and the bundles (一件事一次办) that start several of them under one application.
 *
 * Items are keyed by the implementing organization's full name and a 12-digit base code whose first two
 * digits are the item type (01 行政许可, 04 行政征收, 05 行政给付, 06 行政检查, 07 行政确认, 08 行政奖励,
 * 09 行政裁决, 10 其他行政权力, 20 公共服务); the seed resolves names to organization ids.
 */

export interface DemoItem {
  baseCode: string;
  organization: string;
  content: ItemContent;
}

export interface DemoBundle {
  code: string;
  organization: string;
  items: { organization: string; baseCode: string }[];
  content: Omit<BundleContent, 'itemCodes'>;
}

/** The two-digit prefix of a base code for each item type. */
export const itemTypeCodes: Record<ItemContent['type'], string> = {
  licensing: '01',
  levy: '04',
  payment: '05',
  inspection: '06',
  confirmation: '07',
  reward: '08',
  adjudication: '09',
  other_power: '10',
  public_service: '20',
};

// ---------------------------------------------------------------------------------------------------
// Organizations: full names as created by the demo seed, the hall window that takes their items and
// the consulting phone.

const orgs = {
  center: { name: '云州市政务服务管理局', window: '1', phone: '0570-12345678' },
  market: { name: '云州市市场监督管理局', window: '5', phone: '0570-12345501' },
  police: { name: '云州市公安局', window: '6', phone: '0570-12345601' },
  hrss: { name: '云州市人力资源和社会保障局', window: '7', phone: '0570-12345701' },
  land: { name: '云州市自然资源和规划局', window: '8', phone: '0570-12345801' },
  housing: { name: '云州市住房和城乡建设局', window: '9', phone: '0570-12345901' },
  civil: { name: '云州市民政局', window: '10', phone: '0570-12345101' },
  health: { name: '云州市卫生健康委员会', window: '3', phone: '0570-12345301' },
  transport: { name: '云州市交通运输局', window: '1', phone: '0570-12345311' },
  education: { name: '云州市教育局', window: '3', phone: '0570-12345321' },
  ecology: { name: '云州市生态环境局', window: '1', phone: '0570-12345331' },
  medical: { name: '云州市医疗保障局', window: '3', phone: '0570-12345341' },
  tax: { name: '国家税务总局云州市税务局', window: '2', phone: '0570-12345351' },
  disabled: { name: '云州市残疾人联合会', window: '3', phone: '0570-12345361' },
} as const;
type OrgKey = keyof typeof orgs;

const HALL = '云州市政务服务中心';
const HOURS = '周一至周五 9:00-12:00，13:30-17:30';

// ---------------------------------------------------------------------------------------------------
// Materials

type MaterialOptions = Partial<Omit<Material, 'key'>>;

function mat(key: string, name: string, o: MaterialOptions = {}): Material {
  return { key, name, kind: 'original', form: 'both', necessity: 'required', count: 1, source: 'applicant', ...o };
}

/** A material that exists as a shared electronic license: the window fetches it instead of asking for it. */
function lic(key: string, name: string, licenseType: string, o: MaterialOptions = {}): Material {
  return mat(key, name, { source: 'license', licenseType, sourceNote: '可调取电子证照，无需提交纸质证件', ...o });
}

/** Data the center fetches from another department's system. */
function shared(key: string, name: string, sourceNote: string, o: MaterialOptions = {}): Material {
  return mat(key, name, { form: 'electronic', source: 'shared_data', sourceNote, ...o });
}

const M = {
  idCard: (who = '申请人', o: MaterialOptions = {}) => lic('id_card', `${who}居民身份证`, '居民身份证', o),
  householdRegister: (o: MaterialOptions = {}) => lic('household_register', '居民户口簿', '居民户口簿', o),
  businessLicense: (o: MaterialOptions = {}) => lic('business_license', '营业执照', '营业执照', o),
  propertyCertificate: (o: MaterialOptions = {}) => lic('property_certificate', '不动产权证书', '不动产权证书', o),
  marriageCertificate: (o: MaterialOptions = {}) => lic('marriage_certificate', '结婚证', '结婚证', o),
  birthCertificate: (o: MaterialOptions = {}) => lic('birth_certificate', '出生医学证明', '出生医学证明', o),
  residencePermit: (o: MaterialOptions = {}) => lic('residence_permit', '居住证', '居住证', o),
  disabilityCertificate: (o: MaterialOptions = {}) => lic('disability_certificate', '中华人民共和国残疾人证', '残疾人证', o),
  socialSecurityCard: (o: MaterialOptions = {}) => lic('social_security_card', '社会保障卡', '社会保障卡', o),
  applicationForm: (name: string, o: MaterialOptions = {}) =>
    mat('application_form', name, { notes: '网上申请时在线填写并由系统生成；窗口办理的可现场填写', ...o }),
  authorizationLetter: (o: MaterialOptions = {}) =>
    mat('authorization_letter', '授权委托书及受托人居民身份证', {
      form: 'paper',
      necessity: 'conditional',
      condition: '委托他人代为办理的',
      notes: '授权委托书须载明委托事项、权限和期限，并由委托人签字（盖章）',
      ...o,
    }),
  leaseContract: (o: MaterialOptions = {}) =>
    mat('lease_contract', '房屋租赁合同', { kind: 'copy', necessity: 'conditional', condition: '场所（住所）为租赁取得的', ...o }),
  photo: (spec: string, count = 1, o: MaterialOptions = {}) =>
    mat('photo', '近期免冠彩色证件照片', { spec, count, sourceNote: '可在窗口现场免费采集，或使用经认证的照相馆电子回执', ...o }),
  bankAccount: (o: MaterialOptions = {}) =>
    mat('bank_account', '本人银行账户信息（社会保障卡金融账户或本人银行卡）', { kind: 'copy', notes: '补贴、救助资金通过社会保障卡或“一卡通”发放', ...o }),
};

// ---------------------------------------------------------------------------------------------------
// Forms: a JSON Schema plus UI hints, built from a compact field list.

type FormField = Form['ui']['fields'][string];
interface Field {
  key: string;
  schema: Record<string, unknown>;
  ui: FormField;
  required: boolean;
}
interface FieldOptions {
  optional?: boolean;
  prefill?: string;
  help?: string;
  helpEn?: string;
  maxLength?: number;
}

function field(key: string, widget: FormField['widget'], zh: string, en: string, schema: Record<string, unknown>, o: FieldOptions = {}): Field {
  const ui: FormField = { widget, label: { 'zh-CN': zh, en } };
  if (o.help) ui.help = o.help;
  if (o.helpEn) ui.helpEn = o.helpEn;
  if (o.prefill) ui.prefill = o.prefill;
  return { key, schema: { ...schema, title: zh }, ui, required: !o.optional };
}

function objectOf(fields: Field[]): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const x of fields) properties[x.key] = x.schema;
  return { type: 'object', properties, required: fields.filter((x) => x.required).map((x) => x.key) };
}

const f = {
  text: (k: string, zh: string, en: string, o: FieldOptions = {}) =>
    field(k, 'text', zh, en, { type: 'string', minLength: 1, maxLength: o.maxLength ?? 100 }, o),
  textarea: (k: string, zh: string, en: string, o: FieldOptions = {}) => field(k, 'textarea', zh, en, { type: 'string', maxLength: o.maxLength ?? 1000 }, o),
  number: (k: string, zh: string, en: string, o: FieldOptions & { minimum?: number; maximum?: number; integer?: boolean } = {}) =>
    field(
      k,
      'number',
      zh,
      en,
      { type: o.integer ? 'integer' : 'number', minimum: o.minimum ?? 0, ...(o.maximum === undefined ? {} : { maximum: o.maximum }) },
      o,
    ),
  date: (k: string, zh: string, en: string, o: FieldOptions = {}) => field(k, 'date', zh, en, { type: 'string', format: 'date' }, o),
  select: (k: string, zh: string, en: string, options: string[], o: FieldOptions = {}) => field(k, 'select', zh, en, { type: 'string', enum: options }, o),
  multiSelect: (k: string, zh: string, en: string, options: string[], o: FieldOptions = {}) =>
    field(k, 'select', zh, en, { type: 'array', items: { type: 'string', enum: options }, minItems: 1, uniqueItems: true }, o),
  region: (k: string, zh: string, en: string, o: FieldOptions = {}) => field(k, 'region', zh, en, { type: 'string', format: 'region-code' }, o),
  idNumber: (k: string, zh: string, en: string, o: FieldOptions = {}) => field(k, 'id_number', zh, en, { type: 'string', format: 'id-card' }, o),
  phone: (k: string, zh: string, en: string, o: FieldOptions = {}) => field(k, 'phone', zh, en, { type: 'string', format: 'phone' }, o),
  address: (k: string, zh: string, en: string, o: FieldOptions = {}) =>
    field(k, 'address', zh, en, { type: 'string', minLength: 1, maxLength: o.maxLength ?? 200 }, o),
  creditCode: (k: string, zh: string, en: string, o: FieldOptions = {}) => field(k, 'text', zh, en, { type: 'string', format: 'credit-code' }, o),
  // a column has no UI hints of its own: its English title goes with its schema (`x-title-en`, an annotation)
  table: (k: string, zh: string, en: string, columns: Field[], o: FieldOptions & { minItems?: number; maxItems?: number } = {}) =>
    field(
      k,
      'table',
      zh,
      en,
      {
        type: 'array',
        items: objectOf(columns.map((c) => ({ ...c, schema: { ...c.schema, 'x-title-en': c.ui.label.en } }))),
        minItems: o.minItems ?? 1,
        maxItems: o.maxItems ?? 50,
      },
      o,
    ),
};

/** Fields every personal application starts with. */
const applicant = {
  name: (zh = '申请人姓名') => f.text('applicantName', zh, 'Applicant name', { maxLength: 50, prefill: 'applicant.name' }),
  idNumber: (zh = '公民身份号码') => f.idNumber('applicantIdNumber', zh, 'ID card number', { prefill: 'applicant.idNumber' }),
  phone: (zh = '联系电话') => f.phone('contactPhone', zh, 'Contact phone', { prefill: 'applicant.phone' }),
};
/** Fields every enterprise application starts with. */
const enterprise = {
  name: (zh = '单位名称') => f.text('entityName', zh, 'Entity name', { maxLength: 100, prefill: 'applicant.name' }),
  creditCode: () => f.creditCode('creditCode', '统一社会信用代码', 'Unified social credit code', { prefill: 'applicant.idNumber' }),
  legalRep: () => f.text('legalRepresentative', '法定代表人（负责人）', 'Legal representative', { maxLength: 50, prefill: 'applicant.legalRepresentative' }),
  contact: () => f.text('contactName', '联系人', 'Contact person', { maxLength: 50 }),
  phone: () => f.phone('contactPhone', '联系电话', 'Contact phone', { prefill: 'applicant.phone' }),
};

function form(fields: Field[]): Form {
  const fields_: Record<string, FormField> = {};
  for (const x of fields) fields_[x.key] = x.ui;
  return { schema: objectOf(fields), ui: { order: fields.map((x) => x.key), fields: fields_ } };
}

// ---------------------------------------------------------------------------------------------------
// Processes

const workdays = (value: number, note?: string): Limit => (note ? { value, unit: 'workday', note } : { value, unit: 'workday' });
const days = (value: number): Limit => ({ value, unit: 'day' });

/** A share of a limit as a stage budget; under one working day it is counted in working hours. */
function budgetOf(limit: Limit, share: number): Limit {
  const v = limit.value * share;
  if (v >= 1) return { value: Math.round(v), unit: limit.unit };
  return { value: Math.max(1, Math.round(v * 8)), unit: 'workhour' };
}

function stage(
  id: string,
  kind: StageNode['stage'],
  name: string,
  role: StageNode['assignee']['role'],
  org: StageNode['assignee']['org'],
  budget?: Limit,
): StageNode {
  const s: StageNode = { kind: 'stage', id, stage: kind, name, assignee: { role, org } };
  if (budget) s.budget = budget;
  return s;
}

/**
 * 会签 across departments. The organizations are not known by id when the catalog is authored: each
 * branch is a review stage by an approver of the lead department, named after the department that signs.
 */
function countersign(id: string, name: string, branches: [id: string, name: string, budget: Limit][]): ParallelNode {
  return {
    kind: 'parallel',
    id,
    name,
    mode: 'countersign',
    branches: branches.map(([bid, bname, budget]) => [stage(bid, 'review', bname, 'approver', 'implementing', budget)]),
  };
}

interface ProcessOptions {
  review?: string;
  decide?: string;
  conclude?: string;
  deliver?: string;
  /** Stages between intake and review (e.g. 现场核查, 残疾评定). */
  before?: StageNode[];
  /** A joint review replacing the single review stage. */
  parallel?: ParallelNode;
  /** 窗口授权办理: the department authorized the comprehensive window to decide and conclude the immediate item on the spot. */
  atWindow?: boolean;
}

/** 承诺件: 受理 → 审查 → 决定 → 办结 → 送达, the review taking about 40% of the committed limit. */
function committedProcess(limit: Limit, o: ProcessOptions = {}): Process {
  const nodes: ProcessNode[] = [stage('receive', 'receive', '受理', 'clerk', 'center')];
  nodes.push(...(o.before ?? []));
  nodes.push(o.parallel ?? stage('review', 'review', o.review ?? '审查', 'approver', 'implementing', budgetOf(limit, 0.4)));
  nodes.push(stage('decide', 'decide', o.decide ?? '决定', 'head', 'implementing', budgetOf(limit, 0.2)));
  nodes.push(stage('conclude', 'conclude', o.conclude ?? '办结', 'approver', 'implementing'));
  nodes.push(stage('deliver', 'deliver', o.deliver ?? '送达（统一出件）', 'clerk', 'center'));
  return { nodes };
}

/**
 * 即办件: taken and decided in one sitting — by the department's chief representative at its window, or, where
 * the department authorized it (`atWindow`), by the comprehensive window's clerk who took it.
 */
function immediateProcess(o: ProcessOptions = {}): Process {
  const [role, org] = o.atWindow ? (['clerk', 'center'] as const) : (['approver', 'implementing'] as const);
  return {
    nodes: [
      stage('receive', 'receive', '受理', 'clerk', 'center'),
      stage('decide', 'decide', o.decide ?? (o.atWindow ? '窗口审核决定' : '审核决定'), role, org),
      stage('conclude', 'conclude', o.conclude ?? '办结', role, org),
      stage('deliver', 'deliver', o.deliver ?? '当场出件', 'clerk', 'center'),
    ],
  };
}

// ---------------------------------------------------------------------------------------------------
// Items

type Defaulted =
  | 'caseKind'
  | 'legalLimit'
  | 'committedLimit'
  | 'level'
  | 'location'
  | 'hours'
  | 'consultPhone'
  | 'complaintPhone'
  | 'isChargeable'
  | 'fees'
  | 'process'
  | 'powerSource'
  | 'commitmentApproval'
  | 'supportsAppointment'
  | 'supportsOnlinePayment';

type Draft = Omit<ItemContent, Defaulted> & {
  /** [legal, committed] or 'immediate' (即办件, both 0). */
  limits: readonly [legal: number, committed: number] | 'immediate';
  unit?: Limit['unit'];
  legalNote?: string;
  committedNote?: string;
  fees?: Fee[];
  process?: Process;
  processOptions?: ProcessOptions;
  powerSource?: string;
  commitmentApproval?: boolean;
  supportsAppointment?: boolean;
  supportsOnlinePayment?: boolean;
  window?: string;
};

function item(org: OrgKey, baseCode: string, d: Draft): DemoItem {
  const {
    limits,
    unit = 'workday',
    legalNote,
    committedNote,
    fees = [],
    process,
    processOptions,
    powerSource = '法定本级行使',
    commitmentApproval = false,
    supportsAppointment = true,
    supportsOnlinePayment = fees.length > 0,
    window,
    ...rest
  } = d;
  const immediate = limits === 'immediate';
  const limit = (value: number, note?: string): Limit => (note ? { value, unit, note } : { value, unit });
  const legalLimit = immediate ? limit(0, legalNote) : limit(limits[0], legalNote);
  const committedLimit = immediate ? limit(0, committedNote) : limit(limits[1], committedNote);
  const o = orgs[org];
  return {
    baseCode,
    organization: o.name,
    content: {
      ...rest,
      powerSource,
      level: 'city',
      caseKind: immediate ? 'immediate' : 'committed',
      legalLimit,
      committedLimit,
      location: `${HALL} ${window ?? o.window} 号窗口`,
      hours: HOURS,
      consultPhone: o.phone,
      complaintPhone: '12345',
      isChargeable: fees.length > 0,
      fees,
      process: process ?? (immediate ? immediateProcess(processOptions) : committedProcess(committedLimit, processOptions)),
      commitmentApproval,
      supportsAppointment,
      supportsOnlinePayment,
    },
  };
}

// ----- 云州市市场监督管理局 -------------------------------------------------------------------------

const companyTypes = [
  '有限责任公司（自然人独资）',
  '有限责任公司（自然人投资或控股）',
  '有限责任公司（非自然人投资或控股的法人独资）',
  '股份有限公司（非上市）',
];

const marketItems: DemoItem[] = [
  item('market', '011100100000', {
    name: '企业设立登记',
    type: 'licensing',
    basis:
      '《中华人民共和国公司法》第二十九条、第三十三条；《中华人民共和国市场主体登记管理条例》第三条、第十九条、第二十一条；《中华人民共和国市场主体登记管理条例实施细则》第十九条至第二十六条。',
    audience: ['person', 'enterprise'],
    themes: ['开办企业'],
    keywords: ['营业执照', '执照', '开公司', '注册公司', '公司注册', '企业开办', '设立登记', '三证一章', '办执照'],
    conditions:
      '1. 申请人已通过企业名称自主申报系统申报名称且名称不违反禁止性规定；2. 有符合规定的住所（经营场所）；3. 公司章程、股东出资、组织机构等符合《中华人民共和国公司法》规定；4. 法定代表人、董事、监事、高级管理人员不存在《中华人民共和国公司法》规定的不得担任的情形；5. 经营范围按《经营范围登记规范表述目录》选择填报，涉及前置许可的已取得许可文件。',
    limits: [3, 1],
    legalNote: '申请材料齐全、符合法定形式的当场登记；不能当场登记的，3 个工作日内予以登记',
    committedNote: '通过“企业开办一件事”申请的，营业执照、印章、发票和社保登记 1 个工作日内同步办结',
    supplementPeriod: days(30),
    visitsRequired: 0,
    onlineDepth: 4,
    anywhereScope: 'city',
    deliveryMethods: ['pickup', 'post', 'electronic'],
    materials: [
      M.applicationForm('公司登记（备案）申请书'),
      mat('articles_of_association', '公司章程', { notes: '全体股东签署；可使用系统提供的章程参考格式' }),
      M.idCard('股东、法定代表人、董事、监事和经理', { count: 1, notes: '自然人股东可通过实名认证在线签署，无需提交复印件' }),
      mat('shareholder_qualification', '非自然人股东的主体资格证明', { kind: 'copy', necessity: 'conditional', condition: '股东为企业、事业单位或社会团体的' }),
      mat('officer_appointment', '法定代表人、董事、监事和经理的任职文件', { notes: '股东会决议、董事会决议或股东决定' }),
      M.propertyCertificate({ name: '住所（经营场所）不动产权证书', necessity: 'conditional', condition: '住所为自有房产的', kind: 'copy' }),
      M.leaseContract({ name: '住所（经营场所）租赁合同' }),
      M.authorizationLetter(),
    ],
    form: form([
      f.text('companyName', '企业名称', 'Company name', { help: '与名称自主申报结果一致', helpEn: 'As in the name declaration (名称自主申报)' }),
      f.select('companyType', '企业类型', 'Company type', companyTypes),
      f.number('registeredCapital', '注册资本（万元）', 'Registered capital (10k CNY)', { minimum: 0.01, maximum: 10000000 }),
      f.textarea('businessScope', '经营范围', 'Business scope', {
        maxLength: 2000,
        help: '按《经营范围登记规范表述目录》选择',
        helpEn: 'In the wording of the business scope catalog (经营范围登记规范表述目录)',
      }),
      f.region('domicileRegion', '住所所在区域', 'Domicile region'),
      f.address('domicile', '住所', 'Domicile'),
      f.text('legalRepName', '法定代表人姓名', 'Legal representative', { maxLength: 50 }),
      f.idNumber('legalRepIdNumber', '法定代表人公民身份号码', "Legal representative's ID number"),
      f.phone('contactPhone', '联络员电话', 'Liaison phone', { prefill: 'applicant.phone' }),
      f.table('shareholders', '股东（发起人）出资情况', 'Shareholders', [
        f.text('name', '股东名称或姓名', 'Shareholder'),
        f.text('certificateNo', '证照号码', 'Certificate number', { maxLength: 30 }),
        f.number('subscribed', '认缴出资额（万元）', 'Subscribed (10k CNY)', { minimum: 0.01 }),
        f.date('dueDate', '出资期限', 'Contribution due date'),
      ]),
    ]),
    resultType: 'license',
    resultName: '营业执照',
    resultLicenseType: '营业执照',
    // the 营业执照 is the new company's: its name, legal representative and domicile as the application gives them
    establishes: { nameField: 'companyName', legalRepresentativeField: 'legalRepName', addressField: 'domicile' },
    resultFields: ['companyType', 'registeredCapital', 'businessScope'],
    supportsAppointment: true,
    faqs: [
      {
        q: '开办企业需要跑几次？',
        a: '通过“企业开办一件事”在网上提交申请，营业执照、公章、发票和社保登记一次办结，可选择邮寄或到 4 号窗口统一领取，全程“零跑动”。',
      },
      { q: '注册资本需要实缴吗？', a: '有限责任公司全体股东认缴的出资额应当按照公司章程的规定自公司成立之日起五年内缴足，登记时无需提交验资证明。' },
      {
        q: '可以用住宅登记为公司住所吗？',
        a: '将住宅改变为经营性用房的，应当遵守法律法规和管理规约，并经有利害关系的业主同意；部分行业不得使用住宅作为经营场所。',
      },
    ],
  }),
  item('market', '011100200000', {
    name: '个体工商户名称变更登记',
    type: 'licensing',
    basis: '《促进个体工商户发展条例》第八条；《中华人民共和国市场主体登记管理条例》第二十四条；《中华人民共和国市场主体登记管理条例实施细则》第三十一条。',
    audience: ['person'],
    themes: ['开办企业'],
    keywords: ['个体户', '个体工商户', '改名', '名称变更', '营业执照变更', '执照'],
    conditions: '1. 已登记的个体工商户；2. 变更后的名称经自主申报且符合名称登记规定；3. 不存在被列入经营异常名录或被吊销营业执照等不得办理变更的情形。',
    limits: 'immediate',
    legalNote: '申请材料齐全、符合法定形式的当场办理',
    supplementPeriod: days(30),
    visitsRequired: 0,
    onlineDepth: 4,
    anywhereScope: 'city',
    deliveryMethods: ['pickup', 'post', 'electronic'],
    materials: [
      M.applicationForm('个体工商户变更登记申请书'),
      M.businessLicense({ kind: 'original', notes: '领取新执照时交回原营业执照正、副本' }),
      M.idCard('经营者'),
      M.authorizationLetter(),
    ],
    form: form([
      f.text('currentName', '原名称', 'Current name'),
      f.text('newName', '变更后名称', 'New name'),
      f.creditCode('creditCode', '统一社会信用代码', 'Unified social credit code', { prefill: 'applicant.idNumber' }),
      f.text('operatorName', '经营者姓名', 'Operator name', { maxLength: 50 }),
      f.idNumber('operatorIdNumber', '经营者公民身份号码', "Operator's ID number"),
      f.phone('contactPhone', '联系电话', 'Contact phone', { prefill: 'applicant.phone' }),
    ]),
    resultType: 'license',
    resultName: '营业执照（换发）',
    resultLicenseType: '营业执照',
    faqs: [
      { q: '名称变更后还要去其他部门办理吗？', a: '变更信息通过政务数据共享平台同步推送至税务、人社等部门，无需另行申请；已刻制印章的需重新刻制并备案。' },
    ],
  }),
  item('market', '011100300000', {
    name: '食品经营许可',
    type: 'licensing',
    basis:
      '《中华人民共和国食品安全法》第三十五条；《中华人民共和国食品安全法实施条例》第十五条；《食品经营许可和备案管理办法》（国家市场监督管理总局令第78号）第二条、第十二条至第二十六条。',
    powerSource: '上级下放',
    audience: ['person', 'enterprise'],
    themes: ['经营许可', '开办企业'],
    keywords: ['食品经营许可证', '食品许可', '餐饮许可', '开饭店', '开餐馆', '奶茶店', '便利店', '食品经营'],
    conditions:
      '1. 已取得营业执照等合法主体资格；2. 具有与经营的食品品种、数量相适应的经营场所，并与有毒、有害场所以及其他污染源保持规定距离；3. 具有相应的设备或者设施；4. 有专职或者兼职的食品安全管理人员和保证食品安全的规章制度；5. 具有合理的设备布局和工艺流程。仅销售预包装食品的，办理备案，不需申请许可。',
    limits: [10, 3],
    legalNote: '因特殊原因需要延长期限的，经负责人批准可以延长 5 个工作日',
    supplementPeriod: workdays(15),
    visitsRequired: 0,
    onlineDepth: 4,
    anywhereScope: 'city',
    deliveryMethods: ['pickup', 'post', 'electronic'],
    commitmentApproval: true,
    specialProcedures: '现场核查：需要对经营场所进行现场核查的，核查时间计入审查期限；申请人整改时间不计入。',
    materials: [
      M.applicationForm('食品经营许可申请书'),
      M.businessLicense(),
      M.idCard('法定代表人（负责人）'),
      mat('premises_layout', '与食品经营相适应的经营场所平面图和设备布局、操作流程等文件', { form: 'both' }),
      mat('food_safety_rules', '食品安全自查、从业人员健康管理、进货查验记录、食品安全事故处置等保证食品安全的规章制度目录', { tolerable: true }),
      M.authorizationLetter(),
    ],
    form: form([
      enterprise.name('经营者名称'),
      enterprise.creditCode(),
      enterprise.legalRep(),
      f.address('premisesAddress', '经营场所', 'Business premises'),
      f.select('operatorCategory', '主体业态', 'Operator category', ['食品销售经营者', '餐饮服务经营者', '单位食堂']),
      f.multiSelect('businessItems', '经营项目', 'Business items', [
        '预包装食品销售（含冷藏冷冻食品）',
        '散装食品销售',
        '特殊食品销售',
        '热食类食品制售',
        '冷食类食品制售',
        '生食类食品制售',
        '半成品制售',
        '自制饮品制售',
      ]),
      f.number('premisesArea', '经营场所面积（平方米）', 'Premises area (m²)', { minimum: 1 }),
      f.text('safetyOfficer', '食品安全管理人员', 'Food safety officer', { maxLength: 50 }),
      enterprise.phone(),
    ]),
    resultType: 'license',
    resultName: '食品经营许可证',
    resultLicenseType: '食品经营许可证',
    resultValidity: { value: 5, unit: 'year' },
    renewalLead: { value: 15, unit: 'workday' },
    // 食品经营许可管理办法: from 90 to 15 working days before the license runs out
    renewalOpens: { value: 90, unit: 'workday' },
    faqs: [
      { q: '只卖预包装食品要办许可证吗？', a: '仅销售预包装食品的，不需要取得食品经营许可，向所在地市场监管部门办理备案即可。' },
      { q: '食品经营许可证有效期多久？', a: '食品经营许可证有效期为 5 年，有效期届满需要继续经营的，应当在届满前 90 个工作日至 15 个工作日期间申请延续。' },
    ],
  }),
  item('market', '201100400000', {
    name: '企业登记档案查询',
    type: 'public_service',
    basis: '《中华人民共和国市场主体登记管理条例》第三十五条；《企业登记档案资料查询办法》。',
    audience: ['person', 'enterprise'],
    themes: ['开办企业'],
    keywords: ['档案查询', '工商档案', '企业档案', '调档', '内档'],
    conditions: '企业可查询本企业全部登记档案；律师持律师事务所证明和律师执业证可查询与承办法律事务有关的档案；公安、检察、审判等国家机关依法查询。',
    limits: 'immediate',
    processOptions: { atWindow: true },
    visitsRequired: 0,
    onlineDepth: 4,
    anywhereScope: 'province',
    deliveryMethods: ['pickup', 'electronic'],
    materials: [
      M.businessLicense({ necessity: 'conditional', condition: '企业查询本企业档案的' }),
      M.idCard('查询人'),
      mat('lawyer_certificate', '律师事务所证明和律师执业证', { necessity: 'conditional', condition: '律师查询的' }),
      M.authorizationLetter(),
    ],
    form: form([
      applicant.name('查询人姓名'),
      applicant.idNumber('查询人公民身份号码'),
      f.text('enterpriseName', '被查询企业名称', 'Enterprise queried'),
      f.select('purpose', '查询用途', 'Purpose', ['本企业查询', '律师代理诉讼', '国家机关依法查询']),
      applicant.phone(),
    ]),
    resultType: 'other',
    resultName: '企业登记档案资料（加盖查询专用章）',
    supportsAppointment: false,
    faqs: [{ q: '网上查询的电子档案有效吗？', a: '通过政务服务网调取的电子档案加盖电子印章，与窗口打印的纸质档案具有同等效力。' }],
  }),
  item('market', '011100500000', {
    name: '特种设备使用登记',
    type: 'licensing',
    basis: '《中华人民共和国特种设备安全法》第三十三条；《特种设备安全监察条例》第二十五条；《特种设备使用管理规则》（TSG 08—2017）第 3.3 条。',
    audience: ['enterprise'],
    themes: ['经营许可'],
    keywords: ['特种设备', '电梯登记', '锅炉', '压力容器', '叉车', '使用登记证'],
    conditions:
      '特种设备在投入使用前或者投入使用后 30 日内，使用单位已取得监督检验合格报告（需监督检验的）或产品合格证明，并配备相应的安全管理人员和作业人员。',
    limits: [15, 5],
    supplementPeriod: workdays(15),
    visitsRequired: 0,
    onlineDepth: 4,
    anywhereScope: 'city',
    deliveryMethods: ['pickup', 'post', 'electronic'],
    materials: [
      M.applicationForm('特种设备使用登记表（一式两份）', { count: 2 }),
      M.businessLicense(),
      mat('product_certificate', '特种设备产品合格证（含产品数据表）', { kind: 'copy' }),
      shared('inspection_report', '监督检验证明', '由特种设备检验机构通过检验检测信息系统推送', {
        necessity: 'conditional',
        condition: '按规定需要监督检验的',
      }),
      mat('safety_manager', '安全管理人员和作业人员资格证书', { kind: 'copy', necessity: 'conditional', condition: '按规定需要持证作业的设备' }),
    ],
    form: form([
      enterprise.name('使用单位名称'),
      enterprise.creditCode(),
      f.select('equipmentType', '设备类别', 'Equipment type', ['电梯', '锅炉', '压力容器', '起重机械', '场（厂）内专用机动车辆', '大型游乐设施']),
      f.text('productNo', '产品编号', 'Product number', { maxLength: 50 }),
      f.address('installAddress', '设备使用地点', 'Installation address'),
      f.date('commissionDate', '投入使用日期', 'Commissioning date'),
      enterprise.phone(),
    ]),
    resultType: 'license',
    resultName: '特种设备使用登记证',
    resultLicenseType: '特种设备使用登记证',
    faqs: [{ q: '设备投入使用多久内要登记？', a: '应当在特种设备投入使用前或者投入使用后 30 日内办理使用登记。' }],
  }),
  item('market', '081100600000', {
    name: '市场监管领域重大违法行为举报奖励',
    type: 'reward',
    basis: '《中华人民共和国食品安全法》第一百一十五条；《市场监管领域重大违法行为举报奖励暂行办法》（国市监稽规〔2021〕4号）第三条、第十五条至第二十条。',
    audience: ['person'],
    themes: ['经营许可'],
    keywords: ['举报奖励', '举报', '奖金', '食品安全举报', '打假'],
    conditions:
      '1. 举报人为实名举报且提供真实身份和联系方式；2. 举报的违法行为属于市场监管部门职责范围内的重大违法行为；3. 举报内容事先未被市场监管部门掌握；4. 举报内容经查证属实并作出行政处罚决定或移送司法机关。',
    limits: [30, 15],
    supplementPeriod: workdays(15),
    visitsRequired: 1,
    onlineDepth: 3,
    anywhereScope: 'none',
    deliveryMethods: ['pickup', 'electronic'],
    materials: [
      M.idCard('举报人'),
      mat('reward_notice', '领取举报奖励通知书', { form: 'paper', notes: '由办案机构在奖励决定作出后送达举报人' }),
      M.bankAccount({ name: '举报人本人银行账户信息' }),
      M.authorizationLetter({ condition: '举报人委托他人代领奖金的' }),
    ],
    form: form([
      applicant.name('举报人姓名'),
      applicant.idNumber(),
      f.text('caseNumber', '举报登记编号', 'Report number', { maxLength: 40 }),
      f.text('bankName', '开户银行', 'Bank', { maxLength: 60 }),
      f.text('bankAccount', '银行账号', 'Bank account', { maxLength: 30 }),
      applicant.phone(),
    ]),
    resultType: 'approval_document',
    resultName: '举报奖励决定书',
    faqs: [
      { q: '举报奖励金额如何确定？', a: '按举报内容与违法事实的吻合程度分为三个奖励等级，按罚没款金额的一定比例计算，单起案件奖励金额最高不超过 100 万元。' },
    ],
  }),
];

// ----- 云州市公安局 ---------------------------------------------------------------------------------

const policeItems: DemoItem[] = [
  item('police', '071200100000', {
    name: '户口迁移（迁入）',
    type: 'confirmation',
    basis:
      '《中华人民共和国户口登记条例》第三条、第十条、第十三条；《国务院关于进一步推进户籍制度改革的意见》（国发〔2014〕25号）；《国务院办公厅关于加快推进政务服务“跨省通办”的指导意见》（国办发〔2020〕35号）。',
    audience: ['person'],
    themes: ['户籍'],
    keywords: ['户口', '迁户口', '落户', '户口迁移', '准迁证', '迁入', '投靠', '购房落户'],
    conditions:
      '符合云州市户口迁入条件之一：1. 在城镇有合法稳定住所（含租赁）的；2. 在本市就业并参加城镇社会保险的；3. 投靠配偶、父母、子女等直系亲属的；4. 全日制大中专院校毕业生、技能人才和引进人才；5. 其他符合本市落户政策规定的情形。跨省迁移的实行“一站式”办理，迁入地直接办理，无需回迁出地开具迁移证。',
    limits: [20, 5],
    committedNote: '跨省迁移通过全国人口信息系统核验迁出地信息，5 个工作日内办结',
    supplementPeriod: workdays(15),
    visitsRequired: 1,
    onlineDepth: 3,
    anywhereScope: 'national',
    deliveryMethods: ['pickup', 'post'],
    materials: [
      M.applicationForm('户口迁移申请表'),
      M.idCard('迁移人'),
      M.householdRegister({ name: '迁出地和迁入地居民户口簿', count: 2, notes: '迁入地户主需同意入户' }),
      M.propertyCertificate({ necessity: 'conditional', condition: '以合法稳定住所落户的' }),
      M.marriageCertificate({ necessity: 'conditional', condition: '投靠配偶的' }),
      mat('relation_proof', '亲属关系证明', { necessity: 'conditional', condition: '投靠父母、子女且户口簿不能证明亲属关系的' }),
      shared('social_insurance_record', '城镇职工社会保险参保证明', '由人力资源社会保障部门共享参保缴费记录', {
        necessity: 'conditional',
        condition: '以就业参保落户的',
      }),
    ],
    form: form([
      applicant.name('迁移人姓名'),
      applicant.idNumber(),
      f.address('originAddress', '迁出地户籍地址', 'Current registered address'),
      f.region('targetRegion', '迁入地派出所辖区', 'Destination district'),
      f.address('targetAddress', '迁入地详细地址', 'Destination address'),
      f.select('reason', '迁移原因', 'Reason', ['合法稳定住所落户', '就业参保落户', '投靠配偶', '投靠父母', '投靠子女', '大中专院校毕业生落户', '人才引进']),
      f.table(
        'accompanying',
        '随迁人员',
        'Accompanying persons',
        [
          f.text('name', '姓名', 'Name', { maxLength: 50 }),
          f.idNumber('idNumber', '公民身份号码', 'ID card number'),
          f.select('relation', '与迁移人关系', 'Relationship', ['配偶', '子女', '父母', '其他']),
        ],
        { optional: true, minItems: 0 },
      ),
      applicant.phone(),
    ]),
    resultType: 'certificate',
    resultName: '居民户口簿（迁入地）',
    resultLicenseType: '居民户口簿',
    faqs: [
      { q: '从外省迁入还要回老家开迁移证吗？', a: '不需要。户口迁移“跨省通办”实行迁入地“一站式”办理，由迁入地派出所通过系统与迁出地核验信息后直接办理。' },
      { q: '租房可以落户吗？', a: '在本市城区租赁住房并依法办理租赁登记备案、连续居住满一年的，可以在租赁房屋所在地或社区集体户落户。' },
    ],
  }),
  item('police', '071200200000', {
    name: '出生登记',
    type: 'confirmation',
    basis: '《中华人民共和国户口登记条例》第七条；《国务院办公厅关于解决无户口人员登记户口问题的意见》（国办发〔2015〕96号）。',
    audience: ['person'],
    themes: ['生育', '户籍'],
    keywords: ['新生儿上户口', '报户口', '出生登记', '宝宝落户', '户口', '新生儿'],
    conditions: '婴儿出生后一个月以内，由户主、亲属、抚养人或者邻居向婴儿常住地户口登记机关申报出生登记；随父或者随母落户，自愿选择。',
    limits: 'immediate',
    visitsRequired: 0,
    onlineDepth: 4,
    anywhereScope: 'province',
    deliveryMethods: ['pickup', 'post'],
    materials: [
      M.birthCertificate({ notes: '助产机构签发后自动共享，无需提交纸质证明' }),
      M.householdRegister({ name: '父亲或母亲的居民户口簿' }),
      M.idCard('父母双方'),
      M.marriageCertificate({ necessity: 'optional', notes: '非婚生育的不需提供' }),
    ],
    form: form([
      f.text('babyName', '新生儿姓名', 'Baby name', { maxLength: 50 }),
      f.select('babyGender', '性别', 'Sex', ['男', '女']),
      f.date('birthDate', '出生日期', 'Date of birth'),
      f.text('birthCertificateNo', '出生医学证明编号', 'Birth certificate number', { maxLength: 20 }),
      f.select('followParent', '随父或随母落户', 'Register with', ['随父', '随母']),
      applicant.name('申报人姓名'),
      applicant.idNumber('申报人公民身份号码'),
      applicant.phone(),
    ]),
    resultType: 'certificate',
    resultName: '居民户口簿（新生儿页）',
    resultLicenseType: '居民户口簿',
    faqs: [
      { q: '出生登记可以网上办吗？', a: '可以。通过“新生儿出生一件事”网上申请，出生医学证明、户口登记、医保参保和社保卡申领一次办理，户口簿可邮寄到家。' },
    ],
  }),
  item('police', '101200300000', {
    name: '公章刻制备案',
    type: 'other_power',
    basis:
      '《国务院关于国家行政机关和企业事业单位社会团体印章管理的规定》（国发〔1999〕25号）；《国务院关于第二批取消152项中央指定地方实施行政审批事项的决定》（国发〔2016〕9号）；《印铸刻字业暂行管理规则》。',
    audience: ['enterprise'],
    themes: ['开办企业'],
    keywords: ['刻章', '公章', '刻公章', '印章备案', '发票章', '财务章', '三证一章'],
    conditions: '已取得营业执照（或其他主体资格证明）的单位，委托已备案的印章刻制企业刻制印章，刻制企业在刻制完成后 1 日内通过印章治安管理信息系统备案。',
    limits: 'immediate',
    legalNote: '已取消审批，改为备案管理',
    supplementPeriod: workdays(15),
    visitsRequired: 0,
    onlineDepth: 4,
    anywhereScope: 'city',
    deliveryMethods: ['pickup', 'post'],
    materials: [M.businessLicense(), M.idCard('法定代表人'), M.applicationForm('印章刻制备案登记表'), M.authorizationLetter()],
    form: form([
      enterprise.name(),
      enterprise.creditCode(),
      enterprise.legalRep(),
      f.multiSelect('sealTypes', '刻制印章种类', 'Seals to engrave', ['单位公章', '财务专用章', '发票专用章', '合同专用章', '法定代表人名章']),
      f.select('engraver', '刻章企业', 'Engraving company', ['云州市诚信印章有限公司', '云州市青川刻字服务部', '临江区安信印章制作有限公司']),
      enterprise.phone(),
    ]),
    resultType: 'other',
    resultName: '印章及印章备案信息（电子印章同步发放）',
    supportsAppointment: false,
    faqs: [
      {
        q: '刻章要钱吗？',
        a: '新开办企业首套印章（公章、财务专用章、发票专用章、合同专用章、法定代表人名章）由政府购买服务免费刻制，并同步免费发放电子印章。',
      },
      { q: '刻章企业可以自己选吗？', a: '可以，申请人可从已备案的刻章企业中自主选择，任何单位不得指定刻章企业。' },
    ],
  }),
  item('police', '071200400000', {
    name: '居民身份证换领、补领',
    type: 'confirmation',
    basis: '《中华人民共和国居民身份证法》第三条、第五条、第八条、第十一条；《国务院办公厅关于加快推进政务服务“跨省通办”的指导意见》（国办发〔2020〕35号）。',
    audience: ['person'],
    themes: ['户籍'],
    keywords: ['身份证', '换身份证', '补身份证', '身份证丢了', '身份证到期', '异地办身份证'],
    conditions: '居民身份证有效期满、证件损坏难以辨认、证件丢失或登记项目变更的，可以申请换领或补领；跨省、市异地申领的，凭本人户籍信息即可办理。',
    limits: [60, 15],
    unit: 'day',
    legalNote: '自申请之日起 60 日内发放；交通不便地区可延长至 90 日',
    supplementPeriod: workdays(15),
    visitsRequired: 1,
    onlineDepth: 3,
    anywhereScope: 'national',
    deliveryMethods: ['pickup', 'post'],
    fees: [
      {
        name: '居民身份证工本费',
        standard: '换领、补领每证 20 元；申领临时居民身份证每证 10 元',
        basis: '《国家发展改革委 财政部关于居民身份证收费标准及有关问题的通知》（发改价格〔2003〕2322号）',
        reducible: true,
        reductionBasis: '城乡居民最低生活保障对象减免；16 周岁以下首次申领不收费',
        amountCents: 2000,
        chargeAt: 'acceptance',
      },
    ],
    materials: [
      mat('old_id_card', '原居民身份证', { necessity: 'conditional', condition: '换领的，交回原证' }),
      M.householdRegister({ necessity: 'optional', notes: '户籍信息可通过全国人口信息系统核验' }),
      M.photo('现场采集人像及指纹；或 358×441 像素白底电子照片', 1),
    ],
    form: form([
      applicant.name(),
      applicant.idNumber(),
      f.select('reason', '申领原因', 'Reason', ['有效期满换领', '证件损坏换领', '登记项目变更换领', '证件丢失补领']),
      applicant.phone(),
    ]),
    resultType: 'certificate',
    resultName: '中华人民共和国居民身份证',
    resultLicenseType: '居民身份证',
    faqs: [
      { q: '身份证丢了能先办临时身份证吗？', a: '可以，申领补证的同时可申请临时居民身份证，当场制证，有效期三个月，收费 10 元。' },
      { q: '外地户口能在云州办身份证吗？', a: '可以，居民身份证异地受理实现全国通办，持本人户籍信息到任一公安户政窗口即可办理。' },
    ],
  }),
  item('police', '071200500000', {
    name: '居住证申领',
    type: 'confirmation',
    basis: '《居住证暂行条例》第二条、第九条、第十一条、第十五条；《中华人民共和国居民身份证法》。',
    audience: ['person'],
    themes: ['户籍', '住房', '就业'],
    keywords: ['居住证', '暂住证', '外地人', '随迁子女', '积分'],
    conditions: '离开常住户口所在地，到云州市居住半年以上，符合有合法稳定就业、合法稳定住所、连续就读条件之一的中国公民。',
    limits: [15, 7],
    unit: 'day',
    legalNote: '受理之日起 15 日内制作发放',
    supplementPeriod: workdays(15),
    visitsRequired: 1,
    onlineDepth: 3,
    anywhereScope: 'city',
    deliveryMethods: ['pickup', 'post'],
    materials: [
      M.idCard(),
      M.leaseContract({ name: '合法稳定住所证明（房屋租赁合同或租赁登记备案证明）', condition: '以租住房屋申领的' }),
      M.propertyCertificate({ necessity: 'conditional', condition: '以自有住房申领的' }),
      mat('labor_contract', '劳动合同或营业执照等合法稳定就业证明', { kind: 'copy', necessity: 'conditional', condition: '以就业申领的' }),
      mat('school_certificate', '学校出具的在读证明', { necessity: 'conditional', condition: '以连续就读申领的' }),
      M.photo('近期二寸白底免冠彩色照片，或现场采集', 1),
    ],
    form: form([
      applicant.name(),
      applicant.idNumber(),
      f.region('residenceRegion', '居住地所属街道', 'Residence street'),
      f.address('residenceAddress', '居住地详细地址', 'Residence address'),
      f.date('residenceSince', '来本市居住日期', 'Living here since'),
      f.select('basisType', '申领条件', 'Basis', ['合法稳定住所', '合法稳定就业', '连续就读']),
      applicant.phone(),
    ]),
    resultType: 'certificate',
    resultName: '云州市居住证',
    resultLicenseType: '居住证',
    faqs: [
      { q: '居住证有什么用？', a: '持居住证可享受随迁子女义务教育入学、公共就业服务、基本公共卫生服务等权利，并可按规定申请积分落户。居住证每年签注一次。' },
    ],
  }),
];

// ----- 云州市人力资源和社会保障局 -------------------------------------------------------------------

const hrssItems: DemoItem[] = [
  item('hrss', '201300100000', {
    name: '失业登记',
    type: 'public_service',
    basis:
      '《中华人民共和国就业促进法》第四十二条；《就业服务与就业管理规定》第六十二条、第六十三条；《人力资源社会保障部 财政部关于扩大失业保险保障范围的通知》。',
    audience: ['person'],
    themes: ['就业'],
    keywords: ['失业登记', '失业', '没工作', '就业失业登记', '失业证', '找工作'],
    conditions: '法定劳动年龄内、有劳动能力、有就业要求、处于无业状态的城乡劳动者，可以在常住地公共就业服务机构进行失业登记，不受户籍限制。',
    limits: 'immediate',
    supplementPeriod: workdays(15),
    visitsRequired: 0,
    onlineDepth: 4,
    anywhereScope: 'national',
    deliveryMethods: ['electronic'],
    materials: [
      M.idCard(),
      M.socialSecurityCard({ necessity: 'optional' }),
      mat('termination_certificate', '解除或终止劳动关系证明', {
        kind: 'copy',
        necessity: 'optional',
        notes: '无法提供的可书面承诺，由经办机构通过参保信息核验',
      }),
    ],
    form: form([
      applicant.name(),
      applicant.idNumber(),
      f.region('residenceRegion', '常住地', 'Place of residence'),
      f.select('education', '文化程度', 'Education', ['初中及以下', '高中、中专或技校', '大专', '本科', '研究生']),
      f.select('unemploymentReason', '失业原因', 'Reason', ['劳动合同期满', '单位解除劳动合同', '本人辞职', '个体经营停业', '毕业未就业', '其他']),
      f.text('wantedJob', '求职意向', 'Job wanted', { optional: true, maxLength: 100 }),
      applicant.phone(),
    ]),
    resultType: 'certificate',
    resultName: '就业创业证（电子）',
    resultLicenseType: '就业创业证',
    faqs: [
      { q: '外地户口可以在云州失业登记吗？', a: '可以，失业登记在常住地办理，不受户籍限制。' },
      { q: '失业登记后可以享受哪些服务？', a: '可享受免费职业介绍、职业指导、职业技能培训补贴和就业困难人员认定等服务，符合条件的可申领失业保险金。' },
    ],
  }),
  item('hrss', '051300200000', {
    name: '失业保险金申领',
    type: 'payment',
    basis: '《中华人民共和国社会保险法》第四十五条至第五十一条；《失业保险条例》第十四条、第十六条；《失业保险金申领发放办法》第四条至第八条。',
    audience: ['person'],
    themes: ['就业', '社会救助'],
    keywords: ['失业金', '失业保险金', '领失业金', '失业补助', '失业保险'],
    conditions: '1. 失业前用人单位和本人已经缴纳失业保险费满一年；2. 非因本人意愿中断就业；3. 已经进行失业登记，并有求职要求。',
    limits: [10, 3],
    legalNote: '经办机构自受理申请之日起 10 日内核定',
    supplementPeriod: workdays(15),
    visitsRequired: 0,
    onlineDepth: 4,
    anywhereScope: 'province',
    deliveryMethods: ['electronic'],
    materials: [
      M.idCard(),
      M.socialSecurityCard({ notes: '失业保险金发放至社会保障卡金融账户' }),
      shared('termination_record', '解除或终止劳动关系信息', '由用人单位通过社保经办系统办理减员时登记', { notes: '系统无记录的提供解除或终止劳动关系证明' }),
    ],
    form: form([
      applicant.name(),
      applicant.idNumber(),
      f.text('lastEmployer', '原工作单位', 'Last employer'),
      f.date('separationDate', '离职日期', 'Date of separation'),
      f.select('separationReason', '离职原因', 'Reason of separation', [
        '劳动合同期满终止',
        '用人单位解除',
        '被用人单位开除、除名或辞退',
        '因用人单位过错本人解除',
        '其他非本人意愿',
      ]),
      applicant.phone(),
    ]),
    resultType: 'other',
    resultName: '失业保险待遇核定结果（按月发放至社会保障卡）',
    faqs: [{ q: '失业保险金能领多久？', a: '累计缴费满 1 年不足 5 年的，最长 12 个月；满 5 年不足 10 年的，最长 18 个月；10 年以上的，最长 24 个月。' }],
  }),
  item('hrss', '201300300000', {
    name: '创业担保贷款申请',
    type: 'public_service',
    basis:
      '《中华人民共和国就业促进法》第七条；《财政部 人力资源社会保障部 中国人民银行关于进一步加大创业担保贷款贴息力度全力支持重点群体创业就业的通知》（财金〔2020〕21号）；《普惠金融发展专项资金管理办法》。',
    audience: ['person', 'enterprise'],
    themes: ['就业', '开办企业'],
    keywords: ['创业贷款', '创业担保贷款', '贴息贷款', '无息贷款', '创业补贴', '小额贷款'],
    conditions:
      '个人：城镇登记失业人员、就业困难人员、退役军人、刑满释放人员、高校毕业生（含大学生村官和留学回国学生）、化解过剩产能企业职工和失业人员、返乡创业农民工、网络商户、脱贫人口等，在本市自主创业并已取得营业执照，本人及配偶无其他贷款（助学贷款、住房贷款等除外）。小微企业：当年新招用符合条件人员达到职工总数 15%（超过 100 人的企业达到 8%）并签订一年以上劳动合同。',
    limits: [20, 10],
    committedNote: '人社部门资格审核 3 个工作日，担保机构和经办银行审核 7 个工作日',
    supplementPeriod: workdays(15),
    visitsRequired: 1,
    onlineDepth: 3,
    anywhereScope: 'none',
    deliveryMethods: ['electronic'],
    materials: [
      M.applicationForm('创业担保贷款申请审批表'),
      M.idCard('借款人及配偶'),
      M.businessLicense(),
      mat('business_plan', '创业计划书', { notes: '包括经营项目、资金用途、还款计划' }),
      shared('eligibility_proof', '重点群体身份证明', '由人社、退役军人事务、教育等部门共享失业登记、退役、毕业等身份信息', {
        notes: '系统无法核验的提供相应证明材料',
      }),
      M.marriageCertificate({ necessity: 'conditional', condition: '借款人已婚的' }),
    ],
    form: form([
      applicant.name('借款人姓名'),
      applicant.idNumber(),
      f.select('category', '人员类别', 'Category', [
        '城镇登记失业人员',
        '就业困难人员',
        '退役军人',
        '高校毕业生',
        '返乡创业农民工',
        '网络商户',
        '脱贫人口',
        '小微企业',
      ]),
      f.text('businessName', '创业实体名称', 'Business name'),
      f.number('loanAmount', '申请贷款额度（万元）', 'Loan amount (10k CNY)', {
        minimum: 1,
        maximum: 400,
        help: '个人最高 30 万元，合伙创业可适当提高；小微企业最高 400 万元',
        helpEn: 'Up to 300,000 yuan for a person, more for partners; up to 4 million yuan for a small business',
      }),
      f.select('loanTerm', '贷款期限', 'Loan term', ['1 年', '2 年', '3 年']),
      f.select('bank', '经办银行', 'Lending bank', ['中国工商银行云州分行', '中国农业银行云州分行', '云州农村商业银行', '中国邮政储蓄银行云州分行']),
      applicant.phone(),
    ]),
    resultType: 'approval_document',
    resultName: '创业担保贷款资格审核意见及借款合同',
    faqs: [
      {
        q: '创业担保贷款要付利息吗？',
        a: '贷款利率不超过贷款市场报价利率（LPR）加 50 个基点，财政按规定给予贴息，个人实际承担的利息较低；按时还款的可申请再次贷款。',
      },
      { q: '需要找担保人吗？', a: '由政府性融资担保机构提供担保，个人贷款 10 万元以下的一般免除反担保。' },
    ],
  }),
  item('hrss', '201300400000', {
    name: '社会保障卡补换',
    type: 'public_service',
    basis:
      '《中华人民共和国社会保险法》第五十八条；《社会保障卡管理办法》（人社部发〔2011〕47号）；《人力资源社会保障部关于全面推进社会保障卡居民服务“一卡通”的通知》。',
    audience: ['person'],
    themes: ['就业', '医疗', '养老'],
    keywords: ['社保卡', '社保卡丢了', '补办社保卡', '换社保卡', '即时制卡', '电子社保卡'],
    conditions: '社会保障卡遗失、损坏、信息变更或有效期满的持卡人，先办理挂失（遗失的），可在本市即时制卡网点当场补换。',
    limits: 'immediate',
    supplementPeriod: workdays(15),
    visitsRequired: 1,
    onlineDepth: 3,
    anywhereScope: 'national',
    deliveryMethods: ['pickup', 'post'],
    materials: [
      M.idCard(),
      mat('old_social_security_card', '原社会保障卡', { necessity: 'conditional', condition: '损坏或换领的，交回原卡' }),
      M.photo('现场采集', 1),
    ],
    form: form([
      applicant.name(),
      applicant.idNumber(),
      f.select('reason', '补换原因', 'Reason', ['遗失补办', '损坏换卡', '信息变更换卡', '有效期满换卡']),
      f.select('bank', '金融账户开户银行', 'Bank for the financial account', ['中国工商银行', '中国农业银行', '中国建设银行', '云州农村商业银行']),
      applicant.phone(),
    ]),
    resultType: 'certificate',
    resultName: '社会保障卡',
    resultLicenseType: '社会保障卡',
    faqs: [{ q: '补卡期间能看病报销吗？', a: '可以，申领电子社会保障卡后，可在定点医疗机构扫码就医结算。' }],
  }),
  item('hrss', '201300500000', {
    name: '社会保障卡申领',
    type: 'public_service',
    basis: '《中华人民共和国社会保险法》第五十八条；《社会保障卡管理办法》（人社部发〔2011〕47号）。',
    audience: ['person'],
    themes: ['生育', '医疗'],
    keywords: ['社保卡', '办社保卡', '新生儿社保卡', '首次申领', '电子社保卡'],
    conditions: '在本市参加社会保险的人员，或新生儿、在校学生等参保人员首次申领社会保障卡。',
    limits: [10, 5],
    committedNote: '批量制卡后 5 个工作日内发放；可选择邮寄到家',
    supplementPeriod: workdays(15),
    visitsRequired: 0,
    onlineDepth: 4,
    anywhereScope: 'province',
    deliveryMethods: ['pickup', 'post'],
    materials: [
      M.idCard('申领人', { necessity: 'conditional', condition: '已办理居民身份证的' }),
      M.householdRegister({ necessity: 'conditional', condition: '新生儿等未办理居民身份证的' }),
      lic('guardian_id_card', '监护人居民身份证', '居民身份证', { necessity: 'conditional', condition: '未满 16 周岁由监护人代办的' }),
      M.photo('白底彩色电子照片；新生儿可免照片', 1, { necessity: 'conditional', condition: '16 周岁以上的' }),
    ],
    form: form([
      applicant.name('申领人姓名'),
      applicant.idNumber('申领人公民身份号码'),
      f.text('guardianName', '监护人姓名', 'Guardian name', { optional: true, maxLength: 50 }),
      f.select('bank', '金融账户开户银行', 'Bank for the financial account', ['中国工商银行', '中国农业银行', '中国建设银行', '云州农村商业银行']),
      applicant.phone(),
    ]),
    resultType: 'certificate',
    resultName: '社会保障卡',
    resultLicenseType: '社会保障卡',
    faqs: [{ q: '新生儿办社保卡需要照片吗？', a: '不需要，16 周岁以下人员可申领无照片社会保障卡。' }],
  }),
  item('hrss', '071300600000', {
    name: '单位社会保险登记',
    type: 'confirmation',
    basis: '《中华人民共和国社会保险法》第五十七条；《社会保险费征缴暂行条例》第七条；《社会保险登记管理暂行办法》。',
    audience: ['enterprise'],
    themes: ['开办企业'],
    keywords: ['社保登记', '单位参保', '社保开户', '企业社保', '五险'],
    conditions: '用人单位自成立之日起 30 日内办理社会保险登记；通过市场监管部门办理营业执照的，登记信息自动推送，实现“多证合一、一照一码”。',
    limits: 'immediate',
    legalNote: '法定自收到申请之日起 15 日内审核；本中心当场办结',
    supplementPeriod: workdays(15),
    visitsRequired: 0,
    onlineDepth: 4,
    anywhereScope: 'city',
    deliveryMethods: ['electronic'],
    materials: [
      M.businessLicense(),
      M.idCard('法定代表人'),
      mat('bank_account_permit', '单位银行结算账户信息', { kind: 'copy', necessity: 'optional', notes: '用于社会保险费代扣，可后续补充' }),
    ],
    form: form([
      enterprise.name(),
      enterprise.creditCode(),
      enterprise.legalRep(),
      f.number('employees', '参保职工人数', 'Insured employees', { integer: true, minimum: 0 }),
      f.multiSelect('insuranceTypes', '参保险种', 'Insurance types', ['企业职工基本养老保险', '失业保险', '工伤保险', '职工基本医疗保险（含生育保险）']),
      enterprise.contact(),
      enterprise.phone(),
    ]),
    resultType: 'other',
    resultName: '社会保险登记信息（单位参保编号）',
    supportsAppointment: false,
    faqs: [{ q: '新公司多久内要办社保登记？', a: '自成立之日起 30 日内。通过“企业开办一件事”申请的，领取营业执照时同步完成社保登记。' }],
  }),
  item('hrss', '011300700000', {
    name: '经营性人力资源服务机构从事职业中介活动许可',
    type: 'licensing',
    basis: '《中华人民共和国就业促进法》第四十条；《人力资源市场暂行条例》第十八条、第十九条；《人力资源服务机构管理规定》（人力资源社会保障部令第50号）。',
    audience: ['enterprise'],
    themes: ['就业', '经营许可'],
    keywords: ['人力资源服务许可证', '职业中介', '人才中介', '猎头', '劳务派遣'],
    conditions:
      '1. 有明确的章程和管理制度；2. 有开展业务必备的固定场所、办公设施和一定数额的开办资金；3. 有一定数量具备相应职业资格的专职工作人员；4. 法律、法规规定的其他条件。',
    limits: [20, 5],
    legalNote: '自受理之日起 20 日内作出决定',
    supplementPeriod: workdays(15),
    visitsRequired: 0,
    onlineDepth: 4,
    anywhereScope: 'city',
    deliveryMethods: ['pickup', 'post', 'electronic'],
    commitmentApproval: true,
    materials: [
      M.applicationForm('人力资源服务许可申请书'),
      M.businessLicense(),
      mat('staff_list', '专职工作人员名单及其职业资格证明', { kind: 'copy' }),
      mat('management_rules', '机构章程和管理制度', {}),
      M.leaseContract({ name: '经营场所使用证明' }),
    ],
    form: form([
      enterprise.name('机构名称'),
      enterprise.creditCode(),
      enterprise.legalRep(),
      f.address('premisesAddress', '经营场所', 'Premises address'),
      f.multiSelect('services', '服务范围', 'Services', [
        '为劳动者介绍用人单位',
        '为用人单位推荐劳动者',
        '为用人单位和个人提供职业介绍信息服务',
        '组织开展现场招聘会',
        '开展网络招聘',
        '开展高级人才寻访服务',
      ]),
      f.number('staffCount', '专职工作人员人数', 'Full-time staff', { integer: true, minimum: 1 }),
      enterprise.phone(),
    ]),
    resultType: 'license',
    resultName: '人力资源服务许可证',
    resultLicenseType: '人力资源服务许可证',
    faqs: [
      {
        q: '开展人力资源外包需要许可吗？',
        a: '开展人力资源服务外包、人力资源管理咨询、人力资源培训等业务的，实行备案管理，自开展业务之日起 15 日内备案，不需申请许可。',
      },
    ],
  }),
];

// ----- 云州市民政局 ---------------------------------------------------------------------------------

const householdMembers = () =>
  f.table('familyMembers', '共同生活家庭成员', 'Household members', [
    f.text('name', '姓名', 'Name', { maxLength: 50 }),
    f.idNumber('idNumber', '公民身份号码', 'ID card number'),
    f.select('relation', '与申请人关系', 'Relationship', ['本人', '配偶', '子女', '父母', '兄弟姐妹', '其他']),
    f.select('status', '就业或健康状况', 'Employment or health', ['在业', '失业', '在校学生', '退休', '残疾', '重病', '其他']),
  ]);

const civilItems: DemoItem[] = [
  item('civil', '051400100000', {
    name: '最低生活保障审核确认',
    type: 'payment',
    basis:
      '《社会救助暂行办法》第九条至第十七条；《最低生活保障审核确认办法》（民发〔2021〕57号）；《民政部 财政部关于进一步做好困难群众基本生活保障工作的通知》。',
    audience: ['person'],
    themes: ['社会救助'],
    keywords: ['低保', '最低生活保障', '低保申请', '困难补助', '生活困难', '救助'],
    conditions:
      '持有云州市户籍，共同生活的家庭成员人均收入低于云州市最低生活保障标准（城乡统一，每人每月 850 元），且家庭财产状况符合规定的，可以申请最低生活保障。持有居住证的非本市户籍困难家庭可在经常居住地申请。',
    limits: [30, 20],
    legalNote: '县级民政部门自受理之日起 30 个工作日内作出审核确认决定；特殊情况可延长至 45 个工作日',
    committedNote: '入户调查、信息核对和公示（7 日）计入承诺时限',
    visitsRequired: 0,
    onlineDepth: 4,
    anywhereScope: 'city',
    deliveryMethods: ['electronic', 'post'],
    specialProcedures: '对申请人家庭经济状况有异议的，组织民主评议，评议时间不计入办理时限。',
    materials: [
      M.applicationForm('最低生活保障申请书'),
      M.idCard('申请人及共同生活家庭成员'),
      M.householdRegister(),
      mat('economic_check_authorization', '家庭经济状况核对授权书', { notes: '全体共同生活家庭成员签字，用于查询存款、车辆、房产、工商登记等信息' }),
      mat('income_statement', '家庭收入和财产状况承诺书', {}),
      shared('economic_check_report', '家庭经济状况核对报告', '由云州市居民家庭经济状况核对中心出具，无需申请人提交'),
      M.disabilityCertificate({ necessity: 'conditional', condition: '家庭成员中有残疾人的' }),
      mat('medical_records', '重病患者诊断证明及近期医疗费用票据', { kind: 'copy', necessity: 'conditional', condition: '家庭成员中有重病患者的' }),
    ],
    form: form([
      applicant.name(),
      applicant.idNumber(),
      f.region('residenceRegion', '户籍（居住）所在社区', 'Community'),
      f.address('address', '居住地址', 'Address'),
      householdMembers(),
      f.number('monthlyIncome', '家庭月总收入（元）', 'Household monthly income (CNY)', { minimum: 0 }),
      f.textarea('reason', '申请理由', 'Reason', { maxLength: 500 }),
      applicant.phone(),
    ]),
    resultType: 'approval_document',
    resultName: '最低生活保障审核确认决定书',
    faqs: [
      { q: '可以在网上申请低保吗？', a: '可以。通过政务服务网或“云州通”App 在线提交申请，也可以由乡镇（街道）、村（居）委会工作人员上门代办。' },
      {
        q: '名下有车可以申请低保吗？',
        a: '家庭成员名下有机动车辆（残疾人功能性补偿代步机动车辆和用于生产经营的摩托车、三轮车等除外）的，原则上不予认定，具体以核对结果为准。',
      },
    ],
  }),
  item('civil', '051400200000', {
    name: '高龄津贴发放',
    type: 'payment',
    basis:
      '《中华人民共和国老年人权益保障法》第三十三条；《民政部 财政部关于建立健全经济困难的高龄、失能等老年人补贴制度的通知》；《云州市高龄老人津贴发放办法》。',
    audience: ['person'],
    themes: ['养老'],
    keywords: ['高龄津贴', '高龄补贴', '老人补贴', '80岁补贴', '长寿补贴', '百岁老人'],
    conditions: '具有云州市户籍且年满 80 周岁的老年人。标准：80—89 周岁每人每月 100 元，90—99 周岁每人每月 300 元，100 周岁以上每人每月 800 元。',
    limits: [20, 10],
    committedNote: '审核通过后次月起按月发放至社会保障卡',
    supplementPeriod: workdays(15),
    visitsRequired: 0,
    onlineDepth: 4,
    anywhereScope: 'city',
    deliveryMethods: ['electronic'],
    materials: [
      M.applicationForm('高龄津贴申请表'),
      M.idCard('老年人'),
      M.householdRegister({ necessity: 'optional', notes: '户籍信息可通过人口库核验' }),
      M.bankAccount(),
      M.authorizationLetter({ condition: '由子女或其他亲属代为申请的' }),
    ],
    form: form([
      f.text('elderName', '老年人姓名', 'Elder name', { maxLength: 50 }),
      f.idNumber('elderIdNumber', '老年人公民身份号码', "Elder's ID number"),
      f.region('residenceRegion', '户籍所在社区', 'Registered community'),
      f.text('agentName', '代办人姓名', 'Agent name', { optional: true, maxLength: 50 }),
      f.select('agentRelation', '代办人与老人关系', 'Agent relationship', ['本人申请', '子女', '配偶', '其他亲属', '村（居）委会工作人员']),
      applicant.phone(),
    ]),
    resultType: 'other',
    resultName: '高龄津贴发放通知',
    faqs: [{ q: '老人满 80 岁了要自己去申请吗？', a: '不用。系统根据户籍信息自动提醒，满 80 周岁当月可由本人或家属在网上“免申即享”确认，审核后次月起发放。' }],
  }),
  item('civil', '051400300000', {
    name: '临时救助',
    type: 'payment',
    basis:
      '《社会救助暂行办法》第四十七条至第五十条；《国务院关于全面建立临时救助制度的通知》（国发〔2014〕47号）；《民政部 财政部关于进一步加强和改进临时救助工作的意见》（民发〔2018〕23号）。',
    audience: ['person'],
    themes: ['社会救助'],
    keywords: ['临时救助', '急难救助', '临时困难', '救助金', '突发困难'],
    conditions:
      '因火灾、交通事故等意外事件，家庭成员突发重大疾病等原因，导致基本生活暂时出现严重困难的家庭或个人；以及因生活必需支出突然增加超出家庭承受能力的最低生活保障家庭。',
    limits: [20, 10],
    committedNote: '急难型临时救助实行“先行救助”，24 小时内发放',
    visitsRequired: 0,
    onlineDepth: 4,
    anywhereScope: 'city',
    deliveryMethods: ['electronic'],
    materials: [
      M.applicationForm('临时救助申请审批表'),
      M.idCard(),
      mat('hardship_proof', '遭遇困难的相关证明', { kind: 'copy', notes: '如医疗费用票据、事故认定书、火灾证明等' }),
      mat('economic_check_authorization', '家庭经济状况核对授权书', { necessity: 'conditional', condition: '支出型救助需核对家庭经济状况的' }),
      M.bankAccount(),
    ],
    form: form([
      applicant.name(),
      applicant.idNumber(),
      f.select('hardshipType', '困难类型', 'Type of hardship', ['急难型：意外事件', '急难型：突发重大疾病', '支出型：医疗支出', '支出型：教育支出', '其他']),
      f.number('amountRequested', '申请救助金额（元）', 'Amount requested (CNY)', { minimum: 1 }),
      f.textarea('situation', '困难情况说明', 'Description of hardship', { maxLength: 1000 }),
      f.address('address', '居住地址', 'Address'),
      applicant.phone(),
    ]),
    resultType: 'approval_document',
    resultName: '临时救助审批决定',
    faqs: [{ q: '外地人在云州遇到困难能申请临时救助吗？', a: '可以。对非本地户籍人员，由急难发生地乡镇（街道）直接受理，符合条件的给予救助。' }],
  }),
  item('civil', '071400400000', {
    name: '内地居民结婚登记',
    type: 'confirmation',
    basis: '《中华人民共和国民法典》第一千零四十六条至第一千零四十九条；《婚姻登记条例》第四条至第七条；《婚姻登记工作规范》。',
    audience: ['person'],
    themes: ['户籍'],
    keywords: ['结婚登记', '领证', '结婚证', '扯证', '婚姻登记', '全国通办'],
    conditions:
      '1. 男女双方完全自愿；2. 男年满 22 周岁，女年满 20 周岁；3. 双方均无配偶；4. 不属于直系血亲或者三代以内旁系血亲。双方须共同亲自到场办理，可在全国任一婚姻登记机关办理。',
    limits: 'immediate',
    legalNote: '符合结婚条件的，当场予以登记，发给结婚证',
    visitsRequired: 1,
    onlineDepth: 3,
    anywhereScope: 'national',
    deliveryMethods: ['pickup'],
    materials: [
      M.idCard('男女双方', { count: 2 }),
      mat('marriage_declaration', '申请结婚登记声明书', { form: 'paper', notes: '在登记员面前现场签署' }),
      M.photo('双方近期半身免冠合影照片，2 寸，红底', 3),
    ],
    form: form([
      f.text('maleName', '男方姓名', "Groom's name", { maxLength: 50 }),
      f.idNumber('maleIdNumber', '男方公民身份号码', "Groom's ID number"),
      f.text('femaleName', '女方姓名', "Bride's name", { maxLength: 50 }),
      f.idNumber('femaleIdNumber', '女方公民身份号码', "Bride's ID number"),
      f.date('appointmentDate', '预约登记日期', 'Appointment date'),
      applicant.phone(),
    ]),
    resultType: 'certificate',
    resultName: '结婚证',
    resultLicenseType: '结婚证',
    supportsAppointment: true,
    faqs: [
      { q: '结婚登记还需要户口簿吗？', a: '不需要。按照修订后的《婚姻登记条例》，双方持本人有效居民身份证即可在全国任一婚姻登记机关办理。' },
      { q: '可以预约 520、七夕等特殊日子吗？', a: '可以通过“云州通”提前 30 天预约，特殊日期婚姻登记处延时服务。' },
    ],
  }),
  item('civil', '051400500000', {
    name: '困难残疾人生活补贴和重度残疾人护理补贴',
    type: 'payment',
    basis: '《中华人民共和国残疾人保障法》第四十八条；《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）。',
    audience: ['person'],
    themes: ['残疾人', '社会救助'],
    keywords: ['两项补贴', '残疾人补贴', '护理补贴', '生活补贴', '残疾补助'],
    conditions:
      '生活补贴：持有第二代残疾人证、具有本市户籍的最低生活保障家庭中的残疾人；护理补贴：持有第二代残疾人证、残疾等级为一级或二级且需要长期照护的重度残疾人。',
    limits: [20, 15],
    supplementPeriod: workdays(15),
    visitsRequired: 0,
    onlineDepth: 4,
    anywhereScope: 'national',
    deliveryMethods: ['electronic'],
    materials: [
      M.applicationForm('残疾人两项补贴申请审批表'),
      M.idCard('残疾人'),
      M.disabilityCertificate(),
      shared('assistance_status', '最低生活保障对象身份信息', '由民政部门社会救助系统共享', {
        necessity: 'conditional',
        condition: '申请困难残疾人生活补贴的',
      }),
      M.bankAccount(),
      M.authorizationLetter({ condition: '由监护人或亲属代为申请的' }),
    ],
    form: form([
      f.text('personName', '残疾人姓名', 'Name of the person with disability', { maxLength: 50 }),
      f.idNumber('personIdNumber', '残疾人公民身份号码', 'ID number'),
      f.text('disabilityCertNo', '残疾人证号', 'Disability certificate number', { maxLength: 30 }),
      f.multiSelect('subsidies', '申请补贴类别', 'Subsidies applied for', ['困难残疾人生活补贴', '重度残疾人护理补贴']),
      f.text('guardianName', '监护人（代办人）姓名', 'Guardian or agent', { optional: true, maxLength: 50 }),
      applicant.phone(),
    ]),
    resultType: 'other',
    resultName: '残疾人两项补贴审核确认结果（按月发放）',
    faqs: [{ q: '补贴标准是多少？', a: '困难残疾人生活补贴每人每月 120 元；重度残疾人护理补贴一级每人每月 150 元、二级每人每月 100 元。' }],
  }),
  item('civil', '011400600000', {
    name: '社会团体成立登记',
    type: 'licensing',
    basis:
      '《社会团体登记管理条例》第三条、第九条至第十二条；《民政部关于贯彻落实国务院取消全国性社会团体分支机构、代表机构登记行政审批项目的决定有关问题的通知》。',
    audience: ['person', 'enterprise'],
    themes: [],
    keywords: ['社团', '协会', '商会', '社会组织', '社团登记', '学会'],
    conditions:
      '1. 有 50 个以上的个人会员，或者 30 个以上的单位会员（个人与单位混合的不少于 50 个）；2. 有规范的名称和相应的组织机构；3. 有固定的住所；4. 有与其业务活动相适应的专职工作人员；5. 有合法的资产和经费来源，市级社会团体有 3 万元以上活动资金；6. 有独立承担民事责任的能力；7. 经业务主管单位审查同意（依法直接登记的除外）。',
    limits: [60, 30],
    unit: 'day',
    legalNote: '自收到全部有效文件之日起 60 日内作出准予或者不予登记的决定',
    supplementPeriod: workdays(15),
    visitsRequired: 1,
    onlineDepth: 3,
    anywhereScope: 'none',
    deliveryMethods: ['pickup', 'post'],
    materials: [
      M.applicationForm('社会团体成立登记申请书'),
      mat('sponsor_approval', '业务主管单位的批准文件', { necessity: 'conditional', condition: '不属于直接登记类别的' }),
      mat('articles_of_association', '社会团体章程草案', { notes: '经会员大会或会员代表大会通过' }),
      mat('capital_verification', '验资报告', { notes: '由会计师事务所出具，活动资金不少于 3 万元' }),
      M.propertyCertificate({ name: '住所使用权证明', necessity: 'conditional', condition: '住所为自有房产的', kind: 'copy' }),
      M.leaseContract({ name: '住所租赁合同' }),
      mat('officers', '拟任负责人基本情况和身份证明', { kind: 'copy' }),
    ],
    form: form([
      f.text('orgName', '社会团体名称', 'Organization name'),
      f.select('category', '社会团体类别', 'Category', ['学术性', '行业性', '专业性', '联合性']),
      f.text('sponsor', '业务主管单位', 'Sponsor', { optional: true }),
      f.number('capital', '活动资金（万元）', 'Funds (10k CNY)', { minimum: 3 }),
      f.number('members', '会员数量', 'Members', { integer: true, minimum: 30 }),
      f.address('domicile', '住所', 'Domicile'),
      f.text('proposedChair', '拟任法定代表人', 'Proposed legal representative', { maxLength: 50 }),
      applicant.phone(),
    ]),
    resultType: 'license',
    resultName: '社会团体法人登记证书',
    resultLicenseType: '社会团体法人登记证书',
    faqs: [
      { q: '哪些社会团体可以直接登记？', a: '行业协会商会类、科技类、公益慈善类、城乡社区服务类社会组织可直接向民政部门申请登记，无需业务主管单位审查同意。' },
    ],
  }),
];

// ----- 云州市住房和城乡建设局 -----------------------------------------------------------------------

const projectFields = () => [
  f.text('projectName', '项目名称', 'Project name'),
  f.text('projectCode', '项目代码', 'Project code', {
    maxLength: 30,
    help: '投资项目在线审批监管平台赋予的项目代码',
    helpEn: 'The code the online investment project platform gave the project',
  }),
  enterprise.name('建设单位'),
  enterprise.creditCode(),
  f.address('projectAddress', '建设地点', 'Project location'),
];

const housingItems: DemoItem[] = [
  item('housing', '011500100000', {
    name: '建筑工程施工许可证核发',
    type: 'licensing',
    basis:
      '《中华人民共和国建筑法》第七条至第十一条；《建筑工程施工许可管理办法》（住房和城乡建设部令第18号，2021年修正）第二条、第四条、第五条；《国务院办公厅关于全面开展工程建设项目审批制度改革的实施意见》（国办发〔2019〕11号）。',
    audience: ['enterprise'],
    themes: ['工程建设'],
    keywords: ['施工许可', '施工许可证', '开工', '工程报建', '建筑许可', '工改'],
    conditions:
      '1. 依法应当办理用地批准手续的，已经办理；2. 依法应当办理建设工程规划许可证的，已经取得；3. 施工场地已经基本具备施工条件，需要征收房屋的，其进度符合施工要求；4. 已经确定施工企业；5. 有满足施工需要的技术资料，施工图设计文件已按规定审查合格；6. 有保证工程质量和安全的具体措施；7. 建设资金已经落实。工程投资额在 100 万元以下或者建筑面积在 500 平方米以下的建筑工程，可以不申请办理施工许可证。',
    limits: [7, 3],
    legalNote: '自收到申请之日起 7 日内作出决定',
    committedNote: '质量安全监督登记、人防设计审查意见并联办理，3 个工作日内发证',
    supplementPeriod: workdays(15),
    visitsRequired: 0,
    onlineDepth: 4,
    anywhereScope: 'city',
    deliveryMethods: ['electronic', 'pickup'],
    commitmentApproval: true,
    materials: [
      M.applicationForm('建筑工程施工许可申请表'),
      M.propertyCertificate({ name: '用地批准手续（不动产权证书或建设用地批准书）', kind: 'copy' }),
      lic('planning_permit', '建设工程规划许可证', '建设工程规划许可证'),
      shared('construction_contract', '中标通知书及施工合同', '由公共资源交易平台和合同备案系统共享', { notes: '直接发包的提供施工合同' }),
      shared('drawing_review', '施工图设计文件审查合格书', '由施工图数字化联审平台推送'),
      mat('safety_measures', '保证工程质量和安全的具体措施及建设资金已落实承诺书', { form: 'both' }),
      M.authorizationLetter(),
    ],
    form: form([
      ...projectFields(),
      f.text('contractor', '施工单位', 'Main contractor'),
      f.number('contractPrice', '合同价格（万元）', 'Contract price (10k CNY)', { minimum: 0 }),
      f.number('floorArea', '建筑面积（平方米）', 'Floor area (m²)', { minimum: 0 }),
      f.date('plannedStart', '计划开工日期', 'Planned start'),
      f.date('plannedCompletion', '计划竣工日期', 'Planned completion'),
    ]),
    processOptions: {
      parallel: countersign('joint_review', '并联审查', [
        ['review_permit', '施工许可条件审查（住建局）', workdays(1)],
        ['review_quality', '质量安全监督登记（住建局质安站）', workdays(1)],
        ['review_civil_defense', '人防工程施工图备案核验（住建局人防科）', workdays(1)],
      ]),
    },
    resultType: 'license',
    resultName: '建筑工程施工许可证',
    resultLicenseType: '建筑工程施工许可证',
    faqs: [
      { q: '质量安全监督手续还要单独办吗？', a: '不需要。工程质量安全监督手续已并入施工许可，一次申请、并联办理。' },
      { q: '可以分段办理施工许可吗？', a: '可以。对于基坑支护和土方开挖、地下室和上部结构，建设单位可申请分段办理施工许可。' },
    ],
  }),
  item('housing', '011500200000', {
    name: '商品房预售许可',
    type: 'licensing',
    basis: '《中华人民共和国城市房地产管理法》第四十五条；《城市房地产开发经营管理条例》第二十二条、第二十三条；《城市商品房预售管理办法》第五条至第七条。',
    audience: ['enterprise'],
    themes: ['住房', '工程建设'],
    keywords: ['预售许可', '预售证', '楼盘预售', '卖楼', '商品房预售'],
    conditions:
      '1. 已交付全部土地使用权出让金，取得不动产权证书；2. 持有建设工程规划许可证和施工许可证；3. 按提供预售的商品房计算，投入开发建设的资金达到工程建设总投资的 25% 以上，并已经确定施工进度和竣工交付日期；4. 已开设商品房预售资金监管账户。',
    limits: [10, 5],
    legalNote: '自受理之日起 10 日内作出决定',
    supplementPeriod: workdays(15),
    visitsRequired: 0,
    onlineDepth: 4,
    anywhereScope: 'none',
    deliveryMethods: ['electronic', 'pickup'],
    specialProcedures: '现场查勘工程形象进度，查勘时间计入审查期限。',
    materials: [
      M.applicationForm('商品房预售许可申请表'),
      M.businessLicense(),
      lic('developer_qualification', '房地产开发企业资质证书', '房地产开发企业资质证书'),
      M.propertyCertificate({ kind: 'copy' }),
      lic('planning_permit', '建设工程规划许可证', '建设工程规划许可证'),
      lic('construction_permit', '建筑工程施工许可证', '建筑工程施工许可证'),
      mat('presale_plan', '商品房预售方案', { notes: '含房屋平面图、预售房屋套数、面积、价格等' }),
      mat('escrow_agreement', '商品房预售资金监管协议', { kind: 'copy' }),
    ],
    form: form([
      ...projectFields(),
      f.number('presaleUnits', '预售套数', 'Units for pre-sale', { integer: true, minimum: 1 }),
      f.number('presaleArea', '预售建筑面积（平方米）', 'Pre-sale floor area (m²)', { minimum: 1 }),
      f.text('escrowAccount', '预售资金监管账号', 'Escrow account', { maxLength: 40 }),
      enterprise.phone(),
    ]),
    resultType: 'license',
    resultName: '商品房预售许可证',
    resultLicenseType: '商品房预售许可证',
    faqs: [{ q: '预售资金可以随意使用吗？', a: '不可以。预售资金全部存入监管账户，按工程进度节点拨付，优先用于本项目建设。' }],
  }),
  item('housing', '071500300000', {
    name: '公共租赁住房保障资格审核',
    type: 'confirmation',
    basis:
      '《国务院关于解决城市低收入家庭住房困难的若干意见》（国发〔2007〕24号）；《公共租赁住房管理办法》（住房和城乡建设部令第11号）第七条至第十二条；《云州市公共租赁住房管理实施细则》。',
    audience: ['person'],
    themes: ['住房', '社会救助'],
    keywords: ['公租房', '廉租房', '保障房', '住房保障', '租房补贴', '申请公租房', '保障性住房'],
    conditions:
      '1. 本市城镇户籍的中等偏下收入住房困难家庭：家庭人均月收入低于 2500 元，在本市无自有住房或人均住房建筑面积低于 15 平方米；2. 新就业无房职工：在本市连续缴纳社会保险满 6 个月，本人及配偶在本市无自有住房；3. 在本市稳定就业的外来务工人员：持有居住证，连续缴纳社会保险满 12 个月，在本市无自有住房。申请人及家庭成员在申请前 5 年内无房产转让记录。',
    limits: [30, 20],
    committedNote: '含社区初审、住房和收入核查及公示（5 日）',
    supplementPeriod: workdays(15),
    visitsRequired: 0,
    onlineDepth: 4,
    anywhereScope: 'city',
    deliveryMethods: ['electronic', 'post'],
    materials: [
      M.applicationForm('公共租赁住房申请表'),
      M.idCard('申请人及共同申请家庭成员'),
      M.householdRegister({ necessity: 'conditional', condition: '本市户籍家庭申请的' }),
      M.residencePermit({ necessity: 'conditional', condition: '外来务工人员申请的' }),
      M.marriageCertificate({ necessity: 'conditional', condition: '已婚的' }),
      shared('housing_status', '家庭住房情况查询结果', '由不动产登记机构共享申请人及家庭成员名下房产信息'),
      shared('social_insurance_record', '社会保险缴费记录', '由人力资源社会保障部门共享', {
        necessity: 'conditional',
        condition: '新就业无房职工和外来务工人员申请的',
      }),
      mat('income_statement', '家庭收入和财产状况承诺书', {}),
    ],
    form: form([
      applicant.name(),
      applicant.idNumber(),
      f.select('applicantCategory', '申请类别', 'Applicant category', ['城镇中等偏下收入住房困难家庭', '新就业无房职工', '外来务工人员']),
      f.number('householdSize', '家庭人口数', 'Household size', { integer: true, minimum: 1, maximum: 20 }),
      householdMembers(),
      f.select('housingSituation', '现住房情况', 'Current housing', ['无自有住房', '人均住房建筑面积低于 15 平方米']),
      f.number('monthlyIncome', '家庭人均月收入（元）', 'Monthly income per person (CNY)', { minimum: 0 }),
      f.select('preferredDistrict', '意向区域', 'Preferred district', ['青川区', '临江区', '服从分配']),
      applicant.phone(),
    ]),
    resultType: 'approval_document',
    resultName: '公共租赁住房保障资格确认通知书',
    faqs: [
      { q: '廉租房和公租房有什么区别？', a: '云州市已将廉租住房并入公共租赁住房统一管理，原廉租住房保障对象按公共租赁住房申请，租金按低保家庭标准减免。' },
      { q: '取得资格后多久能分到房？', a: '取得保障资格后进入轮候库，按轮候顺序参加配租摇号；轮候期间符合条件的可先领取租赁补贴。' },
    ],
  }),
  item('housing', '011500400000', {
    name: '建设工程消防验收',
    type: 'licensing',
    basis: '《中华人民共和国消防法》第十三条；《建设工程消防设计审查验收管理暂行规定》（住房和城乡建设部令第58号）第二十六条至第三十二条。',
    audience: ['enterprise'],
    themes: ['工程建设'],
    keywords: ['消防验收', '竣工验收', '消防', '联合验收', '消防检查'],
    conditions: '特殊建设工程竣工验收后，建设单位已组织工程竣工验收，完成工程消防验收报告，具备消防设施检测合格等条件。',
    limits: [15, 7],
    legalNote: '自受理之日起 15 日内出具消防验收意见',
    supplementPeriod: workdays(15),
    visitsRequired: 1,
    onlineDepth: 3,
    anywhereScope: 'none',
    deliveryMethods: ['electronic', 'pickup'],
    specialProcedures: '现场评定（含消防设施性能测试）时间计入办理时限；申请人整改时间不计入。',
    materials: [
      M.applicationForm('消防验收申请表'),
      mat('completion_report', '工程竣工验收报告', {}),
      mat('fire_test_report', '消防设施检测报告', { necessity: 'conditional', condition: '设有建筑消防设施的', sourceNote: '由消防技术服务机构出具' }),
      mat('as_built_drawings', '涉及消防的建设工程竣工图纸', { form: 'electronic' }),
      mat('fire_acceptance_report', '工程消防验收报告', { notes: '建设单位组织设计、施工、监理等单位共同出具' }),
    ],
    form: form([
      ...projectFields(),
      f.text('fireDesignApproval', '特殊建设工程消防设计审查意见书文号', 'Fire design approval number', { maxLength: 50 }),
      f.number('floorArea', '建筑面积（平方米）', 'Floor area (m²)', { minimum: 0 }),
      enterprise.phone(),
    ]),
    processOptions: { before: [stage('site_check', 'custom', '现场评定', 'approver', 'implementing', workdays(3))], review: '技术审查' },
    resultType: 'approval_document',
    resultName: '特殊建设工程消防验收意见书',
    faqs: [{ q: '其他建设工程需要消防验收吗？', a: '特殊建设工程以外的其他建设工程实行备案抽查，竣工验收合格之日起 5 个工作日内办理备案。' }],
  }),
  item('housing', '101500500000', {
    name: '房屋建筑和市政基础设施工程竣工验收备案',
    type: 'other_power',
    basis: '《建设工程质量管理条例》第四十九条；《房屋建筑和市政基础设施工程竣工验收备案管理办法》（住房和城乡建设部令第2号）第四条至第九条。',
    audience: ['enterprise'],
    themes: ['工程建设'],
    keywords: ['竣工备案', '竣工验收备案', '验收备案', '竣工'],
    conditions: '建设单位已组织勘察、设计、施工、监理等单位进行竣工验收并验收合格，已取得规划、消防、人防、档案等专项验收（或联合验收）意见。',
    limits: [5, 2],
    legalNote: '建设单位自竣工验收合格之日起 15 日内报送；备案机关收讫后出具备案证明',
    supplementPeriod: workdays(15),
    visitsRequired: 0,
    onlineDepth: 4,
    anywhereScope: 'none',
    deliveryMethods: ['electronic'],
    materials: [
      M.applicationForm('房屋建筑和市政基础设施工程竣工验收备案表'),
      mat('completion_report', '工程竣工验收报告', {}),
      shared('special_acceptance', '规划、消防、人防、档案等专项验收意见', '联合验收通过后由工程建设项目审批管理系统推送'),
      mat('quality_warranty', '施工单位签署的工程质量保修书', {}),
      mat('residential_quality', '住宅质量保证书和住宅使用说明书', { necessity: 'conditional', condition: '商品住宅工程' }),
    ],
    form: form([
      ...projectFields(),
      f.date('acceptanceDate', '竣工验收日期', 'Acceptance date'),
      f.number('floorArea', '建筑面积（平方米）', 'Floor area (m²)', { minimum: 0 }),
    ]),
    resultType: 'certificate',
    resultName: '竣工验收备案证明',
    resultLicenseType: '竣工验收备案证明',
    faqs: [{ q: '竣工验收备案后就可以办不动产首次登记吗？', a: '可以，备案信息自动推送至不动产登记机构，办理首次登记时无需再提交竣工验收材料。' }],
  }),
  item('housing', '101500600000', {
    name: '人民防空工程竣工验收备案',
    type: 'other_power',
    basis:
      '《中华人民共和国人民防空法》第二十二条；《人民防空工程质量监督管理规定》；《国务院办公厅关于全面开展工程建设项目审批制度改革的实施意见》（国办发〔2019〕11号）。',
    audience: ['enterprise'],
    themes: ['工程建设'],
    keywords: ['人防验收', '人防备案', '人防工程', '防空地下室'],
    conditions: '结合民用建筑修建的防空地下室及单独修建的人民防空工程，已按批准的设计文件建设完成，并经建设单位组织竣工验收合格。',
    limits: [15, 3],
    supplementPeriod: workdays(15),
    visitsRequired: 0,
    onlineDepth: 4,
    anywhereScope: 'none',
    deliveryMethods: ['electronic'],
    materials: [
      M.applicationForm('人民防空工程竣工验收备案表'),
      mat('completion_report', '工程竣工验收报告', {}),
      mat('civil_defense_equipment', '人防防护设备产品合格证明和检测报告', { kind: 'copy' }),
      mat('as_built_drawings', '人防工程竣工图纸', { form: 'electronic' }),
    ],
    form: form([
      ...projectFields(),
      f.number('civilDefenseArea', '人防工程建筑面积（平方米）', 'Civil defense floor area (m²)', { minimum: 0 }),
      f.select('protectionClass', '防护等级', 'Protection class', ['核5级', '核6级', '核6B级', '常5级', '常6级']),
    ]),
    resultType: 'certificate',
    resultName: '人民防空工程竣工验收备案证明',
    faqs: [{ q: '人防验收可以和其他专项验收一起做吗？', a: '可以，纳入工程建设项目联合竣工验收，一次申请、统一组织现场验收。' }],
  }),
  item('housing', '201500700000', {
    name: '建设工程档案验收',
    type: 'public_service',
    basis: '《中华人民共和国档案法》；《建设工程质量管理条例》第十七条；《城市建设档案管理规定》（建设部令第90号）第六条、第八条。',
    audience: ['enterprise'],
    themes: ['工程建设'],
    keywords: ['城建档案', '档案验收', '竣工档案', '档案移交'],
    conditions: '列入城建档案馆接收范围的建设工程，建设单位已按照《建设工程文件归档规范》（GB/T 50328）整理工程文件，并在竣工验收前申请档案专项验收。',
    limits: [5, 3],
    supplementPeriod: workdays(15),
    visitsRequired: 0,
    onlineDepth: 4,
    anywhereScope: 'none',
    deliveryMethods: ['electronic'],
    materials: [
      M.applicationForm('建设工程档案验收申请表'),
      mat('project_archive', '建设工程竣工档案（电子文件及纸质案卷目录）', { form: 'electronic' }),
      mat('archive_transfer', '建设工程档案移交书', {}),
    ],
    form: form([...projectFields(), f.number('volumes', '案卷数量（卷）', 'Volumes', { integer: true, minimum: 1 })]),
    resultType: 'approval_document',
    resultName: '建设工程档案验收意见书',
    faqs: [{ q: '档案需要送纸质的吗？', a: '实行电子档案在线移交的项目，只需提交案卷目录纸质件，其余以电子文件形式移交。' }],
  }),
  item('housing', '101500800000', {
    name: '建设工程联合竣工验收',
    type: 'other_power',
    basis:
      '《国务院办公厅关于全面开展工程建设项目审批制度改革的实施意见》（国办发〔2019〕11号）；《住房和城乡建设部关于进一步深化工程建设项目审批制度改革推进全流程在线审批的通知》；《云州市工程建设项目联合验收实施办法》。',
    audience: ['enterprise'],
    themes: ['工程建设'],
    keywords: ['联合验收', '竣工验收', '工程验收', '规划核实', '消防验收', '人防验收', '工改'],
    conditions: '房屋建筑和市政基础设施工程已按设计文件和合同约定完成建设，建设单位已组织五方主体竣工验收，具备规划、消防、人防、档案等专项验收条件。',
    limits: [20, 10],
    legalNote: '按“一口受理、并联验收、限时办结”实施，各专项验收期限不超过其法定期限',
    committedNote: '牵头部门受理后 10 个工作日内出具联合验收意见书',
    supplementPeriod: workdays(15),
    visitsRequired: 1,
    onlineDepth: 3,
    anywhereScope: 'none',
    deliveryMethods: ['electronic', 'pickup'],
    materials: [
      M.applicationForm('工程建设项目联合验收申请表'),
      mat('completion_report', '工程竣工验收报告', {}),
      lic('planning_permit', '建设工程规划许可证', '建设工程规划许可证'),
      mat('survey_report', '竣工规划测量成果报告（含人防、房产测绘）', { notes: '“多测合一”成果，一次委托、成果共享' }),
      mat('fire_test_report', '消防设施检测报告', { necessity: 'conditional', condition: '设有建筑消防设施的', sourceNote: '由消防技术服务机构出具' }),
      mat('project_archive', '建设工程竣工档案（电子文件及纸质案卷目录）', { form: 'electronic' }),
    ],
    form: form([
      ...projectFields(),
      f.number('floorArea', '建筑面积（平方米）', 'Floor area (m²)', { minimum: 0 }),
      f.multiSelect('specialAcceptances', '申请专项验收', 'Special acceptances', [
        '规划条件核实',
        '消防验收',
        '人防工程竣工验收',
        '建设工程档案验收',
        '防雷装置竣工验收',
      ]),
      f.date('siteDate', '拟现场验收日期', 'Proposed site inspection date'),
      enterprise.phone(),
    ]),
    processOptions: {
      parallel: countersign('joint_acceptance', '并联验收（会签）', [
        ['acc_planning', '规划条件核实（自然资源和规划局）', workdays(4)],
        ['acc_fire', '消防验收（住建局）', workdays(4)],
        ['acc_civil_defense', '人防工程竣工验收（住建局人防科）', workdays(3)],
        ['acc_archive', '建设工程档案验收（住建局城建档案馆）', workdays(3)],
      ]),
      decide: '出具联合验收意见',
    },
    resultType: 'approval_document',
    resultName: '工程建设项目联合验收意见书',
    faqs: [
      {
        q: '联合验收和分别验收有什么区别？',
        a: '联合验收由住建部门牵头，一次受理、统一组织现场验收，各专项验收意见合并出具，由原来约 3 个月缩短为 10 个工作日。',
      },
      { q: '防雷验收包括在内吗？', a: '防雷装置竣工验收由气象部门参与联合验收，申请时勾选即可。' },
    ],
  }),
];

// ----- 云州市自然资源和规划局 -----------------------------------------------------------------------

const realEstateFees: Fee[] = [
  {
    name: '不动产登记费',
    standard: '住宅类每件 80 元；非住宅类每件 550 元。核发一本不动产权属证书的不另收证书工本费，每增加一本加收证书工本费 10 元',
    basis: '《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）',
    reducible: true,
    reductionBasis: '《财政部 国家发展改革委关于不动产登记收费有关政策问题的通知》（财税〔2016〕79号）：小微企业免收；因继承、受遗赠取得的减半收取',
    amountCents: 8000,
    chargeAt: 'decision',
  },
];

const landItems: DemoItem[] = [
  item('land', '071600100000', {
    name: '不动产转移登记（存量房买卖）',
    type: 'confirmation',
    basis:
      '《中华人民共和国民法典》第二百零九条至第二百二十三条；《不动产登记暂行条例》第三条、第十四条至第二十一条；《不动产登记暂行条例实施细则》第三十八条。',
    audience: ['person', 'enterprise'],
    themes: ['不动产', '住房'],
    keywords: ['过户', '二手房过户', '房产证', '不动产权证', '买房', '卖房', '转移登记', '不动产登记'],
    conditions: '1. 买卖双方已签订存量房买卖合同并完成网签备案；2. 已缴纳相关税费；3. 房屋不存在查封、异议登记等限制转移的情形；设有抵押的，已经抵押权人同意。',
    limits: [30, 3],
    legalNote: '自受理登记申请之日起 30 个工作日内办结',
    committedNote: '“交房即交证”“带押过户”项目 1 个工作日办结',
    supplementPeriod: workdays(15),
    visitsRequired: 1,
    onlineDepth: 3,
    anywhereScope: 'city',
    deliveryMethods: ['pickup', 'post', 'electronic'],
    fees: realEstateFees,
    supportsOnlinePayment: true,
    materials: [
      M.applicationForm('不动产登记申请书'),
      M.idCard('买卖双方', { count: 2 }),
      M.propertyCertificate(),
      shared('sale_contract', '存量房买卖合同', '通过存量房网签备案系统共享'),
      shared('tax_certificate', '完税（免税）凭证', '由税务部门实时推送'),
      M.marriageCertificate({ necessity: 'conditional', condition: '房屋为夫妻共有或买受人需登记为夫妻共有的' }),
      M.authorizationLetter({ condition: '委托他人代为办理的，授权委托书须经公证' }),
    ],
    form: form([
      f.address('propertyAddress', '不动产坐落', 'Property location'),
      f.text('certificateNo', '不动产权证书号', 'Certificate number', { maxLength: 50 }),
      f.table('transferors', '转让方（卖方）', 'Sellers', [
        f.text('name', '姓名（名称）', 'Name', { maxLength: 100 }),
        f.idNumber('idNumber', '公民身份号码', 'ID number'),
      ]),
      f.table('transferees', '受让方（买方）', 'Buyers', [
        f.text('name', '姓名（名称）', 'Name', { maxLength: 100 }),
        f.idNumber('idNumber', '公民身份号码', 'ID number'),
        f.number('share', '份额（%）', 'Share (%)', { minimum: 0, maximum: 100 }),
      ]),
      f.select('coOwnership', '共有方式', 'Co-ownership', ['单独所有', '共同共有', '按份共有']),
      f.number('price', '成交价格（万元）', 'Price (10k CNY)', { minimum: 0 }),
      applicant.phone(),
    ]),
    processOptions: { review: '审核', decide: '登簿', conclude: '缮证' },
    resultType: 'certificate',
    resultName: '不动产权证书',
    resultLicenseType: '不动产权证书',
    faqs: [
      { q: '二手房过户要跑几个窗口？', a: '实行“一窗受理、集成服务”，交易、缴税和登记在 8 号窗口一次办理，登记完成后同步发放电子证照，也可邮寄纸质证书。' },
      { q: '房子还有贷款能过户吗？', a: '可以办理“带押过户”，经抵押权人同意，转移登记和新的抵押登记同时办理，无需先还清贷款。' },
    ],
  }),
  item('land', '071600200000', {
    name: '不动产抵押权首次登记',
    type: 'confirmation',
    basis: '《中华人民共和国民法典》第三百九十四条、第四百零二条；《不动产登记暂行条例》第三条、第五条；《不动产登记暂行条例实施细则》第六十五条至第六十七条。',
    audience: ['person', 'enterprise'],
    themes: ['不动产'],
    keywords: ['抵押登记', '房贷', '抵押', '他项权证', '不动产登记证明', '贷款'],
    conditions: '以不动产设定抵押的，抵押人与抵押权人已签订抵押合同和主债权合同，抵押物不存在查封等限制情形。',
    limits: [30, 1],
    committedNote: '银行网点“不见面”申请的 1 个工作日内办结',
    supplementPeriod: workdays(15),
    visitsRequired: 0,
    onlineDepth: 4,
    anywhereScope: 'city',
    deliveryMethods: ['electronic'],
    fees: realEstateFees,
    materials: [
      M.applicationForm('不动产登记申请书'),
      M.idCard('抵押人'),
      M.businessLicense({ name: '抵押权人营业执照（金融许可证）' }),
      M.propertyCertificate(),
      mat('mortgage_contract', '抵押合同及主债权合同', { notes: '银行通过“互联网+不动产抵押登记”系统在线推送' }),
    ],
    form: form([
      f.address('propertyAddress', '不动产坐落', 'Property location'),
      f.text('certificateNo', '不动产权证书号', 'Certificate number', { maxLength: 50 }),
      f.text('mortgagee', '抵押权人', 'Mortgagee'),
      f.number('debtAmount', '被担保主债权数额（万元）', 'Secured debt (10k CNY)', { minimum: 0 }),
      f.date('debtStart', '债务履行期限起', 'Debt term from'),
      f.date('debtEnd', '债务履行期限止', 'Debt term until'),
      applicant.phone(),
    ]),
    processOptions: { review: '审核', decide: '登簿', conclude: '缮证' },
    resultType: 'certificate',
    resultName: '不动产登记证明（抵押权）',
    resultLicenseType: '不动产登记证明',
    faqs: [{ q: '办理房贷抵押需要本人到不动产登记中心吗？', a: '不需要，在贷款银行网点签约时一并提交抵押登记申请，登记完成后电子证明推送给银行。' }],
  }),
  item('land', '101600300000', {
    name: '建设工程规划条件核实',
    type: 'other_power',
    basis:
      '《中华人民共和国城乡规划法》第四十五条；《中华人民共和国土地管理法》；《国务院办公厅关于全面开展工程建设项目审批制度改革的实施意见》（国办发〔2019〕11号）。',
    audience: ['enterprise'],
    themes: ['工程建设'],
    keywords: ['规划核实', '规划验收', '规划条件核实', '竣工规划', '联合验收'],
    conditions: '建设工程已按建设工程规划许可证及附件、附图建设完成，具备竣工验收条件，已完成竣工规划测量。',
    limits: [15, 5],
    supplementPeriod: workdays(15),
    visitsRequired: 1,
    onlineDepth: 3,
    anywhereScope: 'none',
    deliveryMethods: ['electronic', 'pickup'],
    window: '1',
    materials: [
      M.applicationForm('建设工程规划条件核实申请表'),
      lic('planning_permit', '建设工程规划许可证', '建设工程规划许可证'),
      mat('survey_report', '竣工规划测量成果报告（含人防、房产测绘）', { notes: '“多测合一”成果，一次委托、成果共享' }),
      mat('site_photos', '建设工程竣工现场照片', { form: 'electronic', count: 1 }),
    ],
    form: form([
      ...projectFields(),
      f.text('planningPermitNo', '建设工程规划许可证号', 'Planning permit number', { maxLength: 50 }),
      f.number('floorArea', '竣工建筑面积（平方米）', 'Completed floor area (m²)', { minimum: 0 }),
    ]),
    processOptions: { before: [stage('site_check', 'custom', '现场核实', 'approver', 'implementing', workdays(1))] },
    resultType: 'approval_document',
    resultName: '建设工程规划条件核实意见书',
    faqs: [{ q: '规划核实不合格怎么办？', a: '对超出规划许可内容建设的，依法予以处理后方可重新申请核实；可以整改的，整改完成后复核。' }],
  }),
  item('land', '011600400000', {
    name: '建设工程规划许可证核发',
    type: 'licensing',
    basis:
      '《中华人民共和国城乡规划法》第四十条；《中华人民共和国行政许可法》第四十二条；《国务院办公厅关于全面开展工程建设项目审批制度改革的实施意见》（国办发〔2019〕11号）。',
    audience: ['enterprise'],
    themes: ['工程建设'],
    keywords: ['规划许可', '规划许可证', '工程规划证', '报规', '方案审查'],
    conditions: '已取得建设用地规划许可或土地使用权，建设工程设计方案符合控制性详细规划和规划条件。',
    limits: [20, 7],
    legalNote: '自受理之日起 20 个工作日内作出决定',
    supplementPeriod: workdays(15),
    visitsRequired: 0,
    onlineDepth: 4,
    anywhereScope: 'none',
    deliveryMethods: ['electronic', 'pickup'],
    window: '1',
    specialProcedures: '设计方案批前公示（10 日）及专家论证时间不计入办理时限。',
    materials: [
      M.applicationForm('建设工程规划许可申请表'),
      M.propertyCertificate({ name: '使用土地的有关证明文件（不动产权证书）', kind: 'copy' }),
      mat('design_scheme', '建设工程设计方案（总平面图、各层平面图、立面图、剖面图）', { form: 'electronic' }),
      mat('planning_conditions', '规划条件', { kind: 'copy', necessity: 'conditional', condition: '以出让方式取得土地的' }),
      M.authorizationLetter(),
    ],
    form: form([
      ...projectFields(),
      f.number('floorArea', '总建筑面积（平方米）', 'Total floor area (m²)', { minimum: 0 }),
      f.number('plotRatio', '容积率', 'Plot ratio', { minimum: 0, maximum: 20 }),
      f.number('buildingHeight', '建筑高度（米）', 'Building height (m)', { minimum: 0 }),
    ]),
    resultType: 'license',
    resultName: '建设工程规划许可证',
    resultLicenseType: '建设工程规划许可证',
    faqs: [{ q: '设计方案审查和规划许可要分两次申请吗？', a: '不需要，设计方案审查与建设工程规划许可证核发合并办理。' }],
  }),
  item('land', '011600500000', {
    name: '农用地转用审批',
    type: 'licensing',
    basis:
      '《中华人民共和国土地管理法》第四十四条、第四十六条；《中华人民共和国土地管理法实施条例》第二十三条、第二十四条；《中华人民共和国行政许可法》第四十三条。',
    powerSource: '上级审批、本级初审',
    audience: ['enterprise'],
    themes: ['工程建设'],
    keywords: ['农转用', '农用地转用', '土地报批', '建设用地审批', '征地'],
    conditions:
      '1. 符合国土空间规划和土地利用年度计划；2. 已落实耕地占补平衡；3. 占用永久基本农田的依法报国务院批准；4. 已编制农用地转用方案、补充耕地方案和征收土地方案等报批材料。',
    limits: [60, 45],
    legalNote: '市级初审自受理之日起 20 个工作日内完成并报送省人民政府（《行政许可法》第四十三条），含省级审批时间合计 60 个工作日',
    committedNote: '含省级审批时间',
    supplementPeriod: workdays(15),
    visitsRequired: 1,
    onlineDepth: 3,
    anywhereScope: 'none',
    deliveryMethods: ['pickup', 'electronic'],
    window: '1',
    supportsAppointment: false,
    materials: [
      M.applicationForm('建设用地呈报说明书'),
      mat('conversion_plan', '农用地转用方案', {}),
      mat('farmland_compensation', '补充耕地方案及耕地占补平衡落实证明', {}),
      mat('expropriation_plan', '征收土地方案', { necessity: 'conditional', condition: '涉及征收集体土地的' }),
      mat('survey_map', '勘测定界图及勘测定界技术报告', { form: 'electronic' }),
    ],
    form: form([
      f.text('projectName', '项目名称', 'Project name'),
      enterprise.name('用地单位'),
      f.region('landRegion', '用地所在乡镇（街道）', 'Township of the land'),
      f.number('totalArea', '申请用地总面积（公顷）', 'Total area (ha)', { minimum: 0 }),
      f.number('farmlandArea', '其中农用地面积（公顷）', 'Agricultural land (ha)', { minimum: 0 }),
      f.number('cultivatedArea', '其中耕地面积（公顷）', 'Cultivated land (ha)', { minimum: 0 }),
      enterprise.phone(),
    ]),
    process: {
      nodes: [
        stage('receive', 'receive', '受理', 'clerk', 'center'),
        stage('review', 'review', '市级初审', 'approver', 'implementing', workdays(10)),
        stage('decide', 'decide', '审核并上报意见', 'head', 'implementing', workdays(5)),
        { kind: 'report_up', id: 'report_up', name: '报省人民政府审批（上报件）', organizationId: null, budget: workdays(30) },
        stage('conclude', 'conclude', '批复转发', 'approver', 'implementing'),
        stage('deliver', 'deliver', '送达（统一出件）', 'clerk', 'center'),
      ],
    },
    resultType: 'approval_document',
    resultName: '省人民政府农用地转用批复',
    faqs: [
      {
        q: '为什么农用地转用由省里审批？',
        a: '根据《土地管理法》第四十四条，永久基本农田以外的农用地转为建设用地的，由国务院或者国务院授权的省级人民政府批准；市级自然资源部门负责受理和初审。',
      },
    ],
  }),
];

// ----- 云州市卫生健康委员会 -------------------------------------------------------------------------

const healthItems: DemoItem[] = [
  item('health', '011700100000', {
    name: '公共场所卫生许可',
    type: 'licensing',
    basis:
      '《公共场所卫生管理条例》第二条、第八条；《公共场所卫生管理条例实施细则》（2017年修订）第二十二条至第二十六条；《国务院关于在全国推开“证照分离”改革的通知》（国发〔2018〕35号）。',
    audience: ['person', 'enterprise'],
    themes: ['经营许可'],
    keywords: ['卫生许可证', '公共场所卫生许可', '美容美发', '宾馆', '酒店', '游泳馆', '浴室'],
    conditions:
      '1. 已取得营业执照；2. 经营场所的选址、布局、设施设备符合卫生标准和要求；3. 有卫生管理制度和专（兼）职卫生管理人员；4. 从业人员取得有效健康合格证明；5. 经营场所的空气、微小气候、水质、采光、照明、噪声、顾客用品用具等经检测或评价符合卫生标准（选择告知承诺的可先行承诺）。',
    limits: [20, 5],
    legalNote: '自受理之日起 20 日内作出决定',
    committedNote: '选择告知承诺的当场发证，3 个月内核查',
    supplementPeriod: workdays(15),
    visitsRequired: 0,
    onlineDepth: 4,
    anywhereScope: 'city',
    deliveryMethods: ['pickup', 'post', 'electronic'],
    commitmentApproval: true,
    commitmentCheck: { value: 90, unit: 'day', note: '作出许可决定之日起 3 个月内现场核查' },
    specialProcedures: '现场审查时间计入办理时限；申请人整改时间不计入。',
    materials: [
      M.applicationForm('公共场所卫生许可申请表'),
      M.businessLicense(),
      M.idCard('法定代表人（负责人）'),
      mat('hygiene_layout', '公共场所地址方位示意图、平面图和卫生设施平面布局图', {}),
      mat('hygiene_test_report', '公共场所卫生检测或者评价报告', {
        necessity: 'conditional',
        condition: '未选择告知承诺方式的',
        sourceNote: '由有资质的检测机构出具',
      }),
      mat('hygiene_rules', '公共场所卫生管理制度', { tolerable: true }),
    ],
    form: form([
      enterprise.name(),
      enterprise.creditCode(),
      enterprise.legalRep(),
      f.address('premisesAddress', '经营地址', 'Premises address'),
      f.multiSelect('venueTypes', '许可项目', 'Venue types', [
        '宾馆',
        '旅店',
        '招待所',
        '公共浴室',
        '美容店',
        '理发店',
        '游泳场（馆）',
        '影剧院',
        '商场（店）',
      ]),
      f.number('premisesArea', '经营面积（平方米）', 'Floor area (m²)', { minimum: 1 }),
      f.number('employees', '从业人员数', 'Employees', { integer: true, minimum: 1 }),
      enterprise.phone(),
    ]),
    resultType: 'license',
    resultName: '公共场所卫生许可证',
    resultLicenseType: '公共场所卫生许可证',
    resultValidity: { value: 4, unit: 'year' },
    faqs: [
      {
        q: '什么是告知承诺？',
        a: '申请人书面承诺已经符合许可条件并提交材料后，当场作出许可决定；卫生健康部门在 3 个月内进行现场核查，发现不符合承诺的依法撤销许可。',
      },
      { q: '公共场所卫生许可证有效期多久？', a: '有效期 4 年，每两年复核一次；有效期届满前 30 日申请延续。' },
    ],
  }),
  item('health', '011700200000', {
    name: '医疗机构执业登记',
    type: 'licensing',
    basis:
      '《医疗机构管理条例》（2022年修订）第九条至第十七条；《医疗机构管理条例实施细则》第二十五条至第三十二条；《国家卫生健康委关于进一步改革完善医疗机构、医师审批工作的通知》。',
    audience: ['enterprise'],
    themes: ['医疗', '经营许可'],
    keywords: ['医疗机构执业许可证', '开诊所', '诊所', '门诊部', '医疗机构登记', '执业登记'],
    conditions:
      '1. 按照医疗机构基本标准完成建设和设备配置；2. 有适合的名称、组织机构和场所；3. 有与其开展的业务相适应的经费、设施、设备和专业卫生技术人员；4. 有相应的规章制度；5. 能够独立承担民事责任。诊所实行备案管理，不在本事项范围。',
    limits: [45, 20],
    legalNote: '自受理之日起 45 日内进行审核，作出是否准予登记的决定',
    supplementPeriod: workdays(15),
    visitsRequired: 1,
    onlineDepth: 3,
    anywhereScope: 'none',
    deliveryMethods: ['pickup', 'post', 'electronic'],
    specialProcedures: '现场审核和专家评审时间不计入办理时限。',
    materials: [
      M.applicationForm('医疗机构申请执业登记注册书'),
      M.businessLicense({ necessity: 'conditional', condition: '营利性医疗机构' }),
      M.propertyCertificate({ name: '医疗机构用房产权证明', necessity: 'conditional', condition: '用房为自有的', kind: 'copy' }),
      M.leaseContract({ name: '医疗机构用房租赁合同', condition: '用房为租赁的' }),
      mat('staff_qualification', '医疗机构主要负责人及卫生技术人员执业资格证明', { kind: 'copy' }),
      mat('equipment_list', '医疗设备清单', {}),
      mat('medical_rules', '医疗机构规章制度和人员岗位职责', {}),
    ],
    form: form([
      f.text('institutionName', '医疗机构名称', 'Institution name'),
      f.select('institutionType', '医疗机构类别', 'Institution type', ['门诊部', '专科医院', '综合医院', '护理院', '医学检验实验室', '康复医疗中心']),
      f.select('ownership', '经营性质', 'Ownership', ['非营利性', '营利性']),
      f.address('address', '执业地址', 'Address'),
      f.multiSelect('departments', '诊疗科目', 'Clinical departments', [
        '内科',
        '外科',
        '妇产科',
        '儿科',
        '口腔科',
        '眼科',
        '中医科',
        '医学检验科',
        '医学影像科',
      ]),
      f.number('beds', '床位（张）', 'Beds', { integer: true, minimum: 0 }),
      f.text('principal', '主要负责人', 'Principal', { maxLength: 50 }),
      enterprise.phone(),
    ]),
    processOptions: { before: [stage('site_check', 'custom', '现场审核', 'approver', 'implementing')] },
    resultType: 'license',
    resultName: '医疗机构执业许可证',
    resultLicenseType: '医疗机构执业许可证',
    faqs: [{ q: '开诊所需要申请执业许可证吗？', a: '诊所实行备案管理，备案后即可执业，不需要申请医疗机构执业许可证。' }],
  }),
  item('health', '071700300000', {
    name: '《出生医学证明》首次签发',
    type: 'confirmation',
    basis:
      '《中华人民共和国母婴保健法》第二十三条；《中华人民共和国母婴保健法实施办法》第二十七条；《国家卫生计生委 公安部关于启用和规范管理新版〈出生医学证明〉的通知》（国卫妇幼发〔2013〕52号）。',
    audience: ['person'],
    themes: ['生育'],
    keywords: ['出生证', '出生医学证明', '出生证明', '新生儿', '宝宝出生'],
    conditions: '在本市助产机构内出生的新生儿，由父母或其监护人申请；父母信息与身份证件一致。',
    limits: 'immediate',
    supplementPeriod: workdays(15),
    visitsRequired: 0,
    onlineDepth: 4,
    anywhereScope: 'city',
    deliveryMethods: ['pickup', 'electronic'],
    window: '3',
    materials: [
      M.idCard('父母双方', { count: 2 }),
      shared('delivery_record', '新生儿分娩记录', '由助产机构妇幼信息系统共享'),
      mat('birth_cert_application', '出生医学证明首次签发登记表', { notes: '父母双方签字确认信息无误' }),
    ],
    form: form([
      f.text('babyName', '新生儿姓名', 'Baby name', { maxLength: 50 }),
      f.select('babyGender', '性别', 'Sex', ['男', '女']),
      f.date('birthDate', '出生日期', 'Date of birth'),
      f.text('birthHospital', '出生地点（助产机构）', 'Place of birth', { maxLength: 100 }),
      f.text('motherName', '母亲姓名', "Mother's name", { maxLength: 50 }),
      f.idNumber('motherIdNumber', '母亲公民身份号码', "Mother's ID number"),
      f.text('fatherName', '父亲姓名', "Father's name", { maxLength: 50, optional: true }),
      f.idNumber('fatherIdNumber', '父亲公民身份号码', "Father's ID number", { optional: true }),
      applicant.phone(),
    ]),
    resultType: 'certificate',
    resultName: '出生医学证明',
    resultLicenseType: '出生医学证明',
    faqs: [{ q: '出生证签发后还要办什么？', a: '可通过“新生儿出生一件事”同步申请户口登记、城乡居民医保参保和社会保障卡，一次提交，无需分别跑部门。' }],
  }),
  item('health', '201700400000', {
    name: '生育登记',
    type: 'public_service',
    basis: '《中华人民共和国人口与计划生育法》（2021年修正）第十八条、第二十条；《中共中央 国务院关于优化生育政策促进人口长期均衡发展的决定》。',
    audience: ['person'],
    themes: ['生育'],
    keywords: ['生育登记', '准生证', '生育服务证', '怀孕登记', '二胎', '三胎'],
    conditions: '夫妻双方或一方户籍在本市，或在本市居住的流动人口，生育子女的均可办理生育登记，不设前置条件。',
    limits: 'immediate',
    processOptions: { atWindow: true },
    supplementPeriod: workdays(15),
    visitsRequired: 0,
    onlineDepth: 4,
    anywhereScope: 'national',
    deliveryMethods: ['electronic'],
    supportsAppointment: false,
    materials: [
      M.idCard('夫妻双方', { count: 2 }),
      M.marriageCertificate({ necessity: 'optional' }),
      M.residencePermit({ necessity: 'conditional', condition: '夫妻双方户籍均不在本市、在本市居住登记的' }),
    ],
    form: form([
      f.text('motherName', '女方姓名', "Mother's name", { maxLength: 50, prefill: 'applicant.name' }),
      f.idNumber('motherIdNumber', '女方公民身份号码', "Mother's ID number"),
      f.text('fatherName', '男方姓名', "Father's name", { maxLength: 50 }),
      f.idNumber('fatherIdNumber', '男方公民身份号码', "Father's ID number"),
      f.select('childOrder', '生育孩次', 'Child order', ['一孩', '二孩', '三孩及以上']),
      f.date('expectedDate', '预产期', 'Expected date of delivery', { optional: true }),
      applicant.phone(),
    ]),
    resultType: 'other',
    resultName: '生育登记回执（电子）',
    faqs: [{ q: '还需要办准生证吗？', a: '不需要。现行政策实行生育登记服务制度，网上填报即可，登记回执可用于产检建档和生育保险待遇申领。' }],
  }),
];

// ----- 云州市交通运输局 -----------------------------------------------------------------------------

const transportItems: DemoItem[] = [
  item('transport', '011800100000', {
    name: '道路运输从业人员从业资格证核发（经营性道路客货运输驾驶员）',
    type: 'licensing',
    basis: '《中华人民共和国道路运输条例》第九条、第二十二条；《道路运输从业人员管理规定》第八条、第十条、第十四条。',
    powerSource: '上级下放',
    audience: ['person'],
    themes: ['交通出行', '就业'],
    keywords: ['从业资格证', '货运资格证', '客运资格证', '道路运输从业资格', '驾驶员资格', '开货车'],
    conditions:
      '1. 取得相应的机动车驾驶证（经营性道路旅客运输驾驶员取得相应驾驶证 1 年以上；货运驾驶员取得驾驶证）；2. 年龄不超过 60 周岁；3. 3 年内无重大以上交通责任事故；4. 掌握相关道路运输法规、机动车维修和货物装载保管基本知识，经考试合格。',
    limits: [10, 3],
    legalNote: '考试合格之日起 10 日内核发',
    supplementPeriod: workdays(15),
    visitsRequired: 1,
    onlineDepth: 3,
    anywhereScope: 'province',
    deliveryMethods: ['pickup', 'post', 'electronic'],
    materials: [
      M.applicationForm('道路运输从业资格申请表'),
      M.idCard(),
      lic('driving_license', '机动车驾驶证', '机动车驾驶证'),
      shared('traffic_accident_record', '3 年内无重大以上交通责任事故记录', '由公安交管部门共享', {
        necessity: 'conditional',
        condition: '申请经营性道路旅客运输驾驶员的',
      }),
      M.photo('近期一寸白底免冠彩色照片', 1),
    ],
    form: form([
      applicant.name(),
      applicant.idNumber(),
      f.select('category', '从业资格类别', 'Qualification category', ['经营性道路旅客运输驾驶员', '经营性道路货物运输驾驶员', '道路危险货物运输驾驶员']),
      f.text('drivingLicenseNo', '机动车驾驶证档案编号', 'Driving license file number', { maxLength: 20 }),
      f.select('vehicleClass', '准驾车型', 'Licensed vehicle class', ['A1', 'A2', 'A3', 'B1', 'B2', 'C1']),
      f.date('examDate', '考试日期', 'Exam date', { optional: true }),
      applicant.phone(),
    ]),
    resultType: 'license',
    resultName: '中华人民共和国道路运输从业人员从业资格证',
    resultLicenseType: '道路运输从业人员从业资格证',
    faqs: [
      { q: '从业资格证考试收费吗？', a: '不收费。考试报名可在网上办理，考试合格后可选择邮寄或领取电子证照。' },
      { q: '4.5 吨以下的货车需要从业资格证吗？', a: '使用总质量 4.5 吨及以下普通货运车辆从事道路货物运输经营的驾驶员，无需取得从业资格证。' },
    ],
  }),
  item('transport', '011800200000', {
    name: '道路货物运输经营许可（普通货运）',
    type: 'licensing',
    basis: '《中华人民共和国道路运输条例》第二十一条、第二十四条；《道路货物运输及站场管理规定》第六条至第十三条。',
    audience: ['person', 'enterprise'],
    themes: ['交通出行', '经营许可'],
    keywords: ['道路运输经营许可证', '货运许可', '物流公司', '运输证', '普货'],
    conditions:
      '1. 有与其经营业务相适应并经检测合格的运输车辆（总质量 4.5 吨以上）；2. 有符合规定条件的驾驶人员，取得相应从业资格；3. 有健全的安全生产管理制度。',
    limits: [20, 5],
    legalNote: '自受理之日起 20 日内作出决定',
    supplementPeriod: workdays(15),
    visitsRequired: 0,
    onlineDepth: 4,
    anywhereScope: 'city',
    deliveryMethods: ['pickup', 'post', 'electronic'],
    commitmentApproval: true,
    materials: [
      M.applicationForm('道路货物运输经营申请表'),
      M.businessLicense(),
      M.idCard('法定代表人（经营者）'),
      lic('driver_qualification', '拟聘用驾驶员的从业资格证', '道路运输从业人员从业资格证'),
      mat('vehicle_commitment', '拟投入车辆承诺书', { notes: '包括车辆数量、类型、技术性能、外廓尺寸等' }),
      mat('safety_rules', '安全生产管理制度文本', {}),
    ],
    form: form([
      enterprise.name('经营者名称'),
      enterprise.creditCode(),
      enterprise.legalRep(),
      f.table('vehicles', '拟投入车辆', 'Vehicles', [
        f.select('vehicleType', '车辆类型', 'Vehicle type', ['重型厢式货车', '重型半挂牵引车', '中型厢式货车', '重型仓栅式货车']),
        f.number('count', '数量（辆）', 'Count', { integer: true, minimum: 1 }),
        f.number('grossMass', '总质量（吨）', 'Gross mass (t)', { minimum: 4.5 }),
      ]),
      f.number('drivers', '驾驶员人数', 'Drivers', { integer: true, minimum: 1 }),
      enterprise.phone(),
    ]),
    resultType: 'license',
    resultName: '道路运输经营许可证',
    resultLicenseType: '道路运输经营许可证',
    faqs: [{ q: '车辆道路运输证什么时候办？', a: '取得经营许可后，车辆落实到位的，可在网上申请配发《道路运输证》，当场办结。' }],
  }),
  item('transport', '011800300000', {
    name: '网络预约出租汽车运输证核发',
    type: 'licensing',
    basis:
      '《网络预约出租汽车经营服务管理暂行办法》第十二条、第十三条；《国务院办公厅关于深化改革推进出租汽车行业健康发展的指导意见》（国办发〔2016〕58号）；《云州市网络预约出租汽车经营服务管理实施细则》。',
    audience: ['person', 'enterprise'],
    themes: ['交通出行', '就业'],
    keywords: ['网约车', '网约车运输证', '滴滴', '车辆运输证', '网约车证'],
    conditions:
      '1. 7 座及以下乘用车；2. 安装具有行驶记录功能的车辆卫星定位装置、应急报警装置；3. 车辆技术性能符合运营安全相关标准要求；4. 车辆注册登记在本市，轴距、车龄等符合本市实施细则规定；5. 已接入取得经营许可的网约车平台。',
    limits: [10, 3],
    supplementPeriod: workdays(15),
    visitsRequired: 1,
    onlineDepth: 3,
    anywhereScope: 'none',
    deliveryMethods: ['pickup', 'post'],
    materials: [
      M.applicationForm('网络预约出租汽车运输证申请表'),
      lic('vehicle_license', '机动车行驶证', '机动车行驶证'),
      M.idCard('车辆所有人'),
      mat('vehicle_insurance', '营运客车类商业保险单', { kind: 'copy' }),
      mat('platform_proof', '网约车平台公司出具的车辆接入证明', {}),
    ],
    form: form([
      applicant.name('车辆所有人'),
      applicant.idNumber(),
      f.text('plateNumber', '车牌号码', 'Plate number', { maxLength: 10 }),
      f.text('vin', '车辆识别代号', 'VIN', { maxLength: 17 }),
      f.number('wheelbase', '轴距（毫米）', 'Wheelbase (mm)', { integer: true, minimum: 2600 }),
      f.select('platform', '接入平台', 'Platform', ['云州出行', '滴滴出行', '曹操出行', 'T3 出行']),
      applicant.phone(),
    ]),
    resultType: 'license',
    resultName: '网络预约出租汽车运输证',
    resultLicenseType: '网络预约出租汽车运输证',
    faqs: [{ q: '私家车可以做网约车吗？', a: '私家车需将使用性质变更为“预约出租客运”，并符合车辆条件、取得网约车运输证后方可从事网约车经营。' }],
  }),
];

// ----- 云州市教育局 ---------------------------------------------------------------------------------

const educationItems: DemoItem[] = [
  item('education', '201900100000', {
    name: '义务教育阶段新生入学登记',
    type: 'public_service',
    basis: '《中华人民共和国义务教育法》第五条、第十一条、第十二条；《教育部办公厅关于做好义务教育招生入学工作的通知》；《云州市义务教育招生入学工作方案》。',
    audience: ['person'],
    themes: ['入学'],
    keywords: ['入学', '小学报名', '初中报名', '上学', '学位', '随迁子女', '划片', '一年级'],
    conditions:
      '1. 小学：当年 8 月 31 日前年满 6 周岁的适龄儿童；初中：当年小学毕业生。2. 本市户籍儿童按“房户一致”原则在户籍和房产所在学区登记；3. 随迁子女持居住证，父母在本市连续缴纳社会保险或办理营业执照满 6 个月，由教育部门统筹安排学位。',
    limits: [20, 10],
    committedNote: '网上报名结束后 10 个工作日内公布学位安排结果',
    supplementPeriod: workdays(15),
    visitsRequired: 0,
    onlineDepth: 4,
    anywhereScope: 'city',
    deliveryMethods: ['electronic'],
    supportsAppointment: false,
    quantityLimit: '每名适龄儿童每学年限登记一所公办学校',
    materials: [
      M.householdRegister(),
      M.birthCertificate({ necessity: 'optional' }),
      M.idCard('父母（监护人）'),
      M.propertyCertificate({ necessity: 'conditional', condition: '以房产所在学区登记的' }),
      M.leaseContract({ condition: '租房居住的（租赁合同须办理登记备案）' }),
      M.residencePermit({ necessity: 'conditional', condition: '随迁子女入学的' }),
      shared('social_insurance_record', '父母社会保险缴费记录', '由人力资源社会保障部门共享', { necessity: 'conditional', condition: '随迁子女入学的' }),
    ],
    form: form([
      f.text('childName', '学生姓名', 'Child name', { maxLength: 50 }),
      f.idNumber('childIdNumber', '学生公民身份号码', "Child's ID number"),
      f.select('grade', '入学年级', 'Grade', ['小学一年级', '初中一年级']),
      f.region('householdRegion', '户籍所在社区', 'Registered community'),
      f.address('residenceAddress', '实际居住地址', 'Residence address'),
      f.select('residenceType', '居住类型', 'Residence type', ['房户一致', '有房无户', '有户无房', '租房居住', '随迁子女']),
      f.text('guardianName', '监护人姓名', 'Guardian name', { maxLength: 50, prefill: 'applicant.name' }),
      applicant.phone('监护人联系电话'),
    ]),
    resultType: 'other',
    resultName: '入学登记结果及学位安排通知',
    faqs: [
      { q: '什么是“房户一致”？', a: '指儿童与父母（或其中一方）的户籍在同一房产地址，且该房产为父母（或其中一方）所有，按该房产所在学区安排入学。' },
      {
        q: '外地户口的孩子能在云州上公办学校吗？',
        a: '可以。持居住证并符合参保或经营年限要求的随迁子女，由教育部门统筹安排到公办学校或政府购买学位的民办学校就读。',
      },
    ],
  }),
  item('education', '071900200000', {
    name: '教师资格认定',
    type: 'confirmation',
    basis: '《中华人民共和国教师法》第十条至第十三条；《教师资格条例》第十三条至第十六条；《〈教师资格条例〉实施办法》第十三条至第十八条。',
    audience: ['person'],
    themes: ['就业'],
    keywords: ['教师资格证', '教资', '教师资格认定', '当老师', '教资认定'],
    conditions:
      '1. 遵守宪法和法律，热爱教育事业，具有良好的思想品德；2. 具备《中华人民共和国教师法》规定的相应学历；3. 参加中小学教师资格考试合格（或免试认定改革的教育类专业毕业生经高校考核合格）；4. 普通话水平达到二级乙等以上；5. 体检合格。',
    limits: [30, 20],
    legalNote: '自受理期限终止之日起 30 个法定工作日内作出认定结论',
    supplementPeriod: workdays(15),
    visitsRequired: 0,
    onlineDepth: 4,
    anywhereScope: 'none',
    deliveryMethods: ['post', 'pickup'],
    materials: [
      M.idCard(),
      shared('diploma', '学历证书', '通过全国学历认证系统在线核验', { notes: '系统无法核验的提交学历认证报告' }),
      shared('exam_result', '中小学教师资格考试合格证明', '由教育部考试中心系统共享'),
      shared('mandarin_certificate', '普通话水平测试等级证书', '通过国家普通话水平测试信息系统核验'),
      mat('medical_exam', '教师资格认定体检表', { sourceNote: '在指定二级甲等以上医院体检', source: 'issuing_agency' }),
      mat('personal_commitment', '个人承诺书', { form: 'electronic' }),
      M.photo('近期一寸白底免冠彩色电子照片', 1),
    ],
    form: form([
      applicant.name(),
      applicant.idNumber(),
      f.select('qualificationType', '资格种类', 'Qualification type', [
        '幼儿园教师资格',
        '小学教师资格',
        '初级中学教师资格',
        '高级中学教师资格',
        '中等职业学校教师资格',
      ]),
      f.text('subject', '任教学科', 'Subject', { maxLength: 30 }),
      f.select('education', '最高学历', 'Highest education', ['中专', '大专', '本科', '研究生']),
      f.text('mandarinLevel', '普通话等级', 'Mandarin level', { maxLength: 10 }),
      applicant.phone(),
    ]),
    resultType: 'certificate',
    resultName: '教师资格证书',
    resultLicenseType: '教师资格证书',
    faqs: [{ q: '教师资格认定每年什么时候办理？', a: '每年春季、秋季各集中受理一次，具体时间以教育局发布的公告为准。' }],
  }),
  item('education', '011900300000', {
    name: '民办学校设立许可',
    type: 'licensing',
    basis:
      '《中华人民共和国民办教育促进法》第十二条至第十八条；《中华人民共和国民办教育促进法实施条例》（2021年修订）第十条至第十五条；《中华人民共和国教育法》第二十七条。',
    audience: ['person', 'enterprise'],
    themes: ['入学'],
    keywords: ['办学许可证', '民办学校', '办学校', '民办学校审批', '举办学校'],
    conditions:
      '举办者具有相应的民事行为能力，学校有规范的名称、章程、组织机构，有合格的教师和与办学规模相适应的校舍、设施、资金，符合本市中小学（幼儿园）设置标准。义务教育阶段不审批新的营利性民办学校。',
    limits: [90, 60],
    unit: 'day',
    legalNote: '自受理之日起 3 个月内以书面形式作出是否批准的决定',
    supplementPeriod: workdays(15),
    visitsRequired: 1,
    onlineDepth: 3,
    anywhereScope: 'none',
    deliveryMethods: ['pickup', 'post'],
    specialProcedures: '专家评议、实地考察时间不计入办理时限。',
    materials: [
      M.applicationForm('民办学校正式设立申请报告'),
      mat('preparation_approval', '筹设批准书', { necessity: 'conditional', condition: '经筹设后申请正式设立的' }),
      mat('articles_of_association', '学校章程及首届理事会、董事会组成人员名单', {}),
      mat('capital_verification', '学校资产的有效证明文件', {}),
      mat('principal_qualification', '校长、教师、财会人员的资格证明文件', { kind: 'copy' }),
      M.propertyCertificate({ name: '校舍产权证明', necessity: 'conditional', condition: '校舍为自有的', kind: 'copy' }),
      M.leaseContract({ name: '校舍租赁合同', condition: '校舍为租赁的（租期不少于 5 年）' }),
    ],
    form: form([
      f.text('schoolName', '学校名称', 'School name'),
      f.select('schoolLevel', '办学层次', 'Level', ['学前教育', '普通高中', '中等职业学校', '非学历文化教育培训']),
      f.select('profit', '办学性质', 'Nature', ['非营利性', '营利性']),
      f.text('sponsor', '举办者', 'Sponsor'),
      f.number('plannedEnrollment', '办学规模（人）', 'Planned enrollment', { integer: true, minimum: 1 }),
      f.address('campusAddress', '校址', 'Campus address'),
      applicant.phone(),
    ]),
    resultType: 'license',
    resultName: '民办学校办学许可证',
    resultLicenseType: '民办学校办学许可证',
    faqs: [{ q: '义务教育阶段可以办营利性民办学校吗？', a: '不可以。根据《民办教育促进法》第十九条，不得设立实施义务教育的营利性民办学校。' }],
  }),
];

// ----- 云州市生态环境局 -----------------------------------------------------------------------------

const eiaMaterials = (report: string): Material[] => [
  M.applicationForm('建设项目环境影响评价文件审批申请表'),
  mat('eia_document', report, { form: 'electronic', notes: '含全本公开版本（删除涉及国家秘密、商业秘密和个人隐私内容）' }),
  M.businessLicense(),
  mat('eia_public_participation', '公众参与说明', { necessity: 'conditional', condition: '编制环境影响报告书的' }),
  mat('eia_commitment', '建设单位环境保护承诺书', {}),
];

const ecologyItems: DemoItem[] = [
  item('ecology', '012000100000', {
    name: '建设项目环境影响报告书审批',
    type: 'licensing',
    basis:
      '《中华人民共和国环境影响评价法》第十六条、第二十二条、第二十三条；《建设项目环境保护管理条例》第九条；《建设项目环境影响评价分类管理名录（2021年版）》。',
    audience: ['enterprise'],
    themes: ['环境保护', '工程建设'],
    keywords: ['环评', '环评审批', '环境影响报告书', '环评批复', '环保审批'],
    conditions:
      '按照《建设项目环境影响评价分类管理名录》应当编制环境影响报告书的建设项目，建设单位已编制报告书并开展公众参与，项目符合生态环境保护法律法规、国土空间规划和“三线一单”生态环境分区管控要求。',
    limits: [60, 30],
    legalNote: '自收到环境影响报告书之日起 60 日内作出审批决定',
    supplementPeriod: workdays(15),
    visitsRequired: 0,
    onlineDepth: 4,
    anywhereScope: 'none',
    deliveryMethods: ['electronic', 'pickup'],
    window: '1',
    intermediaryServices: '环境影响报告书编制：建设单位可委托技术单位编制，也可自行编制；技术评估由审批部门委托，费用不由建设单位承担。',
    specialProcedures: '技术评估、受理公示和拟审批公示（各 5 个工作日）、听证时间不计入审批时限。',
    materials: eiaMaterials('建设项目环境影响报告书'),
    form: form([
      ...projectFields(),
      f.select('industry', '行业类别', 'Industry', [
        '化学原料和化学制品制造业',
        '医药制造业',
        '电力、热力生产和供应业',
        '房地产开发',
        '交通运输业',
        '水利',
        '其他',
      ]),
      f.number('investment', '总投资（万元）', 'Total investment (10k CNY)', { minimum: 0 }),
      f.number('envInvestment', '环保投资（万元）', 'Environmental investment (10k CNY)', { minimum: 0 }),
      enterprise.phone(),
    ]),
    processOptions: { before: [stage('evaluation', 'custom', '技术评估', 'approver', 'implementing')] },
    resultType: 'approval_document',
    resultName: '建设项目环境影响报告书批复',
    faqs: [
      { q: '环评批复后多久必须开工？', a: '环境影响评价文件自批准之日起超过五年方决定开工建设的，应当报原审批部门重新审核。' },
      { q: '环评报告要花钱请人编吗？', a: '建设单位可自行编制，也可委托技术单位编制；审批部门组织的技术评估不收取任何费用。' },
    ],
  }),
  item('ecology', '012000200000', {
    name: '建设项目环境影响报告表审批',
    type: 'licensing',
    basis:
      '《中华人民共和国环境影响评价法》第十六条、第二十二条；《建设项目环境保护管理条例》第九条；《生态环境部关于做好环境影响评价审批告知承诺制改革试点工作的通知》。',
    audience: ['enterprise'],
    themes: ['环境保护', '工程建设'],
    keywords: ['环评', '环评审批', '环境影响报告表', '环评批复', '告知承诺'],
    conditions: '按照《建设项目环境影响评价分类管理名录》应当编制环境影响报告表的建设项目；列入告知承诺制审批改革试点行业的，可选择告知承诺方式办理。',
    limits: [30, 10],
    legalNote: '自收到环境影响报告表之日起 30 日内作出审批决定',
    committedNote: '选择告知承诺方式的，当场作出审批决定',
    supplementPeriod: workdays(15),
    visitsRequired: 0,
    onlineDepth: 4,
    anywhereScope: 'none',
    deliveryMethods: ['electronic', 'pickup'],
    window: '1',
    commitmentApproval: true,
    specialProcedures: '技术评估和公示时间不计入审批时限。',
    materials: [...eiaMaterials('建设项目环境影响报告表')],
    form: form([
      ...projectFields(),
      f.select('industry', '行业类别', 'Industry', ['食品制造业', '金属制品业', '汽车制造业', '社会事业与服务业', '房地产开发', '其他']),
      f.number('investment', '总投资（万元）', 'Total investment (10k CNY)', { minimum: 0 }),
      f.select('approvalMode', '审批方式', 'Approval mode', ['一般审批', '告知承诺审批']),
      enterprise.phone(),
    ]),
    resultType: 'approval_document',
    resultName: '建设项目环境影响报告表批复',
    faqs: [{ q: '哪些项目可以告知承诺审批？', a: '列入本市环评告知承诺制试点目录、不涉及环境敏感区的报告表项目，建设单位承诺符合审批条件后当场取得批复。' }],
  }),
  item('ecology', '102000300000', {
    name: '建设项目环境影响登记表备案',
    type: 'other_power',
    basis: '《中华人民共和国环境影响评价法》第十六条、第二十二条；《建设项目环境影响登记表备案管理办法》（环境保护部令第41号）第三条至第九条。',
    audience: ['enterprise'],
    themes: ['环境保护', '工程建设'],
    keywords: ['环评登记表', '环评备案', '登记表备案', '环评'],
    conditions: '按照《建设项目环境影响评价分类管理名录》应当填报环境影响登记表的建设项目，建设单位在建成并投入生产运营前通过网上备案系统填报。',
    limits: 'immediate',
    legalNote: '备案采用网上备案方式，提交后即时生成备案回执',
    supplementPeriod: workdays(15),
    visitsRequired: 0,
    onlineDepth: 4,
    anywhereScope: 'province',
    deliveryMethods: ['electronic'],
    window: '1',
    supportsAppointment: false,
    materials: [
      mat('eia_registration_form', '建设项目环境影响登记表', { form: 'electronic' }),
      M.businessLicense(),
      M.authorizationLetter({ condition: '委托他人在备案系统代为填报的' }),
    ],
    form: form([
      ...projectFields(),
      f.select('category', '名录类别', 'Category', ['社会事业与服务业', '农副食品加工业', '仓储业', '其他']),
      f.textarea('measures', '主要环境影响及拟采取的环保措施', 'Impacts and mitigation', { maxLength: 1000 }),
    ]),
    resultType: 'other',
    resultName: '建设项目环境影响登记表备案回执',
    faqs: [{ q: '备案需要到窗口吗？', a: '不需要。登录建设项目环境影响登记表备案系统在线填报，提交后即时生成备案回执。' }],
  }),
];

// ----- 云州市医疗保障局 -----------------------------------------------------------------------------

const medicalItems: DemoItem[] = [
  item('medical', '052100100000', {
    name: '医疗救助',
    type: 'payment',
    basis:
      '《社会救助暂行办法》第二十八条至第三十二条；《国务院办公厅关于健全重特大疾病医疗保险和救助制度的意见》（国办发〔2021〕42号）；《云州市医疗救助实施办法》。',
    audience: ['person'],
    themes: ['医疗', '社会救助'],
    keywords: ['医疗救助', '看病救助', '大病救助', '医疗费报销', '二次报销', '困难群众看病'],
    conditions:
      '1. 最低生活保障对象、特困人员、低保边缘家庭成员、纳入监测范围的农村易返贫致贫人口；2. 因病致贫重病患者（经基本医保、大病保险报销后个人负担的合规医疗费用超过家庭承受能力的）；3. 已参加本市城乡居民基本医疗保险或职工基本医疗保险。',
    limits: [20, 10],
    committedNote: '低保、特困等救助对象在定点医疗机构实行“一站式”即时结算，无需申请',
    supplementPeriod: workdays(15),
    visitsRequired: 0,
    onlineDepth: 4,
    anywhereScope: 'city',
    deliveryMethods: ['electronic'],
    materials: [
      M.applicationForm('医疗救助申请审批表'),
      M.idCard(),
      shared('assistance_status', '救助对象身份信息（低保、特困、低保边缘等）', '由民政部门社会救助系统共享'),
      mat('medical_bills', '医疗费用票据及费用明细清单', { necessity: 'conditional', condition: '未在定点医疗机构“一站式”结算的' }),
      mat('diagnosis', '出院小结或疾病诊断证明', { kind: 'copy' }),
      M.bankAccount(),
    ],
    form: form([
      applicant.name('患者姓名'),
      applicant.idNumber('患者公民身份号码'),
      f.select('category', '救助对象类别', 'Beneficiary category', ['特困人员', '最低生活保障对象', '低保边缘家庭成员', '易返贫致贫人口', '因病致贫重病患者']),
      f.text('hospital', '就诊医疗机构', 'Hospital'),
      f.date('dischargeDate', '出院（就诊）日期', 'Discharge date'),
      f.number('selfPaid', '个人自付合规医疗费用（元）', 'Eligible out-of-pocket costs (CNY)', { minimum: 0 }),
      applicant.phone(),
    ]),
    resultType: 'other',
    resultName: '医疗救助审批结果（救助金发放至社会保障卡）',
    faqs: [
      { q: '低保户看病需要先垫钱再申请救助吗？', a: '不需要。在本市定点医疗机构住院，基本医保、大病保险和医疗救助“一站式”结算，出院时只需支付个人自付部分。' },
      { q: '医疗救助的比例是多少？', a: '特困人员按 100% 救助，低保对象按 70%，低保边缘家庭成员按 60%，年度救助限额 6 万元。' },
    ],
  }),
  item('medical', '202100200000', {
    name: '城乡居民基本医疗保险参保登记',
    type: 'public_service',
    basis:
      '《中华人民共和国社会保险法》第二十五条、第五十七条；《国务院关于整合城乡居民基本医疗保险制度的意见》（国发〔2016〕3号）；《医疗保障经办政务服务事项清单》。',
    audience: ['person'],
    themes: ['医疗', '生育'],
    keywords: ['医保', '居民医保', '新生儿医保', '参保', '城乡居民医保', '农合'],
    conditions:
      '具有本市户籍或持有本市居住证的、未参加职工基本医疗保险的城乡居民（含新生儿、在校学生）。新生儿在出生后 90 日内参保缴费的，自出生之日起享受医保待遇。',
    limits: 'immediate',
    supplementPeriod: workdays(15),
    visitsRequired: 0,
    onlineDepth: 4,
    anywhereScope: 'national',
    deliveryMethods: ['electronic'],
    supportsAppointment: false,
    materials: [
      M.idCard('参保人', { necessity: 'conditional', condition: '已办理居民身份证的' }),
      M.householdRegister({ necessity: 'conditional', condition: '新生儿等未办理居民身份证的' }),
      M.birthCertificate({ necessity: 'conditional', condition: '新生儿参保的' }),
      M.residencePermit({ necessity: 'conditional', condition: '非本市户籍人员参保的' }),
    ],
    form: form([
      applicant.name('参保人姓名'),
      applicant.idNumber('参保人公民身份号码'),
      f.select('personCategory', '人员类别', 'Category', ['新生儿', '中小学生', '大学生', '成年居民', '老年居民']),
      f.region('residenceRegion', '参保所在社区', 'Community'),
      f.text('guardianName', '监护人姓名', 'Guardian name', { optional: true, maxLength: 50 }),
      applicant.phone(),
    ]),
    resultType: 'other',
    resultName: '参保登记信息（缴费后享受待遇）',
    faqs: [{ q: '居民医保在哪里缴费？', a: '参保登记后通过税务部门缴纳，可使用“云州通”、微信、支付宝或银行渠道在线缴纳。' }],
  }),
  item('medical', '202100300000', {
    name: '异地就医备案',
    type: 'public_service',
    basis: '《中华人民共和国社会保险法》第二十九条；《国家医保局 财政部关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》（医保发〔2022〕22号）。',
    audience: ['person'],
    themes: ['医疗'],
    keywords: ['异地就医', '异地备案', '外地看病', '跨省就医', '医保备案', '异地报销'],
    conditions:
      '参加本市基本医疗保险，因异地长期居住（异地安置退休、异地长期居住、常驻异地工作）或临时外出就医（异地转诊、急诊抢救等）需在参保地以外就医的人员。',
    limits: 'immediate',
    processOptions: { atWindow: true },
    legalNote: '线上备案即时办结',
    supplementPeriod: workdays(15),
    visitsRequired: 0,
    onlineDepth: 4,
    anywhereScope: 'national',
    deliveryMethods: ['electronic'],
    supportsAppointment: false,
    materials: [
      M.idCard('参保人'),
      M.socialSecurityCard({ necessity: 'optional' }),
      mat('relocation_commitment', '异地长期居住个人承诺书', { form: 'electronic', necessity: 'conditional', condition: '以异地长期居住备案的' }),
      mat('referral', '转诊转院证明', {
        necessity: 'conditional',
        condition: '异地转诊就医的',
        source: 'issuing_agency',
        sourceNote: '由本市定点医疗机构出具',
      }),
    ],
    form: form([
      applicant.name('参保人姓名'),
      applicant.idNumber('参保人公民身份号码'),
      f.select('filingType', '备案类型', 'Filing type', ['异地安置退休', '异地长期居住', '常驻异地工作', '异地转诊就医', '其他临时外出就医']),
      f.region('destination', '就医地', 'Destination'),
      f.date('startDate', '备案开始日期', 'Start date'),
      applicant.phone(),
    ]),
    resultType: 'other',
    resultName: '异地就医备案信息',
    faqs: [{ q: '备案后报销比例会降低吗？', a: '异地长期居住人员备案后享受与参保地相同的报销比例；临时外出就医人员报销比例下调 10 个百分点。' }],
  }),
];

// ----- 国家税务总局云州市税务局 ---------------------------------------------------------------------

const taxItems: DemoItem[] = [
  item('tax', '102200100000', {
    name: '新办纳税人涉税事项（信息确认及发票领用）',
    type: 'other_power',
    basis:
      '《中华人民共和国税收征收管理法》第十五条、第二十一条；《中华人民共和国税收征收管理法实施细则》第十二条；《中华人民共和国发票管理办法》第十五条；《税务登记管理办法》。',
    audience: ['enterprise'],
    themes: ['开办企业', '税务'],
    keywords: ['税务登记', '领发票', '发票', '数电发票', '新办企业', '开票', '三证一章', '报到'],
    conditions: '已领取加载统一社会信用代码营业执照的新办纳税人；登记信息由市场监管部门共享，无需另行办理税务登记。',
    limits: 'immediate',
    legalNote: '实行“套餐式”服务，当场办结',
    supplementPeriod: workdays(15),
    visitsRequired: 0,
    onlineDepth: 4,
    anywhereScope: 'national',
    deliveryMethods: ['electronic'],
    supportsAppointment: false,
    materials: [
      M.businessLicense(),
      M.idCard('法定代表人及办税人员'),
      mat('bank_account_info', '存款账户账号报告', { form: 'electronic', necessity: 'optional', notes: '可在开立账户后补充' }),
    ],
    form: form([
      enterprise.name('纳税人名称'),
      enterprise.creditCode(),
      enterprise.legalRep(),
      f.text('taxOfficer', '办税人员姓名', 'Tax officer', { maxLength: 50 }),
      f.idNumber('taxOfficerIdNumber', '办税人员公民身份号码', "Tax officer's ID number"),
      f.select('accountingSystem', '适用会计制度', 'Accounting system', ['小企业会计准则', '企业会计准则', '民间非营利组织会计制度']),
      f.select('invoiceType', '发票种类', 'Invoice type', ['数电发票（普通发票）', '数电发票（增值税专用发票）']),
      enterprise.phone(),
    ]),
    resultType: 'other',
    resultName: '税务信息确认结果及数电发票开票额度',
    faqs: [
      { q: '新公司还要去税务局办税务登记证吗？', a: '不需要。实行“多证合一”后，营业执照即为税务登记证件，首次办理涉税事项时确认登记信息即可。' },
      { q: '什么时候可以开发票？', a: '完成信息确认后即赋予数电发票开票额度，可通过电子税务局立即开具。' },
    ],
  }),
  item('tax', '012200200000', {
    name: '增值税专用发票（增值税税控系统）最高开票限额审批',
    type: 'licensing',
    basis:
      '《国务院对确需保留的行政审批项目设定行政许可的决定》（国务院令第412号）附件第236项；《税务行政许可实施办法》；《国家税务总局关于调整增值税专用发票最高开票限额审批有关事项的公告》。',
    audience: ['enterprise'],
    themes: ['税务'],
    keywords: ['专票限额', '最高开票限额', '增值税专用发票', '提额', '发票限额'],
    conditions:
      '已登记为增值税一般纳税人或选择自行开具增值税专用发票的小规模纳税人，因经营需要申请调整最高开票限额。申请最高开票限额不超过 10 万元的，主管税务机关不需事前进行实地查验。',
    limits: [20, 5],
    legalNote: '自受理之日起 20 日内作出决定；10 万元及以下的即时办结',
    supplementPeriod: workdays(15),
    visitsRequired: 0,
    onlineDepth: 4,
    anywhereScope: 'city',
    deliveryMethods: ['electronic'],
    materials: [
      M.applicationForm('增值税专用发票最高开票限额申请单'),
      M.businessLicense(),
      mat('sales_contracts', '近期购销合同或经营情况说明', { kind: 'copy', necessity: 'conditional', condition: '申请限额超过 10 万元的' }),
    ],
    form: form([
      enterprise.name('纳税人名称'),
      enterprise.creditCode(),
      f.select('limitAmount', '申请最高开票限额', 'Requested limit', ['一万元', '十万元', '一百万元', '一千万元']),
      f.number('monthlySales', '近三个月月均销售额（万元）', 'Average monthly sales (10k CNY)', { minimum: 0 }),
      f.textarea('reason', '申请理由', 'Reason', { maxLength: 500 }),
      enterprise.phone(),
    ]),
    processOptions: { before: [stage('site_check', 'custom', '实地查验', 'approver', 'implementing')] },
    resultType: 'approval_document',
    resultName: '准予税务行政许可决定书',
    faqs: [
      {
        q: '使用数电发票还需要申请最高开票限额吗？',
        a: '使用数电发票的纳税人由系统按信用等级自动赋予开票总额度，额度不足时可申请临时调整，不再单独审批单张最高开票限额。',
      },
    ],
  }),
  item('tax', '042200300000', {
    name: '契税申报',
    type: 'levy',
    basis:
      '《中华人民共和国契税法》第一条至第十条；《中华人民共和国税收征收管理法》第二十五条；《财政部 税务总局 住房城乡建设部关于促进房地产市场平稳健康发展有关税收政策的公告》（2024年第16号）。',
    audience: ['person', 'enterprise'],
    themes: ['税务', '不动产', '住房'],
    keywords: ['契税', '买房交税', '房产税费', '契税优惠', '首套房契税', '过户交税'],
    conditions: '在本市境内转移土地、房屋权属的承受单位和个人，于依法办理土地、房屋权属登记手续前申报缴纳契税。',
    limits: 'immediate',
    visitsRequired: 0,
    onlineDepth: 4,
    anywhereScope: 'city',
    deliveryMethods: ['electronic'],
    window: '8',
    supportsOnlinePayment: true,
    materials: [
      M.idCard('承受方'),
      shared('sale_contract', '土地、房屋权属转移合同', '通过存量房网签备案系统或商品房网签备案系统共享'),
      shared('housing_status', '家庭住房情况查询结果', '由不动产登记机构共享', { notes: '用于判定家庭唯一住房、第二套住房优惠' }),
      M.marriageCertificate({ necessity: 'conditional', condition: '享受家庭住房优惠政策需确认家庭成员的' }),
    ],
    form: form([
      applicant.name('纳税人（承受方）'),
      applicant.idNumber('纳税人证件号码'),
      f.address('propertyAddress', '房屋坐落', 'Property location'),
      f.number('transactionPrice', '成交价格（元）', 'Transaction price (CNY)', { minimum: 0 }),
      f.number('area', '建筑面积（平方米）', 'Floor area (m²)', { minimum: 0 }),
      f.select('propertyType', '房屋类型', 'Property type', ['住房', '非住房']),
      f.select('householdHousing', '家庭住房套数', 'Housing owned by the household', ['家庭唯一住房', '家庭第二套住房', '其他']),
      applicant.phone(),
    ]),
    resultType: 'other',
    resultName: '契税完税凭证（电子）',
    faqs: [
      {
        q: '首套房契税是多少？',
        a: '个人购买家庭唯一住房，面积为 140 平方米及以下的减按 1% 征收，140 平方米以上的减按 1.5% 征收；家庭第二套住房 140 平方米及以下的减按 1%，以上的减按 2%。',
      },
      { q: '契税在哪里缴纳？', a: '在不动产登记窗口“一窗受理”，税费在线计算、手机扫码缴纳，完税信息实时推送登记机构。' },
    ],
  }),
];

// ----- 云州市残疾人联合会 ---------------------------------------------------------------------------

const disabledItems: DemoItem[] = [
  item('disabled', '072300100000', {
    name: '残疾人证核发',
    type: 'confirmation',
    basis: '《中华人民共和国残疾人保障法》第二条、第八条；《中华人民共和国残疾人证管理办法》第五条至第十条；《残疾人残疾分类和分级》（GB/T 26341—2010）。',
    powerSource: '法律法规授权',
    audience: ['person'],
    themes: ['残疾人'],
    keywords: ['残疾证', '残疾人证', '办残疾证', '残疾评定', '伤残鉴定', '残疾等级'],
    conditions:
      '视力、听力、言语、肢体、智力、精神残疾及多重残疾人员，符合《残疾人残疾分类和分级》标准，经指定医疗机构评定达到残疾等级的，可向户籍所在地县级残联申请。',
    limits: [15, 10],
    legalNote: '收到残疾评定结论之日起 15 个工作日内审核发证',
    committedNote: '不含残疾评定时间',
    supplementPeriod: workdays(15),
    visitsRequired: 1,
    onlineDepth: 3,
    anywhereScope: 'national',
    deliveryMethods: ['pickup', 'post'],
    specialProcedures: '残疾评定（在指定医疗机构进行医学鉴定）时间不计入办理时限。',
    materials: [
      M.applicationForm('中华人民共和国残疾人证申请表'),
      M.idCard('申请人'),
      M.householdRegister({ necessity: 'optional', notes: '户籍信息可通过人口库核验' }),
      M.photo('近期二寸白底免冠彩色照片', 3),
      mat('medical_records', '相关病历、检查报告', { kind: 'copy', necessity: 'optional', notes: '供评定医生参考' }),
      mat('guardian_proof', '监护关系证明', { necessity: 'conditional', condition: '由监护人代为申请的（智力、精神残疾或未成年人）' }),
    ],
    form: form([
      applicant.name(),
      applicant.idNumber(),
      f.select('disabilityType', '残疾类别', 'Disability type', ['视力残疾', '听力残疾', '言语残疾', '肢体残疾', '智力残疾', '精神残疾', '多重残疾']),
      f.select('assessmentHospital', '评定机构', 'Assessment hospital', [
        '云州市第一人民医院',
        '云州市中医院',
        '云州市第三人民医院（精神专科）',
        '临江区人民医院',
      ]),
      f.text('guardianName', '监护人姓名', 'Guardian name', { optional: true, maxLength: 50 }),
      f.address('address', '居住地址', 'Address'),
      applicant.phone(),
    ]),
    processOptions: { before: [stage('assessment', 'custom', '残疾评定（指定医疗机构）', 'approver', 'implementing')], review: '评定结论审核' },
    resultType: 'certificate',
    resultName: '中华人民共和国残疾人证',
    resultLicenseType: '残疾人证',
    faqs: [
      { q: '办残疾证要收费吗？', a: '残疾人证免费发放；残疾评定费用由残联承担，申请人无需支付。' },
      { q: '行动不便可以上门评定吗？', a: '可以。对重度残疾、行动不便的申请人，残联组织评定医生上门评定。' },
    ],
  }),
  item('disabled', '072300200000', {
    name: '残疾人证迁移',
    type: 'confirmation',
    basis: '《中华人民共和国残疾人证管理办法》第十四条；《国务院办公厅关于加快推进政务服务“跨省通办”的指导意见》（国办发〔2020〕35号）。',
    powerSource: '法律法规授权',
    audience: ['person'],
    themes: ['残疾人', '户籍'],
    keywords: ['残疾证迁移', '残疾证转入', '户口迁移残疾证', '残疾证'],
    conditions: '持证残疾人户口迁移至本市的，持原残疾人证到迁入地残联办理迁移，实行跨省通办。',
    limits: 'immediate',
    supplementPeriod: workdays(15),
    visitsRequired: 0,
    onlineDepth: 4,
    anywhereScope: 'national',
    deliveryMethods: ['pickup', 'post'],
    materials: [M.idCard('持证人'), M.disabilityCertificate({ name: '原残疾人证' }), M.householdRegister({ name: '迁入后的居民户口簿' })],
    form: form([
      applicant.name('持证人姓名'),
      applicant.idNumber(),
      f.text('disabilityCertNo', '残疾人证号', 'Disability certificate number', { maxLength: 30 }),
      f.text('originAgency', '原发证机关', 'Original issuing agency', { maxLength: 60 }),
      f.region('targetRegion', '迁入地', 'Destination'),
      applicant.phone(),
    ]),
    resultType: 'certificate',
    resultName: '中华人民共和国残疾人证（换发）',
    resultLicenseType: '残疾人证',
    faqs: [{ q: '迁移后残疾等级要重新评定吗？', a: '不需要。残疾人证在有效期内的，迁入地直接换发新证，残疾等级和类别不变。' }],
  }),
  item('disabled', '052300300000', {
    name: '残疾人辅助器具适配补贴',
    type: 'payment',
    basis:
      '《中华人民共和国残疾人保障法》第五十四条；《残疾预防和残疾人康复条例》第二十条；《“十四五”残疾人保障和发展规划》；《云州市残疾人基本辅助器具适配补贴办法》。',
    powerSource: '法律法规授权',
    audience: ['person'],
    themes: ['残疾人'],
    keywords: ['辅具补贴', '轮椅', '助听器', '假肢', '辅助器具', '适配补贴'],
    conditions: '持有第二代残疾人证的本市户籍残疾人，经辅助器具适配评估需要配置基本辅助器具的；同一类辅助器具在使用年限内不重复补贴。',
    limits: [20, 15],
    supplementPeriod: workdays(15),
    visitsRequired: 0,
    onlineDepth: 4,
    anywhereScope: 'city',
    deliveryMethods: ['electronic'],
    quantityLimit: '同一类辅助器具在规定使用年限内补贴一次',
    materials: [
      M.applicationForm('残疾人辅助器具适配补贴申请表'),
      M.idCard('残疾人'),
      M.disabilityCertificate(),
      mat('assistive_assessment', '辅助器具适配评估意见', { source: 'issuing_agency', sourceNote: '由云州市残疾人辅助器具服务中心出具' }),
      mat('purchase_invoice', '辅助器具购置发票', { kind: 'original', notes: '在定点适配机构购置的直接结算，无需提交' }),
      M.bankAccount(),
    ],
    form: form([
      applicant.name('残疾人姓名'),
      applicant.idNumber(),
      f.text('disabilityCertNo', '残疾人证号', 'Disability certificate number', { maxLength: 30 }),
      f.table('devices', '申请补贴的辅助器具', 'Assistive devices', [
        f.select('device', '器具名称', 'Device', ['手动轮椅', '电动轮椅', '助听器', '假肢', '矫形器', '坐便椅', '盲杖', '助行器']),
        f.number('price', '价格（元）', 'Price (CNY)', { minimum: 0 }),
      ]),
      applicant.phone(),
    ]),
    resultType: 'other',
    resultName: '辅助器具适配补贴审核结果（补贴发放至社会保障卡）',
    faqs: [{ q: '补贴标准是多少？', a: '按《云州市残疾人基本辅助器具补贴目录》执行，目录内产品按限额全额或按比例补贴，困难残疾人提高补贴比例。' }],
  }),
];

// ---------------------------------------------------------------------------------------------------

export const demoItems: DemoItem[] = [
  ...marketItems,
  ...policeItems,
  ...hrssItems,
  ...civilItems,
  ...housingItems,
  ...landItems,
  ...healthItems,
  ...transportItems,
  ...educationItems,
  ...ecologyItems,
  ...medicalItems,
  ...taxItems,
  ...disabledItems,
];

const ref = (org: OrgKey, baseCode: string) => ({ organization: orgs[org].name, baseCode });

export const demoBundles: DemoBundle[] = [
  {
    code: 'B-QYKB-001',
    organization: orgs.center.name,
    items: [ref('market', '011100100000'), ref('police', '101200300000'), ref('tax', '102200100000'), ref('hrss', '071300600000')],
    content: {
      name: '企业开办一件事',
      description:
        '一次申请、一套材料、一窗受理：营业执照登记、公章刻制备案、新办纳税人涉税事项（发票领用）和单位社会保险登记同步办理，1 个工作日内办结。营业执照、首套印章（政府免费刻制）、发票和社保登记信息在 4 号窗口统一领取或免费邮寄，电子营业执照和电子印章同步发放。',
      committedLimit: { value: 1, unit: 'workday', note: '原“三证一章”分别办理需 14 个工作日' },
      deliveryMethods: ['pickup', 'post', 'electronic'],
      audience: ['person', 'enterprise'],
      themes: ['开办企业', '税务'],
      keywords: ['开公司', '企业开办', '营业执照', '刻章', '领发票', '社保登记', '三证一章', '一件事'],
    },
  },
  {
    code: 'B-GCJS-001',
    organization: orgs.center.name,
    items: [
      ref('land', '101600300000'),
      ref('housing', '011500400000'),
      ref('housing', '101500600000'),
      ref('housing', '201500700000'),
      ref('housing', '101500500000'),
    ],
    content: {
      name: '工程建设项目联合竣工验收',
      description:
        '住建部门牵头，自然资源和规划、消防、人防、城建档案等部门并联验收：一张申请表、一套材料、一次现场验收，规划条件核实、消防验收、人防工程竣工验收备案、建设工程档案验收意见统一出具，验收合格后同步完成竣工验收备案，10 个工作日内办结。',
      committedLimit: { value: 10, unit: 'workday', note: '原分别验收约需 3 个月' },
      deliveryMethods: ['electronic', 'pickup'],
      audience: ['enterprise'],
      themes: ['工程建设'],
      keywords: ['联合验收', '竣工验收', '规划核实', '消防验收', '人防验收', '档案验收', '竣工备案', '工改'],
    },
  },
  {
    code: 'B-XSECS-001',
    organization: orgs.center.name,
    items: [ref('health', '071700300000'), ref('police', '071200200000'), ref('medical', '202100200000'), ref('hrss', '201300500000')],
    content: {
      name: '新生儿出生一件事',
      description:
        '宝宝出生后一次申请，出生医学证明签发、户口登记、城乡居民医保参保登记和社会保障卡申领联办：父母在线填写一张表，出生医学证明信息自动共享，户口簿和社会保障卡免费邮寄到家。',
      committedLimit: { value: 5, unit: 'workday', note: '社会保障卡制卡后邮寄' },
      deliveryMethods: ['post', 'pickup', 'electronic'],
      audience: ['person'],
      themes: ['生育', '户籍', '医疗'],
      keywords: ['新生儿', '出生证', '上户口', '宝宝医保', '社保卡', '出生一件事', '报户口'],
    },
  },
];
