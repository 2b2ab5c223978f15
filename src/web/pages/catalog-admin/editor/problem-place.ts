import type { MessageKey, TFunction } from '../../../i18n/index.tsx';
import type { Locale } from '../../../../common/errors.ts';
import type { ItemContent, ProcessNode, StageNode } from '../../../api/catalog-admin.ts';

/** The label of each element of an item's content, as its editor names it. */
const contentLabels: Partial<Record<keyof ItemContent, MessageKey>> = {
  name: 'ca.item.name',
  type: 'ca.item.type',
  level: 'ca.item.level',
  basis: 'ca.item.basis',
  powerSource: 'ca.item.powerSource',
  audience: 'ca.item.audience',
  themes: 'ca.item.themes',
  keywords: 'ca.item.keywords',
  conditions: 'ca.item.conditions',
  caseKind: 'ca.item.caseKind',
  legalLimit: 'ca.item.legalLimit',
  committedLimit: 'ca.item.committedLimit',
  specialProcedures: 'ca.item.specialProcedures',
  visitsRequired: 'ca.item.visitsRequired',
  onlineDepth: 'ca.item.onlineDepth',
  anywhereScope: 'ca.item.anywhereScope',
  quantityLimit: 'ca.item.quantityLimit',
  deliveryMethods: 'ca.item.deliveryMethods',
  supportsAppointment: 'ca.item.supportsAppointment',
  supportsOnlinePayment: 'ca.item.supportsOnlinePayment',
  commitmentApproval: 'ca.item.commitmentApproval',
  commitmentCheck: 'ca.item.commitmentCheck',
  supplementPeriod: 'ca.item.supplementPeriod',
  location: 'ca.item.location',
  hours: 'ca.item.hours',
  consultPhone: 'ca.item.consultPhone',
  complaintPhone: 'ca.item.complaintPhone',
  intermediaryServices: 'ca.item.intermediaryServices',
  resultType: 'ca.item.resultType',
  resultName: 'ca.item.resultName',
  resultLicenseType: 'ca.item.resultLicenseType',
  resultValidity: 'ca.item.resultValidity',
  renewalLead: 'ca.item.renewalLead',
  renewalOpens: 'ca.item.renewalOpens',
  isChargeable: 'ca.item.isChargeable',
  fees: 'ca.item.isChargeable',
  materials: 'ca.tab.materials',
  form: 'ca.place.form',
  process: 'ca.place.process',
  resultFields: 'ca.license.fields',
  establishes: 'ca.license.establishesShort',
};

const materialLabels: Record<string, MessageKey> = {
  key: 'ca.material.key',
  name: 'ca.material.name',
  kind: 'ca.material.kind',
  form: 'ca.material.form',
  necessity: 'ca.material.necessity',
  tolerable: 'ca.material.necessity',
  condition: 'ca.material.condition',
  count: 'ca.material.count',
  source: 'ca.material.source',
  licenseType: 'ca.material.licenseType',
  notes: 'ca.material.notes',
  spec: 'ca.material.spec',
  basis: 'ca.material.basis',
  sourceNote: 'ca.material.sourceNote',
  blankFormFile: 'ca.material.blankFormFile',
  sampleFile: 'ca.material.sampleFile',
};

const feeLabels: Record<string, MessageKey> = {
  name: 'ca.fee.name',
  standard: 'ca.fee.standard',
  basis: 'ca.fee.basis',
  reducible: 'ca.fee.reducible',
  reductionBasis: 'ca.fee.reductionBasis',
  amountCents: 'ca.fee.amount',
  chargeAt: 'ca.fee.chargeAt',
};

const establishesLabels: Record<string, MessageKey> = {
  nameField: 'ca.license.nameField',
  legalRepresentativeField: 'ca.license.legalRepField',
  addressField: 'ca.license.addressField',
};

function* stagesOf(nodes: readonly ProcessNode[]): Generator<StageNode> {
  for (const n of nodes) {
    if (n.kind === 'stage') yield n;
    else if (n.kind === 'parallel') for (const b of n.branches) yield* b;
  }
}

/**
 * Where in the item a problem's path (`materials.0.condition`, `process.review.assignee`, a schema error's
 * `/legalLimit/unit`) points, in the editor's words: 申请材料第 1 项「营业执照」的情形说明. Null for a path that names
 * nothing a person edits (the tab the problem is listed under then says where it is).
 */
export function placeOfProblem(t: TFunction, locale: Locale, path: string, content: ItemContent | null | undefined): string | null {
  const labelOf = (key: string) => content?.form.ui.fields[key]?.label[locale === 'en' ? 'en' : 'zh-CN'];
  const [head = '', ...rest] = path.replace(/^\//, '').split(/[./]/);
  const part = (where: string, what: MessageKey | undefined) => (what ? t('ca.place.part', { where, what: t(what) }) : where);
  const quoted = (key: MessageKey, n: number, name: string | undefined) =>
    name?.trim() ? t(key, { n, name: name.trim() }) : t(`${key}Unnamed` as MessageKey, { n });
  const index = rest[0] !== undefined && /^\d+$/.test(rest[0]) ? Number(rest[0]) : undefined;

  if (head === 'materials' && index !== undefined)
    return part(quoted('ca.place.material', index + 1, content?.materials[index]?.name), materialLabels[rest[1] ?? '']);
  if (head === 'fees' && index !== undefined) return part(quoted('ca.place.fee', index + 1, content?.fees[index]?.name), feeLabels[rest[1] ?? '']);
  if (head === 'form') {
    // form.schema.properties.<key>…, form.ui.fields.<key>…: the field, by its label
    const key = (rest[0] === 'schema' && rest[1] === 'properties') || (rest[0] === 'ui' && rest[1] === 'fields') ? rest[2] : undefined;
    if (!key) return t('ca.place.form');
    return t('ca.place.field', { name: labelOf(key) || key });
  }
  if (head === 'process') return placeInProcess(t, rest, content?.process.nodes ?? []);
  if (head === 'resultFields' && index !== undefined) {
    const key = content?.resultFields?.[index];
    return quoted('ca.place.licenseField', index + 1, key ? labelOf(key) || key : undefined);
  }
  if (head === 'establishes' && rest[0]) return part(t('ca.license.establishesShort'), establishesLabels[rest[0]]);
  const label = contentLabels[head as keyof ItemContent];
  return label ? t(label) : null;
}

/** A node of the process by its position (`nodes.2.branches.1.0`) or a stage by its id (`review.assignee`). */
function placeInProcess(t: TFunction, rest: string[], nodes: readonly ProcessNode[]): string {
  if (rest[0] === 'nodes' && rest[1] !== undefined) {
    const i = Number(rest[1]);
    const node = nodes[i];
    const where = node ? t('ca.place.node', { n: i + 1, name: node.name }) : t('ca.place.process');
    if (rest[2] === 'branches' && rest[3] !== undefined && node?.kind === 'parallel') {
      const j = Number(rest[3]);
      const branch = t('ca.place.branch', { where, n: j + 1 });
      const stage = rest[4] !== undefined ? node.branches[j]?.[Number(rest[4])] : undefined;
      return stage ? t('ca.place.part', { where: branch, what: t('ca.place.stage', { name: stage.name }) }) : branch;
    }
    if (rest[2] === 'organizationId') return t('ca.place.part', { where, what: t('ca.process.higherOrganization') });
    return where;
  }
  const stage = rest[0] ? [...stagesOf(nodes)].find((s) => s.id === rest[0]) : undefined;
  if (!stage) return t('ca.place.process');
  const where = t('ca.place.stage', { name: stage.name });
  return rest[1] === 'assignee' ? t('ca.place.part', { where, what: t('ca.process.role') }) : where;
}
