import { sql, type Insertable } from 'kysely';
import type { KaseTable } from './cases.tables.ts';
import { paddedNextval } from '../../server/db/numbering.ts';
import { pipelinedWrite, shapedStatement } from '../../server/db/database.ts';
import { requireRegion } from '../org/placement.ts';
import type { Deps } from '../../server/deps.ts';
import type { WriteContext } from '../../server/write.ts';
import { requireAccess, type Actor } from '../../server/access.ts';
import { AppError } from '../../server/errors.ts';
import { getPublishedItem } from '../catalog/catalog.queries.ts';
import type { Form as ItemForm, ItemContent } from '../catalog/catalog.schemas.ts';
import { formWithout, providedByRegistration } from '../catalog/bundles.service.ts';
import { validateSubmission } from '../catalog/item-rules.ts';
import { mayActFor } from '../identity/agents.service.ts';
import { resumeClock, startClock, stopClockIfRunning } from '../calendar/clocks.service.ts';
import {
  askForMaterials,
  caseExtra,
  caseInserted,
  loadCase,
  nothingYet,
  recordCaseEvent,
  updateCase,
  versionContent,
  deliveryMethodsOf,
  writeCaseEvents,
  type CaseRow,
} from './case-core.ts';
import { enterNode } from './workflow.ts';
import { periodEnd } from '../calendar/calendar.store.ts';
import { recordCommitment, requireCommitmentAllowed } from './commitment.ts';
import { onCaseAccepted, requireFeesPaid } from './fees.ts';
import { issueDeliveryReceipt, issueMaterialReceipt, issueOneTimeNoticeDocument, issueRefusalDocument } from './documents.ts';
import type { CaseStatus, Channel } from './cases.tables.ts';
import type { DeliveryChoice, DeliveryMethod } from '../../common/delivery.ts';
import { isValidIdCardNumber, isValidPhone, maskIdNumber } from '../../common/validators.ts';
import { checkFileReferences } from '../files/files.service.ts';
import { licenseApplication, referencedLicense, takeHeldLicenses } from './licenses.ts';
import { licenseActionField } from '../../common/licenses.ts';
import { workCalendarFor } from '../calendar/calendar.store.ts';
import { dateOfInstant, instantOf } from '../../common/civil-date.ts';
import { deliveryDeadline, deliveryWorkdays } from './delivery-deadline.ts';
import { requireNameFree } from './establishment.ts';
import { partyCipher } from './party.ts';
import { requireWithinSupplementPeriod, supplementDue, type WithdrawnPayload } from './supplement-period.ts';
import './cases.tables.ts';

/** 行政许可法 art. 32 with art. 82: the one-time notice is due by the end of the 5th working day after receipt. */
async function noticeDue(ctx: WriteContext, regionId: number, receivedAt: Date): Promise<Date> {
  const { calendar } = await workCalendarFor(ctx.tx, regionId);
  const off = calendar.settings.offsetMinutes;
  return new Date(instantOf(calendar.addWorkdays(dateOfInstant(receivedAt.getTime(), off), 5) + 1, 0, off));
}

// no letter that reads as a digit in a monospace font (O, I, L): online is N (网上, the net)
const channelLetter: Record<Channel, string> = { window: 'W', online: 'N', mobile: 'M', terminal: 'T', post: 'P' };

/**
 * 办件编号: region code (6) + channel letter + local date + a 7-digit sequence, e.g. 990100N202611260000012;
 * drawn in the statement that inserts the case (`numberPrefix`: the region code and the channel letter).
 */
const caseInsertStatement = shapedStatement(
  () => '',
  (
    db,
    _shape,
    v: Pick<
      Insertable<KaseTable>,
      | 'item_id'
      | 'item_version_id'
      | 'organization_id'
      | 'region_id'
      | 'applicant_id'
      | 'agent_applicant_id'
      | 'submitted_by'
      | 'channel'
      | 'case_kind'
      | 'is_urgent'
      | 'form_enc'
      | 'subject'
      | 'received_at'
      | 'notice_due_at'
      | 'delivery_choice'
      | 'delivery_address_enc'
      | 'by_commitment'
      | 'for_license_id'
      | 'license_action'
    > & { numberPrefix: string },
  ) =>
    db
      .insertInto('kase')
      .values({
        number: sql<string>`${v.numberPrefix} || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || ${paddedNextval('case_number_seq', 7)}`,
        item_id: v.item_id,
        item_version_id: v.item_version_id,
        organization_id: v.organization_id,
        region_id: v.region_id,
        applicant_id: v.applicant_id,
        agent_applicant_id: v.agent_applicant_id,
        submitted_by: v.submitted_by,
        channel: v.channel,
        case_kind: v.case_kind,
        is_urgent: v.is_urgent,
        status: 'submitted',
        form_enc: v.form_enc,
        subject: v.subject,
        received_at: v.received_at,
        notice_due_at: v.notice_due_at,
        delivery_choice: v.delivery_choice,
        delivery_address_enc: v.delivery_address_enc,
        by_commitment: v.by_commitment,
        for_license_id: v.for_license_id,
        license_action: v.license_action,
        ...nothingYet,
      })
      .returningAll(),
);

/** An application's materials as given (arguments `key<i>`, `name<i>`, `status<i>`, `reference<i>`); its shape: how many. */
const materialsStatement = shapedStatement(
  (count: number) => String(count),
  (db, count, v: Record<string, unknown>) =>
    db.insertInto('case_material').values(
      Array.from({ length: count }, (_, i) => ({
        case_id: v.caseId as number,
        material_key: v[`key${i}`] as string,
        name: v[`name${i}`] as string,
        status: v[`status${i}`] as 'provided',
        reference: v[`reference${i}`] as string | null,
        note: null,
      })),
    ),
);

export interface ApplyInput {
  itemCode: string;
  channel?: Channel;
  /** the applicant a clerk receives at the window, or the principal an agent applies for */
  applicantId?: number | null;
  formData: Record<string, unknown>;
  /** each material: an upload (`file:<id>`) or a note (`reference`), a license the applicant holds (`licenseId`), or to be taken from a license or shared data (`fromLicense`) */
  materials: { key: string; reference?: string | null; fromLicense?: boolean; licenseId?: number | null }[];
  urgent?: boolean;
  /** 结果领取方式: how the applicant asks to receive the result — one of the item's delivery methods; a delivery by post names whom to send it to */
  delivery?: DeliveryChoice | null;
  /** 告知承诺制: the applicant commits in writing that they meet the item's conditions (where the item allows it) */
  commitment?: boolean;
  /** 延续: the held license (HeldLicense.id) this application renews */
  renews?: number | null;
  /** 变更: the held license whose particulars this application changes */
  changes?: number | null;
  /** 申请注销: the held license this application gives up, and why (`cancelReason`) */
  cancels?: number | null;
  cancelReason?: string | null;
  /**
   * 收件并受理: a clerk receiving at the window accepts the application in the same step — every required material is
   * in hand — with the acceptance's note; the two are recorded apart (received, then accepted) in one transaction
   */
  accept?: boolean;
  acceptNote?: string | null;
  /** 收件并容缺受理: with accept, the materials the item lets follow may be missing, handed in within so many working days */
  tolerate?: { workdays: number } | null;
}

/**
 * The applicant's choice of delivery as the case keeps it: one of the methods the item version's guide offers, and
 * for post whom to send it to (recipient, phone and address, all three), encrypted. Anything else is a 400.
 */
export function deliveryChoiceOf(deps: Deps, offered: readonly DeliveryMethod[], choice: DeliveryChoice | null | undefined) {
  if (!choice) return { delivery_choice: null, delivery_address_enc: null };
  const field = (name: string, reason: string) => new AppError('VALIDATION_FAILED', { field: `delivery.${name}`, reason });
  if (!offered.includes(choice.method)) throw field('method', `this item delivers by ${offered.join(', ')}`);
  const contact = { recipient: choice.recipient?.trim(), phone: choice.phone?.trim(), address: choice.address?.trim() };
  if (choice.method !== 'post') {
    if (contact.recipient || contact.phone || contact.address) throw field('address', 'only a delivery by post takes an address');
    return { delivery_choice: choice.method, delivery_address_enc: null };
  }
  if (!contact.recipient) throw field('recipient', 'whom to send the result to');
  if (!contact.phone || !isValidPhone(contact.phone)) throw field('phone', 'a phone number the courier can call');
  if (!contact.address || contact.address.length < 5) throw field('address', 'the address to send the result to');
  return { delivery_choice: choice.method, delivery_address_enc: deps.cipher.encrypt(JSON.stringify(contact)) };
}

/**
 * 收件: an application arrives — online from an applicant (or their agent), or at the window from a
 * clerk. The form is checked against the pinned version's schema and the materials against its list;
 * the case waits for pre-review (预审): accept, one-time notice, or refusal.
 */
/** How a case action was reached: directly, or carried from a bundle's parent case to its item cases. */
export interface Via {
  viaBundle?: boolean;
  /** 企业开办一件事: the content of the bundle's item that registers the company, which gives the others its particulars */
  registering?: ItemContent | null;
}

/** Item cases of a bundle take their intake actions through the bundle's parent case. */
function requireDirect(kase: CaseRow, via: Via, action: string) {
  if (kase.parent_id !== null && !via.viaBundle)
    throw new AppError('CONFLICT', { reason: `this case belongs to a bundle application: ${action} the bundle application`, parentId: kase.parent_id });
}

/**
 * Who an application is for, once the caller may file it: an applicant for themself or, authorized, for a principal
 * (an agent); a clerk of the region for the applicant received at the window.
 */
export async function resolveApplicant(ctx: WriteContext, input: Pick<ApplyInput, 'applicantId' | 'channel' | 'urgent'>, regionPath: string) {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  let applicantId: number;
  let agentId: number | null = null;
  let channel: Channel;
  if (actor.kind === 'applicant') {
    if (!actor.applicantId) throw new AppError('FORBIDDEN');
    channel = input.channel && input.channel !== 'window' ? input.channel : 'online';
    if (input.applicantId && input.applicantId !== actor.applicantId) {
      if (!(await mayActFor(ctx.tx, actor.applicantId, input.applicantId)))
        throw new AppError('FORBIDDEN', { reason: 'no authorization to act for this applicant' });
      applicantId = input.applicantId;
      agentId = actor.applicantId;
    } else applicantId = actor.applicantId;
    if (input.urgent) throw new AppError('FORBIDDEN', { reason: 'the green channel is opened by the center' });
  } else {
    requireAccess(actor, 'case.intake', { regionPath });
    if (!input.applicantId) throw new AppError('VALIDATION_FAILED', { field: 'applicantId', reason: 'the applicant received at the window' });
    const exists = await ctx.tx.selectFrom('applicant').select('id').where('id', '=', input.applicantId).executeTakeFirst();
    if (!exists) throw new AppError('VALIDATION_FAILED', { field: 'applicantId', reason: 'no such applicant' });
    applicantId = input.applicantId;
    channel = input.channel ?? 'window';
  }
  return { actor, applicantId, agentId, channel };
}

/** The form's fields that hold the applicant's own number: a person's ID card, or an enterprise's credit code. */
function identityFields(form: ItemForm, kind: string): string[] {
  const properties = ((form.schema as { properties?: Record<string, { format?: string }> }).properties ?? {}) as Record<string, { format?: string }>;
  return Object.entries(form.ui.fields)
    .filter(([name, ui]) => ui.prefill === 'applicant.idNumber' && name in properties)
    .filter(([name, ui]) => (kind === 'person' ? ui.widget === 'id_number' : properties[name]!.format === 'credit-code'))
    .map(([name]) => name);
}

/**
 * 实名: a form's field for the applicant's own ID-card number (a person) or credit code (an enterprise) is theirs. Left
 * out, it is filled from their record (the portal and the window show it masked, and cannot send it in full); given, it
 * must be the same number — checked once the form passed its schema (`check`), so a malformed number is told as such.
 * Other fields, and numbers of other people, are as given.
 */
export async function bindApplicantIdentity(ctx: WriteContext, deps: Deps, form: ItemForm, formData: Record<string, unknown>, applicantId: number) {
  const none = { formData, check: () => undefined };
  if (!Object.values(form.ui.fields).some((ui) => ui.prefill === 'applicant.idNumber')) return none;
  const applicant = await ctx.tx.selectFrom('applicant').select(['kind', 'id_number_enc']).where('id', '=', applicantId).executeTakeFirstOrThrow();
  const fields = identityFields(form, applicant.kind);
  if (fields.length === 0) return none;
  const own = deps.cipher.decrypt(applicant.id_number_enc).trim().toUpperCase();
  const bound = { ...formData };
  for (const name of fields) if (bound[name] === undefined || bound[name] === null || bound[name] === '') bound[name] = own;
  const check = () => {
    for (const name of fields) {
      const given = bound[name];
      if (typeof given !== 'string' || given.trim().toUpperCase() !== own)
        throw new AppError('VALIDATION_FAILED', {
          in: 'formData',
          field: name,
          reason: 'not the applicant’s own number: it is filled from their verified record',
          problems: [{ path: name, message: 'not the applicant’s own number (实名)', messageZh: '与申请人实名登记的号码不一致' }],
        });
    }
  };
  return { formData: bound, check };
}

export async function applyForItem(ctx: WriteContext, deps: Deps, input: ApplyInput, via: Via = {}) {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  const item = await getPublishedItem(ctx.tx, input.itemCode);
  const region = await requireRegion(ctx.tx, item.regionId);
  const { actor, applicantId, agentId, channel } = await resolveApplicant(ctx, input, region.path);
  if (input.accept) requireAcceptAtWindow(actor, channel);
  else if (input.acceptNote) throw new AppError('VALIDATION_FAILED', { field: 'acceptNote', reason: 'a note of the acceptance goes with accept' });
  else if (input.tolerate) throw new AppError('VALIDATION_FAILED', { field: 'tolerate', reason: '容缺受理 goes with accept' });
  const known = new Map(item.content.materials.map((m) => [m.key, m]));
  const given = new Map<string, { reference?: string | null; fromLicense?: boolean; licenseId?: number | null }>();
  for (const m of input.materials) {
    const def = known.get(m.key);
    if (!def) throw new AppError('VALIDATION_FAILED', { field: 'materials', key: m.key, reason: 'not a material of this item' });
    if (given.has(m.key)) throw new AppError('VALIDATION_FAILED', { field: 'materials', key: m.key, reason: 'listed twice' });
    if ((m.fromLicense || m.licenseId) && def.source !== 'license' && def.source !== 'shared_data')
      throw new AppError('VALIDATION_FAILED', { field: 'materials', key: m.key, reason: 'this material cannot come from a license or shared data' });
    if (m.licenseId && m.reference)
      throw new AppError('VALIDATION_FAILED', { field: 'materials', key: m.key, reason: 'give either a reference or a license, not both' });
    if (m.reference && referencedLicense(m.reference) !== undefined)
      throw new AppError('VALIDATION_FAILED', { field: 'materials', key: m.key, reason: 'a held license is named by licenseId' });
    if (!m.fromLicense && !m.licenseId && !m.reference)
      throw new AppError('VALIDATION_FAILED', { field: 'materials', key: m.key, reason: 'give a file reference or take it from a license' });
    given.set(m.key, m);
  }
  await checkFileReferences(ctx.tx, actor, [...given.values()].map((m) => m.reference ?? '').filter(Boolean));
  // licenses the applicant holds, picked instead of a copy: theirs, and of the type the material takes
  const heldTaken = await takeHeldLicenses(ctx.tx, applicantId, input.materials, (k) => known.get(k)?.licenseType);
  for (const [key, reference] of heldTaken) given.set(key, { reference, fromLicense: true });
  // 企业开办一件事: the company's own particulars and its 营业执照 are given by the bundle's registration once it
  // registers the company (establishment.ts), not asked now
  const byRegistration = providedByRegistration(item.content, via.registering);
  const form = byRegistration.fields.size ? formWithout(item.content.form, byRegistration.fields.keys()) : item.content.form;
  // in a bundle the form is the merged one: each item case keeps the fields its own form asks
  const { formData, check } = await bindApplicantIdentity(
    ctx,
    deps,
    form,
    via.viaBundle
      ? Object.fromEntries(Object.entries(input.formData).filter(([k]) => k in ((form.schema as { properties?: object }).properties ?? {})))
      : input.formData,
    applicantId,
  );
  const problems = validateSubmission(form, formData, byRegistration.fields.size ? `${item.versionId}:registered` : String(item.versionId));
  if (problems.length) throw new AppError('VALIDATION_FAILED', { in: 'formData', problems });
  check();
  // 企业设立登记: the company's name is not one in the register already (answered with the case's insert, below)
  const nameFree = requireNameFree(ctx.tx, item.content, formData);
  // an item case of a bundle is delivered with its bundle
  const delivery = deliveryChoiceOf(deps, item.content.deliveryMethods, via.viaBundle ? null : input.delivery);
  const byCommitment = requireCommitmentAllowed(item.content, input.commitment);
  // 延续: the license renewed, the applicant's, of this item, still valid, with nothing else in hand for it;
  // 变更 and 申请注销: the license changed or given up, on the same terms, but it need not run out
  const forLicense = await licenseApplication(ctx.tx, applicantId, item.itemId, item.content, input);
  if (forLicense?.action === 'cancel' && byCommitment)
    throw new AppError('VALIDATION_FAILED', { field: 'commitment', reason: 'a license is given up by an ordinary application, not by commitment' });
  // 收件并受理 takes a complete application only — or, 容缺, one missing only what the item lets follow — told before
  // anything is filed (not even a case number drawn)
  if (input.accept) {
    const missing = forLicense?.action === 'cancel' ? [] : item.content.materials.filter((m) => m.necessity === 'required' && !given.has(m.key));
    const blocking = input.tolerate ? missing.filter((m) => !m.tolerable) : missing;
    if (blocking.length)
      throw new AppError('CONFLICT', {
        reason: 'required materials are missing: receive the application and issue a one-time notice',
        missing: blocking.map((m) => m.key),
        tolerable: missing.filter((m) => m.tolerable).map((m) => m.key),
      });
    if (input.tolerate && missing.length === 0)
      throw new AppError('VALIDATION_FAILED', { field: 'tolerate', reason: 'no material that may follow after acceptance is missing' });
  }
  const now = new Date();
  const row = (
    await ctx.tx.executeQuery(
      caseInsertStatement('', {
        numberPrefix: region.code.slice(0, 6) + channelLetter[channel],
        item_id: item.itemId,
        item_version_id: item.versionId,
        organization_id: item.organizationId,
        region_id: item.regionId,
        applicant_id: applicantId,
        agent_applicant_id: agentId,
        submitted_by: actor.accountId,
        channel,
        case_kind: item.content.caseKind,
        is_urgent: !!input.urgent,
        form_enc: deps.cipher.encrypt(JSON.stringify(formData)),
        subject: item.content.name,
        received_at: now,
        // 行政许可法 art. 32: tell everything missing within 5 days, or the application counts as accepted on receipt
        notice_due_at: await noticeDue(ctx, item.regionId, now),
        ...delivery,
        by_commitment: byCommitment,
        for_license_id: forLicense?.id ?? null,
        license_action: forLicense?.action ?? null,
      }),
    )
  ).rows[0] as CaseRow;
  await nameFree;
  caseInserted(ctx.tx, row.id);
  const statusOf = (key: string) => {
    const m = given.get(key);
    return m ? (m.fromLicense ? ('from_license' as const) : ('provided' as const)) : ('missing' as const);
  };
  // the 营业执照 the bundle's registration will issue is not asked (it is taken from the registration once issued)
  const fromRegistration = new Set(byRegistration.materials);
  const recordedStatus = (key: string) => (!given.has(key) && fromRegistration.has(key) ? ('waived' as const) : statusOf(key));
  // 申请注销 asks for none of the item's materials: those handed in all the same are kept
  const listed = forLicense?.action === 'cancel' ? item.content.materials.filter((def) => given.has(def.key)) : item.content.materials;
  if (listed.length > 0) {
    const materials: Record<string, unknown> = { caseId: row.id };
    listed.forEach((def, i) => {
      materials[`key${i}`] = def.key;
      materials[`name${i}`] = def.name;
      materials[`status${i}`] = recordedStatus(def.key);
      materials[`reference${i}`] = given.get(def.key)?.reference ?? null;
    });
    await pipelinedWrite(ctx.tx, materialsStatement(listed.length, materials));
  }
  // the window hands the applicant a receipt of what it took (a bundle's, with the bundle)
  if (channel === 'window' && !via.viaBundle)
    await issueMaterialReceipt(
      ctx,
      row,
      listed.map((def) => ({ name: def.name, necessity: forLicense?.action === 'cancel' ? 'optional' : def.necessity, status: statusOf(def.key) })),
    );
  if (byCommitment) await recordCommitment(ctx, row, item.content);
  await recordCaseEvent(ctx, row, 'submitted', {
    channel,
    item: item.code,
    version: item.version,
    urgent: !!input.urgent,
    ...(byCommitment ? { commitment: true } : {}),
    ...(forLicense ? { [licenseActionField[forLicense.action]]: forLicense.id } : {}),
    ...(forLicense?.reason ? { cancelReason: forLicense.reason } : {}),
    // the licenses the applicant chose to hand in (用证), on the record with the application
    ...(heldTaken.size > 0 ? { licenses: Object.fromEntries(heldTaken) } : {}),
  });
  if (input.accept) {
    // 受理 as its own step on the record, by the same checks as accepting separately: the clock starts, the notice prints
    const accepted = await acceptCase(ctx, row.id, { note: input.acceptNote ?? null, tolerate: input.tolerate ?? null });
    return { id: row.id, number: row.number, status: accepted.status };
  }
  return { id: row.id, number: row.number, status: row.status };
}

/** 收件并受理 is the window's: staff who receive for the item's region (checked already), at the window. */
export function requireAcceptAtWindow(actor: Actor, channel: Channel) {
  if (actor.kind === 'applicant') throw new AppError('FORBIDDEN', { reason: 'an application is accepted by the window' });
  if (channel !== 'window')
    throw new AppError('VALIDATION_FAILED', { field: 'accept', reason: 'an application is received and accepted at once at the window only' });
}

/** The clerk may act on intake for the case's region. */
function requireIntake(actor: Actor | null, regionPath: string) {
  requireAccess(actor, 'case.intake', { regionPath });
}

async function regionPath(ctx: WriteContext, kase: CaseRow) {
  return (await requireRegion(ctx.tx, kase.region_id)).path;
}

/** Required materials still missing in the latest round of each material (申请注销 asks none: the license is given up). */
async function missingRequired(ctx: WriteContext, kase: CaseRow): Promise<string[]> {
  if (kase.license_action === 'cancel') return [];
  const content = await versionContent(ctx.tx, kase.item_version_id);
  const rows = await caseExtra(ctx.tx, kase.id, 'materials');
  const latest = new Map<string, string>();
  for (const r of rows) latest.set(r.material_key, r.status);
  return content.materials.filter((m) => m.necessity === 'required' && (latest.get(m.key) ?? 'missing') === 'missing').map((m) => m.key);
}

/**
 * Whether the case's one-time notice was given (its timeline, with what this transaction recorded) — by `by`,
 * when given: the art. 32 point (a notice given later does not stop the count from receipt).
 */
async function noticeGiven(ctx: WriteContext, caseId: number, by?: Date): Promise<boolean> {
  await writeCaseEvents(ctx.tx);
  let query = ctx.tx.selectFrom('case_event').select('id').where('case_id', '=', caseId).where('type', '=', 'notified');
  if (by) query = query.where('at', '<=', by);
  return !!(await query.executeTakeFirst());
}

/**
 * 受理: the application is complete; the committed and legal clocks start (from receipt when the
 * one-time notice was not given within 5 days, art. 32) and the workflow enters its first stage.
 */
export async function acceptCase(
  ctx: WriteContext,
  caseId: number,
  input: { note?: string | null; expectedVersion?: number; tolerate?: { workdays: number } | null },
  via: Via = {},
) {
  const kase = await loadCase(ctx.tx, caseId);
  requireDirect(kase, via, 'accept');
  requireIntake(ctx.actor, await regionPath(ctx, kase));
  if (input.expectedVersion !== undefined && input.expectedVersion !== kase.version) throw new AppError('CONFLICT', { expectedVersion: input.expectedVersion });
  if (kase.status !== 'submitted') throw new AppError('CONFLICT', { reason: `a ${kase.status} case cannot be accepted`, status: kase.status });
  const content = await versionContent(ctx.tx, kase.item_version_id);
  const missing = await missingRequired(ctx, kase);
  // 容缺受理: what the item lets follow after acceptance may be missing, when the window accepts on that promise
  const tolerable = missing.filter((key) => content.materials.some((m) => m.key === key && m.tolerable));
  const tolerated = input.tolerate ? tolerable : [];
  const blocking = missing.filter((key) => !tolerated.includes(key));
  if (blocking.length)
    throw new AppError('CONFLICT', {
      reason:
        tolerable.length && !input.tolerate
          ? 'required materials are missing: accept them to follow (tolerate), or issue a one-time notice'
          : 'required materials are missing: issue a one-time notice',
      missing: blocking,
      tolerable,
    });
  if (input.tolerate && tolerated.length === 0)
    throw new AppError('VALIDATION_FAILED', { field: 'tolerate', reason: 'no material that may follow after acceptance is missing' });
  const toleratedDueAt = tolerated.length ? await periodEnd(ctx.tx, kase.region_id, { value: input.tolerate!.workdays, unit: 'workday' }) : null;
  if (tolerated.length)
    await sql`UPDATE case_material m SET status = 'tolerated' WHERE m.case_id = ${kase.id} AND m.material_key = ANY(${tolerated}::text[]) AND m.status = 'missing'
      AND m.round = (SELECT max(x.round) FROM case_material x WHERE x.case_id = m.case_id AND x.material_key = m.material_key)`.execute(ctx.tx);
  const now = new Date();
  // counted from receipt when the acceptance comes after the art. 32 point and no one-time notice came by it
  const late = now > kase.notice_due_at && !(await noticeGiven(ctx, kase.id, kase.notice_due_at));
  const clock = await startClock(ctx, {
    ownerType: 'case',
    ownerId: kase.id,
    regionId: kase.region_id,
    startedAt: late ? kase.received_at : now,
    committed: { limit: content.committedLimit.value, unit: content.committedLimit.unit },
    legal: { limit: content.legalLimit.value, unit: content.legalLimit.unit },
  });
  // the acceptance is written with the case's move into its first stage (see Arrival)
  return enterNode(ctx, kase, 0, content.process.nodes, {
    set: {
      status: 'in_progress',
      accepted_at: late ? kase.received_at : now,
      clock_id: clock.id,
      ...(toleratedDueAt ? { tolerated_due_at: toleratedDueAt } : {}),
    },
    then: async (accepted) => {
      await recordCaseEvent(ctx, accepted, 'accepted', {
        note: input.note ?? null,
        countedFromReceipt: late,
        // by commitment: the review stages are not run (告知承诺制)
        ...(accepted.by_commitment ? { commitment: true } : {}),
        // 容缺受理: what follows, and by when
        ...(toleratedDueAt
          ? {
              tolerated: tolerated.map((key) => ({ key, name: content.materials.find((m) => m.key === key)!.name })),
              toleratedDueAt: toleratedDueAt.toISOString(),
            }
          : {}),
        committedDueAt: clock.committed_due_at?.toISOString() ?? null,
        legalDueAt: clock.legal_due_at?.toISOString() ?? null,
      });
      await onCaseAccepted(ctx, accepted, clock);
    },
  });
}

/**
 * 一次性告知: everything missing or to be corrected, told once and in writing. The case waits for the
 * applicant; nothing else may be asked for later, so a second notice is refused.
 */
export async function issueOneTimeNotice(
  ctx: WriteContext,
  caseId: number,
  input: { items: { key: string; note: string }[]; note?: string | null },
  via: Via = {},
) {
  const kase = await loadCase(ctx.tx, caseId);
  requireDirect(kase, via, 'give the notice on');
  requireIntake(ctx.actor, await regionPath(ctx, kase));
  if (kase.status !== 'submitted') throw new AppError('CONFLICT', { reason: `a ${kase.status} case takes no notice`, status: kase.status });
  if (await noticeGiven(ctx, kase.id)) throw new AppError('CONFLICT', { reason: 'the one-time notice was already given: nothing more may be asked' });
  const names = await askForMaterials(ctx, kase, input.items);
  const dueAt = await supplementDue(ctx, kase);
  const notified = await updateCase(ctx, kase, { status: 'notified', supplement_due_at: dueAt });
  await recordCaseEvent(ctx, notified, 'notified', {
    items: input.items.map((i) => ({ key: i.key, name: names.get(i.key), note: i.note })),
    note: input.note ?? null,
    withinLimit: new Date() <= kase.notice_due_at,
    supplementDueAt: dueAt?.toISOString() ?? null,
  });
  await issueOneTimeNoticeDocument(
    ctx,
    notified,
    input.items.map((i) => ({ name: names.get(i.key)!, note: i.note })),
    input.note ?? null,
    dueAt,
  );
  return notified;
}

/** 不予受理: refused with the reasons, in writing. */
export async function refuseCase(ctx: WriteContext, caseId: number, input: { reason: string }, via: Via = {}) {
  const kase = await loadCase(ctx.tx, caseId);
  requireDirect(kase, via, 'refuse');
  requireIntake(ctx.actor, await regionPath(ctx, kase));
  if (kase.status !== 'submitted' && kase.status !== 'notified')
    throw new AppError('CONFLICT', { reason: `a ${kase.status} case cannot be refused`, status: kase.status });
  const refused = await updateCase(ctx, kase, { status: 'refused', refusal_reason: input.reason });
  await recordCaseEvent(ctx, refused, 'refused', { reason: input.reason });
  await issueRefusalDocument(ctx, refused, input.reason);
  return refused;
}

/**
 * 补正 / 补齐: the applicant hands in what was asked — after the one-time notice (back to pre-review)
 * or during review (the paused clock resumes).
 */
export async function supplementCase(ctx: WriteContext, caseId: number, input: { materials: { key: string; reference: string }[] }, via: Via = {}) {
  const kase = await loadCase(ctx.tx, caseId);
  // what the bundle's one-time notice asked is handed in on the bundle application; review-time supplements on the item case
  if (kase.status === 'notified') requireDirect(kase, via, 'hand the materials in on');
  await requireApplicantOrClerk(ctx, kase);
  if (kase.status !== 'notified' && kase.status !== 'awaiting_supplement')
    throw new AppError('CONFLICT', { reason: `a ${kase.status} case awaits no materials`, status: kase.status });
  requireWithinSupplementPeriod(kase);
  const round = (
    await ctx.tx
      .selectFrom('case_material')
      .select(sql<number>`max(round)`.as('r'))
      .where('case_id', '=', kase.id)
      .executeTakeFirstOrThrow()
  ).r;
  const asked = await ctx.tx
    .selectFrom('case_material')
    .select(['material_key'])
    .where('case_id', '=', kase.id)
    .where('round', '=', round)
    .where('status', '=', 'missing')
    .execute();
  const askedKeys = new Set(asked.map((a) => a.material_key));
  for (const m of input.materials)
    if (!askedKeys.has(m.key)) throw new AppError('VALIDATION_FAILED', { field: 'materials', key: m.key, reason: 'this material was not asked for' });
  await checkFileReferences(
    ctx.tx,
    ctx.actor!,
    input.materials.map((m) => m.reference),
  );
  const left = [...askedKeys].filter((k) => !input.materials.some((m) => m.key === k));
  if (left.length) throw new AppError('VALIDATION_FAILED', { field: 'materials', reason: 'hand in everything that was asked', missing: left });
  for (const m of input.materials) {
    await ctx.tx
      .updateTable('case_material')
      .set({ status: 'provided', reference: m.reference })
      .where('case_id', '=', kase.id)
      .where('round', '=', round)
      .where('material_key', '=', m.key)
      .execute();
  }
  let updated: CaseRow;
  if (kase.status === 'notified') updated = await updateCase(ctx, kase, { status: 'submitted', supplement_due_at: null });
  else {
    if (kase.clock_id) await resumeClock(ctx, kase.clock_id);
    updated = await updateCase(ctx, kase, { status: 'in_progress', supplement_due_at: null });
  }
  await recordCaseEvent(ctx, updated, 'supplemented', { materials: input.materials.map((m) => m.key), round });
  return updated;
}

/**
 * 延长补正期限: the window gives an applicant who asks for it, with a reason, more time to hand in what was asked — so
 * many working days past the period's last day, once for what one notice or request asked. A bundle application's
 * period moves for each of its item cases waiting under its notice. The applicant is told.
 */
export async function extendSupplementPeriod(ctx: WriteContext, caseId: number, input: { workdays: number; reason: string }) {
  const kase = await loadCase(ctx.tx, caseId);
  // what a bundle's notice asked runs on the bundle application; a request during review, on its item case
  if (kase.status === 'notified') requireDirect(kase, {}, 'extend the supplement period of');
  requireIntake(ctx.actor, await regionPath(ctx, kase));
  if (kase.status !== 'notified' && kase.status !== 'awaiting_supplement')
    throw new AppError('CONFLICT', { reason: `a ${kase.status} case awaits no materials`, status: kase.status });
  const from = kase.supplement_due_at;
  if (!from) throw new AppError('CONFLICT', { reason: 'the case has no supplement period to extend' });
  requireWithinSupplementPeriod(kase);
  const last = await ctx.tx
    .selectFrom('case_event')
    .select('type')
    .where('case_id', '=', kase.id)
    .where('type', 'in', ['notified', 'supplement_requested', 'supplement_extended'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (last?.type === 'supplement_extended') throw new AppError('CONFLICT', { reason: 'the supplement period was extended once already' });
  // counted from the period's last day
  const to = await periodEnd(ctx.tx, kase.region_id, { value: input.workdays, unit: 'workday' }, from.getTime() - 1);
  if (kase.bundle_id !== null)
    for (const child of await ctx.tx.selectFrom('kase').selectAll().where('parent_id', '=', kase.id).where('status', '=', 'notified').execute())
      await updateCase(ctx, child as CaseRow, { supplement_due_at: to });
  const extended = await updateCase(ctx, await loadCase(ctx.tx, kase.id), { supplement_due_at: to });
  await recordCaseEvent(
    ctx,
    extended,
    'supplement_extended',
    { from: from.toISOString(), to: to.toISOString(), workdays: input.workdays, reason: input.reason },
    null,
    { metrics: false },
  );
  return extended;
}

/**
 * 容缺后补: the applicant (or the window for them) hands in what was accepted to follow — some of it or all. Once all
 * of it is in, the case no longer waits for it and its result may be delivered.
 */
export async function handInTolerated(ctx: WriteContext, caseId: number, input: { materials: { key: string; reference: string }[] }) {
  const kase = await loadCase(ctx.tx, caseId);
  await requireApplicantOrClerk(ctx, kase);
  if (!kase.tolerated_due_at || kase.status === 'withdrawn' || kase.status === 'refused')
    throw new AppError('CONFLICT', { reason: 'the case waits for no material accepted to follow', status: kase.status });
  const outstanding = await ctx.tx
    .selectFrom('case_material')
    .select(['id', 'material_key'])
    .where('case_id', '=', kase.id)
    .where('status', '=', 'tolerated')
    .execute();
  const byKey = new Map(outstanding.map((m) => [m.material_key, m.id]));
  const keys = new Set<string>();
  for (const m of input.materials) {
    if (!byKey.has(m.key)) throw new AppError('VALIDATION_FAILED', { field: 'materials', key: m.key, reason: 'this material is not one accepted to follow' });
    if (keys.has(m.key)) throw new AppError('VALIDATION_FAILED', { field: 'materials', key: m.key, reason: 'listed twice' });
    keys.add(m.key);
  }
  await checkFileReferences(
    ctx.tx,
    ctx.actor!,
    input.materials.map((m) => m.reference),
  );
  for (const m of input.materials)
    await ctx.tx.updateTable('case_material').set({ status: 'provided', reference: m.reference }).where('id', '=', byKey.get(m.key)!).execute();
  const left = outstanding.filter((m) => !keys.has(m.material_key)).map((m) => m.material_key);
  const updated = await updateCase(ctx, kase, left.length ? {} : { tolerated_due_at: null });
  await recordCaseEvent(ctx, updated, 'tolerated_handed_in', { materials: [...keys], left }, null, { metrics: false });
  return updated;
}

async function requireApplicantOrClerk(ctx: WriteContext, kase: CaseRow) {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (actor.kind === 'applicant') {
    if (actor.applicantId !== kase.applicant_id && actor.applicantId !== kase.agent_applicant_id) throw new AppError('NOT_FOUND');
    return;
  }
  requireIntake(actor, await regionPath(ctx, kase));
}

/** 撤回申请: the applicant withdraws before a decision; open tasks end and the clock stops. */
export async function withdrawCase(ctx: WriteContext, caseId: number, input: { reason?: string | null }, via: Via = {}) {
  const kase = await loadCase(ctx.tx, caseId);
  requireDirect(kase, via, 'withdraw');
  await requireApplicantOrClerk(ctx, kase);
  return endWithdrawn(ctx, kase, { reason: input.reason ?? null });
}

/** The statuses a case may be withdrawn in: before a decision. */
export const withdrawable: readonly CaseStatus[] = ['submitted', 'notified', 'in_progress', 'awaiting_supplement'];

/**
 * What a withdrawal does, by the applicant's hand or, when the supplement period passed with nothing handed in
 * (视为撤回申请, `lapsed` with the day that passed), by the nightly sweep: open tasks end, the clock stops, and the
 * event `withdrawn` says which it was.
 */
export async function endWithdrawn(ctx: WriteContext, kase: CaseRow, payload: WithdrawnPayload) {
  if (!withdrawable.includes(kase.status)) throw new AppError('CONFLICT', { reason: `a ${kase.status} case cannot be withdrawn`, status: kase.status });
  await ctx.tx
    .updateTable('case_task')
    .set({ state: 'cancelled', completed_at: new Date() })
    .where('case_id', '=', kase.id)
    .where('state', 'in', ['open', 'claimed'])
    .execute();
  if (kase.clock_id) {
    await stopClockIfRunning(ctx, kase.clock_id);
  }
  const withdrawn = await updateCase(ctx, kase, { status: 'withdrawn', supplement_due_at: null });
  await recordCaseEvent(ctx, withdrawn, 'withdrawn', payload);
  return withdrawn;
}

/**
 * 修改领取方式: the applicant (or the window for them) changes how the result should come, any time before it went
 * out — one of the pinned version's methods, by post with whom and where. The event names the method only: the
 * address stays in the case, encrypted.
 */
export async function chooseDelivery(ctx: WriteContext, deps: Deps, caseId: number, input: { delivery: DeliveryChoice }) {
  const kase = await loadCase(ctx.tx, caseId);
  await requireApplicantOrClerk(ctx, kase);
  if (kase.parent_id !== null)
    throw new AppError('CONFLICT', {
      reason: 'this case belongs to a bundle application: its results go out together, as the bundle application says',
      parentId: kase.parent_id,
    });
  if (['delivered', 'refused', 'withdrawn'].includes(kase.status))
    throw new AppError('CONFLICT', { reason: `a ${kase.status} case has nothing more to deliver`, status: kase.status });
  const chosen = deliveryChoiceOf(deps, await deliveryMethodsOf(ctx.tx, kase), input.delivery);
  const changed = await updateCase(ctx, kase, chosen);
  await recordCaseEvent(ctx, changed, 'delivery_chosen', { method: chosen.delivery_choice, before: kase.delivery_choice }, null, { metrics: false });
  return changed;
}

export interface DeliverInput {
  method: DeliveryMethod;
  trackingNumber?: string | null;
  lockerCode?: string | null;
  identityChecked?: boolean;
  /** 代领: a pickup by someone other than the applicant, with their name and ID number (checked against the card and an authorization) */
  collector?: { name: string; idNumber: string } | null;
  /** by post: whom to send it to, where the case holds no address (the applicant chose to collect it, or nothing) or to another */
  sendTo?: { recipient: string; phone: string; address: string } | null;
}

/**
 * Whom a delivery reaches: by post an address — the one the applicant asked for, or one given now (`sendTo`, needed
 * where the case holds none); a pickup of an enterprise's result, the person who collects it (经办人: an enterprise
 * does not come to the window itself). Anything else is a 400. Answers the address given now, encrypted, to keep
 * with the case.
 */
export async function deliveryAddressee(ctx: WriteContext, kase: CaseRow, input: DeliverInput): Promise<string | undefined> {
  const field = (name: string, reason: string) => new AppError('VALIDATION_FAILED', { field: name, reason });
  if (input.sendTo && input.method !== 'post') throw field('sendTo', 'only a delivery by post is sent to an address');
  if (input.method === 'pickup' && !input.collector) {
    const applicant = await ctx.tx.selectFrom('applicant').select('kind').where('id', '=', kase.applicant_id).executeTakeFirstOrThrow();
    if (applicant.kind === 'enterprise')
      throw field('collector', 'an enterprise’s result is collected by a person: who collects it, with their ID number (经办人)');
  }
  if (input.method !== 'post') return undefined;
  if (!input.sendTo) {
    if (!kase.delivery_address_enc) throw field('sendTo', 'the applicant gave no address to post it to: whom and where to send it');
    return undefined;
  }
  const contact = { recipient: input.sendTo.recipient.trim(), phone: input.sendTo.phone.trim(), address: input.sendTo.address.trim() };
  if (!contact.recipient) throw field('sendTo.recipient', 'whom to send the result to');
  if (!isValidPhone(contact.phone)) throw field('sendTo.phone', 'a phone number the courier can call');
  if (contact.address.length < 5) throw field('sendTo.address', 'the address to send the result to');
  return partyCipher().encrypt(JSON.stringify(contact));
}

/**
 * The delivery as the case keeps it: the method and what it needs, and for a pickup by someone else (代领) their name
 * and ID number masked — the window checks the full number against the card and the authorization, and does not keep it.
 */
export function deliveryRecord(input: DeliverInput): Omit<DeliverInput, 'collector'> & { collector?: { name: string; idNumber: string } } {
  // an address given at delivery is kept with the case, encrypted (deliveryAddressee), not in the record
  const { collector, sendTo: _sendTo, ...rest } = input;
  if (!collector) return rest;
  if (input.method !== 'pickup') throw new AppError('VALIDATION_FAILED', { field: 'collector', reason: 'only a pickup is collected by someone' });
  const name = collector.name.trim();
  const idNumber = collector.idNumber.trim().toUpperCase();
  if (name.length < 2) throw new AppError('VALIDATION_FAILED', { field: 'collector.name', reason: 'who collects it' });
  if (!isValidIdCardNumber(idNumber)) throw new AppError('VALIDATION_FAILED', { field: 'collector.idNumber', reason: 'not a valid ID number' });
  return { ...rest, collector: { name, idNumber: maskIdNumber(idNumber) } };
}

/**
 * 统一出件: the result is handed over — pickup with an identity check, post with a tracking number,
 * a locker, or electronically. 行政许可法 art. 44: within 10 days of the decision.
 */
export async function deliverCase(ctx: WriteContext, caseId: number, input: DeliverInput, via: Via = {}) {
  const kase = await loadCase(ctx.tx, caseId);
  requireDirect(kase, via, 'deliver');
  requireIntake(ctx.actor, await regionPath(ctx, kase));
  if (kase.status !== 'concluded') throw new AppError('CONFLICT', { reason: `a ${kase.status} case has nothing to deliver yet`, status: kase.status });
  // 容缺受理: the result waits for what was accepted to follow
  if (kase.tolerated_due_at)
    throw new AppError('CONFLICT', {
      reason: 'materials accepted to follow (容缺后补) are not all handed in yet',
      toleratedDueAt: kase.tolerated_due_at.toISOString(),
    });
  await requireFeesPaid(ctx, kase);
  if (input.method === 'pickup' && !input.identityChecked)
    throw new AppError('VALIDATION_FAILED', { field: 'identityChecked', reason: 'check the identity of whoever picks the result up' });
  if (input.method === 'post' && !input.trackingNumber) throw new AppError('VALIDATION_FAILED', { field: 'trackingNumber' });
  if (input.method === 'locker' && !input.lockerCode) throw new AppError('VALIDATION_FAILED', { field: 'lockerCode' });
  // a bundle's item cases go with their bundle application, whose address and collector are checked there
  const address = via.viaBundle ? undefined : await deliveryAddressee(ctx, kase, input);
  const record = deliveryRecord(input);
  // art. 44: 10 days from the decision, counted in working days (art. 82)
  const { calendar } = await workCalendarFor(ctx.tx, kase.region_id);
  const days = kase.decided_at ? deliveryWorkdays - deliveryDeadline(calendar, kase.decided_at).workdaysLeft : 0;
  const delivered = await updateCase(ctx, kase, {
    status: 'delivered',
    delivered_at: new Date(),
    delivery: JSON.stringify(record),
    // posted to an address given at the window: the way it went, and where, as the applicant's choice would be kept
    ...(address ? { delivery_choice: 'post', delivery_address_enc: address } : {}),
  });
  await recordCaseEvent(ctx, delivered, 'delivered', {
    method: input.method,
    trackingNumber: input.trackingNumber ?? null,
    // posted to an address given at the window, not the one asked for (if any)
    ...(address ? { addressGiven: true } : {}),
    // 代领: who collected it for the applicant
    ...(record.collector ? { collector: record.collector } : {}),
    // the applicant's code to open the locker: the delivery message carries it
    ...(input.method === 'locker' ? { lockerCode: input.lockerCode } : {}),
    daysAfterDecision: days,
    late: days > deliveryWorkdays,
  });
  // 送达回证: a bundle's item cases are named on their bundle application's
  if (!via.viaBundle && input.method !== 'electronic')
    await issueDeliveryReceipt(ctx, delivered, { method: input.method, trackingNumber: input.trackingNumber, collector: record.collector });
  return delivered;
}
