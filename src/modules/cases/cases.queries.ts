import { sql } from 'kysely';
import type { Deps } from '../../server/deps.ts';
import type { Db, Executor } from '../../server/db/database.ts';
import { cappedListPage } from '../../server/db/paging.ts';
import { hasPermission, scopeOf, covers, type Actor } from '../../server/access.ts';
import { scopeIds } from '../org/placement.ts';
import { applicantKinds } from '../identity/identity.tables.ts';
import { nameContains } from '../identity/accounts.service.ts';
import { AppError } from '../../server/errors.ts';
import { roleGrants } from '../../common/roles.ts';
import { describeClock } from '../calendar/clocks.service.ts';
import { maskIdNumber, maskPhone } from '../../common/validators.ts';
import type { WriteContext } from '../../server/write.ts';
import { caseScope, deliveryMethodsOf, loadCase, versionContent, windowRegionPath, type CaseRow } from './case-core.ts';
import { concludesAtWindow, returnTarget } from './workflow.ts';
import { bundleView, loadParentSummary } from './bundle-cases.service.ts';
import { canWorkTask } from './tasks.service.ts';
import { documentsOf, shownTo } from './documents.ts';
import { commitmentCheckOf } from './commitment.ts';
import { labelAuditTargets } from '../audit/audit.store.ts';
import { referencedLicense } from './licenses.ts';
import type { InboxFilter } from '../../common/inbox.ts';
import { caseExportLimit, type CaseListFilter } from '../../common/case-filter.ts';
import { caseLedgerWorkbook } from './case-ledger.ts';
import { caseKinds } from './case-kinds.ts';
import { deliveryDeadline } from './delivery-deadline.ts';
import { workCalendarFor } from '../calendar/calendar.store.ts';
import type { DeliveryMethod } from './cases.tables.ts';

/** A resident ID number (GB 11643) or a mainland mobile number: shown masked wherever a form holds one. */
const idNumberPattern = /^[1-9]\d{16}[\dXx]$/;
const mobilePattern = /^1[3-9]\d{9}$/;

/**
 * The form with its personal identifiers masked (table rows included); `masked` collects where they
 * were (`shareholders[0].idNumber`), for the audit entry of a reveal.
 */
function maskIdentifiers(value: unknown, masked: string[] = [], at = ''): unknown {
  if (typeof value === 'string') {
    const mask = idNumberPattern.test(value) ? maskIdNumber : mobilePattern.test(value) ? maskPhone : null;
    if (!mask) return value;
    masked.push(at);
    return mask(value);
  }
  if (Array.isArray(value)) return value.map((v, i) => maskIdentifiers(v, masked, `${at}[${i}]`));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskIdentifiers(v, masked, at ? `${at}.${k}` : k)]));
  return value;
}

/**
 * 查看完整信息: the case's form and its applicant's ID and phone unmasked, for whoever may read the case —
 * the officer checking an ID number against the original, the window calling the applicant back. Every
 * reveal is an entry of the case's audit trail (in a chain of its own beside the case's), naming the fields shown.
 */
export async function revealCase(ctx: WriteContext, deps: Deps, caseId: number) {
  const kase = await loadCase(ctx.tx, caseId);
  await requireCaseRead(ctx.tx, ctx.actor, kase);
  const applicant = await ctx.tx.selectFrom('applicant').select(['id_number_enc', 'phone_enc']).where('id', '=', kase.applicant_id).executeTakeFirstOrThrow();
  const form = JSON.parse(deps.cipher.decrypt(kase.form_enc)) as Record<string, unknown>;
  const fields: string[] = [];
  maskIdentifiers(form, fields);
  const shown = { idNumber: deps.cipher.decrypt(applicant.id_number_enc), phone: applicant.phone_enc ? deps.cipher.decrypt(applicant.phone_enc) : null };
  const delivery = deliveryChoiceOf(deps, kase, true);
  await ctx.audit({
    action: 'case.revealed',
    targetType: 'case',
    targetId: kase.id,
    change: {
      fields: [
        'applicant.idNumber',
        ...(shown.phone ? ['applicant.phone'] : []),
        ...fields.map((f) => `form.${f}`),
        ...(delivery?.phone ? ['delivery.phone'] : []),
      ],
    },
    scopePath: await caseScope(ctx.tx, kase.region_id),
    // beside the case's own chain: a reveal never holds up an action on the case
    stream: `case:${kase.id}:reveals`,
  });
  return { applicant: shown, form, delivery };
}

/** 结果领取方式 as the case keeps it: the method, and for post whom to send it to — the phone masked unless `inFull`. */
function deliveryChoiceOf(deps: Deps, kase: CaseRow, inFull: boolean) {
  if (!kase.delivery_choice) return null;
  if (!kase.delivery_address_enc) return { method: kase.delivery_choice, recipient: null, phone: null, address: null };
  const contact = JSON.parse(deps.cipher.decrypt(kase.delivery_address_enc)) as { recipient: string; phone: string; address: string };
  return { method: kase.delivery_choice, ...contact, phone: inFull ? contact.phone : maskPhone(contact.phone) };
}

/** Who may read a case: its applicant or agent; staff whose case scope covers its region or organization, or who hold one of its tasks. */
export async function requireCaseRead(db: Db, actor: Actor | null, kase: CaseRow): Promise<void> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (actor.kind === 'applicant') {
    if (actor.applicantId === kase.applicant_id || actor.applicantId === kase.agent_applicant_id) return;
    throw new AppError('NOT_FOUND');
  }
  if (!hasPermission(actor, 'case.read')) throw new AppError('FORBIDDEN');
  const place = await db
    .selectFrom('kase as k')
    .innerJoin('region as r', 'r.id', 'k.region_id')
    .innerJoin('organization as o', 'o.id', 'k.organization_id')
    .select(['r.path as region_path', 'o.path as org_path'])
    .where('k.id', '=', kase.id)
    .executeTakeFirstOrThrow();
  if (covers(scopeOf(actor, 'case.read'), { regionPath: place.region_path, orgPath: place.org_path })) return;
  const taskOrgs = await db
    .selectFrom('case_task as t')
    .innerJoin('organization as o', 'o.id', 't.organization_id')
    .select('o.path')
    .where('t.case_id', '=', kase.id)
    .execute();
  const scope = scopeOf(actor, 'case.read');
  if (!scope.all && taskOrgs.some((t) => scope.orgPaths.some((p) => t.path.startsWith(p)))) return;
  // 抄送: a copy was sent to them
  const watcher = await db
    .selectFrom('case_watcher')
    .select('case_id')
    .where('case_id', '=', kase.id)
    .where('account_id', '=', actor.accountId)
    .executeTakeFirst();
  if (watcher) return;
  throw new AppError('NOT_FOUND');
}

/** Timeline entries only staff see (办理备注). */
const staffOnlyEvents = new Set(['case_noted', 'commitment_check_due']);

/** A case with its form, materials, tasks, timeline and clocks. */
export async function getCase(deps: Deps, actor: Actor | null, caseId: number) {
  const { db } = deps;
  const kase = await loadCase(db, caseId);
  await requireCaseRead(db, actor, kase);
  const [item, applicant, materials, tasks, events, extensionRequests, bundle, parent] = await Promise.all([
    kase.item_id === null
      ? db
          .selectFrom('organization as o')
          .select([
            sql<string | null>`NULL`.as('code'),
            'o.name as organization_name',
            sql<number | null>`NULL`.as('version'),
            sql<DeliveryMethod[] | null>`NULL`.as('delivery_methods'),
          ])
          .where('o.id', '=', kase.organization_id)
          .executeTakeFirstOrThrow()
      : db
          .selectFrom('item as i')
          .innerJoin('organization as o', 'o.id', 'i.organization_id')
          .select(['i.code', 'o.name as organization_name'])
          .select((eb) => eb.selectFrom('item_version as v').select('v.number').where('v.id', '=', kase.item_version_id).as('version'))
          .select((eb) =>
            eb
              .selectFrom('item_version as v')
              .select(sql<DeliveryMethod[]>`v.content->'deliveryMethods'`.as('m'))
              .where('v.id', '=', kase.item_version_id)
              .as('delivery_methods'),
          )
          .where('i.id', '=', kase.item_id)
          .executeTakeFirstOrThrow(),
    db.selectFrom('applicant').select(['id', 'kind', 'name', 'id_number_mask', 'phone_mask']).where('id', '=', kase.applicant_id).executeTakeFirstOrThrow(),
    db.selectFrom('case_material').selectAll().where('case_id', '=', kase.id).orderBy('round').orderBy('id').execute(),
    db
      .selectFrom('case_task as t')
      .innerJoin('organization as o', 'o.id', 't.organization_id')
      .leftJoin('account as a', 'a.id', 't.assignee_account_id')
      .select([
        't.id',
        't.node_id',
        't.branch',
        't.stage',
        't.name',
        't.assignee_role',
        'o.name as organization_name',
        'a.display_name as assignee',
        't.state',
        't.outcome',
        't.opinion',
        't.due_at',
        't.created_at',
        't.completed_at',
        't.version',
        't.organization_id',
        'o.path as org_path',
        windowRegionPath.as('region_path'),
        't.assignee_account_id',
        't.kind',
        't.completed_by',
        't.delegated_by',
        't.urged_count',
        't.node_index',
      ])
      .where('t.case_id', '=', kase.id)
      .orderBy('t.id')
      .execute(),
    db.selectFrom('case_event').selectAll().where('case_id', '=', kase.id).orderBy('seq').execute(),
    db
      .selectFrom('case_extension_request as e')
      .innerJoin('account as a', 'a.id', 'e.requested_by')
      .innerJoin('organization as o', 'o.id', 'e.organization_id')
      .select(['e.id', 'e.task_id', 'e.days', 'e.reason', 'e.state', 'e.decision_note', 'e.created_at', 'e.decided_at', 'a.display_name', 'o.path as org_path'])
      .where('e.case_id', '=', kase.id)
      .orderBy('e.id')
      .execute(),
    kase.bundle_id !== null ? bundleView(db, kase) : Promise.resolve(null),
    kase.parent_id !== null ? loadParentSummary(db, kase.parent_id) : Promise.resolve(null),
  ]);
  // licenses the applicant handed in (licenses.ts): what they are, and where to read them through this case
  const licenseIds = materials.map((m) => referencedLicense(m.reference)).filter((id) => id !== undefined);
  const licenses = new Map(
    licenseIds.length === 0
      ? []
      : (await db.selectFrom('case_document').select(['id', 'number', 'title']).where('id', 'in', licenseIds).where('kind', '=', 'license').execute()).map(
          (d) => [d.id, { id: d.id, number: d.number, type: d.title, url: `/api/v1/cases/${kase.id}/documents/${d.id}/pdf` }],
        ),
  );
  const isHead = (orgPath: string) => !!actor?.grants.some((g) => (g.role === 'head' && g.orgPath && orgPath.startsWith(g.orgPath)) || g.role === 'sys_admin');
  const waiting = kase.status === 'awaiting_supplement';
  // personal identifiers anywhere in the form (table rows included) are shown masked; the full values stay with the case
  const form = maskIdentifiers(JSON.parse(deps.cipher.decrypt(kase.form_enc))) as Record<string, unknown>;
  const filedUnder = kase.item_version_id !== null ? await versionContent(db, kase.item_version_id) : null;
  return {
    id: kase.id,
    number: kase.number,
    subject: kase.subject,
    itemCode: item.code,
    itemVersionId: kase.item_version_id,
    /** the version of the item (and its form) the case was filed under */
    itemVersion: item.version,
    /** 事项类型 of that version: the decision is worded by it (decisionWording); null for a bundle application */
    itemType: filedUnder?.type ?? null,
    /** what the application does for a license held: renew it, change it or give it up (null: a new application) */
    licenseAction: kase.license_action,
    bundle,
    parent,
    organizationName: item.organization_name,
    channel: kase.channel,
    status: kase.status,
    kinds: caseKinds(kase),
    applicant: { id: applicant.id, kind: applicant.kind, name: applicant.name, idNumber: applicant.id_number_mask, phone: applicant.phone_mask },
    receivedAt: kase.received_at.toISOString(),
    noticeDueAt: kase.notice_due_at.toISOString(),
    acceptedAt: kase.accepted_at?.toISOString() ?? null,
    decidedAt: kase.decided_at?.toISOString() ?? null,
    decision: kase.decision,
    concludedAt: kase.concluded_at?.toISOString() ?? null,
    deliveredAt: kase.delivered_at?.toISOString() ?? null,
    delivery: kase.delivery,
    /** the delivery methods of the version the case was filed under (a bundle application: its bundle's) */
    deliveryMethods: kase.bundle_id !== null ? await deliveryMethodsOf(db, kase) : (item.delivery_methods ?? null),
    /** 结果领取方式 as the applicant asked when applying; by post, whom to send it to, the phone masked (revealed in full with the rest) */
    deliveryChoice: deliveryChoiceOf(deps, kase, false),
    /** 行政许可法 art. 44, while a concluded case waits for delivery: the last day, and the working days left */
    deliveryDeadline:
      kase.status === 'concluded' && kase.decided_at ? deliveryDeadline((await workCalendarFor(db, kase.region_id)).calendar, kase.decided_at) : null,
    refusalReason: kase.refusal_reason,
    /** the materials and form of the version the case was filed under, as its completeness is judged and its form read (null for a bundle application) */
    itemMaterials: filedUnder?.materials ?? null,
    itemForm: filedUnder?.form ?? null,
    /** 告知承诺制: applied by written commitment; once granted, the department's check after the grant (事后核查) */
    byCommitment: kase.by_commitment,
    commitmentCheck: kase.by_commitment ? await commitmentCheckOf(db, actor, kase.id) : null,
    /** the grant was revoked (撤销): the check found the commitment false */
    revokedAt: kase.revoked_at?.toISOString() ?? null,
    // 延续 / 变更: the license this application renews or changes, with the case that issued it
    renews: kase.for_license_id !== null && kase.license_action === 'renew' ? await renewedLicense(db, kase.for_license_id) : null,
    changes: kase.for_license_id !== null && kase.license_action === 'change' ? await renewedLicense(db, kase.for_license_id) : null,
    // 申请注销: the license this application gives up, and why (as the application said it)
    cancels: kase.for_license_id !== null && kase.license_action === 'cancel' ? await renewedLicense(db, kase.for_license_id) : null,
    cancelReason: kase.license_action === 'cancel' ? cancelReasonOf(events) : null,
    /** 容缺受理: the day by which the materials accepted to follow (status `tolerated`) are handed in; null once they all are */
    toleratedDueAt: kase.tolerated_due_at?.toISOString() ?? null,
    /** 补正期限: what a one-time notice or a supplement request asked is handed in by then, or the application is deemed withdrawn */
    supplementDueAt: kase.supplement_due_at?.toISOString() ?? null,
    form,
    materials: materials.map((m) => ({
      key: m.material_key,
      name: m.name,
      status: m.status,
      reference: m.reference,
      round: m.round,
      note: m.note,
      license: licenses.get(referencedLicense(m.reference) ?? 0) ?? null,
    })),
    tasks: tasks.map((t) => ({
      id: t.id,
      nodeId: t.node_id,
      branch: t.branch,
      stage: t.stage,
      name: t.name,
      role: t.assignee_role,
      organizationName: t.organization_name,
      assignee: t.assignee,
      assigneeAccountId: t.assignee_account_id,
      state: t.state,
      outcome: t.outcome,
      opinion: t.opinion,
      dueAt: t.due_at?.toISOString() ?? null,
      createdAt: t.created_at.toISOString(),
      completedAt: t.completed_at?.toISOString() ?? null,
      version: t.version,
      organizationId: t.organization_id,
      kind: t.kind,
      delegated: t.delegated_by !== null,
      urgedCount: t.urged_count,
      assignedToMe: !!actor && t.assignee_account_id === actor.accountId,
      /** whether the caller may work this task now: their post, not someone else's claim, not paused for supplements */
      canAct:
        !waiting &&
        (t.state === 'open' || (t.state === 'claimed' && !!actor && t.assignee_account_id === actor.accountId)) &&
        canWorkTask(actor, { assignee_role: t.assignee_role, org_path: t.org_path, region_path: t.region_path }) === 'yes',
      canReassign: (t.state === 'open' || t.state === 'claimed') && isHead(t.org_path),
      /** whether 退回 has somewhere to go from this task's stage (not from the first stage with work) */
      mayReturn: t.kind === 'work' && filedUnder !== null && returnTarget(kase, filedUnder.process.nodes, t.node_index) !== null,
      /** 当场办结: a decision made at the window that the window also concludes — `conclude: true` does both in one step */
      concludesAtWindow: filedUnder !== null && concludesAtWindow(filedUnder.process.nodes, t),
      canRecall:
        t.state === 'done' &&
        !!actor &&
        t.completed_by === actor.accountId &&
        (kase.status === 'in_progress' || kase.status === 'decided') &&
        (t.outcome === 'approved' || t.outcome === 'rejected'),
    })),
    extensionRequests: extensionRequests.map((e) => ({
      id: e.id,
      taskId: e.task_id,
      days: e.days,
      reason: e.reason,
      state: e.state,
      requestedBy: e.display_name,
      decisionNote: e.decision_note,
      createdAt: e.created_at.toISOString(),
      decidedAt: e.decided_at?.toISOString() ?? null,
      canDecide: e.state === 'pending' && isHead(e.org_path),
    })),
    // the staff's notes are theirs: the applicant's view leaves them out
    timeline: events
      .filter((e) => actor?.kind === 'staff' || !staffOnlyEvents.has(e.type))
      .map((e) => ({ seq: e.seq, type: e.type, actor: e.actor_name, taskId: e.task_id, payload: e.payload, at: e.at.toISOString() })),
    clock: kase.clock_id ? await describeClock(db, kase.clock_id) : null,
    documents: await shownTo(db, actor, kase, await documentsOf(db, kase.id)),
    version: kase.version,
  };
}

/**
 * The cases the caller may see, as `kase as k` with nothing joined: an applicant's own and those they applied
 * for as an agent, or those of the regions and organizations a staff member's scope covers (by id, see
 * `scopeIds`). Whoever needs the department's or the applicant's name joins them for the rows they show.
 */
export async function scopedCases(db: Executor, actor: Actor) {
  return db.selectFrom('kase as k').where(await caseScopeCondition(db, actor));
}

/** `scopedCases`' condition on a case aliased `k`, for a query that starts elsewhere (the licenses the cases issued). */
export async function caseScopeCondition(db: Executor, actor: Actor) {
  if (actor.kind === 'applicant') return sql<boolean>`(k.applicant_id = ${actor.applicantId ?? -1} OR k.agent_applicant_id = ${actor.applicantId ?? -1})`;
  const ids = await scopeIds(db, scopeOf(actor, 'case.read'));
  if (ids.all) return sql<boolean>`true`;
  const parts = [
    ...(ids.regionIds.length > 0 ? [sql<boolean>`k.region_id = ANY(${ids.regionIds}::bigint[])`] : []),
    ...(ids.orgIds.length > 0 ? [sql<boolean>`k.organization_id = ANY(${ids.orgIds}::bigint[])`] : []),
  ];
  return parts.length > 0 ? sql<boolean>`(${sql.join(parts, sql` OR `)})` : sql<boolean>`false`;
}

/**
 * What a text search needs beyond the text: an ID number is matched through its keyed hash (the number itself is
 * stored only encrypted), which the route computes (`searchHashes`).
 */
export interface CaseSearchHashes {
  idNumberHash?: string;
}

/**
 * The case subjects (item and bundle names, as the cases were filed) that contain `pattern` (a LIKE pattern):
 * read from the subject index a subject at a time — a center's cases carry a few thousand subjects at most,
 * however many cases there are — so that a search by an item's name finds its cases through that index.
 */
async function subjectsLike(db: Executor, pattern: string): Promise<string[]> {
  const r = await sql<{ subject: string }>`
    WITH RECURSIVE s AS (
      (SELECT subject FROM kase ORDER BY subject LIMIT 1)
      UNION ALL
      SELECT (SELECT k.subject FROM kase k WHERE k.subject > s.subject ORDER BY k.subject LIMIT 1) FROM s WHERE s.subject IS NOT NULL
    )
    SELECT subject FROM s WHERE subject LIKE ${pattern}`.execute(db);
  return r.rows.map((row) => row.subject);
}

/**
 * The cases with a step open that the window decides on the spot (a clerk's task: 窗口授权办理) — 综合受理's 当场办结.
 * The partial inbox index holds the open tasks only, and those of the window's role are few.
 */
export function casesWithWindowStepOpen(db: Executor) {
  return db.selectFrom('case_task as wt').select('wt.case_id').where('wt.state', 'in', ['open', 'claimed']).where('wt.assignee_role', '=', 'clerk');
}

/** How many applicants a text search names by id at most (see filteredCases). */
const searchedApplicantLimit = 5_000;

/** The cases in the caller's scope that `f` names (see CaseListFilter). */
async function filteredCases(db: Executor, actor: Actor | null, f: CaseListFilter, hashes: CaseSearchHashes = {}) {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (actor.kind !== 'applicant' && !hasPermission(actor, 'case.read')) throw new AppError('FORBIDDEN');
  let q = await scopedCases(db, actor);
  if (f.status) q = q.where('k.status', '=', f.status);
  if (f.channel) q = q.where('k.channel', '=', f.channel);
  if (f.org) q = q.where('k.organization_id', '=', f.org);
  if (f.applicant) q = q.where('k.applicant_id', '=', f.applicant);
  if (f.item) q = q.where('k.item_id', '=', (eb) => eb.selectFrom('item').select('id').where('code', '=', f.item!));
  // the case number, part of the item's or the applicant's name, or the applicant's whole ID number: each
  // through an index of its own (the number's, the subject's, the applicant's), never by reading every case
  const text = f.q?.trim();
  if (text) {
    const pattern = `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    const idNumberHash = hashes.idNumberHash;
    const applicants = db
      .selectFrom('applicant as ap')
      .select('ap.id')
      .where((a) =>
        a.or([
          nameContains('ap', text),
          // the unique (kind, hash) index serves a lookup by hash when the kind is named too
          ...(idNumberHash ? [a.and([a('ap.kind', 'in', applicantKinds), a('ap.id_number_hash', '=', idNumberHash)])] : []),
        ]),
      );
    const [subjects, applicantIds] = await Promise.all([
      subjectsLike(db, pattern),
      applicants
        .limit(searchedApplicantLimit + 1)
        .execute()
        .then((rows) => rows.map((r) => r.id)),
    ]);
    // the matching applicants by id, so that each part of the search is an index's (a common surname matching
    // more applicants than that is left to the database as a subquery)
    // the digits of its sequence part, as read off a receipt (0000012 or 12)
    const sequence = /^\d{1,9}$/.test(text) ? text.replace(/^0+/, '') : null;
    q = q.where((eb) =>
      eb.or([
        eb('k.number', '=', text),
        ...(sequence ? [eb(sql<string>`ltrim(substr(k.number, 16), '0')`, '=', sequence)] : []),
        ...(subjects.length > 0 ? [eb('k.subject', '=', sql<string>`ANY(${subjects}::text[])`)] : []),
        ...(applicantIds.length > searchedApplicantLimit
          ? [eb('k.applicant_id', 'in', applicants)]
          : applicantIds.length > 0
            ? [eb('k.applicant_id', '=', sql<number>`ANY(${applicantIds}::bigint[])`)]
            : []),
      ]),
    );
  }
  // received from the start of `from` to the end of `to`, China time
  if (f.from) q = q.where('k.received_at', '>=', sql<Date>`(${f.from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
  if (f.to) q = q.where('k.received_at', '<', sql<Date>`(${f.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
  if (f.overdue) q = q.where('k.clock_id', 'in', (eb) => eb.selectFrom('clock').select('id').where('is_overdue', '=', true));
  if (f.queue === 'prereview') q = q.where('k.status', 'in', ['submitted', 'notified']).where('k.parent_id', 'is', null);
  if (f.queue === 'window_decision') q = q.where('k.id', 'in', casesWithWindowStepOpen(db));
  if (f.queue === 'tolerated') q = q.where('k.tolerated_due_at', 'is not', null).where('k.status', 'not in', ['withdrawn', 'refused']);
  if (f.delivery) q = f.delivery === 'none' ? q.where('k.delivery_choice', 'is', null) : q.where('k.delivery_choice', '=', f.delivery);
  if (f.kind) {
    // as the kind cards count them (countKinds, caseKinds): a bundle's parent counts through its item cases
    q = q.where('k.bundle_id', 'is', null);
    const kind = f.kind;
    if (kind === 'immediate' || kind === 'committed') q = q.where('k.case_kind', '=', kind);
    else if (kind === 'joint') q = q.where('k.is_joint', '=', true);
    else if (kind === 'reported_up') q = q.where('k.is_reported_up', '=', true);
    else if (kind === 'urgent') q = q.where('k.is_urgent', '=', true);
    else if (kind === 'awaiting_supplement') q = q.where('k.status', 'in', ['awaiting_supplement', 'notified']);
    else q = q.where('k.status', 'in', ['refused', 'withdrawn']);
  }
  return q;
}

/**
 * Cases the caller may see: their own (applicants), or those in their scope (staff); newest first, with
 * `sort: 'received'` the longest waiting first (预审), or with `sort: 'decided'` the longest decided first (待出件: the delivery most pressing under art. 44 first). A concluded
 * case waiting for delivery carries its art. 44 deadline (`delivery`).
 */
export async function listCases(
  db: Db,
  actor: Actor | null,
  f: CaseListFilter & { limit: number; offset: number; sort?: 'newest' | 'decided' | 'received' },
  hashes: CaseSearchHashes = {},
) {
  // counted up to the ledger's limit: past it the list says so (and the ledger cannot be made), without
  // counting a city's millions of cases each time a page opens
  const page = await cappedListPage(
    db,
    await filteredCases(db, actor, f, hashes),
    f,
    (q) =>
      q
        .innerJoin('organization as o', 'o.id', 'k.organization_id')
        .innerJoin('applicant as ap', 'ap.id', 'k.applicant_id')
        .leftJoin('clock as c', 'c.id', 'k.clock_id')
        .select([
          'k.id',
          'k.number',
          'k.subject',
          'k.status',
          'k.channel',
          'k.case_kind',
          'k.is_joint',
          'k.is_reported_up',
          'k.is_urgent',
          'k.received_at',
          'k.accepted_at',
          'k.notice_due_at',
          'k.parent_id',
          'k.bundle_id',
          'o.name as organization_name',
          'ap.name as applicant_name',
          'k.agent_applicant_id',
          'c.committed_due_at',
          'c.is_overdue',
          'k.region_id',
          'k.decided_at',
          'k.delivery_choice',
          'k.tolerated_due_at',
          'k.supplement_due_at',
          'k.revoked_at',
          // 容缺待补: what each case still waits for (that list only)
          (f.queue === 'tolerated'
            ? sql<{ key: string; name: string }[] | null>`(SELECT json_agg(json_build_object('key', m.material_key, 'name', m.name) ORDER BY m.id)
                FROM case_material m WHERE m.case_id = k.id AND m.status = 'tolerated')`
            : sql<null>`null`
          ).as('tolerated'),
        ])
        .$call((q) =>
          // 容缺待补: the soonest due first
          f.queue === 'tolerated' && !f.sort
            ? q.orderBy('k.tolerated_due_at').orderBy('k.id')
            : f.sort === 'decided'
              ? q.orderBy(sql`k.decided_at ASC NULLS LAST`).orderBy('k.id')
              : f.sort === 'received'
                ? q.orderBy('k.received_at').orderBy('k.id')
                : q.orderBy('k.id', 'desc'),
        ),
    (r) => ({
      id: r.id,
      number: r.number,
      subject: r.subject,
      status: r.status,
      channel: r.channel,
      kinds: caseKinds(r),
      organizationName: r.organization_name,
      applicantName: r.applicant_name,
      /** the agent who applied for the applicant (代办), if one did */
      agentApplicantId: r.agent_applicant_id,
      receivedAt: r.received_at.toISOString(),
      acceptedAt: r.accepted_at?.toISOString() ?? null,
      /** art. 32: the one-time notice is due by then (pre-review) */
      noticeDueAt: r.notice_due_at.toISOString(),
      parentId: r.parent_id,
      isBundle: r.bundle_id !== null,
      committedDueAt: r.committed_due_at?.toISOString() ?? null,
      isOverdue: r.is_overdue ?? false,
      decidedAt: r.decided_at?.toISOString() ?? null,
      /** art. 44, for a concluded case waiting for delivery: the last day, and the working days left (negative: late) */
      delivery: null as { dueDate: string; workdaysLeft: number } | null,
      /** how the applicant asked to receive the result (结果领取方式), if they said */
      deliveryChoice: r.delivery_choice,
      /** 容缺受理: materials accepted to follow are due by then (null: none outstanding) */
      toleratedDueAt: r.tolerated_due_at?.toISOString() ?? null,
      /** 补正期限, while the case waits for supplements */
      supplementDueAt: r.supplement_due_at?.toISOString() ?? null,
      /** in 容缺待补 (`queue=tolerated`): the materials still to follow */
      ...(f.queue === 'tolerated' ? { tolerated: r.tolerated ?? [] } : {}),
      /** the grant was revoked (告知承诺制: the commitment proved false) */
      revokedAt: r.revoked_at?.toISOString() ?? null,
      regionId: r.region_id,
    }),
    caseExportLimit,
  );
  const now = Date.now();
  const items = [];
  for (const { regionId, ...item } of page.items) {
    if (item.status === 'concluded' && item.decidedAt) {
      const { calendar } = await workCalendarFor(db, regionId);
      item.delivery = deliveryDeadline(calendar, new Date(item.decidedAt), now);
    }
    items.push(item);
  }
  return { ...page, items };
}

/**
 * 办件台账: the cases `f` names as a spreadsheet, one row per case, oldest first — what a center keeps
 * and hands to its supervisors. Staff only; more than `caseExportLimit` cases are refused (narrow the
 * dates or the department). Each export is an audit entry naming the filter and how many cases it held.
 */
export async function exportCases(ctx: WriteContext, f: CaseListFilter, hashes: CaseSearchHashes = {}): Promise<{ file: Buffer; rows: number }> {
  const actor = ctx.actor;
  if (!actor || actor.kind === 'applicant') throw new AppError(actor ? 'FORBIDDEN' : 'UNAUTHENTICATED');
  const cases = await filteredCases(ctx.tx, actor, f, hashes);
  // counted no further than one past the limit
  const counted = cases.select(sql<number>`1`.as('one')).limit(caseExportLimit + 1);
  const { n } = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM (${counted}) AS counted`.execute(ctx.tx)).rows[0]!;
  if (n > caseExportLimit)
    throw new AppError('VALIDATION_FAILED', {
      reason: `more than ${caseExportLimit} cases: a spreadsheet holds ${caseExportLimit} at most; narrow the dates or the department`,
      cases: n,
    });
  const rows = await cases
    .innerJoin('organization as o', 'o.id', 'k.organization_id')
    .innerJoin('applicant as ap', 'ap.id', 'k.applicant_id')
    .leftJoin('clock as c', 'c.id', 'k.clock_id')
    .select([
      'k.number',
      'k.subject',
      'ap.name as applicant_name',
      'o.name as organization_name',
      'k.channel',
      'k.case_kind',
      'k.is_joint',
      'k.is_reported_up',
      'k.is_urgent',
      'k.status',
      'k.decision',
      'k.received_at',
      'k.accepted_at',
      'c.committed_due_at',
      'c.legal_due_at',
      'c.is_overdue',
      'k.concluded_at',
      'k.delivered_at',
      sql<string | null>`k.delivery->>'method'`.as('delivery_method'),
    ])
    .orderBy('k.id')
    .execute();
  // an ID number searched for is written down masked, in the audit entry as on the sheet
  const shown = hashes.idNumberHash && f.q ? { ...f, q: maskIdNumber(f.q.trim()) } : f;
  await ctx.audit({ action: 'case.exported', targetType: 'case_export', targetId: actor.accountId, change: { filter: shown, cases: rows.length } });
  return { file: await caseLedgerWorkbook(rows, shown), rows: rows.length };
}

/** How many cases in scope count as each of the seven kinds (七件制). */
export async function countKinds(db: Db, actor: Actor | null) {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  // a bundle's parent case is counted through its item cases
  const cases = (await scopedCases(db, actor)).where('k.bundle_id', 'is', null);
  const counted = (q: typeof cases) =>
    q.select([
      sql<number>`count(*) FILTER (WHERE k.case_kind = 'immediate')::int`.as('immediate'),
      sql<number>`count(*) FILTER (WHERE k.case_kind = 'committed')::int`.as('committed'),
      sql<number>`count(*) FILTER (WHERE k.is_joint)::int`.as('joint'),
      sql<number>`count(*) FILTER (WHERE k.is_reported_up)::int`.as('reported_up'),
      sql<number>`count(*) FILTER (WHERE k.is_urgent)::int`.as('urgent'),
      sql<number>`count(*) FILTER (WHERE k.status IN ('awaiting_supplement', 'notified'))::int`.as('awaiting_supplement'),
      sql<number>`count(*) FILTER (WHERE k.status IN ('refused', 'withdrawn'))::int`.as('returned'),
      sql<number>`count(*)::int`.as('total'),
    ]);
  // an applicant's own cases are few: counted as they are
  if (actor.kind === 'applicant') return counted(cases).executeTakeFirstOrThrow();
  // staff: the cases in hand as they are, and the settled ones (delivered, refused, withdrawn — they never change
  // again) from the tally kept as they settle (migration 0028), in one statement, so both are read at one moment
  const inHand = counted(cases.where('k.status', 'not in', settledStatuses));
  const ids = await scopeIds(db, scopeOf(actor, 'case.read'));
  const tallied = ids.all
    ? sql<boolean>`true`
    : sql<boolean>`(t.region_id = ANY(${ids.regionIds}::bigint[]) OR t.organization_id = ANY(${ids.orgIds}::bigint[]))`;
  const sum = (column: string) => sql`coalesce(sum(${sql.ref(`t.${column}`)}), 0)::int`;
  const r = await sql<KindCounts>`
    SELECT h.immediate + s.immediate AS immediate, h.committed + s.committed AS committed, h.joint + s.joint AS joint,
           h.reported_up + s.reported_up AS reported_up, h.urgent + s.urgent AS urgent, h.awaiting_supplement,
           h.returned + s.returned AS returned, h.total + s.total AS total
    FROM (${inHand}) AS h,
         (SELECT ${sum('immediate')} AS immediate, ${sum('committed')} AS committed, ${sum('joint')} AS joint,
                 ${sum('reported_up')} AS reported_up, ${sum('urgent')} AS urgent, ${sum('returned')} AS returned,
                 ${sum('total')} AS total
          FROM case_kind_tally AS t WHERE ${tallied}) AS s`.execute(db);
  return r.rows[0]!;
}

/** A case that is delivered, refused or withdrawn is settled: nothing changes it any more. */
const settledStatuses = ['delivered', 'refused', 'withdrawn'] as const;

type KindCounts = Record<'immediate' | 'committed' | 'joint' | 'reported_up' | 'urgent' | 'awaiting_supplement' | 'returned' | 'total', number>;

/** 待办: open tasks of the caller's organizations and posts, urgent ones first, then by due time. */
/** The inbox as asked for: whose tasks, which page, and the filters and order (`GET /tasks`). */
export interface InboxQuery extends InboxFilter {
  mine: boolean;
  limit: number;
  offset?: number;
}

/**
 * The tasks in the caller's inbox before any filter: open or claimed tasks of the organizations and roles of their
 * case-handling posts (with `mine`, not claimed by someone else), restricted on a B post (AB 岗) as `backupPosts` says.
 * `null` when the caller holds no such post. Shared by the inbox (listTasks) and today's work (workToday).
 */
export async function inboxTasks(db: Db, actor: Actor, mine: boolean) {
  const posts = actor.grants.filter((g) => roleGrants(g.role, 'case.handle') && g.orgPath);
  if (posts.length === 0) return null;
  let q = db
    .selectFrom('case_task as t')
    .innerJoin('organization as o', 'o.id', 't.organization_id')
    .innerJoin('kase as k', 'k.id', 't.case_id')
    .innerJoin('applicant as ap', 'ap.id', 'k.applicant_id')
    .where('t.state', 'in', ['open', 'claimed'])
    .where((eb) =>
      eb.or(
        posts.map((g) =>
          eb.and([
            eb('o.path', 'like', `${g.orgPath}%`),
            g.role === 'head' ? eb('t.assignee_role', 'in', ['head', 'approver']) : eb('t.assignee_role', '=', g.role as 'approver'),
          ]),
        ),
      ),
    );
  if (mine) q = q.where((eb) => eb.or([eb('t.assignee_account_id', 'is', null), eb('t.assignee_account_id', '=', actor.accountId)]));
  // AB 岗: on a B post only, the A post's tasks show when A is away, or when a task nears its deadline (a day left)
  const backup = await backupPosts(db, actor.accountId);
  for (const path of backup.restricted)
    q = q.where((eb) =>
      eb.or([
        eb('o.path', 'not like', `${path}%`),
        eb('t.assignee_role', '<>', 'approver'),
        eb('t.assignee_account_id', '=', actor.accountId),
        eb('t.due_at', '<=', sql<Date>`now() + interval '1 day'`),
      ]),
    );
  return { q, backup };
}

/** The end of today, China time: what "due today" means in the inbox and today's work. */
export const endOfToday = sql<Date>`(date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') + interval '1 day') AT TIME ZONE 'Asia/Shanghai'`;
/** "Due soon" in the inbox and today's work: within three days. */
export const soonCutoff = sql<Date>`now() + interval '3 days'`;

/** Pending extension requests of the departments the caller heads (a head approves them). */
export async function pendingExtensionRequests(db: Db, actor: Actor) {
  const heads = actor.grants.filter((g) => g.role === 'head' && g.orgPath).map((g) => g.orgPath!);
  if (heads.length === 0) return [];
  return db
    .selectFrom('case_extension_request as e')
    .innerJoin('organization as o', 'o.id', 'e.organization_id')
    .innerJoin('kase as k', 'k.id', 'e.case_id')
    .innerJoin('account as a', 'a.id', 'e.requested_by')
    .select(['e.id', 'e.case_id', 'k.number', 'k.subject', 'e.days', 'e.reason', 'a.display_name', 'e.created_at'])
    .where('e.state', '=', 'pending')
    .where((eb) => eb.or(heads.map((p) => eb('o.path', 'like', `${p}%`))))
    .orderBy('e.id')
    .execute();
}

export async function listTasks(db: Db, actor: Actor | null, f: InboxQuery) {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const inbox = await inboxTasks(db, actor, f.mine);
  if (!inbox)
    return { items: [], total: 0, facets: { stages: [], items: [] }, post: { backupOnly: false, covering: [], awayUntil: null }, extensionRequests: [] };
  const { backup } = inbox;
  let q = inbox.q;
  // the choices of the filters below, counted over the inbox before they narrow it
  const stageFacet = q
    .select(['t.stage', 't.name', sql<number>`count(*)::int`.as('n')])
    .groupBy(['t.stage', 't.name'])
    .orderBy('t.stage');
  const itemFacet = q
    .select(['k.item_id', 'k.subject', sql<number>`count(*)::int`.as('n')])
    .groupBy(['k.item_id', 'k.subject'])
    .orderBy('k.subject');
  const text = f.q?.trim();
  if (text) {
    const escaped = text.replace(/[\\%_]/g, (c) => '\\' + c);
    q = q.where((eb) => eb.or([eb('k.number', 'like', `${escaped}%`), eb('ap.name', 'like', `%${escaped}%`), eb('k.subject', 'like', `%${escaped}%`)]));
  }
  if (f.itemId) q = q.where('k.item_id', '=', f.itemId);
  if (f.stage) q = q.where('t.stage', '=', f.stage);
  if (f.state) q = q.where('t.state', '=', f.state);
  if (f.urgent) q = q.where('t.is_urgent', '=', true);
  if (f.due === 'overdue') q = q.where('t.due_at', '<', sql<Date>`now()`);
  if (f.due === 'today') q = q.where('t.due_at', '<', endOfToday);
  if (f.due === 'soon') q = q.where('t.due_at', '<', soonCutoff);
  let ordered = q;
  if (f.sort === 'arrived' || f.sort === '-arrived') ordered = ordered.orderBy('t.created_at', f.sort === 'arrived' ? 'asc' : 'desc');
  else ordered = ordered.orderBy('t.is_urgent', 'desc').orderBy(sql`t.due_at NULLS LAST`);
  const [rows, total, stages, items] = await Promise.all([
    ordered
      .select([
        't.id',
        't.case_id',
        'k.number',
        'k.subject',
        'ap.name as applicant_name',
        't.name',
        't.stage',
        't.assignee_role',
        't.state',
        't.assignee_account_id',
        't.is_urgent',
        't.due_at',
        't.created_at',
        't.version',
        't.kind',
        't.delegated_by',
        't.urged_count',
        'o.name as organization_name',
        // what the case's clock waits for, if it is paused: supplements, a special procedure, the company's registration
        sql<string | null>`(SELECT p.reason FROM clock_pause p WHERE p.clock_id = k.clock_id AND p.ended_at IS NULL)`.as('paused'),
      ])
      .orderBy('t.id')
      .limit(f.limit)
      .offset(f.offset ?? 0)
      .execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
    stageFacet.execute(),
    itemFacet.execute(),
  ]);
  const extensionRequests = await pendingExtensionRequests(db, actor);
  return {
    total: total.n,
    facets: {
      stages: stages.map((r) => ({ stage: r.stage, name: r.name, n: r.n })),
      items: items.filter((r) => r.item_id !== null).map((r) => ({ itemId: r.item_id!, name: r.subject, n: r.n })),
    },
    post: { backupOnly: backup.restricted.length > 0 || backup.covering.length > 0, covering: backup.covering, awayUntil: backup.awayUntil },
    extensionRequests: extensionRequests.map((e) => ({
      id: e.id,
      caseId: e.case_id,
      caseNumber: e.number,
      subject: e.subject,
      days: e.days,
      reason: e.reason,
      requestedBy: e.display_name,
      createdAt: e.created_at.toISOString(),
    })),
    items: rows.map((r) => ({
      id: r.id,
      caseId: r.case_id,
      caseNumber: r.number,
      subject: r.subject,
      applicantName: r.applicant_name,
      name: r.name,
      stage: r.stage,
      role: r.assignee_role,
      state: r.state,
      claimedByMe: r.assignee_account_id === actor.accountId,
      isUrgent: r.is_urgent,
      dueAt: r.due_at?.toISOString() ?? null,
      createdAt: r.created_at.toISOString(),
      organizationName: r.organization_name,
      version: r.version,
      kind: r.kind,
      delegated: r.delegated_by !== null,
      urgedCount: r.urged_count,
      /** the case's clock is paused: `supplement`, `registration` (企业开办一件事), or a special procedure's kind */
      pausedFor: r.paused,
    })),
  };
}

/**
 * AB 岗: the caller's window posts. Where they hold only B posts of a department's windows, the
 * department's approver tasks are restricted (see listTasks) unless an A post of those windows is away
 * — then they cover for them (`covering` names who).
 */
export async function backupPosts(db: Db, accountId: number) {
  const me = await db.selectFrom('account').select('away_until').where('id', '=', accountId).executeTakeFirst();
  const posts = await db
    .selectFrom('window_staff as ws')
    .innerJoin('service_window as w', 'w.id', 'ws.window_id')
    .innerJoin('organization as o', 'o.id', 'w.organization_id')
    .select(['ws.window_id', 'ws.post', 'o.path'])
    .where('ws.account_id', '=', accountId)
    .execute();
  const byPath = new Map<string, { a: boolean; windows: number[] }>();
  for (const p of posts) {
    const e = byPath.get(p.path) ?? { a: false, windows: [] };
    if (p.post === 'A') e.a = true;
    e.windows.push(p.window_id);
    byPath.set(p.path, e);
  }
  const restricted: string[] = [];
  const covering: { name: string; awayUntil: string }[] = [];
  for (const [path, e] of byPath) {
    if (e.a) continue;
    const holders = await db
      .selectFrom('window_staff as ws')
      .innerJoin('account as a', 'a.id', 'ws.account_id')
      .select(['a.display_name', 'a.away_until', 'a.status'])
      .where('ws.window_id', 'in', e.windows)
      .where('ws.post', '=', 'A')
      .execute();
    const away = holders.filter((h) => h.status !== 'active' || (h.away_until && h.away_until.getTime() > Date.now()));
    if (holders.length === 0 || away.length > 0) covering.push(...away.map((h) => ({ name: h.display_name, awayUntil: h.away_until?.toISOString() ?? '' })));
    else restricted.push(path);
  }
  return { restricted, covering, awayUntil: me?.away_until && me.away_until.getTime() > Date.now() ? me.away_until.toISOString() : null };
}

/** The license a renewal or a change names, as its case page shows it. */
/** 申请注销: the reason the application gave, from its `submitted` event. */
function cancelReasonOf(timeline: { type: string; payload: unknown }[]): string | null {
  const submitted = timeline.find((e) => e.type === 'submitted');
  const reason = (submitted?.payload as { cancelReason?: unknown } | undefined)?.cancelReason;
  return typeof reason === 'string' ? reason : null;
}

async function renewedLicense(db: Executor, licenseId: number) {
  const r = await db
    .selectFrom('case_document as d')
    .innerJoin('kase as k', 'k.id', 'd.case_id')
    .select(['d.id', 'd.number', 'd.title', 'd.superseded_at', 'd.cancelled_at', 'k.id as case_id', 'k.number as case_number'])
    .select(sql<string | null>`d.valid_until::text`.as('valid_until'))
    .where('d.id', '=', licenseId)
    .executeTakeFirstOrThrow();
  return {
    id: r.id,
    number: r.number,
    type: r.title,
    validUntil: r.valid_until,
    supersededAt: r.superseded_at?.toISOString() ?? null,
    cancelledAt: r.cancelled_at?.toISOString() ?? null,
    caseId: r.case_id,
    caseNumber: r.case_number,
  };
}

/** The audit trail names a case by its number (办件编号), which people know it by, not by its id. */
export function registerCaseAuditLabels(): void {
  labelAuditTargets('case', async (db, ids) => {
    const known = ids.filter((id) => /^\d{1,15}$/.test(id)).map(Number);
    if (known.length === 0) return new Map();
    const rows = await db.selectFrom('kase').select(['id', 'number']).where('id', 'in', known).execute();
    return new Map(rows.map((r) => [String(r.id), r.number]));
  });
}
