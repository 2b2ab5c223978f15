import type { CaseDetail, CaseMaterial, ItemContent } from '../../../api/cases.ts';

type Material = ItemContent['materials'][number];

export interface CompletenessRow {
  key: string;
  name: string;
  necessity: Material['necessity'] | 'unknown';
  condition?: string;
  status: CaseMaterial['status'];
  /** the latest round's row for this material */
  latest: CaseMaterial | null;
}

export interface Completeness {
  rows: CompletenessRow[];
  missingRequired: CompletenessRow[];
  isComplete: boolean;
}

/** Each material's latest state across rounds (a supplement round overrides the first). */
export function latestStatus(materials: CaseMaterial[]): Map<string, CaseMaterial> {
  const latest = new Map<string, CaseMaterial>();
  for (const m of [...materials].sort((a, b) => a.round - b.round)) latest.set(m.key, m);
  return latest;
}

/**
 * 材料完整性检查: the item's materials against what the case holds now. The item's list comes from
 * the published version; materials the case has but that version lacks are kept (an older version).
 */
export function checkCompleteness(kase: CaseDetail, itemMaterials: Material[] | undefined): Completeness {
  const latest = latestStatus(kase.materials);
  const defs = itemMaterials ?? [];
  const rows: CompletenessRow[] = defs.map((m) => {
    const l = latest.get(m.key) ?? null;
    return { key: m.key, name: m.name, necessity: m.necessity, condition: m.condition, status: l?.status ?? 'missing', latest: l };
  });
  for (const [key, l] of latest) if (!defs.some((d) => d.key === key)) rows.push({ key, name: l.name, necessity: 'unknown', status: l.status, latest: l });
  const missingRequired = rows.filter((r) => r.necessity === 'required' && r.status === 'missing');
  return { rows, missingRequired, isComplete: missingRequired.length === 0 };
}
