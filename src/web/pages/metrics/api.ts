import { api } from '../../api/client.ts';

export const metricKeys = [
  'received',
  'accepted',
  'completed',
  'completionRate',
  'onTimeRate',
  'earlyRate',
  'immediateShare',
  'atWindowShare',
  'avgCommittedDays',
  'avgActualDays',
  'avgLegalDays',
  'onlineCapableShare',
  'onlineUptake',
  'fees',
  'satisfaction',
  'late',
  'returned',
] as const;
export type MetricKey = (typeof metricKeys)[number];
export const percentKeys = new Set<MetricKey>([
  'completionRate',
  'onTimeRate',
  'earlyRate',
  'immediateShare',
  'atWindowShare',
  'onlineCapableShare',
  'onlineUptake',
  'satisfaction',
]);
export const dayKeys = new Set<MetricKey>(['avgCommittedDays', 'avgActualDays', 'avgLegalDays']);
export const kindKeys = ['immediate', 'committed', 'joint', 'reported_up', 'urgent', 'awaiting_supplement', 'returned'] as const;

export type Figures = Record<MetricKey, number | null> & {
  /** the cases accepted in the period and completed so far: what 办结率 is the rate of */
  completedOfAccepted: number;
  ratings: number;
  delivered: number;
  kinds: Record<(typeof kindKeys)[number], number>;
};
export interface Dashboard {
  period: { kind: string; from: string; to: string; label: string };
  previousLabel: string;
  lastYearLabel: string;
  current: Figures;
  previous: Figures;
  lastYear: Figures;
  mom: Partial<Record<MetricKey, number | null>>;
  yoy: Partial<Record<MetricKey, number | null>>;
  catalog: { items: number; onlineCapable: number };
  breakdown: { key: string; name: string; figures: Figures }[];
  trend: { label: string; from: string; figures: Figures }[];
}
export interface Options {
  regions: { id: number; name: string }[];
  organizations: { id: number; name: string }[];
  windows: { id: number; name: string; hallId: number }[];
  items: { id: number; name: string }[];
  canManage: boolean;
}
export interface RankRow {
  id: number;
  name: string;
  accepted: number;
  concluded: number;
  onTimeRate: number | null;
  earlyRate: number | null;
  satisfaction: number | null;
  avgActualDays: number | null;
  score: number | null;
  /** equal scores share a rank (1, 1, 1, 4, …) and a mark */
  rank: number;
  tied: boolean;
  mark: 'praised' | 'flagged' | null;
}
export interface Ranking {
  month: string;
  windows: RankRow[];
  departments: RankRow[];
  redFlagCandidate: RankRow | null;
  redFlags: { hallId: number; hall: string; windowId: number; windowName: string | null; score: number | null; note: string }[];
}
export interface StaffRow {
  accountId: number;
  name: string;
  organization: string;
  window: string | null;
  volume: number;
  tasksDone: number;
  timeliness: number | null;
  satisfaction: number | null;
  score: number | null;
}
export interface Settings {
  centerId: number;
  centerName: string;
  weights: { volume: number; timeliness: number; rating: number };
  minCases: number;
  version: number;
}
export interface WorkLog {
  window: { id: number; name: string; number: string; hall: string };
  staff: { accountId: number; name: string; post: string }[];
  days: {
    day: string;
    onDuty: { accountId: number; name: string }[];
    accepted: number;
    concluded: number;
    delivered: number;
    remarks: string;
    version: number;
    updatedBy: string | null;
  }[];
}

export const metricsApi = {
  dashboard: (q: Record<string, string | number | undefined>) => api.get<Dashboard>('/metrics/dashboard', q),
  options: () => api.get<Options>('/metrics/options'),
  ranking: (month: string) => api.get<Ranking>('/metrics/ranking', { month }),
  staff: (month: string) => api.get<{ weights: Settings['weights']; staff: StaffRow[] }>('/metrics/staff', { month }),
  settings: () => api.get<Settings>('/metrics/settings'),
  saveSettings: (body: { center: number; weights: Settings['weights']; minCases: number; expectedVersion: number }) =>
    api.put<Settings>('/metrics/settings', body, { idempotencyKey: true }),
  log: (windowId: number, from: string, to: string) => api.get<WorkLog>(`/metrics/windows/${windowId}/log`, { from, to }),
  saveLog: (windowId: number, day: string, body: { remarks: string; expectedVersion: number }) =>
    api.put<{ version: number }>(`/metrics/windows/${windowId}/log/${day}`, body, { idempotencyKey: true }),
  nameRedFlag: (body: { windowId: number; month: string; note: string }) => api.post('/metrics/red-flags', body, { idempotencyKey: true }),
  live: () => api.get<any>('/metrics/live'),
};

export const localToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
