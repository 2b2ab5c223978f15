import type { WriteContext } from '../../server/write.ts';
import { AppError } from '../../server/errors.ts';
import { periodEnd } from '../calendar/calendar.store.ts';
import { versionContent, type CaseRow } from './case-core.ts';

/**
 * 补正期限: the end of the day by which the applicant hands in what is asked now — by a one-time notice or a request
 * for supplements during review — from the supplement period of the item version the case was filed under, counted
 * by the case's region's calendar; null when the item sets none.
 */
export async function supplementDue(ctx: WriteContext, kase: CaseRow, now = Date.now()): Promise<Date | null> {
  if (kase.item_version_id === null) return null;
  const period = (await versionContent(ctx.tx, kase.item_version_id)).supplementPeriod;
  if (!period || period.value <= 0 || period.unit === 'workhour') return null;
  return periodEnd(ctx.tx, kase.region_id, period, now);
}

/** Once the supplement period has passed the application is deemed withdrawn: materials come too late (409). */
export function requireWithinSupplementPeriod(kase: CaseRow, now = Date.now()): void {
  if (kase.supplement_due_at && kase.supplement_due_at.getTime() <= now)
    throw new AppError('SUPPLEMENT_PERIOD_ENDED', { dueAt: kase.supplement_due_at.toISOString() });
}

/**
 * The event `withdrawn`: the applicant's reason, if they gave one; or, when the supplement period passed with
 * nothing handed in (视为撤回申请), `lapsed` and the end of the period — on an item case of a bundle application
 * that lapsed whole, `withBundle` (the applicant is told once, of the application).
 */
export type WithdrawnPayload = { reason: string | null } | { reason: null; lapsed: true; dueAt: string; withBundle?: true };
