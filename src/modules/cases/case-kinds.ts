import type { CaseRow } from './case-core.ts';

/** 七件制: the kinds a case counts as, derived from its item, its process and its state. */
export function caseKinds(k: Pick<CaseRow, 'case_kind' | 'is_joint' | 'is_reported_up' | 'is_urgent' | 'status'>): string[] {
  const kinds: string[] = [k.case_kind];
  if (k.is_joint) kinds.push('joint');
  if (k.is_reported_up) kinds.push('reported_up');
  if (k.is_urgent) kinds.push('urgent');
  if (k.status === 'awaiting_supplement' || k.status === 'notified') kinds.push('awaiting_supplement');
  if (k.status === 'refused' || k.status === 'withdrawn') kinds.push('returned');
  return kinds;
}
