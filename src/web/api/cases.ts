import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import { useBatchRunner } from './batch.ts';
import type { Page, StaffView } from './types.ts';
import type { ColleagueView } from './org.ts';
import type { ItemContent, Limit } from '../../modules/catalog/catalog.schemas.ts';
import type { CaseStatus, Channel } from '../../modules/cases/cases.tables.ts';
import type { HeldLicense, LicenseAction } from '../../common/licenses.ts';
import type { ItemType } from '../../common/decisions.ts';
import type { InboxFilter } from '../../common/inbox.ts';
import type { CaseListFilter } from '../../common/case-filter.ts';
import type { DeliveryChoice, DeliveryMethod } from '../../common/delivery.ts';

import { caseKindList, caseStatusList, channelList } from '../../common/case-filter.ts';

export { caseExportLimit } from '../../common/case-filter.ts';

export type { HeldLicense, InboxFilter };

/** Cases (办件): applying, reading, acting, the inbox, and what intake needs around them (GET/POST /api/v1/cases…). */

export type { CaseStatus, Channel, ItemContent, Limit };
export type CaseKind = (typeof caseKindList)[number];
/** The seven kinds (七件制) and the statuses, as the server's list filters take them (src/common/case-filter.ts). */
export const caseKinds: readonly CaseKind[] = caseKindList;
export const caseStatuses: readonly CaseStatus[] = caseStatusList;
export const channels: readonly Channel[] = channelList;
export type { DeliveryChoice, DeliveryMethod };
export type SpecialKind = 'hearing' | 'inspection' | 'expert_review' | 'appraisal' | 'tender';
export const specialKinds: SpecialKind[] = ['hearing', 'inspection', 'expert_review', 'appraisal', 'tender'];

/** A row of GET /cases. */
export interface CaseSummary {
  id: number;
  number: string;
  subject: string;
  status: CaseStatus;
  channel: Channel;
  kinds: CaseKind[];
  organizationName: string;
  applicantName: string;
  /** the agent who applied for the applicant (代办), if one did */
  agentApplicantId: number | null;
  receivedAt: string;
  acceptedAt: string | null;
  committedDueAt: string | null;
  isOverdue: boolean;
  /** art. 32: the one-time notice is due by then (pre-review) */
  noticeDueAt: string;
  /** a bundle application's (一件事) parent case */
  isBundle: boolean;
  /** the bundle application an item case belongs to */
  parentId: number | null;
  decidedAt: string | null;
  /** 行政许可法 art. 44, for a concluded case waiting for delivery: the last day, and the working days left (negative: late) */
  delivery: { dueDate: string; workdaysLeft: number } | null;
  /** how the applicant asked to receive the result, if they said */
  deliveryChoice: DeliveryMethod | null;
  /** 容缺受理: the materials accepted to follow are due by then; null when none is outstanding */
  toleratedDueAt: string | null;
  /** 补正期限: what a one-time notice or a supplement request asked is handed in by then (null: no period, or nothing asked) */
  supplementDueAt: string | null;
  /** in 容缺待补 (`queue=tolerated`) only: the materials still to follow */
  tolerated?: { key: string; name: string }[];
  /** 撤销: the grant was revoked (告知承诺制, the commitment found false) */
  revokedAt: string | null;
}

export interface CaseMaterial {
  key: string;
  name: string;
  /** `tolerated`: accepted without it, to be handed in later (容缺后补) */
  status: 'provided' | 'missing' | 'from_license' | 'waived' | 'tolerated';
  reference: string | null;
  round: number;
  note: string | null;
  /** a license the applicant held and handed in instead of a copy */
  license?: { id: number; number: string; type: string; url: string } | null;
}

export interface CaseTask {
  id: number;
  nodeId: string;
  branch: number | null;
  stage: string;
  name: string;
  role: 'clerk' | 'approver' | 'head';
  organizationName: string;
  assignee: string | null;
  state: 'open' | 'claimed' | 'done' | 'cancelled';
  outcome: 'approved' | 'rejected' | 'returned' | 'supplement_requested' | null;
  opinion: string | null;
  dueAt: string | null;
  createdAt: string;
  completedAt: string | null;
  version: number;
  organizationId: number;
  /** `cosign`: a co-signer's task (加签) the stage waits for */
  kind: 'work' | 'cosign' | string;
  /** whether the caller may work this task now */
  canAct: boolean;
  assignedToMe: boolean;
  /** handed to a colleague for an answer (交办) */
  delegated: boolean;
  urgedCount: number;
  canReassign: boolean;
  canRecall: boolean;
  /** who holds the task (claimed), if anyone */
  assigneeAccountId: number | null;
  /** 退回 has an earlier stage to go back to */
  mayReturn: boolean;
  /** 当场办结: a decision made at the window that the window also concludes — `conclude: true` does both in one step */
  concludesAtWindow: boolean;
}

/** 延期申请: an approver asks, a head of the task's department decides. */
export interface ExtensionRequest {
  id: number;
  taskId: number;
  days: number;
  reason: string;
  state: 'pending' | 'approved' | 'rejected';
  requestedBy: string;
  decisionNote: string | null;
  createdAt: string;
  decidedAt: string | null;
  canDecide: boolean;
}

/** An item case of a bundle application, as its parent shows it. */
export interface BundleChild {
  id: number;
  number: string;
  subject: string;
  itemCode: string;
  /** its item's type, which words its decision */
  itemType: ItemType | null;
  organizationName: string;
  status: CaseStatus;
  decision: 'granted' | 'denied' | null;
  decidedAt: string | null;
  /** 企业开办一件事: it waits, its clock paused, for the company's registration */
  awaitsRegistration: boolean;
}

export interface CaseEvent {
  seq: number;
  type: string;
  actor: string | null;
  taskId: number | null;
  payload: Record<string, unknown>;
  at: string;
}

export interface LimitView {
  limit: number;
  unit: Limit['unit'];
  extension: number;
  paused: number;
  dueAt: string;
  elapsed: number;
  remaining: number;
  isOverdue: boolean;
}

export interface ClockView {
  id: number;
  state: string;
  startedAt: string;
  stoppedAt: string | null;
  committed: LimitView | null;
  legal: LimitView | null;
  isOverdue: boolean;
  pauses: { reason: string; note: string | null; startedAt: string; endedAt: string | null }[];
  extensions: { appliesTo: string; amount: number; reason: string; approvedBy: number | null; at: string }[];
}

/** GET /cases/:id: the case with its form, materials by round, tasks, timeline and clocks. */
export interface CaseDetail {
  id: number;
  number: string;
  subject: string;
  /** null for a bundle application's parent case */
  itemCode: string | null;
  itemVersionId: number | null;
  /** the version of the item (and its form) the case was filed under */
  itemVersion: number | null;
  /** 事项类型 of that version, which words the decision (准予许可, 予以确认, 准予办理 …); null for a bundle application */
  itemType: ItemType | null;
  /** what the application does for a license held (延续, 变更, 注销); null for a new application */
  licenseAction: LicenseAction | null;
  bundle: { code: string; name: string; organizationName: string; children: BundleChild[] } | null;
  parent: { id: number; number: string; subject: string; status: CaseStatus } | null;
  organizationName: string;
  channel: Channel;
  status: CaseStatus;
  kinds: CaseKind[];
  applicant: { id: number; kind: string; name: string; idNumber: string; phone: string | null };
  receivedAt: string;
  noticeDueAt: string;
  acceptedAt: string | null;
  decidedAt: string | null;
  decision: 'granted' | 'denied' | null;
  concludedAt: string | null;
  deliveredAt: string | null;
  delivery: unknown;
  /** the delivery methods of the item version the case was filed under (null for a bundle application) */
  deliveryMethods: DeliveryMethod[] | null;
  /** 结果领取方式 as the applicant asked when applying */
  deliveryChoice: DeliveryChoice | null;
  /** 行政许可法 art. 44, while a concluded case waits for delivery: the last day, and the working days left (negative: late) */
  deliveryDeadline: { dueDate: string; workdaysLeft: number } | null;
  refusalReason: string | null;
  /** the materials of the item version the case was filed under (null for a bundle application) */
  itemMaterials: ItemContent['materials'] | null;
  /** the form of that version, by which the case's form data reads */
  itemForm: ItemContent['form'] | null;
  form: Record<string, unknown>;
  materials: CaseMaterial[];
  tasks: CaseTask[];
  timeline: CaseEvent[];
  clock: ClockView | null;
  extensionRequests: ExtensionRequest[];
  /** 告知承诺制: filed by written commitment (substantive review skipped, a check on site after the grant) */
  byCommitment: boolean;
  /** the check after the grant (事后核查) of a case granted by commitment; null before the grant and for other cases */
  commitmentCheck: CommitmentCheck | null;
  /** 撤销: the license was revoked, the commitment having been found false */
  revokedAt: string | null;
  /** 容缺受理: the day by which the materials accepted to follow (status `tolerated`) are handed in; null once they all are */
  toleratedDueAt: string | null;
  /** 补正期限: what a one-time notice or a supplement request asked is handed in by then (null: no period, or nothing asked) */
  supplementDueAt: string | null;
  /** 延续: the license this application renews, with the case that issued it (supersededAt: once the renewal replaced it) */
  renews?: RenewedLicense | null;
  /** 变更: the license this application changes, with the case that issued it (supersededAt: once the change replaced it) */
  changes?: RenewedLicense | null;
  /** 申请注销: the license this application gives up (cancelledAt: once cancelled), and the reason the application gave */
  cancels?: RenewedLicense | null;
  cancelReason?: string | null;
  version: number;
}

/** The license a renewal (延续) or a change (变更) names, as its case shows it. */
export interface RenewedLicense {
  id: number;
  number: string;
  type: string;
  /** its last day of validity (YYYY-MM-DD); null: without end */
  validUntil: string | null;
  supersededAt: string | null;
  /** 注销: when it was cancelled (a cancellation's grant, or the department) */
  cancelledAt?: string | null;
  caseId: number;
  caseNumber: string;
}

export type CommitmentCheckState = 'pending' | 'kept' | 'broken';
export const commitmentCheckStates: readonly CommitmentCheckState[] = ['pending', 'kept', 'broken'];

/** 事后核查: whether the applicant kept the commitment they were granted on, due by `dueAt`. */
export interface CommitmentCheck {
  state: CommitmentCheckState;
  dueAt: string;
  overdue: boolean;
  checkedAt: string | null;
  checkedBy: string | null;
  opinion: string | null;
  /** the caller may record the check now */
  mayCheck: boolean;
}

/** A row of GET /commitment-checks: the checks the caller's departments owe or made. */
export interface CommitmentCheckRow {
  caseId: number;
  caseNumber: string;
  subject: string;
  /** a person's name masked, as lists show it */
  applicantName: string;
  organizationName: string;
  decidedAt: string | null;
  dueAt: string;
  state: CommitmentCheckState;
  overdue: boolean;
  checkedAt: string | null;
  checkedBy: string | null;
  opinion: string | null;
}

/** A row of GET /tasks (待办). */
export interface InboxTask {
  id: number;
  caseId: number;
  caseNumber: string;
  subject: string;
  applicantName: string;
  name: string;
  stage: string;
  role: 'clerk' | 'approver' | 'head';
  state: 'open' | 'claimed';
  claimedByMe: boolean;
  isUrgent: boolean;
  dueAt: string | null;
  createdAt: string;
  organizationName: string;
  version: number;
  kind: 'work' | 'cosign' | string;
  delegated: boolean;
  urgedCount: number;
  /** the case's clock is paused: `supplement`, `registration` (企业开办一件事), or a special procedure's kind */
  pausedFor: string | null;
}

/** AB 岗: what the inbox says about the caller's post. */
export interface InboxPost {
  /** the caller holds only B posts somewhere: the A post's tasks show when A is away or a task is due within a day */
  backupOnly: boolean;
  /** A posts the caller covers for now */
  covering: { name: string; awayUntil: string }[];
  /** the caller marked themselves away until then */
  awayUntil: string | null;
}

/** A pending extension request, in a head's inbox. */
export interface InboxExtensionRequest {
  id: number;
  caseId: number;
  caseNumber: string;
  subject: string;
  days: number;
  reason: string;
  requestedBy: string;
  createdAt: string;
}

export interface Inbox extends Page<InboxTask> {
  post: InboxPost;
  extensionRequests: InboxExtensionRequest[];
  /** the choices of the filters, counted over the inbox before they narrow it */
  facets: { stages: { stage: string; name: string; n: number }[]; items: { itemId: number; name: string; n: number }[] };
}

export type KindCounts = Record<CaseKind | 'total', number>;

/** The published item an application is made against (GET /catalog/items/:code). */
export interface ApplyItem {
  code: string;
  itemId: number;
  versionId: number;
  version: number;
  organizationId: number;
  organizationName: string;
  regionName: string;
  content: ItemContent;
}

export interface ItemHit {
  code: string;
  name: string;
  organizationName: string;
  caseKind: 'immediate' | 'committed';
  committedLimit: Limit;
  legalLimit: Limit;
}

export interface Applicant {
  id: number;
  kind: 'person' | 'enterprise';
  name: string;
  idNumber: string;
  phone: string | null;
  legalRepresentative: string | null;
  hasAccount: boolean;
  createdAt: string;
}

export interface MaterialInput {
  key: string;
  reference?: string | null;
  fromLicense?: boolean;
  /** a license the applicant holds (HeldLicense.id) */
  licenseId?: number;
}

export interface ApplyInput {
  /** an item, or a bundle (一件事): exactly one */
  itemCode?: string;
  bundleCode?: string;
  channel?: Channel;
  applicantId?: number | null;
  formData: Record<string, unknown>;
  materials: MaterialInput[];
  urgent?: boolean;
  /** 结果领取方式: one of the item's delivery methods; by post, whom to send it to */
  delivery?: DeliveryChoice | null;
  /** 告知承诺制: apply by written commitment (an item whose version allows it; not a bundle) */
  commitment?: boolean;
  /** 暂存: the draft this application was continued from, removed as it is filed */
  draftId?: number;
  /** 延续: the held license (HeldLicense.id) this application renews */
  renews?: number | null;
  /** 变更: the held license (HeldLicense.id) whose particulars this application changes (not with `renews`) */
  changes?: number | null;
  /** 申请注销: the held license this application gives up (not with `renews` or `changes`), and why */
  cancels?: number | null;
  cancelReason?: string | null;
  /** 收件并受理: at the window, accept the complete application in the same step (an item's) */
  accept?: boolean;
  acceptNote?: string | null;
}

export interface AskItem {
  key: string;
  note: string;
}

/** The body of POST /cases/:id/actions. */
export type CaseAction =
  | {
      action: 'accept';
      note?: string | null;
      expectedVersion?: number;
      /** 容缺受理: accept without the missing materials the item lets follow, to be handed in within that many working days */
      tolerate?: { workdays: number } | null;
    }
  | { action: 'notice'; items: AskItem[]; note?: string | null }
  | { action: 'refuse'; reason: string }
  | { action: 'supplement'; materials: { key: string; reference: string }[] }
  /** 延长补正期限: more working days past the supplement period's last day, once, with the applicant's reason */
  | { action: 'extend_supplement'; workdays: number; reason: string }
  /** 容缺后补: any of the materials accepted to follow (the applicant, or the window for them) */
  | { action: 'hand_in'; materials: { key: string; reference: string }[] }
  | { action: 'withdraw'; reason?: string | null }
  | {
      action: 'deliver';
      method: DeliveryMethod;
      trackingNumber?: string | null;
      lockerCode?: string | null;
      identityChecked?: boolean;
      /** 代领: someone other than the applicant collects it */
      collector?: { name: string; idNumber: string } | null;
      /** by post where the applicant gave no address: whom and where to send it */
      sendTo?: { recipient: string; phone: string; address: string } | null;
    }
  | { action: 'claim'; taskId: number; expectedVersion?: number }
  /** `conclude`: 当场办结 — a decision made at the window concludes the case with it (a task that `concludesAtWindow`) */
  | { action: 'approve'; taskId: number; opinion?: string | null; expectedVersion?: number; conclude?: boolean }
  | { action: 'reject'; taskId: number; opinion: string; expectedVersion?: number; conclude?: boolean }
  | { action: 'return'; taskId: number; opinion: string }
  | { action: 'transfer'; taskId: number; accountId: number; opinion?: string | null }
  | { action: 'request_supplement'; taskId: number; items: AskItem[] }
  | { action: 'start_special'; taskId: number; kind: SpecialKind; reason: string; expectedDays?: number | null }
  | { action: 'end_special'; taskId: number; result: string }
  | { action: 'extend'; taskId: number; days: number; reason: string }
  | { action: 'delegate'; taskId: number; accountId: number; note?: string | null }
  | { action: 'answer'; taskId: number; opinion: string }
  | { action: 'add_cosigner'; taskId: number; organizationId?: number | null; accountId?: number | null; role?: 'approver' | 'head'; note: string }
  | { action: 'reassign'; taskId: number; accountId: number; note?: string | null }
  | { action: 'recall'; taskId: number }
  | { action: 'urge'; taskId: number; note?: string | null }
  | { action: 'cc'; accountIds: number[]; note?: string | null }
  | { action: 'note'; text: string }
  | { action: 'choose_delivery'; delivery: DeliveryChoice }
  | { action: 'request_extension'; taskId: number; days: number; reason: string }
  | { action: 'decide_extension'; requestId: number; approve: boolean; note?: string | null }
  | { action: 'check_commitment'; result: 'kept' | 'broken'; opinion: string };

/** What the case list is narrowed to (GET /cases; the same filters export the ledger, caseLedgerUrl). */
export type CaseFilter = CaseListFilter;

/** Where the ledger of the cases `filter` names is downloaded from (a plain link: the session cookie goes along). */
export function caseLedgerUrl(filter: CaseFilter): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v !== undefined && v !== null && v !== '' && v !== false) params.set(k, String(v));
  return `/api/v1/cases/export.xlsx?${params}`;
}

export const caseKeys = {
  all: ['cases'] as const,
  list: (filter: CaseFilter, page: number, pageSize: number) => ['cases', 'list', filter, page, pageSize] as const,
  detail: (id: number) => ['cases', 'detail', id] as const,
  kinds: ['cases', 'kinds'] as const,
  today: ['cases', 'today'] as const,
  inbox: (mine: boolean, filter: InboxFilter = {}, page = 1, pageSize = 50) => ['cases', 'tasks', mine, filter, page, pageSize] as const,
  commitmentChecks: (state: CommitmentCheckState | undefined, page: number, pageSize: number) =>
    ['cases', 'commitment-checks', state ?? 'all', page, pageSize] as const,
};

/** A page of cases: the total is counted up to the ledger's limit, and `totalCapped` says more match. */
export interface CasePage extends Page<CaseSummary> {
  totalCapped: boolean;
}

export function useCases(
  filter: CaseFilter,
  page = 1,
  pageSize = 20,
  options: { enabled?: boolean; refetchInterval?: number; sort?: 'newest' | 'decided' | 'received' } = {},
) {
  return useQuery({
    queryKey: [...caseKeys.list(filter, page, pageSize), options.sort ?? 'newest'],
    queryFn: ({ signal }) => api.get<CasePage>('/cases', { ...filter, limit: pageSize, offset: (page - 1) * pageSize, sort: options.sort }, { signal }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
    refetchInterval: options.refetchInterval,
  });
}

export function useCase(id: number) {
  return useQuery({ queryKey: caseKeys.detail(id), queryFn: () => api.get<CaseDetail>(`/cases/${id}`), enabled: id > 0 });
}

export function useCaseKinds(enabled = true) {
  return useQuery({ queryKey: caseKeys.kinds, queryFn: () => api.get<KindCounts>('/cases/kinds'), enabled });
}

/** 今日工作 (`GET /cases/today`): the window desk's queues and my inbox as they stand; a section I hold no post for is null. */
export interface WorkToday {
  asOf: string;
  intake: {
    preReview: number;
    /** pre-review applications whose one-time notice (art. 32) is due by the end of today, or past */
    noticeDue: number;
    awaitingApplicant: number;
    /** of them, those whose supplement period (补正期限) ends today: unanswered, they are deemed withdrawn tonight */
    supplementEndsToday: number;
    /** accepted immediate items whose decision or conclusion the window makes on the spot (当场办结) */
    windowDecision: number;
    toDeliver: number;
    /** 容缺待补: cases accepted with materials to follow not all in yet, and those past their day */
    tolerated: number;
    toleratedOverdue: number;
    /** results on the last day of their ten working days (art. 44), and past them */
    deliveryDueToday: number;
    lateDelivery: number;
    pressing: {
      id: number;
      number: string;
      subject: string;
      applicantName: string;
      channel: string;
      isBundle: boolean;
      receivedAt: string;
      noticeDueAt: string;
    }[];
  } | null;
  tasks: {
    open: number;
    unclaimed: number;
    claimed: number;
    overdue: number;
    dueToday: number;
    soon: number;
    urgent: number;
    extensionRequests: number;
    /** 事后核查 of the caller's departments still pending and overdue or due within 10 days */
    commitmentChecksDue: number;
    /** the inbox's first tasks, as GET /tasks gives them (fewer fields) */
    pressing: Pick<InboxTask, 'id' | 'caseId' | 'caseNumber' | 'subject' | 'applicantName' | 'name' | 'stage' | 'state' | 'isUrgent' | 'dueAt'>[];
  } | null;
  /** 待我处理, for an applicant: their cases in hand, and those that wait for their materials or payment */
  applicant: {
    inProgress: number;
    supplement: number;
    fees: number;
    toDeliver: number;
    delivered: number;
    /** 证照即将到期: their licenses whose renewal falls due, or is past due, with none applied for */
    licensesExpiring?: number;
    waiting: { id: number; number: string; subject: string; status: CaseStatus; supplement: boolean; unpaidCents: number | null }[];
  } | null;
}

export function useWorkToday(enabled = true) {
  return useQuery({ queryKey: caseKeys.today, queryFn: () => api.get<WorkToday>('/cases/today'), enabled, refetchInterval: 60_000 });
}

/** 待办: `mine` = open tasks nobody has claimed plus those I claimed; otherwise everything of my posts. */
export function useInbox(mine: boolean, enabled = true, filter: InboxFilter = {}, page = 1, pageSize = 50) {
  return useQuery({
    queryKey: caseKeys.inbox(mine, filter, page, pageSize),
    queryFn: ({ signal }) => api.get<Inbox>('/tasks', { mine, ...filter, limit: pageSize, offset: (page - 1) * pageSize }, { signal }),
    placeholderData: keepPreviousData,
    enabled,
    refetchInterval: 60_000,
  });
}

/**
 * 事后核查 of the caller's departments (approvers and heads, GET /commitment-checks): the pending ones soonest due
 * first, then the recorded ones latest first; no `state`: all of them.
 */
export function useCommitmentChecks(state: CommitmentCheckState | undefined, page = 1, pageSize = 20, enabled = true) {
  return useQuery({
    queryKey: caseKeys.commitmentChecks(state, page, pageSize),
    queryFn: ({ signal }) => api.get<Page<CommitmentCheckRow>>('/commitment-checks', { state, limit: pageSize, offset: (page - 1) * pageSize }, { signal }),
    placeholderData: keepPreviousData,
    enabled,
    refetchInterval: 60_000,
  });
}

/** The licenses an applicant holds: the caller's own (an applicant), or — at the window — the applicant received. */
export function useHeldLicenses(applicantId: number | undefined, enabled = true) {
  return useQuery({
    queryKey: ['licenses', applicantId ?? 'mine'],
    queryFn: () => api.get<{ items: HeldLicense[]; total: number }>('/licenses', applicantId ? { applicantId } : {}),
    enabled,
    staleTime: 60_000,
  });
}

/** Apply online (an applicant) or receive an application at the window (a clerk). */
export function useApply() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: ({ body, key }: { body: ApplyInput; key: string }) =>
      api.post<{ id: number; number: string; status: CaseStatus; children?: { id: number; number: string }[] }>('/cases', body, { idempotencyKey: key }),
    // a renewal (延续) or a change (变更) puts an application for its license in hand
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: caseKeys.all }), queryClient.invalidateQueries({ queryKey: ['licenses'] })]),
  });
}

/** 查看完整信息: the case's form and applicant unmasked (every reveal is on the case's audit trail). */
export interface RevealedCase {
  applicant: { idNumber: string; phone: string | null };
  form: Record<string, unknown>;
  delivery: DeliveryChoice | null;
}
export function useRevealCase(id: number) {
  return useMutation({
    meta: { silent: true },
    mutationFn: () => api.post<RevealedCase>(`/cases/${id}/reveal`),
  });
}

/** Any action on a case; the reply is the case as it now is. */
export function useCaseAction(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: ({ body, key }: { body: CaseAction; key: string }) => api.post<CaseDetail>(`/cases/${id}/actions`, body, { idempotencyKey: key }),
    onSuccess: (kase) => {
      queryClient.setQueryData(caseKeys.detail(id), kase);
      return queryClient.invalidateQueries({ queryKey: caseKeys.all, predicate: (q) => q.queryKey[1] !== 'detail' || q.queryKey[2] !== id });
    },
  });
}

/**
 * Case actions sent one after the other for a chosen batch (批量签收, 批量电子送达), each its own transaction under its
 * own Idempotency-Key, so a batch sent twice does nothing twice. One that is refused (someone acted meanwhile, a fee
 * unpaid) is reported back with why, not retried; `progress` counts what was sent.
 */
export function useCaseBatch() {
  const queryClient = useQueryClient();
  const batch = useBatchRunner();
  const run = async (actions: { caseId: number; caseNumber: string; body: CaseAction; key: string }[]) => {
    const { succeeded, missed } = await batch.run(
      actions,
      (a) => api.post(`/cases/${a.caseId}/actions`, a.body, { idempotencyKey: a.key }),
      (a) => a.caseNumber,
      () => queryClient.invalidateQueries({ queryKey: caseKeys.all }),
    );
    return { succeeded, failed: missed.map((m) => ({ number: m.number, message: (m.error as Error).message })) };
  };
  return { run, progress: batch.progress };
}

/** 批量签收: claim the chosen tasks, each at the version the inbox showed (the key is the task's and its version's). */
export function useBatchClaim() {
  const batch = useCaseBatch();
  const run = async (tasks: Pick<InboxTask, 'id' | 'caseId' | 'caseNumber' | 'version'>[]) => {
    const { succeeded, failed } = await batch.run(
      tasks.map((task) => ({
        caseId: task.caseId,
        caseNumber: task.caseNumber,
        body: { action: 'claim', taskId: task.id, expectedVersion: task.version },
        key: `claim-${task.id}-v${task.version}`,
      })),
    );
    return { claimed: succeeded, failed };
  };
  return { run, progress: batch.progress };
}

export function usePublishedItem(code: string | undefined) {
  return useQuery({
    queryKey: ['catalog', 'item', code],
    queryFn: () => api.get<ApplyItem>(`/catalog/items/${encodeURIComponent(code!)}`),
    enabled: !!code,
    staleTime: 5 * 60_000,
  });
}

export function useItemSearch(q: string, enabled = true) {
  return useQuery({
    queryKey: ['catalog', 'items', { q, page: 1, pageSize: 20 }, 'pick'],
    queryFn: ({ signal }) => api.get<{ items: ItemHit[]; total: number }>('/catalog/items', { q: q || undefined, pageSize: 20 }, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

const idPattern = /^[0-9A-Z]{17}[0-9X]$/i;

/** Find applicants by name, or by the full 18-character ID or credit code. */
export function useApplicantSearch(text: string) {
  const value = text.trim();
  return useQuery({
    queryKey: ['applicants', value],
    queryFn: () => api.get<Applicant[]>('/applicants', idPattern.test(value) ? { idNumber: value.toUpperCase(), limit: 20 } : { q: value, limit: 20 }),
    enabled: value.length > 0,
  });
}

export interface NewApplicant {
  kind: 'person' | 'enterprise';
  name: string;
  idNumber: string;
  phone?: string | null;
  legalRepresentative?: string | null;
  address?: string | null;
}

export function useRegisterApplicant() {
  return useMutation({
    meta: { silent: true },
    mutationFn: ({ body, key }: { body: NewApplicant; key: string }) => api.post<{ id: number }>('/applicants', body, { idempotencyKey: key }),
  });
}

/** Active colleagues of an organization holding one of `roles` there, to hand a task over to (转办, 交办, 改派, 加签). */
export function useColleagues(organizationId: number | undefined, roles: string[]) {
  const wanted = roles.join(',');
  return useQuery({
    queryKey: ['org', 'staff', 'colleagues', organizationId, wanted],
    queryFn: () => api.get<Page<StaffView>>('/org/staff', { organizationId, roles: wanted, active: true, limit: 200 }),
    enabled: !!organizationId,
    select: (p) => p.items,
  });
}

/**
 * Who can co-sign for a department (加签): its active holders of the role, from the staff directory, so
 * a department outside my own scope (in my region, above or below it) lists its people too.
 */
export function useCosigners(organizationId: number | undefined, role: string) {
  return useQuery({
    queryKey: ['org', 'staff', 'directory', 'cosigners', organizationId, role],
    queryFn: () => api.get<ColleagueView[]>('/org/directory', { organizationId, roles: role, limit: 100 }),
    enabled: !!organizationId,
  });
}

/** Mark oneself away until a moment (the B post covers meanwhile), or back with `until: null`. */
export function useAway() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: ({ body, key }: { body: { until: string | null; reason?: string | null }; key: string }) =>
      api.put<{ awayUntil: string | null }>('/tasks/away', body, { idempotencyKey: key }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['cases', 'tasks'] }),
  });
}

/** A bundle (一件事) with its merged form and materials, to apply for it (GET /catalog/bundles/:code). */
export function useBundleForApply(code: string | undefined) {
  return useQuery({
    queryKey: ['catalog', 'bundle', code],
    queryFn: () => api.get<BundleForApply>(`/catalog/bundles/${encodeURIComponent(code!)}`),
    enabled: !!code,
    staleTime: 5 * 60_000,
  });
}

export interface BundleForApply {
  code: string;
  name: string;
  organizationName: string;
  content: { description: string; committedLimit: Limit; deliveryMethods: DeliveryMethod[] };
  items: { code: string; name: string; organizationName: string; caseKind: 'immediate' | 'committed'; legalLimit: Limit; committedLimit: Limit }[];
  form: ItemContent['form'];
  materials: (ItemContent['materials'][number] & { items: string[] })[];
}
