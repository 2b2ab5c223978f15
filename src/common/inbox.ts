/** What the inbox is narrowed to and how it is ordered (`GET /tasks`). */
export interface InboxFilter {
  /** a case number (whole or its start), or part of the applicant's name or the item's name */
  q?: string;
  itemId?: number;
  stage?: string;
  state?: 'open' | 'claimed';
  urgent?: boolean;
  /** past the task's deadline; due by the end of today (China time); due within three days */
  due?: 'overdue' | 'today' | 'soon';
  /** `due`: urgent first, then the nearest deadline (the default); `arrived` / `-arrived`: oldest / newest first */
  sort?: 'due' | 'arrived' | '-arrived';
}
