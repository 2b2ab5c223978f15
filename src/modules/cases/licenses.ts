import { sql } from 'kysely';
import { maskPersonName } from '../../common/validators.ts';
import { AppError } from '../../server/errors.ts';
import { hasPermission, requireAccess, scopeOf, type Actor } from '../../server/access.ts';
import type { WriteContext } from '../../server/write.ts';
import type { Executor } from '../../server/db/database.ts';
import { mayActFor } from '../identity/agents.service.ts';
import {
  cancelReasonLength,
  licenseActionField,
  cancelGroundText,
  type HeldLicense,
  type IssuedLicense,
  type LicenseAction,
  type LicenseCancelGround,
  type LicenseState,
} from '../../common/licenses.ts';
import { isLicensing } from '../../common/decisions.ts';
import { dateOfInstant, dayNumber, formatDate, fromDayNumber, isWeekend, parseDate } from '../../common/civil-date.ts';
import { workCalendarFor } from '../calendar/calendar.store.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import { renewalLeadOf, type ItemContent, type Limit, type Validity } from '../catalog/catalog.schemas.ts';
import { loadCase, recordCaseEvent, updateCase, type CaseRow } from './case-core.ts';
import { caseScopeCondition, requireCaseRead } from './cases.queries.ts';
import './cases.tables.ts';

/**
 * Electronic licenses an applicant holds (持有的电子证照): the license documents of their granted cases, and
 * their reuse as the materials of a new application — the applicant (or the clerk at the window, for them)
 * picks one instead of uploading a copy, and the case keeps it as `license:<document id>`.
 */

/** A material's reference to a held license. */
export const licenseReference = (documentId: number) => `license:${documentId}`;

/** The license document a material's reference names, or undefined. */
export function referencedLicense(reference: string | null | undefined): number | undefined {
  const match = /^license:([1-9][0-9]{0,15})$/.exec(reference ?? '');
  return match ? Number(match[1]) : undefined;
}

// ——— validity (证照有效期) and renewal (延续, 行政许可法 art. 50) ———

/** The last day of a license issued on `day` (a day number) and valid for `validity`: 2026-11-28 for 5 years → 2031-11-27. */
export function validityEnd(day: number, validity: Validity): number {
  const { y, m, d } = fromDayNumber(day);
  const months = validity.unit === 'year' ? validity.value * 12 : validity.value;
  const ym = y * 12 + (m - 1) + months;
  const ty = Math.floor(ym / 12);
  const tm = (ym % 12) + 1;
  // the same day of the month, or the month's last day when it has no such day (31 Jan + 1 month → 28/29 Feb)
  const last = dayNumber(tm === 12 ? ty + 1 : ty, tm === 12 ? 1 : tm + 1, 1) - 1;
  return Math.min(dayNumber(ty, tm, d), last) - 1;
}

/** A day by the calendar, or — beyond the calendar's years — by the week (Monday to Friday). */
function isWorkdayOf(calendar: WorkCalendar, day: number): boolean {
  try {
    return calendar.isWorkday(day);
  } catch {
    return !isWeekend(day);
  }
}

/** The last day a renewal may be applied for in time: so many days, or working days, before the license's last day. */
export function renewalDeadline(calendar: WorkCalendar, validUntil: number, lead: Limit): number {
  if (lead.unit === 'day') return validUntil - lead.value;
  // working days (or working hours, counted as whole working days of eight hours)
  let count = lead.unit === 'workday' ? lead.value : Math.ceil(lead.value / 8);
  let day = validUntil;
  while (count > 0) {
    day -= 1;
    if (isWorkdayOf(calendar, day)) count -= 1;
  }
  return day;
}

/** Today, by a region's calendar. */
export async function todayIn(db: Executor, regionId: number, now = Date.now()) {
  const { calendar } = await workCalendarFor(db, regionId);
  return { calendar, today: dateOfInstant(now, calendar.settings.offsetMinutes) };
}

/** How long before its renewal deadline a license counts as expiring, and its holder is reminded. */
export const renewalNoticeDays = 30;

/**
 * A license's state on `today`: by its last day, its renewal deadline and what is in hand for it — a renewal (then it
 * is not expiring, and past its end counts as renewed), or its holder giving it up (then it is not expiring either).
 */
export function licenseState(today: number, validUntil: number | null, renewBy: number | null, inHand: LicenseAction | null): LicenseState {
  if (validUntil === null) return 'valid';
  if (today > validUntil) return inHand === 'renew' ? 'deemed_renewed' : 'expired';
  if (renewBy !== null && today >= renewBy - renewalNoticeDays && inHand !== 'renew' && inHand !== 'cancel') return 'expiring';
  return 'valid';
}

/** What is in hand for a license: a renewal or a change applied for, not withdrawn, refused or decided. */
const inHandSql = (licenseId: string) =>
  sql<{ id: number; number: string; status: string; action: LicenseAction } | null>`(
    SELECT json_build_object('id', r.id, 'number', r.number, 'status', r.status, 'action', r.license_action) FROM kase r
    WHERE r.for_license_id = ${sql.ref(licenseId)} AND r.decided_at IS NULL AND r.status NOT IN ('withdrawn', 'refused')
    ORDER BY r.id DESC LIMIT 1)`;

/** The case in hand for a license, if it does what `action` says. */
const inHandFor = (inHand: { id: number; number: string; status: string; action: LicenseAction } | null, action: LicenseAction) =>
  inHand && inHand.action === action ? { id: inHand.id, number: inHand.number, status: inHand.status } : null;

/**
 * Every license with what its state is read from: its case (revoked?), holder, issuer, item (its code and renewal
 * lead), the renewal or change in hand, and what else ended it (replaced by a renewal's or a change's, cancelled).
 */
function licenseRows(db: Executor) {
  return db
    .selectFrom('case_document as d')
    .innerJoin('kase as k', 'k.id', 'd.case_id')
    .innerJoin('organization as o', 'o.id', 'k.organization_id')
    .innerJoin('applicant as ap', 'ap.id', 'd.holder_id')
    .leftJoin('item_version as v', 'v.id', 'k.item_version_id')
    .leftJoin('item as i', 'i.id', 'k.item_id')
    .select([
      'd.id',
      'd.number',
      'd.title',
      'd.created_at',
      'd.sha256',
      'd.superseded_at',
      'd.cancelled_at',
      'd.cancel_ground',
      'd.cancel_note',
      sql<string | null>`d.valid_until::text`.as('valid_until'),
      'k.id as case_id',
      'k.number as case_number',
      'k.region_id',
      'k.item_id',
      'k.revoked_at',
      'k.subject',
      'i.code as item_code',
      'v.type as item_type',
      'ap.kind as holder_kind',
      'ap.name as holder_name',
      'o.name as issuer',
      'o.path as org_path',
      sql<Limit | null>`v.content -> 'renewalLead'`.as('renewal_lead'),
      sql<Limit | null>`v.content -> 'renewalOpens'`.as('renewal_opens'),
      inHandSql('d.id').as('in_hand'),
    ])
    .where('d.kind', '=', 'license');
}

type LicenseRow = Awaited<ReturnType<ReturnType<typeof licenseRows>['execute']>>[number];

/** A license that still holds: not revoked (撤销 after a false commitment), replaced by its renewal, or cancelled (注销). */
const stillHolds = (q: ReturnType<typeof licenseRows>) =>
  q.where('k.revoked_at', 'is', null).where('d.superseded_at', 'is', null).where('d.cancelled_at', 'is', null);

/**
 * A license reaches its holder as the case's delivery may (resultHold in documents.ts): not while materials accepted
 * to follow (容缺后补) or fees of its case are outstanding.
 */
const released = sql<boolean>`NOT (k.status IN ('decided', 'concluded') AND (k.tolerated_due_at IS NOT NULL
  OR EXISTS (SELECT 1 FROM case_fee f WHERE f.case_id = k.id AND f.status = 'unpaid')))`;

/**
 * The licenses an applicant holds (持证主体): of granted cases, still holding — their own applications', and for an
 * enterprise registered by a grant (企业设立登记) its 营业执照, which its founder applied for.
 */
const licensesQuery = (db: Executor, applicantId: number) =>
  stillHolds(licenseRows(db).where('d.holder_id', '=', applicantId).where('k.decision', '=', 'granted')).where(released);

/** What ended a license, if anything did. */
const endOf = (r: LicenseRow): 'revoked' | 'cancelled' | 'superseded' | null =>
  r.revoked_at ? 'revoked' : r.cancelled_at ? 'cancelled' : r.superseded_at ? 'superseded' : null;

/** Each license's renewal deadline and state on today of its region's calendar (a calendar read once per region). */
async function dated(db: Executor, rows: LicenseRow[], now = Date.now()) {
  const regions = new Map<number, Awaited<ReturnType<typeof todayIn>>>();
  const out: { row: LicenseRow; today: number; validUntil: number | null; renewBy: string | null; renewFrom: string | null; state: LicenseState }[] = [];
  for (const row of rows) {
    if (!regions.has(row.region_id)) regions.set(row.region_id, await todayIn(db, row.region_id, now));
    const { calendar, today } = regions.get(row.region_id)!;
    const validUntil = row.valid_until ? parseDate(row.valid_until)! : null;
    const renewBy = validUntil === null ? null : renewalDeadline(calendar, validUntil, row.renewal_lead ?? renewalLeadOf({}));
    // the window opens so long before the end, counted as the lead is
    const renewFrom = validUntil === null || !row.renewal_opens ? null : renewalDeadline(calendar, validUntil, row.renewal_opens);
    out.push({
      row,
      today,
      validUntil,
      renewBy: renewBy === null ? null : formatDate(renewBy),
      renewFrom: renewFrom === null ? null : formatDate(renewFrom),
      state: licenseState(today, validUntil, renewBy, row.in_hand?.action ?? null),
    });
  }
  return out;
}

/** A holder as a public answer or a department's list shows them: an enterprise in full, a person masked. */
const holderShown = (r: LicenseRow) => (r.holder_kind === 'person' ? maskPersonName(r.holder_name) : r.holder_name);

/**
 * Whether the holder may apply for the license's renewal, change or cancellation: a permit's (行政许可法 arts. 49, 50, 70)
 * only — the result of a 行政确认 or a public service (居民身份证, 社会保障卡 …) is replaced, re-issued or given up by its
 * own items, not by these applications.
 */
const permit = (r: { item_type: string | null }) => isLicensing(r.item_type);

async function describeLicenses(db: Executor, rows: LicenseRow[], now = Date.now()): Promise<HeldLicense[]> {
  return (await dated(db, rows, now)).map(({ row: r, today, validUntil, renewBy, renewFrom, state }) => ({
    id: r.id,
    number: r.number,
    type: r.title,
    issuer: r.issuer,
    issuedAt: r.created_at.toISOString(),
    caseId: r.case_id,
    caseNumber: r.case_number,
    itemCode: r.item_code ?? '',
    itemType: r.item_type,
    validUntil: r.valid_until,
    renewBy,
    renewFrom,
    state,
    renewal: inHandFor(r.in_hand, 'renew'),
    change: inHandFor(r.in_hand, 'change'),
    cancellation: inHandFor(r.in_hand, 'cancel'),
    // one application for a license at a time; a renewal only in its window before its end, a change or a cancellation while it holds;
    // and only of a permit (行政许可): an ID card, a 户口簿 or a 社会保障卡 is not renewed, changed or given up this way
    mayRenew: permit(r) && validUntil !== null && today <= validUntil && (renewFrom === null || formatDate(today) >= renewFrom) && r.in_hand === null,
    mayChange: permit(r) && state !== 'expired' && r.in_hand === null,
    mayCancel: permit(r) && state !== 'expired' && r.in_hand === null,
  }));
}

export async function heldLicenses(db: Executor, applicantId: number, type?: string): Promise<HeldLicense[]> {
  let query = licensesQuery(db, applicantId);
  if (type) query = query.where('d.title', '=', type);
  const rows = await query.orderBy('d.id', 'desc').limit(200).execute();
  return describeLicenses(db, rows);
}

/**
 * `GET /licenses`: an applicant's own licenses, or those of a principal they may act for; a clerk's, for the
 * applicant received at the window (`applicantId`, with `case.intake`).
 */
export async function listHeldLicenses(db: Executor, actor: Actor | null, q: { applicantId?: number; type?: string }) {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  let applicantId: number;
  if (actor.kind === 'applicant') {
    if (!actor.applicantId) throw new AppError('FORBIDDEN');
    applicantId = q.applicantId ?? actor.applicantId;
    if (applicantId !== actor.applicantId && !(await mayActFor(db, actor.applicantId, applicantId)))
      throw new AppError('FORBIDDEN', { reason: 'no authorization to act for this applicant' });
  } else {
    requireAccess(actor, 'case.intake');
    if (!q.applicantId) throw new AppError('VALIDATION_FAILED', { field: 'applicantId', reason: 'the applicant received at the window' });
    applicantId = q.applicantId;
  }
  const items = await heldLicenses(db, applicantId, q.type);
  return { items, total: items.length };
}

/**
 * The licenses an application names (`licenseId` of a material), checked: each must be a license the
 * applicant holds, of the type the material takes. Answers each material's reference by key.
 */
export async function takeHeldLicenses(
  db: Executor,
  applicantId: number,
  materials: { key: string; licenseId?: number | null }[],
  typeOf: (key: string) => string | undefined,
): Promise<Map<string, string>> {
  const named = materials.filter((m) => m.licenseId);
  const taken = new Map<string, string>();
  if (named.length === 0) return taken;
  const held = new Map(
    (
      await licensesQuery(db, applicantId)
        .where(
          'd.id',
          'in',
          named.map((m) => m.licenseId!),
        )
        .execute()
    ).map((r) => [r.id, r]),
  );
  const states = new Map((await describeLicenses(db, [...held.values()])).map((l) => [l.id, l.state]));
  for (const m of named) {
    const license = held.get(m.licenseId!);
    if (!license)
      throw new AppError('VALIDATION_FAILED', { field: 'materials', key: m.key, reason: 'the applicant holds no such license', licenseId: m.licenseId });
    if (states.get(license.id) === 'expired')
      throw new AppError('VALIDATION_FAILED', {
        field: 'materials',
        key: m.key,
        reason: 'this license has expired',
        licenseId: m.licenseId,
        validUntil: license.valid_until,
      });
    const type = typeOf(m.key);
    if (!type || license.title !== type)
      throw new AppError('VALIDATION_FAILED', {
        field: 'materials',
        key: m.key,
        reason: type ? `this material takes a ${type}, not a ${license.title}` : 'this material is not taken from a license',
      });
    taken.set(m.key, licenseReference(license.id));
  }
  return taken;
}

/** What each application for a license held is called in an answer's reason. */
const actionNoun: Record<LicenseAction, string> = { renew: 'renewal', change: 'change', cancel: 'cancellation' };

/** An application for a license held, as checked: the license, what is done for it, and for a cancellation its reason. */
export interface LicenseApplication {
  id: number;
  action: LicenseAction;
  reason?: string;
}

/**
 * 延续 / 变更 / 申请注销: the license an application for `itemId` renews, changes or gives up (`renews`, `changes` or
 * `cancels`, one of them), checked — an item of 行政许可 (an ID card or a social security card is not a permit: 400
 * naming the field), a license the applicant holds, issued by the same item, not run out (art. 50: a
 * renewal is applied for before the license ends, after it the applicant applies anew; a license that ran out is
 * cancelled by its department, art. 70 (一)), with nothing else in hand for it (409); a renewal also needs a license
 * that runs out, of an item that gives a period; a cancellation says why (`cancelReason`). Answers the license and what
 * is done for it, or null.
 */
export async function licenseApplication(
  db: Executor,
  applicantId: number,
  itemId: number,
  content: ItemContent,
  input: { renews?: number | null; changes?: number | null; cancels?: number | null; cancelReason?: string | null },
): Promise<LicenseApplication | null> {
  const named = (['renew', 'change', 'cancel'] as const).filter((a) => input[licenseActionField[a]]);
  if (named.length > 1)
    throw new AppError('VALIDATION_FAILED', {
      field: licenseActionField[named[1]!],
      reason: 'an application renews a license, changes it or gives it up: one of them',
    });
  const action = named[0];
  const reason = input.cancelReason?.trim() ?? '';
  if (action !== 'cancel' && reason)
    throw new AppError('VALIDATION_FAILED', { field: 'cancelReason', reason: 'a reason is given with an application to cancel a license (cancels)' });
  if (!action) return null;
  const field = licenseActionField[action];
  const licenseId = input[field]!;
  const invalid = (why: string, more: object = {}) => new AppError('VALIDATION_FAILED', { field, reason: why, licenseId, ...more });
  // only a permit (行政许可) is renewed, changed or given up on its holder's application
  if (!isLicensing(content.type))
    throw invalid(`only a permit (行政许可) is renewed, changed or given up on application: this item is of type ${content.type}`, { itemType: content.type });
  if (action === 'cancel' && (reason.length < cancelReasonLength.min || reason.length > cancelReasonLength.max))
    throw new AppError('VALIDATION_FAILED', {
      field: 'cancelReason',
      reason: `why the license is given up, ${cancelReasonLength.min} to ${cancelReasonLength.max} characters`,
    });
  if (action === 'renew' && !content.resultValidity) throw invalid('this item issues no license with a period of validity to renew');
  const row = await licensesQuery(db, applicantId).where('d.id', '=', licenseId).executeTakeFirst();
  if (!row) throw invalid('the applicant holds no such license');
  if (row.item_id !== itemId) throw invalid(`this license was not issued by this item: apply with item ${row.item_code}`, { itemCode: row.item_code });
  const [license] = await describeLicenses(db, [row]);
  if (action === 'renew' && license!.validUntil === null) throw invalid('this license is valid without end: it is not renewed');
  if (row.in_hand)
    throw new AppError('CONFLICT', {
      reason: `a ${actionNoun[row.in_hand.action]} of this license is in hand already`,
      caseId: row.in_hand.id,
      caseNumber: row.in_hand.number,
    });
  // where the item opens the renewal only near the end (食品经营许可: 90 working days before), not before
  // (nothing is in hand and it has not run out: only the window keeps it from being renewed now)
  if (action === 'renew' && license!.renewFrom !== null && license!.state !== 'expired' && !license!.mayRenew)
    throw invalid(`the renewal of this license is taken from ${license!.renewFrom}`, { opensOn: license!.renewFrom });
  if (license!.state === 'expired')
    throw invalid(action === 'cancel' ? 'this license has expired: its department cancels it (art. 70)' : 'this license has expired: apply anew', {
      validUntil: license!.validUntil,
    });
  return action === 'cancel' ? { id: licenseId, action, reason } : { id: licenseId, action };
}

/**
 * A license's last day as a grant issues it, and the license it replaces: from the decision's day; for a renewal
 * (延续) on from the last day of the license it renews, even when decided after it (a license whose renewal was not
 * decided by its last day counted as renewed meanwhile); for a change (变更) the changed license's own last day. The
 * new license replaces the one renewed or changed. Null: without end (长期有效). A license revoked (撤销) while its
 * renewal or change was in hand is not issued again: the grant is a 409, and the application is to be denied.
 */
export async function licenseValidity(db: Executor, kase: CaseRow, content: ItemContent, decidedAt: Date) {
  const old =
    kase.for_license_id === null
      ? undefined
      : await db
          .selectFrom('case_document as d')
          .innerJoin('kase as k', 'k.id', 'd.case_id')
          .select(['d.id', 'd.number', 'k.revoked_at', sql<string | null>`d.valid_until::text`.as('valid_until')])
          .where('d.id', '=', kase.for_license_id)
          .where('d.superseded_at', 'is', null)
          .where('d.cancelled_at', 'is', null)
          .executeTakeFirst();
  if (old?.revoked_at && (kase.license_action === 'renew' || kase.license_action === 'change'))
    throw new AppError('CONFLICT', {
      reason: `the license this application ${kase.license_action === 'renew' ? 'renews' : 'changes'} was revoked: it is not issued again`,
      field: licenseActionField[kase.license_action],
      licenseId: old.id,
      licenseNumber: old.number,
      revokedAt: old.revoked_at.toISOString(),
    });
  const replaced = old && kase.license_action ? { id: old.id, number: old.number, validUntil: old.valid_until, action: kase.license_action } : null;
  if (replaced?.action === 'change') return { validUntil: replaced.validUntil, replaced };
  if (!content.resultValidity) return { validUntil: null, replaced };
  if (replaced?.validUntil) return { validUntil: formatDate(validityEnd(parseDate(replaced.validUntil)! + 1, content.resultValidity)), replaced };
  const { today } = await todayIn(db, kase.region_id, decidedAt.getTime());
  return { validUntil: formatDate(validityEnd(today, content.resultValidity)), replaced };
}

/** A license's state as anyone verifying it is told. */
export type VerifiedState = 'valid' | 'expired' | 'deemed_renewed' | 'revoked' | 'superseded' | 'cancelled';

/**
 * 证照核验: anyone holding a license — a bank, an inspector, the next window — checks by its number (the license's QR
 * code leads here) that OneWindow issued it, to whom and by whom, until when it runs, and whether it still holds:
 * revoked (撤销), cancelled (注销, with the ground), replaced by its renewal (with the new number), run out, or counted
 * as renewed while its renewal is decided. An enterprise holder is named in full, as its license prints it; a person masked. The PDF's SHA-256 lets
 * a copy be compared with what was issued. An unknown number: 404.
 */
export async function verifyLicense(db: Executor, number: string, render?: (documentId: number) => Promise<string>) {
  const r = await licenseRows(db)
    // the license that replaced it: its renewal's
    .select(
      sql<string | null>`(SELECT n.number FROM kase r JOIN case_document n ON n.case_id = r.id AND n.kind = 'license'
        WHERE r.for_license_id = d.id AND r.decision = 'granted' ORDER BY n.id DESC LIMIT 1)`.as('replaced_by'),
    )
    .where('d.number', '=', number)
    .executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND', { reason: 'no license of this number was issued here' });
  const held = (await dated(db, [r]))[0]!.state;
  const state: VerifiedState = endOf(r) ?? (held === 'expiring' ? 'valid' : held);
  return {
    number: r.number,
    type: r.title,
    subject: r.subject,
    /** the issuing item's type: a permit's subject is its 许可事项, anything else's its 办理事项 */
    itemType: r.item_type,
    holder: holderShown(r),
    holderKind: r.holder_kind,
    issuer: r.issuer,
    issuedAt: r.created_at.toISOString(),
    validUntil: r.valid_until,
    state,
    revokedAt: r.revoked_at?.toISOString() ?? null,
    supersededAt: r.superseded_at?.toISOString() ?? null,
    replacedBy: r.replaced_by,
    cancelledAt: r.cancelled_at?.toISOString() ?? null,
    cancelGround: r.cancel_ground,
    // a PDF not made yet is made now (once), so that a copy in hand can be compared with it
    sha256: r.sha256 ?? (render ? await render(r.id) : null),
    checkedAt: new Date().toISOString(),
  };
}

// ——— the department's ledger (已发证照) and cancellation (注销, art. 70) ———

/** Whether the actor works cases for the organization at `orgPath` (an approver or head of it: 'case.handle'). */
export function worksFor(actor: Actor | null, orgPath: string): boolean {
  if (!actor || actor.kind !== 'staff' || !hasPermission(actor, 'case.handle')) return false;
  const scope = scopeOf(actor, 'case.handle');
  return scope.all || scope.orgPaths.some((p) => orgPath.startsWith(p));
}

export const issuedStates = ['valid', 'expiring', 'expired', 'revoked', 'superseded', 'cancelled'] as const;

export interface IssuedQuery {
  /** a license number, or part of its holder's name */
  q?: string;
  state?: (typeof issuedStates)[number];
  limit: number;
  offset: number;
}

/** How many licenses near their end the ledger sorts out by their exact renewal deadline (those with the 'expiring' filter). */
const expiringCap = 2000;

/**
 * 已发证照: the licenses issued by the cases the caller may read (a department its own, the center its region's),
 * newest first, with their state — by the same rules as the holder's (validity, renewal deadline, renewal in hand)
 * and what ended them: revoked (撤销), replaced by a renewal, cancelled (注销). `expiring`: those whose renewal
 * falls due within thirty days (or is past due) while they run, soonest end first.
 */
export async function listIssuedLicenses(db: Executor, actor: Actor | null, q: IssuedQuery): Promise<{ items: IssuedLicense[]; total: number }> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (actor.kind !== 'staff' || !hasPermission(actor, 'case.read')) throw new AppError('FORBIDDEN', { permission: 'case.read' });
  // today by China's calendar for the first cut; each row's own region decides its state
  const today = formatDate(dateOfInstant(Date.now(), 480));
  // the licenses of the cases the caller may read, as 办件查询 reads them
  let query = licenseRows(db).where(await caseScopeCondition(db, actor));
  if (q.state === 'revoked') query = query.where('k.revoked_at', 'is not', null);
  else if (q.state === 'superseded') query = query.where('k.revoked_at', 'is', null).where('d.superseded_at', 'is not', null);
  else if (q.state === 'cancelled') query = query.where('k.revoked_at', 'is', null).where('d.cancelled_at', 'is not', null);
  else if (q.state === 'valid') query = stillHolds(query).where((eb) => eb.or([eb('d.valid_until', 'is', null), eb('d.valid_until', '>=', today)]));
  else if (q.state === 'expired') query = stillHolds(query).where('d.valid_until', '<', today);
  // the first cut for 'expiring': no lead is longer than a year
  else if (q.state === 'expiring')
    query = stillHolds(query)
      .where('d.valid_until', '>=', formatDate(parseDate(today)! - 1))
      .where('d.valid_until', '<=', formatDate(parseDate(today)! + 400));
  const text = q.q?.trim();
  if (text) query = query.where((eb) => eb.or([eb('d.number', '=', text), eb('ap.name', 'like', `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)]));
  const describe = async (rows: LicenseRow[]): Promise<IssuedLicense[]> =>
    (await dated(db, rows)).map(({ row: r, renewBy, state }) => {
      const ended = endOf(r);
      return {
        id: r.id,
        number: r.number,
        type: r.title,
        itemType: r.item_type,
        holder: holderShown(r),
        holderKind: r.holder_kind,
        issuer: r.issuer,
        issuedAt: r.created_at.toISOString(),
        validUntil: r.valid_until,
        renewBy,
        state: ended ?? state,
        caseId: r.case_id,
        caseNumber: r.case_number,
        renewal: inHandFor(r.in_hand, 'renew'),
        change: inHandFor(r.in_hand, 'change'),
        cancellation: inHandFor(r.in_hand, 'cancel'),
        cancelledAt: r.cancelled_at?.toISOString() ?? null,
        cancelGround: r.cancel_ground,
        cancelNote: r.cancel_note,
        mayCancel: ended === null && worksFor(actor, r.org_path),
      };
    });
  if (q.state === 'expiring') {
    // the exact deadline is each license's (its item's lead, its region's calendar): sorted out here, soonest end first
    const near = await query.orderBy('d.valid_until').orderBy('d.id').limit(expiringCap).execute();
    const all = (await describe(near)).filter((l) => l.state === 'expiring');
    return { items: all.slice(q.offset, q.offset + q.limit), total: all.length };
  }
  const [rows, total] = await Promise.all([
    query.orderBy('d.id', 'desc').limit(q.limit).offset(q.offset).execute(),
    query
      .clearSelect()
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: await describe(rows), total: total.n };
}

export interface CancelInput {
  ground: LicenseCancelGround;
  note?: string | null;
}

/**
 * 注销 (art. 70): the department that issued a license cancels it, on one of the law's grounds with a note. A
 * cancelled license is no longer held, renewed, taken as a material or verified as valid; the holder is told (the
 * event `license_cancelled` on the issuing case). Only a license that still holds is cancelled (409 otherwise,
 * and of two at once one wins); others who may read the case get 403, everyone else 404.
 */
export async function cancelLicense(ctx: WriteContext, licenseId: number, input: CancelInput): Promise<IssuedLicense> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (actor.kind !== 'staff' || !hasPermission(actor, 'case.handle')) throw new AppError('FORBIDDEN', { permission: 'case.handle' });
  const license = await licenseRows(ctx.tx).where('d.id', '=', licenseId).forUpdate('d').executeTakeFirst();
  if (!license) throw new AppError('NOT_FOUND');
  const kase = await loadCase(ctx.tx, license.case_id);
  await requireCaseRead(ctx.tx, actor, kase);
  if (!worksFor(actor, license.org_path)) throw new AppError('FORBIDDEN', { reason: 'a license is cancelled by the department that issued it' });
  const ended = endOf(license);
  if (ended) throw new AppError('CONFLICT', { reason: `the license no longer holds: ${ended}`, state: ended });
  const note = input.note?.trim() || null;
  if (input.ground === 'other' && !note) throw new AppError('VALIDATION_FAILED', { field: 'note', reason: 'say which law requires the cancellation' });
  if (input.ground === 'expired') await requireRunOut(ctx.tx, license);
  await markCancelled(ctx, kase, license, input.ground, note);
  const [row] = (await listIssuedLicenses(ctx.tx, actor, { q: license.number, state: 'cancelled', limit: 1, offset: 0 })).items;
  return row!;
}

/**
 * The ground `expired` holds only for a license that ran out without renewal: not for one still within its period,
 * nor for one whose renewal, applied for in time, is still in hand — it counts as renewed until that is decided
 * (行政许可法 art. 50), and the renewal's decision settles it.
 */
async function requireRunOut(db: Executor, license: LicenseRow) {
  const [{ state }] = await dated(db, [license]);
  if (state === 'deemed_renewed')
    throw new AppError('CONFLICT', {
      reason: 'its renewal is in hand: the license counts as renewed until the renewal is decided',
      state,
      renewal: license.in_hand ? { id: license.in_hand.id, number: license.in_hand.number } : null,
    });
  if (state !== 'expired')
    throw new AppError('VALIDATION_FAILED', { field: 'ground', reason: `the license has not run out: it holds until ${license.valid_until ?? 'no end'}` });
}

/** A license cancelled: its row marked, its case's version moved, and `license_cancelled` on the case's timeline (the holder is told). */
async function markCancelled(
  ctx: WriteContext,
  kase: CaseRow,
  license: Pick<LicenseRow, 'id' | 'number' | 'title' | 'item_type'>,
  ground: LicenseCancelGround,
  note: string | null,
  more: Record<string, unknown> = {},
) {
  const accountId = ctx.actor && ctx.actor.accountId > 0 ? ctx.actor.accountId : null;
  await ctx.tx
    .updateTable('case_document')
    .set({ cancelled_at: new Date(), cancel_ground: ground, cancel_note: note, cancelled_by: accountId })
    .where('id', '=', license.id)
    .execute();
  const touched = await updateCase(ctx, kase, {});
  await recordCaseEvent(
    ctx,
    touched,
    'license_cancelled',
    {
      licenseId: license.id,
      licenseNumber: license.number,
      type: license.title,
      ground,
      groundText: cancelGroundText(ground, license.item_type)[0],
      note,
      ...more,
    },
    null,
    { metrics: false },
  );
}

/**
 * 准予注销: the grant of a holder's application to cancel a license (`cancelCase`) cancels it — ground holder_request,
 * the holder's reason as its note, naming the application. A license that ended meanwhile (the department cancelled or
 * revoked it, or it was replaced) is left as it is. Answers the license cancelled, or null.
 */
export async function cancelOnGrant(ctx: WriteContext, cancelCase: CaseRow) {
  if (cancelCase.license_action !== 'cancel' || cancelCase.for_license_id === null) return null;
  const license = await licenseRows(ctx.tx).where('d.id', '=', cancelCase.for_license_id).forUpdate('d').executeTakeFirst();
  if (!license || endOf(license)) return null;
  const reason = await ctx.tx
    .selectFrom('case_event')
    .select(sql<string | null>`payload ->> 'cancelReason'`.as('reason'))
    .where('case_id', '=', cancelCase.id)
    .where('type', '=', 'submitted')
    .executeTakeFirst();
  const issuing = await loadCase(ctx.tx, license.case_id);
  await markCancelled(ctx, issuing, license, 'holder_request', reason?.reason ?? null, { byCase: { id: cancelCase.id, number: cancelCase.number } });
  return { id: license.id, number: license.number };
}

/**
 * The licenses whose holders the daily reminder tells (reminders.ts): still holding, `expiring` by their own deadline,
 * and not reminded of yet (the event `license_expiring` names each license once). The first cut is by the index of
 * the licenses that run out: none ending beyond a year and a half from now (no item's lead is that long).
 */
export async function licensesToRemind(db: Executor, now = Date.now()) {
  const horizon = formatDate(dateOfInstant(now, 480) + 550);
  const rows = await stillHolds(licenseRows(db))
    .where('d.valid_until', 'is not', null)
    .where('d.valid_until', '<=', horizon)
    .where(
      sql<boolean>`NOT EXISTS (SELECT 1 FROM case_event e WHERE e.case_id = d.case_id AND e.type = 'license_expiring' AND (e.payload ->> 'licenseId')::bigint = d.id)`,
    )
    .execute();
  return (await dated(db, rows, now))
    .filter((l) => l.state === 'expiring')
    .map(({ row, today, renewBy }) => ({
      id: row.id,
      number: row.number,
      type: row.title,
      caseId: row.case_id,
      validUntil: row.valid_until!,
      renewBy: renewBy!,
      overdue: formatDate(today) > renewBy!,
    }));
}
