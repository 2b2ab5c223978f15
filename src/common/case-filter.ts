/** What the case list (办件查询, `GET /cases`) and its spreadsheet (`GET /cases/export.xlsx`) are narrowed to. */
export const caseStatusList = [
  'submitted',
  'notified',
  'in_progress',
  'awaiting_supplement',
  'decided',
  'concluded',
  'delivered',
  'refused',
  'withdrawn',
] as const;
/** 七件制: the seven kinds a case counts as. */
export const caseKindList = ['immediate', 'committed', 'joint', 'reported_up', 'urgent', 'awaiting_supplement', 'returned'] as const;
export const channelList = ['window', 'online', 'mobile', 'terminal', 'post'] as const;
/**
 * The window desk's queues: 预审 — applications submitted or under a one-time notice, a bundle as its application;
 * 当场办结 (`window_decision`) — accepted immediate items whose decision or conclusion the window makes on the spot;
 * 容缺待补 (`tolerated`) — cases accepted with materials to follow that are not all in yet.
 */
export const caseQueueList = ['prereview', 'window_decision', 'tolerated'] as const;

/** 待出件's choice of results by how they go out: a delivery method, or none chosen. */
export const deliveryChoiceFilterList = ['pickup', 'post', 'locker', 'electronic', 'none'] as const;

export interface CaseListFilter {
  status?: (typeof caseStatusList)[number];
  /** one of the seven kinds, as the kind cards count them */
  kind?: (typeof caseKindList)[number];
  channel?: (typeof channelList)[number];
  /** the item's code */
  item?: string;
  /** the implementing organization */
  org?: number;
  applicant?: number;
  /** a case number, or part of the subject */
  q?: string;
  /** received on or after this day, on or before `to` (YYYY-MM-DD, China time) */
  from?: string;
  to?: string;
  /** only cases past their committed (or legal) deadline */
  overdue?: boolean;
  /** how the applicant asked to receive the result (结果领取方式); `none`: they did not say */
  delivery?: (typeof deliveryChoiceFilterList)[number];
  /** a window desk's queue (预审: submitted or notified, a bundle's item cases through their bundle; 当场办结: a window's step open) */
  queue?: (typeof caseQueueList)[number];
}

/** The most rows a spreadsheet of the case list holds; a wider choice is refused so that it is narrowed. */
export const caseExportLimit = 20_000;
