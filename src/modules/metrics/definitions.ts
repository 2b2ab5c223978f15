/**
 * The metrics, defined once. Every figure the dashboards, exports, reports and the big screen show is
 * computed here from rollup sums; docs/metrics.md states the same formulas in words.
 */
import { counters } from './rollups.ts';

/** Sums read from the rollups for one slice (a period, a department, …). */
export interface Sums {
  received: number;
  accepted: number;
  accepted_immediate: number;
  accepted_committed: number;
  cohort_concluded: number;
  concluded: number;
  concluded_committed: number;
  on_time: number;
  early: number;
  at_window: number;
  actual_days: number;
  committed_n: number;
  committed_days: number;
  legal_n: number;
  legal_days: number;
  returned: number;
  delivered: number;
  delivered_late: number;
  joint: number;
  reported_up: number;
  urgent: number;
  supplement: number;
  fees_cents: number;
  rated: number;
  satisfied: number;
  /** accepted cases of online-capable items, and those of them filed online or on mobile */
  accepted_capable: number;
  accepted_capable_online: number;
}

/** Sums split by case kind or by online-capable item when a slice is read; the rest are the rollup counters. */
const splitSumKeys = ['accepted_immediate', 'accepted_committed', 'concluded_committed', 'accepted_capable', 'accepted_capable_online'] as const;

export const sumKeys: (keyof Sums)[] = [...counters, ...splitSumKeys];

export const emptySums = (): Sums => Object.fromEntries(sumKeys.map((k) => [k, 0])) as unknown as Sums;

/** Catalog figures for the scope (items are few: read from the catalog, not from rollups). */
export interface CatalogCounts {
  items: number;
  onlineCapable: number;
}

export interface Figures {
  received: number;
  accepted: number;
  completed: number;
  /** 办结率: of the cases accepted in the period, the share concluded (so far) */
  completionRate: number | null;
  /** the cases accepted in the period and concluded so far: the numerator of 办结率 (not `completed`, which counts by conclusion day) */
  completedOfAccepted: number;
  /** 按时办结率: of the cases concluded in the period, the share concluded by their deadline */
  onTimeRate: number | null;
  /** 提前办结率: of the committed cases concluded in the period, the share with at least one unit of the committed limit left */
  earlyRate: number | null;
  /** 即办件率: immediate cases among those accepted */
  immediateShare: number | null;
  /** 窗口办结率 (授权率 by case): concluded without a back-office stage */
  atWindowShare: number | null;
  avgCommittedDays: number | null;
  avgActualDays: number | null;
  avgLegalDays: number | null;
  /** 可网办率: published items in scope that can be handled online (online depth 3 or 4) */
  onlineCapableShare: number | null;
  /** 网上办理率: of the accepted cases of online-capable items, the share filed online or on mobile */
  onlineUptake: number | null;
  /** 收费金额 in yuan */
  fees: number;
  /** 满意率: ratings of 3 (基本满意) and above among all ratings given in the period */
  satisfaction: number | null;
  ratings: number;
  late: number;
  returned: number;
  delivered: number;
  deliveredLate: number;
  kinds: Record<CaseKindKey, number>;
}

export const caseKindKeys = ['immediate', 'committed', 'joint', 'reported_up', 'urgent', 'awaiting_supplement', 'returned'] as const;
export type CaseKindKey = (typeof caseKindKeys)[number];

const ratio = (n: number, d: number): number | null => (d > 0 ? n / d : null);
const round = (v: number | null, digits = 4): number | null => (v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits);

export function derive(s: Sums, catalog: CatalogCounts): Figures {
  return {
    received: s.received,
    accepted: s.accepted,
    completed: s.concluded,
    completionRate: round(ratio(s.cohort_concluded, s.accepted)),
    completedOfAccepted: s.cohort_concluded,
    onTimeRate: round(ratio(s.on_time, s.concluded)),
    earlyRate: round(ratio(s.early, s.concluded_committed)),
    immediateShare: round(ratio(s.accepted_immediate, s.accepted)),
    atWindowShare: round(ratio(s.at_window, s.concluded)),
    avgCommittedDays: round(ratio(s.committed_days, s.committed_n), 2),
    avgActualDays: round(ratio(s.actual_days, s.concluded), 2),
    avgLegalDays: round(ratio(s.legal_days, s.legal_n), 2),
    onlineCapableShare: round(ratio(catalog.onlineCapable, catalog.items)),
    onlineUptake: round(ratio(s.accepted_capable_online, s.accepted_capable)),
    fees: s.fees_cents / 100,
    satisfaction: round(ratio(s.satisfied, s.rated)),
    ratings: s.rated,
    late: s.concluded - s.on_time,
    returned: s.returned,
    delivered: s.delivered,
    deliveredLate: s.delivered_late,
    kinds: {
      immediate: s.accepted_immediate,
      committed: s.accepted_committed,
      joint: s.joint,
      reported_up: s.reported_up,
      urgent: s.urgent,
      awaiting_supplement: s.supplement,
      returned: s.returned,
    },
  };
}

/** The headline metrics in display order, with their names (zh-CN first) and how they are shown. */
export const metricCatalog = [
  { key: 'received', zh: '收件量', en: 'Received', format: 'count' },
  { key: 'accepted', zh: '受理量', en: 'Accepted', format: 'count' },
  { key: 'completed', zh: '办结量', en: 'Completed', format: 'count' },
  { key: 'completionRate', zh: '办结率（本期受理件）', en: 'Completion rate (of accepted)', format: 'percent' },
  { key: 'onTimeRate', zh: '按时办结率', en: 'On-time rate', format: 'percent' },
  { key: 'earlyRate', zh: '提前办结率', en: 'Early-completion rate', format: 'percent' },
  { key: 'immediateShare', zh: '即办件率', en: 'Immediate share', format: 'percent' },
  { key: 'atWindowShare', zh: '窗口办结率', en: 'Decided at the window', format: 'percent' },
  { key: 'avgCommittedDays', zh: '平均承诺时限（工作日）', en: 'Avg. committed days', format: 'days' },
  { key: 'avgActualDays', zh: '平均实际办理（工作日）', en: 'Avg. actual days', format: 'days' },
  { key: 'avgLegalDays', zh: '平均法定时限（工作日）', en: 'Avg. legal days', format: 'days' },
  { key: 'onlineCapableShare', zh: '可网办率', en: 'Online-capable share', format: 'percent' },
  { key: 'onlineUptake', zh: '网上办理率', en: 'Online uptake', format: 'percent' },
  { key: 'fees', zh: '收费金额（元）', en: 'Fees collected (yuan)', format: 'money' },
  { key: 'satisfaction', zh: '满意率', en: 'Satisfaction', format: 'percent' },
  { key: 'late', zh: '超期办结', en: 'Concluded late', format: 'count' },
  { key: 'returned', zh: '退回件', en: 'Returned', format: 'count' },
] as const satisfies readonly { key: keyof Figures; zh: string; en: string; format: 'count' | 'percent' | 'days' | 'money' }[];

export type MetricKey = (typeof metricCatalog)[number]['key'];

/** Relative change from `before` to `now` (同比 / 环比); null when there is nothing to compare with. */
export function change(now: number | null, before: number | null): number | null {
  if (now === null || before === null || before === 0) return null;
  return Math.round(((now - before) / Math.abs(before)) * 10000) / 10000;
}

export function changes(now: Figures, before: Figures): Partial<Record<MetricKey, number | null>> {
  const out: Partial<Record<MetricKey, number | null>> = {};
  for (const m of metricCatalog) out[m.key] = change(now[m.key] as number | null, before[m.key] as number | null);
  return out;
}

/** Window and department efficiency score (0–100) for the monthly ranking; docs/metrics.md#ranking. */
export function efficiencyScore(s: Sums): number | null {
  if (s.concluded === 0) return null;
  const onTime = s.on_time / s.concluded;
  const early = s.concluded_committed > 0 ? s.early / s.concluded_committed : onTime;
  const satisfaction = s.rated > 0 ? s.satisfied / s.rated : onTime;
  return Math.round((50 * onTime + 30 * early + 20 * satisfaction) * 100) / 100;
}

export interface Weights {
  volume: number;
  timeliness: number;
  rating: number;
}
export const defaultWeights: Weights = { volume: 40, timeliness: 40, rating: 20 };

/**
 * Staff performance score (0–100): the weighted mean of the components that exist — volume (work
 * done ÷ the most done by anyone ranked), timeliness (tasks done by their due time ÷ tasks done) and
 * rating (satisfied ÷ rated). A missing component's weight is spread over the others.
 */
export function performanceScore(parts: { volume: number | null; timeliness: number | null; rating: number | null }, w: Weights): number | null {
  let total = 0;
  let weight = 0;
  for (const k of ['volume', 'timeliness', 'rating'] as const) {
    const v = parts[k];
    if (v === null || w[k] === 0) continue;
    total += v * w[k];
    weight += w[k];
  }
  return weight === 0 ? null : Math.round((total / weight) * 10000) / 100;
}
