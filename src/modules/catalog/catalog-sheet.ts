import ExcelJS from 'exceljs';
import { Value } from 'typebox/value';
import type { Db } from '../../server/db/database.ts';
import type { WriteContext } from '../../server/write.ts';
import { requireAccess, scopeFilter, scopeOf, type Actor } from '../../server/access.ts';
import { AppError } from '../../server/errors.ts';
import { ItemContent, type Fee, type Material, type Validity } from './catalog.schemas.ts';
import { createItem, startNewVersion, updateDraft } from './items.service.ts';
import { openVersion } from './items.store.ts';
import { standardForm, standardProcess } from './item-templates.ts';
import { validateContent } from './item-rules.ts';
import { schemaErrorZh, type SchemaError } from './schema-messages.ts';
import './catalog.tables.ts';

/** Chinese labels in the sheet ↔ values in the data model. */
const typeNames: Record<string, ItemContent['type']> = {
  行政许可: 'licensing',
  行政确认: 'confirmation',
  行政给付: 'payment',
  行政征收: 'levy',
  行政奖励: 'reward',
  行政裁决: 'adjudication',
  行政检查: 'inspection',
  其他行政权力: 'other_power',
  公共服务: 'public_service',
};
const units: Record<string, 'workday' | 'day' | 'workhour'> = { 工作日: 'workday', 自然日: 'day', 工作小时: 'workhour' };
const validityUnits: Record<string, Validity['unit']> = { 年: 'year', 月: 'month' };
const caseKinds: Record<string, ItemContent['caseKind']> = { 即办件: 'immediate', 承诺件: 'committed' };
const scopes: Record<string, ItemContent['anywhereScope']> = { 不通办: 'none', 全市通办: 'city', 全省通办: 'province', 全国通办: 'national' };
const deliveries: Record<string, ItemContent['deliveryMethods'][number]> = { 窗口领取: 'pickup', 邮寄: 'post', 智能柜: 'locker', 电子送达: 'electronic' };
const audiences: Record<string, 'person' | 'enterprise'> = { 自然人: 'person', 法人: 'enterprise' };
const results: Record<string, ItemContent['resultType']> = { 证照: 'license', 批文: 'approval_document', 证明: 'certificate', 其他: 'other' };
const kinds: Record<string, Material['kind']> = { 原件: 'original', 复印件: 'copy', 原件及复印件: 'original_and_copy' };
const forms: Record<string, Material['form']> = { 纸质: 'paper', 电子: 'electronic', 纸质或电子: 'both' };
const necessities: Record<string, Material['necessity']> = { 必要: 'required', 容缺后补: 'required', 情形必要: 'conditional', 非必要: 'optional' };
/** 必要性 as the sheet writes it: a required material that may follow after acceptance is 容缺后补. */
const necessityName = (m: Material) => (m.tolerable ? '容缺后补' : { required: '必要', conditional: '情形必要', optional: '非必要' }[m.necessity]);
const sources: Record<string, Material['source']> = { 申请人: 'applicant', 电子证照: 'license', 共享数据: 'shared_data', 出具单位: 'issuing_agency' };
const yes = (v: string) => v === '是';
const invert = <T extends string>(m: Record<string, T>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [v, k])) as Record<T, string>;
const list = (v: string) =>
  v
    .split(/[,，、;；]/)
    .map((s) => s.trim())
    .filter(Boolean);

const itemColumns = [
  ['orgCode', '实施机构统一社会信用代码'],
  ['baseCode', '基本编码'],
  ['name', '事项名称'],
  ['type', '事项类型'],
  ['caseKind', '办件类型'],
  ['legal', '法定办结时限'],
  ['legalUnit', '法定时限单位'],
  ['committed', '承诺办结时限'],
  ['committedUnit', '承诺时限单位'],
  ['basis', '设定依据'],
  ['conditions', '受理条件'],
  ['visits', '到现场次数'],
  ['depth', '网上办理深度'],
  ['scope', '通办范围'],
  ['delivery', '送达方式'],
  ['location', '办理地点'],
  ['hours', '办理时间'],
  ['consult', '咨询电话'],
  ['complaint', '监督投诉电话'],
  ['audience', '服务对象'],
  ['themes', '主题'],
  ['keywords', '关键词'],
  ['resultType', '审批结果类型'],
  ['resultName', '审批结果名称'],
  ['validity', '证照有效期'],
  ['validityUnit', '有效期单位'],
  ['renewalLead', '延续申请时限'],
  ['renewalLeadUnit', '延续时限单位'],
  ['renewalOpens', '延续受理起始时限'],
  ['renewalOpensUnit', '起始时限单位'],
  ['commitment', '是否告知承诺制'],
  ['commitmentCheck', '告知承诺核查时限'],
  ['commitmentCheckUnit', '核查时限单位'],
  ['supplementPeriod', '补正期限'],
  ['supplementPeriodUnit', '补正期限单位'],
  ['chargeable', '是否收费'],
  ['appointment', '是否支持预约'],
  ['payment', '是否支持网上支付'],
  ['form', '表单JSON'],
  ['process', '流程JSON'],
  ['resultLicenseType', '电子证照类型'],
  ['resultFields', '证照载明字段'],
  ['establishes', '登记设立主体JSON'],
  // what a time limit's number does not say (原分别办理需 14 个工作日, 自决定之日起 3 个月内现场核查)
  ['legalNote', '法定时限说明'],
  ['committedNote', '承诺时限说明'],
  ['renewalLeadNote', '延续时限说明'],
  ['renewalOpensNote', '起始时限说明'],
  ['commitmentCheckNote', '核查时限说明'],
  ['supplementPeriodNote', '补正期限说明'],
] as const;
const materialColumns = [
  ['orgCode', '实施机构统一社会信用代码'],
  ['baseCode', '基本编码'],
  ['key', '材料标识'],
  ['name', '材料名称'],
  ['kind', '原件/复印件'],
  ['form', '纸质/电子'],
  ['necessity', '必要性'],
  ['condition', '情形说明'],
  ['count', '份数'],
  ['source', '来源'],
  ['licenseType', '证照类型'],
] as const;
const feeColumns = [
  ['orgCode', '实施机构统一社会信用代码'],
  ['baseCode', '基本编码'],
  ['name', '收费项目'],
  ['standard', '收费标准'],
  ['basis', '收费依据'],
  ['reducible', '是否允许减免'],
  ['reductionBasis', '减免依据'],
  ['amount', '标准金额（元）'],
  ['chargeAt', '收取时点'],
] as const;
/** Columns added later: a workbook without them still imports (the fee's amount is then assessed at the window). */
// columns added after workbooks were in use: a workbook without them still imports
const optionalColumns = new Set([
  '标准金额（元）',
  '收取时点',
  '告知承诺核查时限',
  '核查时限单位',
  '补正期限',
  '补正期限单位',
  '证照有效期',
  '有效期单位',
  '延续申请时限',
  '延续时限单位',
  '延续受理起始时限',
  '起始时限单位',
  '电子证照类型',
  '证照载明字段',
  '登记设立主体JSON',
  '法定时限说明',
  '承诺时限说明',
  '延续时限说明',
  '起始时限说明',
  '核查时限说明',
  '补正期限说明',
]);
const chargePoints = { 受理时: 'acceptance', 决定时: 'decision' } as const;

type ItemColumn = (typeof itemColumns)[number][0];
type MaterialColumn = (typeof materialColumns)[number][0];
const columnLabel = <K extends string>(columns: readonly (readonly [K, string])[], key: K) => columns.find(([k]) => k === key)![1];

/** The 事项 column that holds each element of an item's content (its unit's column for `.unit`). */
const itemColumnOf: Partial<Record<keyof ItemContent, ItemColumn>> = {
  name: 'name',
  type: 'type',
  caseKind: 'caseKind',
  legalLimit: 'legal',
  committedLimit: 'committed',
  basis: 'basis',
  conditions: 'conditions',
  visitsRequired: 'visits',
  onlineDepth: 'depth',
  anywhereScope: 'scope',
  deliveryMethods: 'delivery',
  location: 'location',
  hours: 'hours',
  consultPhone: 'consult',
  complaintPhone: 'complaint',
  audience: 'audience',
  themes: 'themes',
  keywords: 'keywords',
  resultType: 'resultType',
  resultName: 'resultName',
  resultValidity: 'validity',
  renewalLead: 'renewalLead',
  renewalOpens: 'renewalOpens',
  commitmentApproval: 'commitment',
  commitmentCheck: 'commitmentCheck',
  supplementPeriod: 'supplementPeriod',
  isChargeable: 'chargeable',
  fees: 'chargeable',
  supportsAppointment: 'appointment',
  supportsOnlinePayment: 'payment',
  form: 'form',
  process: 'process',
  resultLicenseType: 'resultLicenseType',
  resultFields: 'resultFields',
  establishes: 'establishes',
};
const unitColumnOf: Partial<Record<keyof ItemContent, ItemColumn>> = {
  legalLimit: 'legalUnit',
  committedLimit: 'committedUnit',
  resultValidity: 'validityUnit',
  renewalLead: 'renewalLeadUnit',
  renewalOpens: 'renewalOpensUnit',
  commitmentCheck: 'commitmentCheckUnit',
  supplementPeriod: 'supplementPeriodUnit',
};
/** The 材料 column that holds each element of a material (容缺后补 is written in 必要性). */
const materialColumnOf: Partial<Record<keyof Material, MaterialColumn>> = {
  key: 'key',
  name: 'name',
  kind: 'kind',
  form: 'form',
  necessity: 'necessity',
  tolerable: 'necessity',
  condition: 'condition',
  count: 'count',
  source: 'source',
  licenseType: 'licenseType',
};

/**
 * Where a problem the rules find in an item's content (`committedLimit`, `materials.0.condition`, a schema error's
 * `/legalLimit/unit`) is in the workbook: a material's on its own row of 材料, the rest on the item's row of 事项,
 * each under the Chinese header a person sees in the sheet.
 */
function cellOfPath(path: string, itemRow: number, materialRows: number[]): { sheet: string; row: number; column?: string } {
  const [head = '', ...rest] = path.replace(/^\//, '').split(/[./]/);
  if (head === 'materials' && rest[0] !== undefined && materialRows[Number(rest[0])] !== undefined) {
    const field = materialColumnOf[rest[1] as keyof Material];
    return { sheet: '材料', row: materialRows[Number(rest[0])]!, ...(field ? { column: columnLabel(materialColumns, field) } : {}) };
  }
  const key = head as keyof ItemContent;
  const field = (rest[0] === 'unit' ? unitColumnOf[key] : undefined) ?? itemColumnOf[key];
  return { sheet: '事项', row: itemRow, ...(field ? { column: columnLabel(itemColumns, field) } : {}) };
}

/** The catalog in scope as a workbook: 事项, 材料, 收费 (the same layout the import reads). */
export async function exportCatalog(db: Db, actor: Actor | null): Promise<Buffer> {
  requireAccess(actor, 'catalog.manage');
  const rows = await db
    .selectFrom('item as i')
    .innerJoin('organization as o', 'o.id', 'i.organization_id')
    .innerJoin('region as r', 'r.id', 'i.region_id')
    .innerJoin('item_version as v', (j) => j.onRef('v.item_id', '=', 'i.id').on('v.state', 'in', ['published', 'draft', 'in_review']))
    .where(scopeFilter(scopeOf(actor, 'catalog.manage'), 'r.path', 'o.path'))
    .where('i.parent_item_id', 'is', null)
    .select(['o.credit_code', 'i.base_code', 'v.state', 'v.content', 'i.id'])
    .orderBy('i.id')
    .orderBy('v.number', 'desc')
    .execute();
  const seen = new Set<number>();
  const book = new ExcelJS.Workbook();
  const items = book.addWorksheet('事项');
  const materials = book.addWorksheet('材料');
  const fees = book.addWorksheet('收费');
  items.addRow(itemColumns.map(([, h]) => h));
  materials.addRow(materialColumns.map(([, h]) => h));
  fees.addRow(feeColumns.map(([, h]) => h));
  const typeName = invert(typeNames);
  const unitName = invert(units);
  for (const r of rows) {
    if (seen.has(r.id)) continue; // the newest version per item
    seen.add(r.id);
    const c = r.content as ItemContent;
    items.addRow([
      r.credit_code,
      r.base_code,
      c.name,
      typeName[c.type],
      invert(caseKinds)[c.caseKind],
      c.legalLimit.value,
      unitName[c.legalLimit.unit],
      c.committedLimit.value,
      unitName[c.committedLimit.unit],
      c.basis,
      c.conditions,
      c.visitsRequired,
      c.onlineDepth,
      invert(scopes)[c.anywhereScope],
      c.deliveryMethods.map((d) => invert(deliveries)[d]).join('，'),
      c.location,
      c.hours,
      c.consultPhone,
      c.complaintPhone,
      c.audience.map((a) => invert(audiences)[a]).join('，'),
      c.themes.join('，'),
      c.keywords.join('，'),
      invert(results)[c.resultType],
      c.resultName,
      c.resultValidity?.value ?? '',
      c.resultValidity ? invert(validityUnits)[c.resultValidity.unit] : '',
      c.renewalLead?.value ?? '',
      c.renewalLead ? unitName[c.renewalLead.unit] : '',
      c.renewalOpens?.value ?? '',
      c.renewalOpens ? unitName[c.renewalOpens.unit] : '',
      c.commitmentApproval ? '是' : '否',
      c.commitmentCheck?.value ?? '',
      c.commitmentCheck ? unitName[c.commitmentCheck.unit] : '',
      c.supplementPeriod?.value ?? '',
      c.supplementPeriod ? unitName[c.supplementPeriod.unit] : '',
      c.isChargeable ? '是' : '否',
      c.supportsAppointment ? '是' : '否',
      c.supportsOnlinePayment ? '是' : '否',
      JSON.stringify(c.form),
      JSON.stringify(c.process),
      c.resultLicenseType ?? '',
      (c.resultFields ?? []).join('，'),
      c.establishes ? JSON.stringify(c.establishes) : '',
      c.legalLimit.note ?? '',
      c.committedLimit.note ?? '',
      c.renewalLead?.note ?? '',
      c.renewalOpens?.note ?? '',
      c.commitmentCheck?.note ?? '',
      c.supplementPeriod?.note ?? '',
    ]);
    for (const m of c.materials) {
      materials.addRow([
        r.credit_code,
        r.base_code,
        m.key,
        m.name,
        invert(kinds)[m.kind],
        invert(forms)[m.form],
        necessityName(m),
        m.condition ?? '',
        m.count,
        invert(sources)[m.source],
        m.licenseType ?? '',
      ]);
    }
    for (const f of c.fees)
      fees.addRow([
        r.credit_code,
        r.base_code,
        f.name,
        f.standard,
        f.basis,
        f.reducible ? '是' : '否',
        f.reductionBasis ?? '',
        f.amountCents === undefined ? '' : f.amountCents / 100,
        f.chargeAt === 'acceptance' ? '受理时' : '决定时',
      ]);
  }
  for (const sheet of [items, materials, fees]) {
    sheet.getRow(1).font = { bold: true };
    sheet.columns.forEach((col) => (col.width = 18));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A bad cell or row of an imported workbook: `messageZh` for the UI (zh-CN), `message` in English for API users. */
type RowError = { sheet: string; row: number; column?: string; message: string; messageZh: string };

/** One row error, its Chinese and English sentences side by side. */
function rowError(sheet: string, row: number, column: string | undefined, zh: string, en: string): RowError {
  return column === undefined ? { sheet, row, message: en, messageZh: zh } : { sheet, row, column, message: en, messageZh: zh };
}

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v)
    return v.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim();
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '').trim();
  return String(v).trim();
}

function readSheet<K extends string>(book: ExcelJS.Workbook, name: string, columns: readonly (readonly [K, string])[], errors: RowError[]) {
  const sheet = book.getWorksheet(name);
  if (!sheet) {
    errors.push(rowError(name, 0, undefined, `缺少工作表「${name}」`, `missing sheet ${name}`));
    return [];
  }
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(text);
  const index = new Map<K, number>();
  for (const [key, label] of columns) {
    const i = header.indexOf(label);
    if (i < 0 && !optionalColumns.has(label)) errors.push(rowError(name, 1, label, `缺少列「${label}」`, `missing column ${label}`));
    else if (i < 0) continue;
    else index.set(key, i + 1);
  }
  const out: { row: number; get: (k: K) => string }[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const get = (k: K) => (index.has(k) ? text(row.getCell(index.get(k)!).value) : '');
    if (columns.every(([k]) => !get(k))) return;
    out.push({ row: n, get });
  });
  return out;
}

/**
 * Read a workbook in the export layout and save every item as a draft (new items are created, existing
 * ones get a new draft version). Every bad row of every sheet is reported; if there is any, nothing is
 * saved. With `dryRun` the plan is returned without saving.
 */
export async function importCatalog(ctx: WriteContext, data: Buffer, options: { dryRun: boolean }) {
  requireAccess(ctx.actor, 'catalog.manage');
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new AppError('VALIDATION_FAILED', { reason: 'not an .xlsx workbook' });
  }
  const errors: RowError[] = [];
  const itemRows = readSheet(book, '事项', itemColumns, errors);
  const materialRows = readSheet(book, '材料', materialColumns, errors);
  const feeRows = readSheet(book, '收费', feeColumns, errors);
  if (errors.length) throw new AppError('VALIDATION_FAILED', { errors });

  const orgs = new Map((await ctx.tx.selectFrom('organization').select(['id', 'credit_code']).execute()).map((o) => [o.credit_code, o.id]));
  const key = (org: string, base: string) => `${org}/${base}`;
  const materialsByItem = new Map<string, Material[]>();
  // the sheet row of each material kept for an item, in the same order
  const materialRowsByItem = new Map<string, number[]>();
  const feesByItem = new Map<string, Fee[]>();
  const need = <T>(sheet: string, row: number, column: string, map: Record<string, T>, value: string): T | undefined => {
    if (value in map) return map[value];
    const allowed = Object.keys(map).join(' / ');
    errors.push(
      rowError(sheet, row, column, value ? `「${value}」不是可选的值，应为：${allowed}` : `未填写，应为：${allowed}`, `"${value}" is not one of ${allowed}`),
    );
    return undefined;
  };
  for (const r of materialRows) {
    const before = errors.length;
    const count = Number(r.get('count') || '1');
    if (!Number.isInteger(count) || count < 1) errors.push(rowError('材料', r.row, '份数', '份数应为不小于 1 的整数', 'a whole number ≥ 1'));
    const m = {
      key: r.get('key'),
      name: r.get('name'),
      kind: need('材料', r.row, '原件/复印件', kinds, r.get('kind')),
      form: need('材料', r.row, '纸质/电子', forms, r.get('form')),
      necessity: need('材料', r.row, '必要性', necessities, r.get('necessity')),
      ...(r.get('necessity') === '容缺后补' ? { tolerable: true } : {}),
      count,
      source: need('材料', r.row, '来源', sources, r.get('source')),
      ...(r.get('condition') ? { condition: r.get('condition') } : {}),
      ...(r.get('licenseType') ? { licenseType: r.get('licenseType') } : {}),
    };
    if (!/^[a-z0-9_]{1,60}$/.test(m.key))
      errors.push(rowError('材料', r.row, '材料标识', '材料标识只能使用小写字母、数字和下划线（不超过 60 个字符）', 'lower-case letters, digits and _'));
    if (!m.name) errors.push(rowError('材料', r.row, '材料名称', '材料名称为必填项', 'required'));
    const k = key(r.get('orgCode'), r.get('baseCode'));
    // a bad row is reported on its own sheet only; the item is checked with the good ones
    if (errors.length === before) {
      materialsByItem.set(k, [...(materialsByItem.get(k) ?? []), m as Material]);
      materialRowsByItem.set(k, [...(materialRowsByItem.get(k) ?? []), r.row]);
    } else materialsByItem.set(k, materialsByItem.get(k) ?? []);
  }
  for (const r of feeRows) {
    const before = errors.length;
    const f: Fee = { name: r.get('name'), standard: r.get('standard'), basis: r.get('basis'), reducible: yes(r.get('reducible')) };
    if (r.get('reductionBasis')) f.reductionBasis = r.get('reductionBasis');
    const amount = r.get('amount');
    if (amount) {
      const yuan = Number(amount);
      if (!Number.isFinite(yuan) || yuan < 0 || Math.abs(Math.round(yuan * 100) - yuan * 100) > 1e-6)
        errors.push(
          rowError('收费', r.row, '标准金额（元）', '标准金额应为不小于 0 的元金额，最多保留两位小数', 'an amount in yuan ≥ 0 with at most 2 decimals'),
        );
      else f.amountCents = Math.round(yuan * 100);
    }
    if (r.get('chargeAt')) {
      const at = need('收费', r.row, '收取时点', chargePoints, r.get('chargeAt'));
      if (at) f.chargeAt = at;
    }
    if (!f.name || !f.standard) errors.push(rowError('收费', r.row, undefined, '收费项目和收费标准为必填项', '收费项目 and 收费标准 are required'));
    const k = key(r.get('orgCode'), r.get('baseCode'));
    if (errors.length === before) feesByItem.set(k, [...(feesByItem.get(k) ?? []), f]);
    else feesByItem.set(k, feesByItem.get(k) ?? []);
  }

  const plan: { row: number; organizationId: number; baseCode: string; content: ItemContent }[] = [];
  const keys = new Set<string>();
  for (const r of itemRows) {
    const before = errors.length;
    const organizationId = orgs.get(r.get('orgCode'));
    if (!organizationId)
      errors.push(rowError('事项', r.row, '实施机构统一社会信用代码', '没有使用该统一社会信用代码的实施机构', 'no organization has this credit code'));
    const baseCode = r.get('baseCode');
    if (!/^[0-9]{12}$/.test(baseCode)) errors.push(rowError('事项', r.row, '基本编码', '基本编码应为 12 位数字', '12 digits'));
    const k = key(r.get('orgCode'), baseCode);
    if (keys.has(k)) errors.push(rowError('事项', r.row, undefined, '同一事项重复列出', 'the same item is listed twice'));
    keys.add(k);
    const num = (column: string, v: string) => {
      const n = Number(v);
      if (v === '' || !Number.isInteger(n) || n < 0) errors.push(rowError('事项', r.row, column, `${column}应为不小于 0 的整数`, 'a whole number'));
      return n;
    };
    const json = (column: string, v: string) => {
      if (!v) return undefined;
      try {
        return JSON.parse(v) as unknown;
      } catch {
        errors.push(rowError('事项', r.row, column, `${column}不是有效的 JSON`, 'not valid JSON'));
        return undefined;
      }
    };
    const caseKind = need('事项', r.row, '办件类型', caseKinds, r.get('caseKind'));
    // a limit with its note, when the sheet gives one
    const noted = <L extends object>(limit: L, note: string) => (note ? { ...limit, note } : limit);
    const committedLimit = noted(
      { value: num('承诺办结时限', r.get('committed')), unit: need('事项', r.row, '承诺时限单位', units, r.get('committedUnit'))! },
      r.get('committedNote'),
    );
    const content = {
      name: r.get('name'),
      type: need('事项', r.row, '事项类型', typeNames, r.get('type')),
      basis: r.get('basis'),
      level: 'city',
      audience: list(r.get('audience')).map((a) => need('事项', r.row, '服务对象', audiences, a)),
      themes: list(r.get('themes')),
      keywords: list(r.get('keywords')),
      conditions: r.get('conditions'),
      caseKind,
      legalLimit: noted(
        { value: num('法定办结时限', r.get('legal')), unit: need('事项', r.row, '法定时限单位', units, r.get('legalUnit')) },
        r.get('legalNote'),
      ),
      committedLimit,
      visitsRequired: num('到现场次数', r.get('visits')),
      onlineDepth: num('网上办理深度', r.get('depth')),
      anywhereScope: need('事项', r.row, '通办范围', scopes, r.get('scope')),
      deliveryMethods: list(r.get('delivery')).map((d) => need('事项', r.row, '送达方式', deliveries, d)),
      location: r.get('location'),
      hours: r.get('hours'),
      consultPhone: r.get('consult'),
      complaintPhone: r.get('complaint'),
      isChargeable: yes(r.get('chargeable')),
      fees: feesByItem.get(k) ?? [],
      materials: materialsByItem.get(k) ?? [],
      form: json('表单JSON', r.get('form')) ?? standardForm(),
      process:
        json('流程JSON', r.get('process')) ??
        (caseKind && committedLimit.unit ? standardProcess(caseKind, committedLimit as ItemContent['committedLimit']) : { nodes: [] }),
      resultType: need('事项', r.row, '审批结果类型', results, r.get('resultType')),
      resultName: r.get('resultName'),
      ...(r.get('resultLicenseType') ? { resultLicenseType: r.get('resultLicenseType') } : {}),
      // 登记事项 the license prints, by the form's field keys; whom a grant registers (企业设立登记)
      ...(r.get('resultFields') ? { resultFields: list(r.get('resultFields')) } : {}),
      ...(r.get('establishes') ? { establishes: json('登记设立主体JSON', r.get('establishes')) } : {}),
      // empty: valid without end (长期有效)
      ...(r.get('validity')
        ? {
            resultValidity: {
              value: num('证照有效期', r.get('validity')),
              unit: need('事项', r.row, '有效期单位', validityUnits, r.get('validityUnit')),
            },
          }
        : {}),
      // empty: the default lead (renewalLeadOf, 30 days)
      ...(r.get('renewalLead')
        ? {
            renewalLead: noted(
              { value: num('延续申请时限', r.get('renewalLead')), unit: need('事项', r.row, '延续时限单位', units, r.get('renewalLeadUnit')) },
              r.get('renewalLeadNote'),
            ),
          }
        : {}),
      // empty: taken any time before the lead
      ...(r.get('renewalOpens')
        ? {
            renewalOpens: noted(
              { value: num('延续受理起始时限', r.get('renewalOpens')), unit: need('事项', r.row, '起始时限单位', units, r.get('renewalOpensUnit')) },
              r.get('renewalOpensNote'),
            ),
          }
        : {}),
      commitmentApproval: yes(r.get('commitment')),
      // empty: the default period (commitment.ts)
      ...(r.get('commitmentCheck')
        ? {
            commitmentCheck: noted(
              { value: num('告知承诺核查时限', r.get('commitmentCheck')), unit: need('事项', r.row, '核查时限单位', units, r.get('commitmentCheckUnit')) },
              r.get('commitmentCheckNote'),
            ),
          }
        : {}),
      // empty: no period, the application waits for its supplements
      ...(r.get('supplementPeriod')
        ? {
            supplementPeriod: noted(
              { value: num('补正期限', r.get('supplementPeriod')), unit: need('事项', r.row, '补正期限单位', units, r.get('supplementPeriodUnit')) },
              r.get('supplementPeriodNote'),
            ),
          }
        : {}),
      supportsAppointment: yes(r.get('appointment')),
      supportsOnlinePayment: yes(r.get('payment')),
      faqs: [],
    };
    if (errors.length > before) continue;
    const cell = (path: string) => cellOfPath(path, r.row, materialRowsByItem.get(k) ?? []);
    if (!Value.Check(ItemContent, content)) {
      for (const e of [...Value.Errors(ItemContent, content)].slice(0, 5)) {
        const at = cell(e.instancePath);
        errors.push(rowError(at.sheet, at.row, at.column, schemaErrorZh(e as SchemaError, at.column ? `「${at.column}」` : '事项内容'), e.message));
      }
      continue;
    }
    const problems = validateContent(content as ItemContent, () => true);
    for (const p of problems) {
      const at = cell(p.path);
      errors.push(rowError(at.sheet, at.row, at.column, p.messageZh, p.message));
    }
    if (problems.length === 0) plan.push({ row: r.row, organizationId: organizationId!, baseCode, content: content as ItemContent });
  }
  for (const k of [...materialsByItem.keys(), ...feesByItem.keys()]) {
    if (!keys.has(k)) {
      const sheet = materialsByItem.has(k) ? '材料' : '收费';
      errors.push(rowError(sheet, 0, undefined, `「${sheet}」中有事项 ${k} 的行，但「事项」工作表中没有该事项`, `rows for ${k}, which is not in 事项`));
    }
  }
  if (errors.length) throw new AppError('VALIDATION_FAILED', { errors: errors.slice(0, 500), errorCount: errors.length });

  const outcome: { code: string; name: string; action: string }[] = [];
  let created = 0;
  let updated = 0;
  for (const p of plan) {
    const existing = await ctx.tx
      .selectFrom('item')
      .select(['id', 'code', 'status'])
      .where('organization_id', '=', p.organizationId)
      .where('base_code', '=', p.baseCode)
      .executeTakeFirst();
    if (!existing) {
      created += 1;
      if (options.dryRun) outcome.push({ code: `(new) ${p.baseCode}`, name: p.content.name, action: 'create' });
      else outcome.push({ ...(await createItem(ctx, p)), name: p.content.name, action: 'create' });
      continue;
    }
    updated += 1;
    outcome.push({ code: existing.code, name: p.content.name, action: 'new_draft' });
    if (options.dryRun) continue;
    let open = await openVersion(ctx.tx, existing.id);
    if (open?.state === 'in_review') throw new AppError('CONFLICT', { row: p.row, code: existing.code, reason: 'a version of this item is in review' });
    if (!open) {
      await startNewVersion(ctx, existing.id);
      open = (await openVersion(ctx.tx, existing.id))!;
    }
    await updateDraft(ctx, existing.id, { content: p.content, version: open.version });
  }
  return { created, updated, dryRun: options.dryRun, items: outcome };
}
