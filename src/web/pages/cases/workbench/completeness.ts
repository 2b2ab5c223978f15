import type { CaseDetail, CaseMaterial, ItemContent } from '../../../api/cases.ts';

type Material = ItemContent['materials'][number];

export interface CompletenessRow {
  key: string;
  name: string;
  necessity: Material['necessity'] | 'unknown';
  condition?: string;
  /** 容缺后补: the item lets it follow after acceptance (never on a bundle application) */
  tolerable: boolean;
  status: CaseMaterial['status'];
  /** the latest round's row for this material */
  latest: CaseMaterial | null;
}

export interface Completeness {
  rows: CompletenessRow[];
  missingRequired: CompletenessRow[];
  /** 容缺受理: the missing required materials that may follow, and those that may not (a one-time notice) */
  missingTolerable: CompletenessRow[];
  missingBlocking: CompletenessRow[];
  /** accepted to follow and not handed in yet (容缺待补) */
  tolerated: CompletenessRow[];
  isComplete: boolean;
  /** everything missing may follow: the window may accept with it to follow */
  canTolerate: boolean;
}

/** Each material's latest state across rounds (a supplement round overrides the first). */
export function latestStatus(materials: CaseMaterial[]): Map<string, CaseMaterial> {
  const latest = new Map<string, CaseMaterial>();
  for (const m of [...materials].sort((a, b) => a.round - b.round)) latest.set(m.key, m);
  return latest;
}

/**
 * 材料完整性检查: the item's materials against what the case holds now. The item's list comes from
 * the version the case was filed under; materials the case has but that list lacks are kept.
 * A bundle application is accepted complete, so nothing of it counts as tolerable there.
 */
export function checkCompleteness(kase: CaseDetail, itemMaterials: Material[] | undefined): Completeness {
  const latest = latestStatus(kase.materials);
  const defs = itemMaterials ?? [];
  const rows: CompletenessRow[] = defs.map((m) => {
    const l = latest.get(m.key) ?? null;
    const tolerable = !kase.bundle && m.necessity === 'required' && !!m.tolerable;
    return { key: m.key, name: m.name, necessity: m.necessity, condition: m.condition, tolerable, status: l?.status ?? 'missing', latest: l };
  });
  for (const [key, l] of latest)
    if (!defs.some((d) => d.key === key)) rows.push({ key, name: l.name, necessity: 'unknown', tolerable: false, status: l.status, latest: l });
  const missingRequired = rows.filter((r) => r.necessity === 'required' && r.status === 'missing');
  const missingTolerable = missingRequired.filter((r) => r.tolerable);
  const missingBlocking = missingRequired.filter((r) => !r.tolerable);
  return {
    rows,
    missingRequired,
    missingTolerable,
    missingBlocking,
    tolerated: rows.filter((r) => r.status === 'tolerated'),
    isComplete: missingRequired.length === 0,
    canTolerate: missingTolerable.length > 0 && missingBlocking.length === 0,
  };
}
