import { issuesLicense } from '../../common/licenses.ts';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { isValidCreditCode, isValidIdCardNumber, isValidPhone, isValidRegionCode } from '../../common/validators.ts';
import { renewalLeadOf, type Form, type ItemContent, type Limit, type Process, type ProcessNode, type StageNode, type Validity } from './catalog.schemas.ts';
import { schemaErrorZh } from './schema-messages.ts';
import { clerkMayActAt } from '../../common/window-decisions.ts';

/** A rule broken by an item's content or an application: `messageZh` for the UI (zh-CN), `message` in English for API users. */
export interface Problem {
  path: string;
  message: string;
  messageZh: string;
}

/** One problem, its Chinese and English sentences side by side. */
export function problem(path: string, zh: string, en: string): Problem {
  return { path, message: en, messageZh: zh };
}

/** The JSON Schema engine for item forms, with the identifiers a Chinese form asks for. */
function makeAjv() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  ajv.addFormat('id-card', { type: 'string', validate: isValidIdCardNumber });
  ajv.addFormat('phone', { type: 'string', validate: isValidPhone });
  ajv.addFormat('credit-code', { type: 'string', validate: isValidCreditCode });
  ajv.addFormat('region-code', { type: 'string', validate: isValidRegionCode });
  return ajv;
}
const ajv = makeAjv();

const widgetTypes: Record<string, string[]> = {
  text: ['string'],
  textarea: ['string'],
  id_number: ['string'],
  phone: ['string'],
  address: ['string'],
  region: ['string'],
  date: ['string'],
  select: ['string', 'number', 'integer', 'array'],
  number: ['number', 'integer'],
  table: ['array'],
  file: ['string', 'array'],
};

/** A form designer's output must be a sound object schema whose fields and UI hints agree. */
export function validateForm(form: Form): Problem[] {
  const problems: Problem[] = [];
  const schema = form.schema as { type?: unknown; properties?: Record<string, { type?: string; format?: string }>; required?: string[] };
  if (schema.type !== 'object') problems.push(problem('form.schema.type', '表单结构必须是对象类型（object）', 'the form schema must be an object schema'));
  const props = schema.properties ?? {};
  const names = Object.keys(props);
  if (names.length === 0) problems.push(problem('form.schema.properties', '表单没有字段', 'the form has no fields'));
  for (const name of names) {
    if (!/^[A-Za-z][A-Za-z0-9_]{0,59}$/.test(name))
      problems.push(
        problem(`form.schema.properties.${name}`, `字段名 ${name} 只能使用字母、数字和下划线，且以字母开头`, 'field names are letters, digits and _'),
      );
    const ui = form.ui.fields[name];
    if (!ui) {
      problems.push(problem(`form.ui.fields.${name}`, `字段 ${name} 未设置控件和标签`, 'the field has no UI hints (widget and label)'));
      continue;
    }
    const type = props[name]?.type;
    if (!type || !widgetTypes[ui.widget]?.includes(type))
      problems.push(problem(`form.ui.fields.${name}.widget`, `控件 ${ui.widget} 与字段类型 ${type} 不匹配`, `widget ${ui.widget} does not fit type ${type}`));
    if (ui.widget === 'id_number' && props[name]?.format !== 'id-card')
      problems.push(problem(`form.schema.properties.${name}.format`, '证件号码字段的格式须为 id-card', 'an ID number field uses format id-card'));
    if (ui.widget === 'phone' && props[name]?.format !== 'phone')
      problems.push(problem(`form.schema.properties.${name}.format`, '电话字段的格式须为 phone', 'a phone field uses format phone'));
  }
  for (const name of Object.keys(form.ui.fields))
    if (!props[name])
      problems.push(problem(`form.ui.fields.${name}`, `表单结构中没有字段 ${name}，不能为其设置控件`, 'UI hints for a field the schema does not have'));
  for (const name of schema.required ?? [])
    if (!props[name]) problems.push(problem('form.schema.required', `必填字段 ${name} 不存在`, `required field ${name} does not exist`));
  const order = new Set(form.ui.order);
  if (order.size !== form.ui.order.length) problems.push(problem('form.ui.order', '字段排列中有重复的字段', 'a field is listed twice'));
  for (const name of names) if (!order.has(name)) problems.push(problem('form.ui.order', `字段 ${name} 未放入表单排列`, `field ${name} is not placed`));
  if (problems.length === 0) {
    try {
      ajv.compile(form.schema);
    } catch (error) {
      problems.push(problem('form.schema', '表单结构无法编译，请检查字段定义', (error as Error).message));
    }
  }
  return problems;
}

const compiled = new Map<string, ValidateFunction>();

/** Check an application against its item version's form; `cacheKey` is the version id (schemas of a version never change). */
export function validateSubmission(form: Form, data: unknown, cacheKey?: string): Problem[] {
  let validate = cacheKey ? compiled.get(cacheKey) : undefined;
  if (!validate) {
    validate = ajv.compile(form.schema);
    if (cacheKey) compiled.set(cacheKey, validate);
  }
  if (validate(data)) return [];
  const labels = form.ui.fields;
  return (validate.errors ?? []).map((e) => {
    const path = (e.instancePath.replace(/^\//, '').replace(/\//g, '.') || (e.params as { missingProperty?: string }).missingProperty) ?? '';
    const label = labels[path.split('.')[0] ?? '']?.label['zh-CN'];
    if (e.keyword === 'required') {
      // the missing field is the one to name: 「申请人姓名」为必填项
      const missing = String((e.params as { missingProperty?: string }).missingProperty ?? '');
      const missingLabel = e.instancePath ? undefined : labels[missing]?.label['zh-CN'];
      return problem(path, missingLabel ? `「${missingLabel}」为必填项` : schemaErrorZh(e, label ? `「${label}」` : '表单数据'), e.message ?? e.keyword);
    }
    return problem(path, schemaErrorZh(e, label ? `「${label}」` : path ? `表单数据「${path}」` : '表单数据'), e.message ?? e.keyword);
  });
}

function* stagesOf(nodes: ProcessNode[]): Generator<StageNode> {
  for (const n of nodes) {
    if (n.kind === 'stage') yield n;
    else if (n.kind === 'parallel') for (const b of n.branches) yield* b;
  }
}

/**
 * A process must start with intake (受理), decide (决定) and conclude (办结) at the top level, give every
 * parallel node at least two non-empty branches, use unique node ids, and name organizations that
 * exist. Stage budgets in working days must fit in the legal limit.
 */
export function validateProcess(
  process: Process,
  content: Pick<ItemContent, 'legalLimit' | 'caseKind'>,
  organizationExists: (id: number) => boolean,
): Problem[] {
  const problems: Problem[] = [];
  const nodes = process.nodes;
  if (nodes.length === 0) return [problem('process.nodes', '办理流程没有环节', 'the process has no nodes')];
  const first = nodes[0]!;
  if (first.kind !== 'stage' || first.stage !== 'receive')
    problems.push(problem('process.nodes.0', '办理流程须以受理环节开始', 'the process starts with intake (receive)'));
  const top = nodes.filter((n): n is StageNode => n.kind === 'stage').map((n) => n.stage);
  if (!top.includes('decide') && !nodes.some((n) => n.kind === 'report_up'))
    problems.push(problem('process.nodes', '缺少决定环节：办理流程无法作出审批决定', 'no decide stage: the process never reaches a decision'));
  if (!top.includes('conclude')) problems.push(problem('process.nodes', '缺少办结环节：办理流程无法办结', 'no conclude stage: the process never ends'));
  const ids = new Set<string>();
  nodes.forEach((n, i) => {
    const check = (id: string, path: string) => {
      if (ids.has(id)) problems.push(problem(path, `环节标识 ${id} 重复使用`, `node id ${id} is used twice`));
      ids.add(id);
    };
    check(n.id, `process.nodes.${i}`);
    if (n.kind === 'parallel') {
      if (n.branches.length < 2) problems.push(problem(`process.nodes.${i}.branches`, '并联环节至少需要两个分支', 'a parallel node has at least two branches'));
      n.branches.forEach((b, j) => {
        if (b.length === 0) problems.push(problem(`process.nodes.${i}.branches.${j}`, '并联分支中没有环节', 'an empty branch'));
        b.forEach((s, k) => check(s.id, `process.nodes.${i}.branches.${j}.${k}`));
      });
    }
    if (n.kind === 'report_up' && n.organizationId && !organizationExists(n.organizationId))
      problems.push(problem(`process.nodes.${i}.organizationId`, '上报的部门不存在', 'no such organization'));
  });
  for (const s of stagesOf(nodes)) {
    if (s.assignee.role === 'clerk' && !clerkMayActAt(s.stage, content.caseKind))
      problems.push(
        problem(
          `process.${s.id}.assignee`,
          '综合窗口受理人员负责受理和送达（即办件经授权可由窗口当场决定、办结），审查和承诺件的决定应由审批人员或首席代表办理',
          'window clerks receive and deliver (and decide and conclude an immediate item the department authorized the window to decide); review and the decisions of committed items belong to approvers and heads',
        ),
      );
    if (s.assignee.organizationId && !organizationExists(s.assignee.organizationId))
      problems.push(problem(`process.${s.id}.assignee`, '办理部门不存在', 'no such organization'));
  }
  const budget = nodes.reduce((sum, n) => sum + (n.kind !== 'parallel' && n.budget?.unit === 'workday' ? n.budget.value : 0), 0);
  if (content.caseKind === 'committed' && content.legalLimit.unit === 'workday' && budget > content.legalLimit.value) {
    problems.push(
      problem(
        'process',
        `各环节时限合计 ${budget} 个工作日，超过法定时限（${content.legalLimit.value} 个工作日）`,
        `stage budgets (${budget} working days) exceed the legal limit (${content.legalLimit.value})`,
      ),
    );
  }
  return problems;
}

/** A period of validity in calendar days, roughly (a year of 365 days, a month of 30). */
const validityDays = (v: Validity) => v.value * (v.unit === 'year' ? 365 : 30);
/** A renewal lead in calendar days, roughly (five working days a week, eight working hours a day). */
const renewalLeadDays = (l: Limit) => (l.unit === 'day' ? l.value : ((l.unit === 'workhour' ? l.value / 8 : l.value) * 7) / 5);

/** The widgets a license may print (登记事项): not a table, a file, or a person's ID number or phone. */
const printable = new Set(['text', 'textarea', 'number', 'date', 'select', 'region', 'address']);

/**
 * What a license prints of the form (`resultFields`) and whom a grant registers (`establishes`): fields of the form,
 * printable, on an item whose result is a license; the enterprise registered is named by a text field, its legal
 * representative by a text field, its domicile by an address.
 */
function licenseContentProblems(content: ItemContent): Problem[] {
  const problems: Problem[] = [];
  const fields = content.form.ui.fields;
  if (content.resultFields?.length && !issuesLicense(content))
    problems.push(problem('resultFields', '审批结果不是证照的事项无需填写证照载明事项', 'only an item whose result is a license prints form fields on it'));
  const seen = new Set<string>();
  (content.resultFields ?? []).forEach((key, i) => {
    const field = fields[key];
    if (!field) problems.push(problem(`resultFields.${i}`, `证照载明事项 ${key} 不是申请表中的字段`, `${key} is not a field of the form`));
    else if (!printable.has(field.widget))
      problems.push(
        problem(
          `resultFields.${i}`,
          `证照不能载明“${field.label['zh-CN']}”（表格、附件、身份证号或电话）`,
          `a license does not print ${key} (a table, a file, an ID number or a phone)`,
        ),
      );
    if (seen.has(key)) problems.push(problem(`resultFields.${i}`, `证照载明事项 ${key} 重复`, `${key} is printed twice`));
    seen.add(key);
  });
  const e = content.establishes;
  if (e) {
    if (!issuesLicense(content))
      problems.push(problem('establishes', '登记设立市场主体的事项，审批结果须为证照（营业执照）', 'an item that registers an enterprise issues it a license'));
    const expect = (path: string, key: string | undefined, widgets: string[], zh: string, en: string) => {
      if (key === undefined) return;
      const field = fields[key];
      if (!field || !widgets.includes(field.widget)) problems.push(problem(`establishes.${path}`, zh, en));
    };
    expect('nameField', e.nameField, ['text'], '市场主体名称须取自申请表中的文本字段', "the enterprise's name is a text field of the form");
    expect(
      'legalRepresentativeField',
      e.legalRepresentativeField,
      ['text'],
      '法定代表人须取自申请表中的文本字段',
      'the legal representative is a text field of the form',
    );
    expect('addressField', e.addressField, ['address'], '住所须取自申请表中的地址字段', 'the domicile is an address field of the form');
  }
  return problems;
}

/** Everything that must hold before a version goes to review. */
export function validateContent(content: ItemContent, organizationExists: (id: number) => boolean): Problem[] {
  const problems: Problem[] = [];
  if (content.caseKind === 'immediate' && (content.committedLimit.value !== 0 || content.legalLimit.value !== 0)) {
    problems.push(problem('committedLimit', '即办件当场办结，法定时限和承诺时限均应为 0', 'an immediate item (即办件) is decided on the spot: limits are 0'));
  }
  if (content.caseKind === 'committed' && content.committedLimit.value === 0)
    problems.push(problem('committedLimit', '承诺件须填写承诺时限', 'a committed item (承诺件) needs a committed limit'));
  if (content.committedLimit.unit === content.legalLimit.unit && content.committedLimit.value > content.legalLimit.value) {
    problems.push(problem('committedLimit', '承诺时限不得超过法定时限', 'the committed limit cannot exceed the legal limit'));
  }
  if (content.commitmentCheck && !content.commitmentApproval)
    problems.push(problem('commitmentCheck', '非告知承诺制事项无需核查时限', 'only an item approved by written commitment (告知承诺制) has a check period'));
  if (content.commitmentCheck && content.commitmentCheck.value === 0)
    problems.push(problem('commitmentCheck', '告知承诺核查时限须大于 0', 'the check period after a grant by commitment is longer than 0'));
  // 补正期限: counted in days from the day supplements are asked, so never in working hours
  if (content.supplementPeriod && content.supplementPeriod.value === 0)
    problems.push(problem('supplementPeriod', '补正期限须大于 0', 'the period to hand in supplements is longer than 0'));
  if (content.supplementPeriod?.unit === 'workhour')
    problems.push(problem('supplementPeriod', '补正期限以日或工作日计', 'the period to hand in supplements is counted in days or working days'));
  // 证照有效期 and 延续: only a result issued as a license runs out, and only one that runs out is renewed
  if (content.resultValidity && !issuesLicense(content))
    problems.push(
      problem('resultValidity', '审批结果不是证照的事项无需填写证照有效期', 'only an item whose result is issued as a license has a period of validity'),
    );
  if (content.renewalLead && !content.resultValidity)
    problems.push(problem('renewalLead', '证照长期有效（未填写有效期）的事项无需延续申请时限', 'only a license with a period of validity has a renewal lead'));
  if (content.renewalLead && content.renewalLead.value === 0)
    problems.push(problem('renewalLead', '延续申请时限须大于 0', 'the renewal lead is longer than 0'));
  if (content.resultValidity && renewalLeadDays(renewalLeadOf(content)) >= validityDays(content.resultValidity))
    problems.push(problem('renewalLead', '延续申请时限须短于证照有效期', "the renewal lead is shorter than the license's period of validity"));
  // the window a renewal is taken in opens before the latest day to apply and after the license is issued
  if (content.renewalOpens && !content.resultValidity)
    problems.push(
      problem('renewalOpens', '证照长期有效（未填写有效期）的事项无需延续受理起始时限', 'only a license with a period of validity has a renewal window'),
    );
  else if (content.renewalOpens && renewalLeadDays(content.renewalOpens) <= renewalLeadDays(renewalLeadOf(content)))
    problems.push(problem('renewalOpens', '延续受理起始时限须长于延续申请时限', 'the renewal window opens before the last day to apply (the lead)'));
  else if (content.resultValidity && content.renewalOpens && renewalLeadDays(content.renewalOpens) >= validityDays(content.resultValidity))
    problems.push(problem('renewalOpens', '延续受理起始时限须短于证照有效期', "the renewal window opens within the license's period of validity"));
  problems.push(...licenseContentProblems(content));
  if (content.isChargeable && content.fees.length === 0) problems.push(problem('fees', '收费事项须列明收费项目', 'a chargeable item lists its fees'));
  if (!content.isChargeable && content.fees.length > 0) problems.push(problem('fees', '不收费事项不应列出收费项目', 'a free item lists no fees'));
  const keys = new Set<string>();
  content.materials.forEach((m, i) => {
    if (keys.has(m.key)) problems.push(problem(`materials.${i}.key`, `申请材料标识 ${m.key} 重复使用`, `material key ${m.key} is used twice`));
    keys.add(m.key);
    if (m.tolerable && m.necessity !== 'required')
      problems.push(problem(`materials.${i}.tolerable`, '只有必要材料可以设为容缺后补', 'only a required material may follow after acceptance (容缺后补)'));
    if (m.necessity === 'conditional' && !m.condition)
      problems.push(problem(`materials.${i}.condition`, '情形必要的申请材料须说明适用情形', 'a conditional material says when it is needed'));
    if (m.source === 'license' && !m.licenseType)
      problems.push(
        problem(`materials.${i}.licenseType`, '来源为电子证照的申请材料须注明证照类型', 'a material taken from an electronic license names the license type'),
      );
  });
  if (!content.basis.trim()) problems.push(problem('basis', '设定依据为必填项', 'the legal basis (设定依据) is required'));
  problems.push(...validateForm(content.form), ...validateProcess(content.process, content, organizationExists));
  return problems;
}
