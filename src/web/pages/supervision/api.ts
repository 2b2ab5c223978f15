import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

/** 电子监察 API (GET/POST /api/v1/supervision…): the console, 督办 orders and the warning thresholds. */

export type Light = 'green' | 'yellow' | 'red';
export type OrderStatus = 'open' | 'replied' | 'closed' | 'escalated';
export type FindingKind = 'paused_often' | 'immediate_extended' | 'late_acceptance' | 'late_delivery' | 'late_commitment_check' | 'late_renewal';
export const orderStatuses: OrderStatus[] = ['open', 'replied', 'escalated', 'closed'];

export interface Summary {
  cases: Record<Light, number>;
  tasks: Record<Light, number>;
  warnings: { yellow: number; red: number; today: number; todayYellow: number; todayRed: number };
  findings: Partial<Record<FindingKind, number>>;
  orders: Record<OrderStatus, number> & { late: number; escalations: number };
  pending: number;
}
export interface CaseLight {
  id: number;
  number: string;
  subject: string;
  status: string;
  caseKind: string;
  organizationName: string;
  regionName: string;
  clockState: 'running' | 'paused';
  acceptedAt: string | null;
  committedDueAt: string | null;
  legalDueAt: string | null;
  warnAt: string | null;
  light: Light;
  openOrders: number;
}
export interface TaskLight {
  id: number;
  name: string;
  state: string;
  dueAt: string;
  yellowAt: string | null;
  caseId: number;
  caseNumber: string;
  caseSubject: string;
  organizationName: string;
  assigneeName: string | null;
  light: Light;
}
export interface Warning {
  id: number;
  level: 'yellow' | 'red';
  subjectType: 'clock' | 'task';
  limitKind: 'committed' | 'legal' | 'task';
  dueAt: string;
  crossedAt: string;
  raisedAt: string;
  caseId: number;
  caseNumber: string;
  caseSubject: string;
  organizationName: string;
  taskName: string | null;
}
export interface Finding {
  id: number;
  kind: FindingKind;
  detail: Record<string, unknown>;
  foundAt: string;
  caseId: number;
  caseNumber: string;
  caseSubject: string;
  caseStatus: string;
  organizationName: string;
}
export interface Order {
  id: number;
  number: string;
  status: OrderStatus;
  request: string;
  replyDueAt: string;
  isLate: boolean;
  escalations: number;
  version: number;
  createdAt: string;
  closedAt: string | null;
  closeNote: string | null;
  organizationId: number;
  organizationName: string;
  caseId: number;
  caseNumber: string;
  caseSubject: string;
  issuedByName: string;
}
export interface OrderDetail extends Order {
  canReply: boolean;
  canDecide: boolean;
  entries: { id: number; kind: 'issued' | 'replied' | 'escalated' | 'closed'; text: string; replyDueAt: string | null; at: string; by: string }[];
}
export interface Thresholds {
  workdaysLeft: number;
  usedPercent: number;
  version: number;
  updatedAt: string;
  /** the caller may change them: a role over a whole city or everything (a district's role reads them) */
  canChange: boolean;
}
interface Page<T> {
  items: T[];
  total: number;
}

const keys = {
  all: ['supervision'] as const,
  summary: () => [...keys.all, 'summary'] as const,
  list: (what: string, q: object) => [...keys.all, what, q] as const,
  order: (id: number) => [...keys.all, 'order', id] as const,
  settings: () => [...keys.all, 'settings'] as const,
};
const live = { refetchInterval: 30_000, placeholderData: keepPreviousData };

export function useSummary() {
  return useQuery({ queryKey: keys.summary(), queryFn: () => api.get<Summary>('/supervision/summary'), refetchInterval: 30_000 });
}

type Paged = { limit: number; offset: number };
export function useCaseLights(q: Paged & { light?: Light; q?: string }) {
  return useQuery({ queryKey: keys.list('cases', q), queryFn: () => api.get<Page<CaseLight>>('/supervision/cases', q), ...live });
}
export function useTaskLights(q: Paged & { light?: Light }) {
  return useQuery({ queryKey: keys.list('tasks', q), queryFn: () => api.get<Page<TaskLight>>('/supervision/tasks', q), ...live });
}
export function useWarnings(q: Paged & { level?: 'yellow' | 'red' }) {
  return useQuery({ queryKey: keys.list('warnings', q), queryFn: () => api.get<Page<Warning>>('/supervision/warnings', q), ...live });
}
export function useFindings(q: Paged & { kind?: FindingKind }) {
  return useQuery({ queryKey: keys.list('findings', q), queryFn: () => api.get<Page<Finding>>('/supervision/findings', q), ...live });
}
export function useOrders(q: Paged & { view: 'issued' | 'department'; status?: OrderStatus }) {
  return useQuery({ queryKey: keys.list('orders', q), queryFn: () => api.get<Page<Order>>('/supervision/orders', q), ...live });
}
export function useOrder(id: number) {
  return useQuery({ queryKey: keys.order(id), queryFn: () => api.get<OrderDetail>(`/supervision/orders/${id}`), enabled: id > 0 });
}
export function useThresholds() {
  return useQuery({ queryKey: keys.settings(), queryFn: () => api.get<Thresholds>('/supervision/settings') });
}

export interface IssueInput {
  caseId: number;
  request: string;
  replyWorkdays: number;
}
export function useIssueOrder() {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: ({ body, key }: { body: IssueInput; key: string }) =>
      api.post<{ id: number; number: string }>('/supervision/orders', body, { idempotencyKey: key }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}

export type OrderAction =
  | { action: 'reply'; text: string; expectedVersion?: number }
  | { action: 'close'; note: string; expectedVersion?: number }
  | { action: 'escalate'; note: string; replyWorkdays: number; expectedVersion?: number };
export function useOrderAction(id: number) {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: ({ body, key }: { body: OrderAction; key: string }) =>
      api.post<OrderDetail>(`/supervision/orders/${id}/actions`, body, { idempotencyKey: key }),
    onSuccess: (order) => {
      qc.setQueryData(keys.order(id), order);
      void qc.invalidateQueries({ queryKey: keys.all });
    },
  });
}

export function useSaveThresholds() {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: (body: { workdaysLeft: number; usedPercent: number; expectedVersion: number }) => api.put<Thresholds>('/supervision/settings', body),
    onSuccess: (t) => qc.setQueryData(keys.settings(), t),
  });
}
