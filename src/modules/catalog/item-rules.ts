import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { isValidCreditCode, isValidIdCardNumber, isValidPhone, isValidRegionCode } from '../../common/validators.ts';
import type { Form, ItemContent, Process, ProcessNode, StageNode } from './catalog.schemas.ts';

export interface Problem {
  path: string;
  message: string;
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
  if (schema.type !== 'object') problems.push({ path: 'form.schema.type', message: 'the form schema must be an object schema' });
  const props = schema.properties ?? {};
  const names = Object.keys(props);
  if (names.length === 0) problems.push({ path: 'form.schema.properties', message: 'the form has no fields' });
  for (const name of names) {
    if (!/^[A-Za-z][A-Za-z0-9_]{0,59}$/.test(name)) problems.push({ path: `form.schema.properties.${name}`, message: 'field names are letters, digits and _' });
    const ui = form.ui.fields[name];
    if (!ui) {
      problems.push({ path: `form.ui.fields.${name}`, message: 'the field has no UI hints (widget and label)' });
      continue;
    }
    const type = props[name]?.type;
    if (!type || !widgetTypes[ui.widget]?.includes(type))
      problems.push({ path: `form.ui.fields.${name}.widget`, message: `widget ${ui.widget} does not fit type ${type}` });
    if (ui.widget === 'id_number' && props[name]?.format !== 'id-card')
      problems.push({ path: `form.schema.properties.${name}.format`, message: 'an ID number field uses format id-card' });
    if (ui.widget === 'phone' && props[name]?.format !== 'phone')
      problems.push({ path: `form.schema.properties.${name}.format`, message: 'a phone field uses format phone' });
  }
  for (const name of Object.keys(form.ui.fields))
    if (!props[name]) problems.push({ path: `form.ui.fields.${name}`, message: 'UI hints for a field the schema does not have' });
  for (const name of schema.required ?? []) if (!props[name]) problems.push({ path: 'form.schema.required', message: `required field ${name} does not exist` });
  const order = new Set(form.ui.order);
  if (order.size !== form.ui.order.length) problems.push({ path: 'form.ui.order', message: 'a field is listed twice' });
  for (const name of names) if (!order.has(name)) problems.push({ path: 'form.ui.order', message: `field ${name} is not placed` });
  if (problems.length === 0) {
    try {
      ajv.compile(form.schema);
    } catch (error) {
      problems.push({ path: 'form.schema', message: (error as Error).message });
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
  return (validate.errors ?? []).map((e) => ({
    path: (e.instancePath.replace(/^\//, '').replace(/\//g, '.') || (e.params as { missingProperty?: string }).missingProperty) ?? '',
    message: e.message ?? e.keyword,
  }));
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
  if (nodes.length === 0) return [{ path: 'process.nodes', message: 'the process has no nodes' }];
  const first = nodes[0]!;
  if (first.kind !== 'stage' || first.stage !== 'receive') problems.push({ path: 'process.nodes.0', message: 'the process starts with intake (receive)' });
  const top = nodes.filter((n): n is StageNode => n.kind === 'stage').map((n) => n.stage);
  if (!top.includes('decide') && !nodes.some((n) => n.kind === 'report_up'))
    problems.push({ path: 'process.nodes', message: 'no decide stage: the process never reaches a decision' });
  if (!top.includes('conclude')) problems.push({ path: 'process.nodes', message: 'no conclude stage: the process never ends' });
  const ids = new Set<string>();
  nodes.forEach((n, i) => {
    const check = (id: string, path: string) => {
      if (ids.has(id)) problems.push({ path, message: `node id ${id} is used twice` });
      ids.add(id);
    };
    check(n.id, `process.nodes.${i}`);
    if (n.kind === 'parallel') {
      if (n.branches.length < 2) problems.push({ path: `process.nodes.${i}.branches`, message: 'a parallel node has at least two branches' });
      n.branches.forEach((b, j) => {
        if (b.length === 0) problems.push({ path: `process.nodes.${i}.branches.${j}`, message: 'an empty branch' });
        b.forEach((s, k) => check(s.id, `process.nodes.${i}.branches.${j}.${k}`));
      });
    }
    if (n.kind === 'report_up' && n.organizationId && !organizationExists(n.organizationId))
      problems.push({ path: `process.nodes.${i}.organizationId`, message: 'no such organization' });
  });
  for (const s of stagesOf(nodes)) {
    if (s.assignee.role === 'clerk' && s.stage !== 'receive' && s.stage !== 'deliver')
      problems.push({ path: `process.${s.id}.assignee`, message: 'window clerks receive and deliver; review and decisions belong to approvers and heads' });
    if (s.assignee.organizationId && !organizationExists(s.assignee.organizationId))
      problems.push({ path: `process.${s.id}.assignee`, message: 'no such organization' });
  }
  const budget = nodes.reduce((sum, n) => sum + (n.kind !== 'parallel' && n.budget?.unit === 'workday' ? n.budget.value : 0), 0);
  if (content.caseKind === 'committed' && content.legalLimit.unit === 'workday' && budget > content.legalLimit.value) {
    problems.push({ path: 'process', message: `stage budgets (${budget} working days) exceed the legal limit (${content.legalLimit.value})` });
  }
  return problems;
}

/** Everything that must hold before a version goes to review. */
export function validateContent(content: ItemContent, organizationExists: (id: number) => boolean): Problem[] {
  const problems: Problem[] = [];
  if (content.caseKind === 'immediate' && (content.committedLimit.value !== 0 || content.legalLimit.value !== 0)) {
    problems.push({ path: 'committedLimit', message: 'an immediate item (即办件) is decided on the spot: limits are 0' });
  }
  if (content.caseKind === 'committed' && content.committedLimit.value === 0)
    problems.push({ path: 'committedLimit', message: 'a committed item (承诺件) needs a committed limit' });
  if (content.committedLimit.unit === content.legalLimit.unit && content.committedLimit.value > content.legalLimit.value) {
    problems.push({ path: 'committedLimit', message: 'the committed limit cannot exceed the legal limit' });
  }
  if (content.isChargeable && content.fees.length === 0) problems.push({ path: 'fees', message: 'a chargeable item lists its fees' });
  if (!content.isChargeable && content.fees.length > 0) problems.push({ path: 'fees', message: 'a free item lists no fees' });
  const keys = new Set<string>();
  content.materials.forEach((m, i) => {
    if (keys.has(m.key)) problems.push({ path: `materials.${i}.key`, message: `material key ${m.key} is used twice` });
    keys.add(m.key);
    if (m.necessity === 'conditional' && !m.condition)
      problems.push({ path: `materials.${i}.condition`, message: 'a conditional material says when it is needed' });
    if (m.source === 'license' && !m.licenseType)
      problems.push({ path: `materials.${i}.licenseType`, message: 'a material taken from an electronic license names the license type' });
  });
  if (!content.basis.trim()) problems.push({ path: 'basis', message: 'the legal basis (设定依据) is required' });
  problems.push(...validateForm(content.form), ...validateProcess(content.process, content, organizationExists));
  return problems;
}
