import type { MessageKey, TFunction } from '../../i18n/index.tsx';
import type { ItemContent, ItemStatus, ItemType, Material, StageNode, VersionState, Widget } from '../../api/catalog-admin.ts';

/** The catalog's enumerations with their Chinese (and English) names, in the order editors pick them. */

export const itemTypes: ItemType[] = ['licensing', 'confirmation', 'payment', 'levy', 'reward', 'adjudication', 'inspection', 'other_power', 'public_service'];
export const themeOptions = [
  '生育',
  '入学',
  '就业',
  '户籍',
  '住房',
  '养老',
  '医疗',
  '社会救助',
  '残疾人',
  '交通出行',
  '开办企业',
  '工程建设',
  '不动产',
  '经营许可',
  '税务',
  '环境保护',
];
export const powerSources = ['法定本级行使', '上级下放', '上级委托', '其他'];

type Options<T extends string | number> = readonly (readonly [T, MessageKey])[];

export const typeLabels: Options<ItemType> = itemTypes.map((v) => [v, `ca.type.${v}` as MessageKey] as const);
export const caseKindLabels: Options<ItemContent['caseKind']> = [
  ['immediate', 'ca.caseKind.immediate'],
  ['committed', 'ca.caseKind.committed'],
];
export const unitLabels: Options<ItemContent['legalLimit']['unit']> = [
  ['workday', 'ca.unit.workday'],
  ['day', 'ca.unit.day'],
  ['workhour', 'ca.unit.workhour'],
];
export const levelLabels: Options<ItemContent['level']> = [
  ['city', 'ca.level.city'],
  ['district', 'ca.level.district'],
  ['street', 'ca.level.street'],
  ['community', 'ca.level.community'],
];
export const audienceLabels: Options<ItemContent['audience'][number]> = [
  ['person', 'ca.audience.person'],
  ['enterprise', 'ca.audience.enterprise'],
];
export const depthLabels: Options<number> = [
  [1, 'ca.depth.1'],
  [2, 'ca.depth.2'],
  [3, 'ca.depth.3'],
  [4, 'ca.depth.4'],
];
export const scopeLabels: Options<ItemContent['anywhereScope']> = [
  ['none', 'ca.scope.none'],
  ['city', 'ca.scope.city'],
  ['province', 'ca.scope.province'],
  ['national', 'ca.scope.national'],
];
export const deliveryLabels: Options<ItemContent['deliveryMethods'][number]> = [
  ['pickup', 'ca.delivery.pickup'],
  ['post', 'ca.delivery.post'],
  ['locker', 'ca.delivery.locker'],
  ['electronic', 'ca.delivery.electronic'],
];
export const resultTypeLabels: Options<ItemContent['resultType']> = [
  ['license', 'ca.result.license'],
  ['approval_document', 'ca.result.approval_document'],
  ['certificate', 'ca.result.certificate'],
  ['other', 'ca.result.other'],
];
export const materialKindLabels: Options<Material['kind']> = [
  ['original', 'ca.material.kind.original'],
  ['copy', 'ca.material.kind.copy'],
  ['original_and_copy', 'ca.material.kind.original_and_copy'],
];
export const materialFormLabels: Options<Material['form']> = [
  ['paper', 'ca.material.form.paper'],
  ['electronic', 'ca.material.form.electronic'],
  ['both', 'ca.material.form.both'],
];
export const necessityLabels: Options<Material['necessity']> = [
  ['required', 'ca.material.necessity.required'],
  ['conditional', 'ca.material.necessity.conditional'],
  ['optional', 'ca.material.necessity.optional'],
];
export const sourceLabels: Options<Material['source']> = [
  ['applicant', 'ca.material.source.applicant'],
  ['license', 'ca.material.source.license'],
  ['shared_data', 'ca.material.source.shared_data'],
  ['issuing_agency', 'ca.material.source.issuing_agency'],
];
export const stageLabels: Options<StageNode['stage']> = [
  ['receive', 'ca.stage.receive'],
  ['review', 'ca.stage.review'],
  ['decide', 'ca.stage.decide'],
  ['conclude', 'ca.stage.conclude'],
  ['deliver', 'ca.stage.deliver'],
  ['custom', 'ca.stage.custom'],
];
export const roleLabels: Options<StageNode['assignee']['role']> = [
  ['clerk', 'ca.role.clerk'],
  ['approver', 'ca.role.approver'],
  ['head', 'ca.role.head'],
];
export const orgRuleLabels: Options<StageNode['assignee']['org']> = [
  ['implementing', 'ca.orgRule.implementing'],
  ['center', 'ca.orgRule.center'],
  ['higher', 'ca.orgRule.higher'],
];
export const parallelModeLabels: Options<'countersign' | 'anysign'> = [
  ['countersign', 'ca.parallel.countersign'],
  ['anysign', 'ca.parallel.anysign'],
];
export const widgetLabels: Options<Widget> = [
  ['text', 'ca.widget.text'],
  ['textarea', 'ca.widget.textarea'],
  ['number', 'ca.widget.number'],
  ['date', 'ca.widget.date'],
  ['select', 'ca.widget.select'],
  ['region', 'ca.widget.region'],
  ['id_number', 'ca.widget.id_number'],
  ['phone', 'ca.widget.phone'],
  ['address', 'ca.widget.address'],
  ['table', 'ca.widget.table'],
  ['file', 'ca.widget.file'],
];
export const statusLabels: Options<ItemStatus> = [
  ['draft', 'ca.status.draft'],
  ['published', 'ca.status.published'],
  ['cancelled', 'ca.status.cancelled'],
];
export const versionStateLabels: Options<VersionState> = [
  ['draft', 'ca.state.draft'],
  ['in_review', 'ca.state.in_review'],
  ['published', 'ca.state.published'],
  ['superseded', 'ca.state.superseded'],
  ['cancelled', 'ca.state.cancelled'],
];
export const statusColors: Record<ItemStatus, string> = { draft: 'default', published: 'green', cancelled: 'red' };
export const versionStateColors: Record<VersionState, string> = {
  draft: 'blue',
  in_review: 'orange',
  published: 'green',
  superseded: 'default',
  cancelled: 'red',
};

/** antd `options` from a label table. */
export function optionsOf<T extends string | number>(t: TFunction, labels: Options<T>) {
  return labels.map(([value, key]) => ({ value, label: t(key) }));
}

/** The name of one value. */
export function labelOf<T extends string | number>(t: TFunction, labels: Options<T>, value: T | undefined | null): string {
  const hit = labels.find(([v]) => v === value);
  return hit ? t(hit[1]) : String(value ?? '—');
}

/** "20 工作日", "1 working day" */
export function formatLimit(t: TFunction, limit: { value: number; unit: ItemContent['legalLimit']['unit'] } | undefined): string {
  if (!limit) return '—';
  return `${limit.value} ${limit.value === 1 ? t(`ca.unitOne.${limit.unit}`) : labelOf(t, unitLabels, limit.unit)}`;
}
