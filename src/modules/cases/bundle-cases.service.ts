import { sql } from 'kysely';
import { requireRegion } from '../org/placement.ts';
import type { Deps } from '../../server/deps.ts';
import type { WriteContext } from '../../server/write.ts';
import type { Executor } from '../../server/db/database.ts';
import { requireAccess } from '../../server/access.ts';
import { AppError } from '../../server/errors.ts';
import { getBundle, registeringMember } from '../catalog/bundles.service.ts';
import { getPublishedItem } from '../catalog/catalog.queries.ts';
import { validateSubmission } from '../catalog/item-rules.ts';
import type { Limit } from '../catalog/catalog.schemas.ts';
import { pauseClock, resumeClock, startClock, stopClock, stopClockIfRunning } from '../calendar/clocks.service.ts';
import { loadCase, nothingYet, recordCaseEvent, type CaseRow } from './case-core.ts';
import { licenseReference } from './licenses.ts';
import { holdForRegistration } from './establishment.ts';
import { issueBundleAcceptanceNotice, issueDeliveryReceipt, issueMaterialReceipt } from './documents.ts';
import {
  acceptCase,
  applyForItem,
  bindApplicantIdentity,
  deliverCase,
  deliveryChoiceOf,
  deliveryAddressee,
  deliveryRecord,
  issueOneTimeNotice,
  refuseCase,
  requireAcceptAtWindow,
  resolveApplicant,
  supplementCase,
  endWithdrawn,
  withdrawable,
  type ApplyInput,
  type DeliverInput,
} from './intake.service.ts';
import type { CaseStatus } from './cases.tables.ts';
import { requireWithinSupplementPeriod, type WithdrawnPayload } from './supplement-period.ts';
import './cases.tables.ts';

/**
 * 一件事一次办: a bundle application is one parent case with one child case per item. The window acts
 * on the parent (accept, one-time notice, refusal, withdrawal, delivery) and the action reaches every
 * child; the departments work the children in parallel, each on its own item's process and clocks. The
 * parent follows its children: it is concluded when every child is decided, and its result is
 * delivered in one go (统一出件).
 */

export interface ApplyBundleInput extends Omit<ApplyInput, 'itemCode'> {
  bundleCode: string;
}

const terminal: CaseStatus[] = ['concluded', 'delivered', 'refused', 'withdrawn'];

export async function applyForBundle(ctx: WriteContext, deps: Deps, input: ApplyBundleInput) {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  if (input.renews || input.changes || input.cancels)
    throw new AppError('VALIDATION_FAILED', {
      field: input.renews ? 'renews' : input.changes ? 'changes' : 'cancels',
      reason: 'a license is renewed, changed or given up by an application for its item, not a bundle',
    });
  const bundle = await getBundle(ctx.tx, input.bundleCode);
  // the results go out together, among the methods the bundle's guide offers: the choice is the bundle application's
  const delivery = deliveryChoiceOf(deps, bundle.content.deliveryMethods, input.delivery);
  const bundleRow = await ctx.tx.selectFrom('bundle').select(['id', 'organization_id', 'region_id']).where('code', '=', bundle.code).executeTakeFirstOrThrow();
  const known = new Map(bundle.materials.map((m) => [m.key, m]));
  for (const m of input.materials)
    if (!known.has(m.key)) throw new AppError('VALIDATION_FAILED', { field: 'materials', key: m.key, reason: 'not a material of this bundle' });
  // 实名: the applicant's own number is theirs (filled when left out), once the caller may file for them
  const { actor, applicantId, channel } = await resolveApplicant(ctx, input, (await requireRegion(ctx.tx, bundleRow.region_id)).path);
  // 收件并受理 at the window: the merged list complete, told before anything is filed (not even a case number drawn)
  if (input.accept) {
    requireAcceptAtWindow(actor, channel);
    const given = new Set(input.materials.map((m) => m.key));
    const missing = bundle.materials.filter((m) => m.necessity === 'required' && !given.has(m.key));
    if (missing.length)
      throw new AppError('CONFLICT', {
        reason: 'required materials are missing: receive the application and issue a one-time notice',
        missing: missing.map((m) => m.key),
      });
  } else if (input.acceptNote) throw new AppError('VALIDATION_FAILED', { field: 'acceptNote', reason: 'a note of the acceptance goes with accept' });
  const { formData, check } = await bindApplicantIdentity(ctx, deps, bundle.form, input.formData, applicantId);
  const problems = validateSubmission(bundle.form, formData, `bundle:${bundle.code}:${bundle.publishedAt ?? ''}`);
  if (problems.length) throw new AppError('VALIDATION_FAILED', { in: 'formData', problems });
  check();

  // one child case per item, each checked against its own pinned version (applyForItem checks the caller too); the
  // item that registers the company (企业设立登记) gives the others its particulars once it does
  const registering = registeringMember(await Promise.all(bundle.content.itemCodes.map((code) => getPublishedItem(ctx.tx, code))))?.content ?? null;
  const children: { id: number; number: string }[] = [];
  for (const code of bundle.content.itemCodes) {
    const itemMaterials = new Set(bundle.materials.filter((m) => m.items.includes(code)).map((m) => m.key));
    const child = await applyForItem(
      ctx,
      deps,
      {
        itemCode: code,
        channel: input.channel,
        applicantId: input.applicantId,
        formData,
        materials: input.materials.filter((m) => itemMaterials.has(m.key)),
        urgent: input.urgent,
      },
      { viaBundle: true, registering },
    );
    children.push({ id: child.id, number: child.number });
  }
  if (children.length === 0) throw new AppError('CONFLICT', { reason: 'the bundle has no items' });
  const p = await createParent(ctx, deps, bundle, bundleRow, await loadCase(ctx.tx, children[0]!.id), { ...input, formData }, delivery);
  await ctx.tx
    .updateTable('kase')
    .set({ parent_id: p.id })
    .where(
      'id',
      'in',
      children.map((c) => c.id),
    )
    .execute();
  // the window hands the applicant one receipt for the whole bundle application: the merged list, each material once
  if (p.channel === 'window') {
    const given = new Map(input.materials.map((m) => [m.key, m]));
    await issueMaterialReceipt(
      ctx,
      p,
      bundle.materials.map((def) => {
        const m = given.get(def.key);
        return { name: def.name, necessity: def.necessity, status: m ? (m.fromLicense || m.licenseId ? 'from_license' : 'provided') : 'missing' };
      }),
    );
  }
  await recordCaseEvent(ctx, p, 'submitted', { bundle: bundle.code, channel: p.channel, urgent: !!input.urgent, children: children.map((c) => c.number) });
  if (input.accept) {
    // 受理 as its own step on the record, by the same checks as accepting the bundle in pre-review
    await performOnBundle(ctx, p.id, { action: 'accept', note: input.acceptNote ?? null });
    return { id: p.id, number: p.number, status: (await loadCase(ctx.tx, p.id)).status, children };
  }
  return { id: p.id, number: p.number, status: p.status, children };
}

/** The parent row, created once the first child is known (its applicant, channel and number base). */
async function createParent(
  ctx: WriteContext,
  deps: Deps,
  bundle: Awaited<ReturnType<typeof getBundle>>,
  row: { id: number; organization_id: number; region_id: number },
  first: CaseRow,
  input: ApplyBundleInput,
  delivery: ReturnType<typeof deliveryChoiceOf>,
): Promise<CaseRow> {
  const region = await requireRegion(ctx.tx, row.region_id);
  const seq = await sql<{
    n: string;
    d: string;
  }>`SELECT nextval('case_number_seq')::text AS n, to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') AS d`.execute(ctx.tx);
  const letter = first.number.charAt(6);
  const number = `${region.code.slice(0, 6)}${letter}${seq.rows[0]!.d}${seq.rows[0]!.n.padStart(7, '0')}`;
  const parent = (await ctx.tx
    .insertInto('kase')
    .values({
      number,
      item_id: null,
      item_version_id: null,
      bundle_id: row.id,
      organization_id: row.organization_id,
      region_id: row.region_id,
      applicant_id: first.applicant_id,
      agent_applicant_id: first.agent_applicant_id,
      submitted_by: first.submitted_by,
      channel: first.channel,
      case_kind: bundle.items.every((i) => i.caseKind === 'immediate') ? 'immediate' : 'committed',
      is_urgent: !!input.urgent,
      status: 'submitted',
      form_enc: deps.cipher.encrypt(JSON.stringify(input.formData)),
      subject: bundle.name,
      received_at: first.received_at,
      notice_due_at: first.notice_due_at,
      ...delivery,
      ...nothingYet,
    })
    .returningAll()
    .executeTakeFirstOrThrow()) as CaseRow;
  const given = new Map(input.materials.map((m) => [m.key, m]));
  for (const def of bundle.materials) {
    const m = given.get(def.key);
    await ctx.tx
      .insertInto('case_material')
      .values({
        case_id: parent.id,
        material_key: def.key,
        name: def.name,
        status: m ? (m.fromLicense || m.licenseId ? 'from_license' : 'provided') : 'missing',
        reference: m?.licenseId ? licenseReference(m.licenseId) : (m?.reference ?? null),
        note: null,
      })
      .execute();
  }
  return parent;
}

/** The item cases as the bundle's acceptance notice names them: number, item, department, and whether they wait. */
async function childrenNoticed(ctx: WriteContext, parentId: number) {
  const rows = await ctx.tx
    .selectFrom('kase as k')
    .innerJoin('organization as o', 'o.id', 'k.organization_id')
    .select([
      'k.number',
      'k.subject',
      'o.name as organization_name',
      sql<boolean>`EXISTS (SELECT 1 FROM clock_pause p WHERE p.clock_id = k.clock_id AND p.ended_at IS NULL AND p.reason = 'registration')`.as('waits'),
    ])
    .where('k.parent_id', '=', parentId)
    .orderBy('k.id')
    .execute();
  return rows.map((r) => ({ number: r.number, subject: r.subject, organizationName: r.organization_name, awaitsRegistration: r.waits }));
}

async function childrenOf(ctx: WriteContext, parentId: number): Promise<CaseRow[]> {
  return (await ctx.tx.selectFrom('kase').selectAll().where('parent_id', '=', parentId).orderBy('id').execute()) as CaseRow[];
}

async function lockParent(ctx: WriteContext, parentId: number): Promise<CaseRow> {
  const row = await ctx.tx.selectFrom('kase').selectAll().where('id', '=', parentId).forUpdate().executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row as CaseRow;
}

async function setParent(ctx: WriteContext, parent: CaseRow, set: Record<string, unknown>): Promise<CaseRow> {
  return (await ctx.tx
    .updateTable('kase')
    .set({ ...set, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', parent.id)
    .returningAll()
    .executeTakeFirstOrThrow()) as CaseRow;
}

function longest(limits: Limit[]): Limit {
  const days = limits.filter((l) => l.unit === 'workday');
  return days.length ? days.reduce((a, b) => (b.value > a.value ? b : a)) : (limits[0] ?? { value: 20, unit: 'workday' });
}

/**
 * Keep the parent in step with its children. Called after a child's status changed, inside the same
 * transaction; the parent row is locked (not version-checked) so that departments deciding sibling
 * cases at the same moment wait for each other instead of failing.
 */
export async function syncParent(ctx: WriteContext, parentId: number): Promise<void> {
  const parent = await lockParent(ctx, parentId);
  if (parent.status === 'delivered' || parent.status === 'refused' || parent.status === 'withdrawn') return;
  const children = await childrenOf(ctx, parentId);
  const statuses = children.map((c) => c.status);
  let next: CaseStatus;
  if (statuses.every((s) => s === 'refused')) next = 'refused';
  else if (statuses.every((s) => s === 'refused' || s === 'withdrawn')) next = 'withdrawn';
  else if (statuses.every((s) => terminal.includes(s))) next = 'concluded';
  else if (statuses.some((s) => s === 'awaiting_supplement')) next = 'awaiting_supplement';
  else if (statuses.some((s) => ['in_progress', 'decided', 'concluded', 'delivered'].includes(s))) next = 'in_progress';
  else if (statuses.some((s) => s === 'notified')) next = 'notified';
  else next = 'submitted';
  if (next === parent.status) return;
  const set: Record<string, unknown> = { status: next };
  if (next === 'concluded') {
    const decided = children.filter((c) => c.decided_at);
    set.concluded_at = new Date();
    set.decided_at = decided.length ? new Date(Math.max(...decided.map((c) => c.decided_at!.getTime()))) : new Date();
    set.decision = children.some((c) => c.decision === 'granted') ? 'granted' : 'denied';
  }
  if (parent.clock_id) {
    const clock = await ctx.tx.selectFrom('clock').select('state').where('id', '=', parent.clock_id).executeTakeFirstOrThrow();
    if (next === 'awaiting_supplement' && clock.state === 'running')
      await pauseClock(ctx, parent.clock_id, { reason: 'supplement', note: '一件事中的办件等待补正' });
    else if (next !== 'awaiting_supplement' && clock.state === 'paused') await resumeClock(ctx, parent.clock_id);
    if (terminal.includes(next) && clock.state !== 'stopped') await stopClock(ctx, parent.clock_id);
  }
  const updated = await setParent(ctx, parent, set);
  if (next === 'concluded')
    await recordCaseEvent(ctx, updated, 'concluded', { decision: updated.decision, children: children.length, deliveryChoice: updated.delivery_choice });
  else if (next === 'awaiting_supplement' || parent.status === 'awaiting_supplement')
    await recordCaseEvent(ctx, updated, next === 'awaiting_supplement' ? 'child_waiting' : 'child_resumed', {});
}

type BundleAction =
  | { action: 'accept'; note?: string | null; expectedVersion?: number; tolerate?: { workdays: number } | null }
  | { action: 'notice'; items: { key: string; note: string }[]; note?: string | null }
  | { action: 'refuse'; reason: string }
  | { action: 'supplement'; materials: { key: string; reference: string }[] }
  | { action: 'withdraw'; reason?: string | null }
  | ({ action: 'deliver' } & DeliverInput);

/** An action on a bundle's parent case: carried to every child it concerns. */
export async function performOnBundle(ctx: WriteContext, parentId: number, body: { action: string } & Record<string, unknown>): Promise<void> {
  const parent = await lockParent(ctx, parentId);
  const region = await requireRegion(ctx.tx, parent.region_id);
  const b = body as BundleAction;
  if (b.action !== 'supplement' && b.action !== 'withdraw') requireAccess(ctx.actor, 'case.intake', { regionPath: region.path });
  if (b.action === 'accept' && b.expectedVersion !== undefined && b.expectedVersion !== parent.version)
    throw new AppError('CONFLICT', { expectedVersion: b.expectedVersion });
  const children = await childrenOf(ctx, parentId);
  const materialsOf = async (c: CaseRow) =>
    new Set((await ctx.tx.selectFrom('case_material').select('material_key').where('case_id', '=', c.id).execute()).map((m) => m.material_key));
  switch (b.action) {
    case 'accept': {
      if (parent.status !== 'submitted') throw new AppError('CONFLICT', { reason: `a ${parent.status} case cannot be accepted`, status: parent.status });
      if (b.tolerate) throw new AppError('VALIDATION_FAILED', { field: 'tolerate', reason: 'a bundle application is accepted with its materials complete' });
      const bundle = await ctx.tx.selectFrom('bundle').select('content').where('id', '=', parent.bundle_id!).executeTakeFirstOrThrow();
      const limits: Limit[] = [];
      for (const c of children.filter((c) => c.status === 'submitted')) {
        await acceptCase(ctx, c.id, { note: b.note ?? null }, { viaBundle: true });
        const v = await ctx.tx.selectFrom('item_version').select('content').where('id', '=', c.item_version_id!).executeTakeFirstOrThrow();
        limits.push((v.content as { legalLimit: Limit }).legalLimit);
      }
      const committed = (bundle.content as { committedLimit: Limit }).committedLimit;
      const legal = longest(limits);
      const fresh = await lockParent(ctx, parentId);
      const clock = await startClock(ctx, {
        ownerType: 'case',
        ownerId: parent.id,
        regionId: parent.region_id,
        startedAt: new Date(),
        committed: { limit: committed.value, unit: committed.unit },
        legal: { limit: legal.value, unit: legal.unit },
      });
      const accepted = await setParent(ctx, fresh, { accepted_at: new Date(), clock_id: clock.id });
      await recordCaseEvent(ctx, accepted, 'accepted', {
        note: b.note ?? null,
        children: children.length,
        committedDueAt: clock.committed_due_at?.toISOString() ?? null,
        legalDueAt: clock.legal_due_at?.toISOString() ?? null,
      });
      // 企业开办一件事: the items taking the company's particulars wait for its registration
      await holdForRegistration(ctx, parentId);
      // one 受理通知书 for the whole application, naming its item cases (each has its own, from its department)
      await issueBundleAcceptanceNotice(ctx, accepted, await childrenNoticed(ctx, parentId), {
        committedDueAt: clock.committed_due_at,
        legalDueAt: clock.legal_due_at,
      });
      // an immediate bundle may already be done
      await syncParent(ctx, parentId);
      return;
    }
    case 'notice': {
      if (parent.status !== 'submitted') throw new AppError('CONFLICT', { reason: `a ${parent.status} case takes no notice`, status: parent.status });
      const merged = await materialsOf(parent);
      for (const i of b.items)
        if (!merged.has(i.key)) throw new AppError('VALIDATION_FAILED', { field: 'items', key: i.key, reason: 'not a material of this bundle' });
      for (const c of children) {
        const own = await materialsOf(c);
        const items = b.items.filter((i) => own.has(i.key));
        if (items.length) await issueOneTimeNotice(ctx, c.id, { items, note: b.note ?? null }, { viaBundle: true });
      }
      // 补正期限: the application's is the soonest of its item cases'
      const dues = (await childrenOf(ctx, parentId)).flatMap((c) => (c.status === 'notified' && c.supplement_due_at ? [c.supplement_due_at.getTime()] : []));
      const dueAt = dues.length ? new Date(Math.min(...dues)) : null;
      const notified = await setParent(ctx, await lockParent(ctx, parentId), { supplement_due_at: dueAt });
      await recordCaseEvent(ctx, notified, 'notified', {
        items: b.items,
        note: b.note ?? null,
        withinLimit: new Date() <= parent.notice_due_at,
        supplementDueAt: dueAt?.toISOString() ?? null,
      });
      return;
    }
    case 'refuse': {
      if (parent.status !== 'submitted' && parent.status !== 'notified')
        throw new AppError('CONFLICT', { reason: `a ${parent.status} case cannot be refused`, status: parent.status });
      for (const c of children) if (c.status === 'submitted' || c.status === 'notified') await refuseCase(ctx, c.id, { reason: b.reason }, { viaBundle: true });
      const refused = await setParent(ctx, await lockParent(ctx, parentId), { status: 'refused', refusal_reason: b.reason });
      await recordCaseEvent(ctx, refused, 'refused', { reason: b.reason });
      return;
    }
    case 'supplement': {
      if (parent.status !== 'notified') throw new AppError('CONFLICT', { reason: `a ${parent.status} case awaits no materials`, status: parent.status });
      requireWithinSupplementPeriod(parent);
      const waiting = children.filter((c) => c.status === 'notified');
      const handed = new Set<string>();
      for (const c of waiting) {
        const own = await materialsOf(c);
        const materials = b.materials.filter((m) => own.has(m.key));
        materials.forEach((m) => handed.add(m.key));
        await supplementCase(ctx, c.id, { materials }, { viaBundle: true });
      }
      const extra = b.materials.filter((m) => !handed.has(m.key));
      if (extra.length) throw new AppError('VALIDATION_FAILED', { field: 'materials', key: extra[0]!.key, reason: 'this material was not asked for' });
      for (const m of b.materials)
        await ctx.tx
          .updateTable('case_material')
          .set({ status: 'provided', reference: m.reference })
          .where('case_id', '=', parentId)
          .where('material_key', '=', m.key)
          .execute();
      const supplemented = await setParent(ctx, await lockParent(ctx, parentId), { supplement_due_at: null });
      await recordCaseEvent(ctx, supplemented, 'supplemented', { materials: b.materials.map((m) => m.key) });
      return;
    }
    case 'withdraw':
      await withdrawBundle(ctx, parentId, { reason: b.reason ?? null });
      return;
    case 'deliver': {
      if (parent.status !== 'concluded')
        throw new AppError('CONFLICT', { reason: 'the bundle is delivered once every item case is decided', status: parent.status });
      const { action: _deliver, ...input } = b;
      const address = await deliveryAddressee(ctx, parent, input);
      const record = deliveryRecord(input);
      for (const c of children) if (c.status === 'concluded') await deliverCase(ctx, c.id, input, { viaBundle: true });
      const delivered = await setParent(ctx, await lockParent(ctx, parentId), {
        status: 'delivered',
        delivered_at: new Date(),
        delivery: JSON.stringify(record),
        ...(address ? { delivery_choice: 'post', delivery_address_enc: address } : {}),
      });
      await recordCaseEvent(ctx, delivered, 'delivered', {
        method: b.method,
        trackingNumber: b.trackingNumber ?? null,
        ...(address ? { addressGiven: true } : {}),
        ...(record.collector ? { collector: record.collector } : {}),
        children: children.filter((c) => c.status === 'concluded').length,
      });
      // 送达回证: one for the application, naming each item case's results
      if (b.method !== 'electronic')
        await issueDeliveryReceipt(ctx, delivered, { method: b.method, trackingNumber: b.trackingNumber, collector: record.collector });
      return;
    }
    default:
      throw new AppError('CONFLICT', { reason: 'a bundle application has no tasks of its own: act on its item cases' });
  }
}

/**
 * A bundle application withdrawn, by the applicant or, when its supplement period passed with nothing handed in, by
 * the nightly sweep (`lapsed`): each item case still open is withdrawn with it, and its clock stops.
 */
export async function withdrawBundle(ctx: WriteContext, parentId: number, payload: WithdrawnPayload): Promise<void> {
  const parent = await lockParent(ctx, parentId);
  if (!withdrawable.includes(parent.status)) throw new AppError('CONFLICT', { reason: `a ${parent.status} case cannot be withdrawn`, status: parent.status });
  const ofItemCase: WithdrawnPayload = 'lapsed' in payload ? { ...payload, withBundle: true } : payload;
  for (const c of await childrenOf(ctx, parentId)) if (withdrawable.includes(c.status)) await endWithdrawn(ctx, c, ofItemCase);
  const fresh = await lockParent(ctx, parentId);
  if (fresh.clock_id) await stopClockIfRunning(ctx, fresh.clock_id);
  const withdrawn = await setParent(ctx, fresh, { status: 'withdrawn', supplement_due_at: null });
  await recordCaseEvent(ctx, withdrawn, 'withdrawn', payload);
}

/** What a parent case shows of its children. */
export async function bundleView(db: Executor, parent: CaseRow) {
  const [bundle, children] = await Promise.all([
    db
      .selectFrom('bundle as b')
      .innerJoin('organization as o', 'o.id', 'b.organization_id')
      .select(['b.code', 'b.name', 'o.name as organization_name'])
      .where('b.id', '=', parent.bundle_id!)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('kase as k')
      .innerJoin('organization as o', 'o.id', 'k.organization_id')
      .innerJoin('item as i', 'i.id', 'k.item_id')
      .leftJoin('item_version as v', 'v.id', 'k.item_version_id')
      .select([
        'k.id',
        'k.number',
        'k.subject',
        'k.status',
        'k.decision',
        'k.decided_at',
        'i.code as item_code',
        'v.type as item_type',
        'o.name as organization_name',
        sql<boolean>`EXISTS (SELECT 1 FROM clock_pause p WHERE p.clock_id = k.clock_id AND p.ended_at IS NULL AND p.reason = 'registration')`.as(
          'awaits_registration',
        ),
      ])
      .where('k.parent_id', '=', parent.id)
      .orderBy('k.id')
      .execute(),
  ]);
  return {
    code: bundle.code,
    name: bundle.name,
    organizationName: bundle.organization_name,
    children: children.map((c) => ({
      id: c.id,
      number: c.number,
      subject: c.subject,
      itemCode: c.item_code,
      /** its item's type, which words its decision (准予许可, 予以确认, 准予办理 …) */
      itemType: c.item_type,
      organizationName: c.organization_name,
      status: c.status,
      decision: c.decision,
      decidedAt: c.decided_at?.toISOString() ?? null,
      /** 企业开办一件事: it waits for the company's registration (holdForRegistration) */
      awaitsRegistration: c.awaits_registration,
    })),
  };
}

export async function loadParentSummary(db: Executor, parentId: number) {
  const p = await loadCase(db, parentId);
  return { id: p.id, number: p.number, subject: p.subject, status: p.status };
}
