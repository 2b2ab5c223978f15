import { catalogCodePattern } from '../../common/catalog-codes.ts';
import { takeDraft } from './drafts.ts';
import { deliveryMethodList } from '../../common/delivery.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { errors, IdParams, Nullable, Paging } from '../../server/schemas.ts';
import { checkCommitment, checkStates, listCommitmentChecks } from './commitment.ts';
import { handleWrite, runWrite, type WriteContext } from '../../server/write.ts';
import { AppError } from '../../server/errors.ts';
import {
  acceptCase,
  applyForItem,
  chooseDelivery,
  deliverCase,
  handInTolerated,
  issueOneTimeNotice,
  refuseCase,
  supplementCase,
  withdrawCase,
  extendSupplementPeriod,
} from './intake.service.ts';
import type { Deps } from '../../server/deps.ts';
import {
  claimTask,
  completeTask,
  endSpecialProcedure,
  extendCase,
  requestSupplement,
  returnTask,
  startSpecialProcedure,
  transferTask,
} from './tasks.service.ts';
import { countKinds, exportCases, getCase, listCases, listTasks, revealCase, type CaseSearchHashes } from './cases.queries.ts';
import { isValidIdCardNumber } from '../../common/validators.ts';
import {
  caseExportLimit,
  caseKindList,
  caseQueueList,
  caseStatusList,
  channelList,
  deliveryChoiceFilterList,
  type CaseListFilter,
} from '../../common/case-filter.ts';
import { caseSummary, preloadCase } from './case-core.ts';
import { applyForBundle, performOnBundle } from './bundle-cases.service.ts';
import { cancelLicense, issuedStates, listHeldLicenses, listIssuedLicenses, verifyLicense } from './licenses.ts';
import { licenseCancelGrounds } from '../../common/licenses.ts';
import { spendRate } from '../queue/protect.ts';
import { workToday } from './work-today.ts';
import { caseSheetPdf } from './case-sheet.ts';
import { renderDocument } from './documents.ts';
import {
  addCosigner,
  answerDelegation,
  copyCase,
  noteCase,
  decideExtension,
  delegateTask,
  reassignTask,
  recallTask,
  requestExtension,
  urgeTask,
} from './task-collab.service.ts';

const tags = ['cases'];
const MaterialRef = Type.Object(
  { key: Type.String({ pattern: '^[a-z0-9_]{1,60}$' }), reference: Type.String({ minLength: 1, maxLength: 300 }) },
  { additionalProperties: false },
);
const AskItem = Type.Object(
  { key: Type.String({ pattern: '^[a-z0-9_]{1,60}$' }), note: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);

/** 结果领取方式 as an application or a change of it gives it. */
const DeliveryChoiceBody = Type.Object(
  {
    method: Type.Union(deliveryMethodList.map((m) => Type.Literal(m))),
    recipient: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
    address: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  },
  { additionalProperties: false },
);

const ApplyBody = Type.Object(
  {
    /** an item, or a bundle (一件事): exactly one of the two */
    itemCode: Type.Optional(Type.String({ pattern: catalogCodePattern })),
    bundleCode: Type.Optional(Type.String({ pattern: catalogCodePattern })),
    channel: Type.Optional(
      Type.Union([Type.Literal('window'), Type.Literal('online'), Type.Literal('mobile'), Type.Literal('terminal'), Type.Literal('post')]),
    ),
    applicantId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    formData: Type.Record(Type.String(), Type.Any()),
    materials: Type.Array(
      Type.Object(
        {
          key: Type.String({ pattern: '^[a-z0-9_]{1,60}$' }),
          reference: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
          fromLicense: Type.Optional(Type.Boolean()),
          /** a license the applicant holds (GET /licenses), handed in instead of a copy */
          licenseId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
        },
        { additionalProperties: false },
      ),
      { maxItems: 100 },
    ),
    urgent: Type.Optional(Type.Boolean()),
    /** 结果领取方式: one of the item's delivery methods; by post, whom to send it to */
    delivery: Type.Optional(Nullable(DeliveryChoiceBody)),
    /** 告知承诺制: apply by written commitment, where the item allows it */
    commitment: Type.Optional(Type.Boolean()),
    /** 暂存: the draft this application was continued from, removed as it is filed */
    draftId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 })),
    /** 延续: the held license (GET /licenses) this application renews */
    renews: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    /** 变更: the held license whose particulars this application changes */
    changes: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    /** 申请注销: the held license this application gives up, and why */
    cancels: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    cancelReason: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
    /** 收件并受理: at the window, accept the complete application in the same step (an item's or a bundle's) */
    accept: Type.Optional(Type.Boolean()),
    /** the acceptance's note, with accept */
    acceptNote: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    /** 收件并容缺受理: with accept, accept without what the item lets follow, handed in within so many working days */
    tolerate: Type.Optional(Nullable(Type.Object({ workdays: Type.Integer({ minimum: 1, maximum: 30 }) }, { additionalProperties: false }))),
  },
  { additionalProperties: false },
);

/** Every operation on a case, one shape: `{ action, ... }`. Task actions name the task. */
const ActionBody = Type.Union([
  Type.Object(
    {
      action: Type.Literal('accept'),
      note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
      expectedVersion: Type.Optional(Type.Integer()),
      /** 容缺受理: accept without what the item lets follow, to be handed in within so many working days */
      tolerate: Type.Optional(Nullable(Type.Object({ workdays: Type.Integer({ minimum: 1, maximum: 30 }) }, { additionalProperties: false }))),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      action: Type.Literal('notice'),
      items: Type.Array(AskItem, { minItems: 1, maxItems: 100 }),
      note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
    },
    { additionalProperties: false },
  ),
  Type.Object({ action: Type.Literal('refuse'), reason: Type.String({ minLength: 2, maxLength: 1000 }) }, { additionalProperties: false }),
  Type.Object({ action: Type.Literal('supplement'), materials: Type.Array(MaterialRef, { minItems: 1, maxItems: 100 }) }, { additionalProperties: false }),
  Type.Object({ action: Type.Literal('withdraw'), reason: Type.Optional(Nullable(Type.String({ maxLength: 500 }))) }, { additionalProperties: false }),
  /** 延长补正期限: more working days for the applicant to hand in what was asked, with the reason they gave */
  Type.Object(
    { action: Type.Literal('extend_supplement'), workdays: Type.Integer({ minimum: 1, maximum: 60 }), reason: Type.String({ minLength: 2, maxLength: 500 }) },
    { additionalProperties: false },
  ),
  /** 容缺后补: hand in what was accepted to follow */
  Type.Object({ action: Type.Literal('hand_in'), materials: Type.Array(MaterialRef, { minItems: 1, maxItems: 100 }) }, { additionalProperties: false }),
  Type.Object(
    {
      action: Type.Literal('deliver'),
      method: Type.Union(deliveryMethodList.map((m) => Type.Literal(m))),
      trackingNumber: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
      lockerCode: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
      identityChecked: Type.Optional(Type.Boolean()),
      /** 代领: someone other than the applicant collects the result */
      collector: Type.Optional(
        Nullable(Type.Object({ name: Type.String({ maxLength: 50 }), idNumber: Type.String({ maxLength: 18 }) }, { additionalProperties: false })),
      ),
      /** by post, where the case holds no address (or to another): whom and where to send it */
      sendTo: Type.Optional(
        Nullable(
          Type.Object(
            { recipient: Type.String({ maxLength: 50 }), phone: Type.String({ maxLength: 20 }), address: Type.String({ maxLength: 200 }) },
            { additionalProperties: false },
          ),
        ),
      ),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { action: Type.Literal('claim'), taskId: Type.Integer({ minimum: 1 }), expectedVersion: Type.Optional(Type.Integer()) },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      action: Type.Literal('approve'),
      taskId: Type.Integer({ minimum: 1 }),
      opinion: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
      expectedVersion: Type.Optional(Type.Integer()),
      /** 当场办结: a decision made at the window concludes the case in the same step, where the window concludes it */
      conclude: Type.Optional(Type.Boolean()),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      action: Type.Literal('reject'),
      taskId: Type.Integer({ minimum: 1 }),
      opinion: Type.String({ minLength: 2, maxLength: 2000 }),
      expectedVersion: Type.Optional(Type.Integer()),
      conclude: Type.Optional(Type.Boolean()),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { action: Type.Literal('return'), taskId: Type.Integer({ minimum: 1 }), opinion: Type.String({ minLength: 2, maxLength: 2000 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      action: Type.Literal('transfer'),
      taskId: Type.Integer({ minimum: 1 }),
      accountId: Type.Integer({ minimum: 1 }),
      opinion: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { action: Type.Literal('request_supplement'), taskId: Type.Integer({ minimum: 1 }), items: Type.Array(AskItem, { minItems: 1, maxItems: 100 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      action: Type.Literal('start_special'),
      taskId: Type.Integer({ minimum: 1 }),
      kind: Type.Union([Type.Literal('hearing'), Type.Literal('inspection'), Type.Literal('expert_review'), Type.Literal('appraisal'), Type.Literal('tender')]),
      reason: Type.String({ minLength: 2, maxLength: 1000 }),
      expectedDays: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 365 }))),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { action: Type.Literal('end_special'), taskId: Type.Integer({ minimum: 1 }), result: Type.String({ minLength: 1, maxLength: 1000 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      action: Type.Literal('extend'),
      taskId: Type.Integer({ minimum: 1 }),
      days: Type.Integer({ minimum: 1, maximum: 10 }),
      reason: Type.String({ minLength: 2, maxLength: 1000 }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      action: Type.Literal('delegate'),
      taskId: Type.Integer({ minimum: 1 }),
      accountId: Type.Integer({ minimum: 1 }),
      note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { action: Type.Literal('answer'), taskId: Type.Integer({ minimum: 1 }), opinion: Type.String({ minLength: 2, maxLength: 2000 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      action: Type.Literal('add_cosigner'),
      taskId: Type.Integer({ minimum: 1 }),
      organizationId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
      accountId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
      role: Type.Optional(Type.Union([Type.Literal('approver'), Type.Literal('head')])),
      note: Type.String({ minLength: 2, maxLength: 1000 }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      action: Type.Literal('reassign'),
      taskId: Type.Integer({ minimum: 1 }),
      accountId: Type.Integer({ minimum: 1 }),
      note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    },
    { additionalProperties: false },
  ),
  Type.Object({ action: Type.Literal('recall'), taskId: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
  Type.Object(
    { action: Type.Literal('urge'), taskId: Type.Integer({ minimum: 1 }), note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))) },
    { additionalProperties: false },
  ),
  /** 修改领取方式: how the result should come, changed before it went out */
  Type.Object({ action: Type.Literal('choose_delivery'), delivery: DeliveryChoiceBody }, { additionalProperties: false }),
  /** 事后核查: what the check after a grant by commitment found; a commitment found false revokes the grant */
  Type.Object(
    {
      action: Type.Literal('check_commitment'),
      result: Type.Union([Type.Literal('kept'), Type.Literal('broken')]),
      opinion: Type.String({ minLength: 2, maxLength: 1000 }),
      expectedVersion: Type.Optional(Type.Integer({ minimum: 0 })),
    },
    { additionalProperties: false },
  ),
  /** 办理备注: a note on the timeline for the staff */
  Type.Object({ action: Type.Literal('note'), text: Type.String({ minLength: 2, maxLength: 1000 }) }, { additionalProperties: false }),
  Type.Object(
    {
      action: Type.Literal('cc'),
      accountIds: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 20 }),
      note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      action: Type.Literal('request_extension'),
      taskId: Type.Integer({ minimum: 1 }),
      days: Type.Integer({ minimum: 1, maximum: 10 }),
      reason: Type.String({ minLength: 2, maxLength: 1000 }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      action: Type.Literal('decide_extension'),
      requestId: Type.Integer({ minimum: 1 }),
      approve: Type.Boolean(),
      note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
    },
    { additionalProperties: false },
  ),
]);
type ActionBody = Static<typeof ActionBody>;

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
/** The case list's filters (see CaseListFilter), for the list and its spreadsheet. */
const CaseListQuery = {
  status: Type.Optional(Type.Union(caseStatusList.map((s) => Type.Literal(s)))),
  kind: Type.Optional(Type.Union(caseKindList.map((k) => Type.Literal(k)))),
  channel: Type.Optional(Type.Union(channelList.map((c) => Type.Literal(c)))),
  item: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
  org: Type.Optional(Type.Integer({ minimum: 1 })),
  applicant: Type.Optional(Type.Integer({ minimum: 1 })),
  q: Type.Optional(Type.String({ maxLength: 60 })),
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  overdue: Type.Optional(Type.Boolean()),
  queue: Type.Optional(Type.Union(caseQueueList.map((q) => Type.Literal(q)))),
  delivery: Type.Optional(Type.Union(deliveryChoiceFilterList.map((d) => Type.Literal(d)))),
};

/** A day of the filter that is a real day (2026-02-30 is not), or 400. */
function realDay(field: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) throw new AppError('VALIDATION_FAILED', { field, reason: 'not a day' });
  return value;
}

function caseListFilter(q: Static<Type.TObject<typeof CaseListQuery>>): CaseListFilter {
  const from = realDay('from', q.from);
  const to = realDay('to', q.to);
  if (from && to && from > to) throw new AppError('VALIDATION_FAILED', { field: 'to', reason: 'the range ends before it starts' });
  const { status, kind, channel, item, org, applicant, q: text, overdue, queue, delivery } = q;
  return { status, kind, channel, item, org, applicant, q: text, from, to, overdue, queue, delivery };
}

async function perform(ctx: WriteContext, deps: Deps, caseId: number, body: ActionBody): Promise<void> {
  // one look-up: is it a bundle application, and does the named task belong to this case
  const taskId = 'taskId' in body ? body.taskId : null;
  const head = await preloadCase(ctx.tx, caseId, taskId, {
    materials: body.action === 'accept',
    // an acceptance prints its notice, a one-time notice and a refusal theirs
    documentFacts: body.action === 'accept' || body.action === 'notice' || body.action === 'refuse',
    unpaidFees: body.action === 'deliver',
    // approving, rejecting or returning waits for a special procedure's end
    openPause: body.action === 'approve' || body.action === 'reject' || body.action === 'return',
    // an approval may be the decision, which prints its documents, or the conclusion, which stops the clock
    decision: body.action === 'approve',
  });
  if (!head) throw new AppError('NOT_FOUND');
  // a note goes on whichever case it is written on, a bundle application's too
  if (body.action === 'note') return noteCase(ctx, caseId, body);
  if (body.action === 'check_commitment') return checkCommitment(ctx, caseId, body);
  // a bundle application's period is extended on the application, with its item cases'
  if (body.action === 'extend_supplement') {
    await extendSupplementPeriod(ctx, caseId, body);
    return;
  }
  if (body.action === 'choose_delivery') {
    await chooseDelivery(ctx, deps, caseId, body);
    return;
  }
  if (head.bundle_id !== null) return performOnBundle(ctx, caseId, body);
  const taskCase = async (id: number) => {
    if (head.task_id !== id) throw new AppError('NOT_FOUND', { taskId: id });
  };
  switch (body.action) {
    case 'accept':
      await acceptCase(ctx, caseId, body);
      return;
    case 'notice':
      await issueOneTimeNotice(ctx, caseId, body);
      return;
    case 'refuse':
      await refuseCase(ctx, caseId, body);
      return;
    case 'supplement':
      await supplementCase(ctx, caseId, body);
      return;
    case 'hand_in':
      await handInTolerated(ctx, caseId, body);
      return;
    case 'withdraw':
      await withdrawCase(ctx, caseId, body);
      return;
    case 'deliver':
      await deliverCase(ctx, caseId, body);
      return;
    case 'cc':
      await copyCase(ctx, caseId, body);
      return;
    case 'decide_extension':
      await decideExtension(ctx, caseId, body);
      return;
  }
  await taskCase(body.taskId);
  switch (body.action) {
    case 'claim':
      await claimTask(ctx, body.taskId, body.expectedVersion);
      return;
    case 'approve':
      await completeTask(ctx, body.taskId, { outcome: 'approved', opinion: body.opinion, expectedVersion: body.expectedVersion, conclude: body.conclude });
      return;
    case 'reject':
      await completeTask(ctx, body.taskId, { outcome: 'rejected', opinion: body.opinion, expectedVersion: body.expectedVersion, conclude: body.conclude });
      return;
    case 'return':
      await returnTask(ctx, body.taskId, body);
      return;
    case 'transfer':
      await transferTask(ctx, body.taskId, body);
      return;
    case 'request_supplement':
      await requestSupplement(ctx, body.taskId, body);
      return;
    case 'start_special':
      await startSpecialProcedure(ctx, body.taskId, body);
      return;
    case 'end_special':
      await endSpecialProcedure(ctx, body.taskId, body);
      return;
    case 'extend':
      await extendCase(ctx, body.taskId, body);
      return;
    case 'delegate':
      await delegateTask(ctx, body.taskId, body);
      return;
    case 'answer':
      await answerDelegation(ctx, body.taskId, body);
      return;
    case 'add_cosigner':
      await addCosigner(ctx, body.taskId, body);
      return;
    case 'reassign':
      await reassignTask(ctx, body.taskId, body);
      return;
    case 'recall':
      await recallTask(ctx, body.taskId);
      return;
    case 'urge':
      await urgeTask(ctx, caseId, body.taskId, body);
      return;
    case 'request_extension':
      await requestExtension(ctx, body.taskId, body);
      return;
  }
}

export const casesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;
  const { db } = deps;
  /** A search text that is a whole resident ID number also finds the cases of the applicant who holds it. */
  const searchHashes = (q: string | undefined): CaseSearchHashes => {
    const text = q?.trim().toUpperCase();
    return text && isValidIdCardNumber(text) ? { idNumberHash: deps.cipher.lookupHash(text) } : {};
  };

  app.post(
    '/cases',
    {
      schema: {
        tags,
        summary: 'Apply (online) or receive an application at the window — and with accept, accept it in the same step (收件并受理)',
        body: ApplyBody,
        response: {
          201: Type.Object({
            id: Type.Integer(),
            number: Type.String(),
            status: Type.String(),
            children: Type.Optional(Type.Array(Type.Object({ id: Type.Integer(), number: Type.String() }))),
          }),
          ...errors,
        },
      },
    },
    async (req, reply) => {
      const { itemCode, bundleCode, draftId, ...rest } = req.body;
      if (!itemCode === !bundleCode) throw new AppError('VALIDATION_FAILED', { field: 'itemCode', reason: 'name an item or a bundle, not both' });
      if (bundleCode && rest.tolerate)
        throw new AppError('VALIDATION_FAILED', { field: 'tolerate', reason: 'a bundle application is accepted with its materials complete' });
      return handleWrite(
        db,
        req,
        reply,
        async (ctx) => {
          if (draftId !== undefined) await takeDraft(ctx, draftId);
          return bundleCode ? applyForBundle(ctx, deps, { ...rest, bundleCode }) : applyForItem(ctx, deps, { ...rest, itemCode: itemCode! });
        },
        201,
      );
    },
  );

  app.get(
    '/cases',
    {
      schema: {
        tags,
        summary: 'Cases I may see: my own (applicants) or those in my scope (staff)',
        querystring: Type.Object(
          { ...CaseListQuery, ...Paging, sort: Type.Optional(Type.Union([Type.Literal('newest'), Type.Literal('decided'), Type.Literal('received')])) },
          { additionalProperties: false },
        ),
        response: {
          // `total` is counted up to the ledger's limit (20,000); `totalCapped`: more cases than that match
          200: Type.Object({ items: Type.Array(Type.Any()), total: Type.Integer(), totalCapped: Type.Boolean() }),
          ...errors,
        },
      },
    },
    async (req) =>
      listCases(
        db,
        req.actor,
        { ...caseListFilter(req.query), limit: req.query.limit ?? 50, offset: req.query.offset ?? 0, sort: req.query.sort },
        searchHashes(req.query.q),
      ),
  );

  app.get(
    '/cases/export.xlsx',
    {
      schema: {
        tags,
        summary: `办件台账: the cases the filters name as a spreadsheet (staff; at most ${caseExportLimit}; audited)`,
        querystring: Type.Object(CaseListQuery, { additionalProperties: false }),
      },
    },
    async (req, reply) => {
      const filter = caseListFilter(req.query);
      const { file } = await runWrite(db, req.actor, (ctx) => exportCases(ctx, filter, searchHashes(filter.q)), req.id);
      const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
      reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', `attachment; filename="cases-${day}.xlsx"`);
      return reply.send(file);
    },
  );

  app.get(
    '/licenses',
    {
      schema: {
        tags,
        summary: 'Electronic licenses an applicant holds (their own, a principal’s, or — at the window — the applicant’s)',
        querystring: Type.Object({
          applicantId: Type.Optional(Type.Integer({ minimum: 1 })),
          type: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.Integer(),
                number: Type.String(),
                type: Type.String(),
                issuer: Type.String(),
                issuedAt: Type.String(),
                caseId: Type.Integer(),
                caseNumber: Type.String(),
                itemCode: Type.String(),
                itemType: Nullable(Type.String()),
                validUntil: Nullable(Type.String({ format: 'date' })),
                renewBy: Nullable(Type.String({ format: 'date' })),
                renewFrom: Nullable(Type.String({ format: 'date' })),
                state: Type.Union([Type.Literal('valid'), Type.Literal('expiring'), Type.Literal('expired'), Type.Literal('deemed_renewed')]),
                renewal: Nullable(Type.Object({ id: Type.Integer(), number: Type.String(), status: Type.String() })),
                change: Nullable(Type.Object({ id: Type.Integer(), number: Type.String(), status: Type.String() })),
                cancellation: Nullable(Type.Object({ id: Type.Integer(), number: Type.String(), status: Type.String() })),
                mayRenew: Type.Boolean(),
                mayChange: Type.Boolean(),
                mayCancel: Type.Boolean(),
              }),
            ),
            total: Type.Integer(),
          }),
          ...errors,
        },
      },
    },
    async (req) => listHeldLicenses(db, req.actor, req.query),
  );

  app.get(
    '/licenses/verify/:number',
    {
      schema: {
        tags,
        summary: '证照核验: whether a license of this number was issued here, to whom, until when, and whether it still holds (public; its QR code leads here)',
        params: Type.Object({ number: Type.String({ minLength: 3, maxLength: 60, pattern: '^[0-9A-Za-z-]+$' }) }),
        response: {
          200: Type.Object({
            number: Type.String(),
            type: Type.String(),
            subject: Type.String(),
            itemType: Nullable(Type.String()),
            holder: Type.String(),
            holderKind: Type.String(),
            issuer: Type.String(),
            issuedAt: Type.String(),
            validUntil: Nullable(Type.String({ format: 'date' })),
            state: Type.Union([
              Type.Literal('valid'),
              Type.Literal('expired'),
              Type.Literal('deemed_renewed'),
              Type.Literal('revoked'),
              Type.Literal('superseded'),
              Type.Literal('cancelled'),
            ]),
            revokedAt: Nullable(Type.String()),
            supersededAt: Nullable(Type.String()),
            replacedBy: Nullable(Type.String()),
            cancelledAt: Nullable(Type.String()),
            cancelGround: Nullable(Type.String()),
            sha256: Nullable(Type.String()),
            checkedAt: Type.String(),
          }),
          ...errors,
          429: errors[409],
        },
      },
    },
    async (req) => {
      // public: a number guessed over and over is slowed down per address, as the queue's public lookups are
      await spendRate(db, `license-verify:ip:${req.ip}`, 60, 60);
      return verifyLicense(db, req.params.number, async (id) => (await renderDocument(deps, id)).sha256);
    },
  );

  app.get(
    '/licenses/issued',
    {
      schema: {
        tags,
        summary: '已发证照: the licenses issued by the cases I may read, with their state; `expiring`: those whose renewal falls due, soonest end first',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
          state: Type.Optional(Type.Union(issuedStates.map((s) => Type.Literal(s)))),
          ...Paging,
        }),
        response: { 200: Type.Object({ items: Type.Array(Type.Any()), total: Type.Integer() }), ...errors },
      },
    },
    async (req) => listIssuedLicenses(db, req.actor, { ...req.query, limit: req.query.limit ?? 50, offset: req.query.offset ?? 0 }),
  );

  app.post(
    '/licenses/:id/cancel',
    {
      schema: {
        tags,
        summary: '注销 (行政许可法 art. 70): the issuing department cancels a license that no longer holds, on one of the law’s grounds',
        params: IdParams,
        body: Type.Object(
          {
            ground: Type.Union(licenseCancelGrounds.map((g) => Type.Literal(g))),
            note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Any(), ...errors },
      },
    },
    async (req, reply) => handleWrite(db, req, reply, (ctx) => cancelLicense(ctx, req.params.id, req.body), 200),
  );

  app.get(
    '/cases/kinds',
    { schema: { tags, summary: 'Cases in my scope by the seven kinds (七件制)', response: { 200: Type.Record(Type.String(), Type.Integer()), ...errors } } },
    async (req) => countKinds(db, req.actor),
  );

  app.get(
    '/cases/today',
    {
      schema: {
        tags,
        summary: '今日工作: the window desk’s queues and my inbox as they stand now, with the most pressing of each; for an applicant, what waits for them',
        response: {
          200: Type.Object({ asOf: Type.String(), intake: Nullable(Type.Any()), tasks: Nullable(Type.Any()), applicant: Nullable(Type.Any()) }),
          ...errors,
        },
      },
    },
    async (req) => workToday(db, req.actor),
  );

  app.get(
    '/cases/:id',
    { schema: { tags, summary: 'A case with its timeline, tasks, materials and clocks', params: IdParams, response: { 200: Type.Any(), ...errors } } },
    async (req) => getCase(deps, req.actor, req.params.id),
  );

  app.get(
    '/cases/:id/sheet.pdf',
    {
      schema: {
        tags,
        summary: '办件审批表: the case, its steps with their opinions, the clock’s pauses and extensions and its materials, as a PDF (staff who may read it)',
        params: IdParams,
      },
    },
    async (req, reply) => {
      const { pdf, name } = await caseSheetPdf(deps, req.actor, req.params.id);
      reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="case-sheet-${req.params.id}.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff');
      return reply.send(pdf);
    },
  );

  app.post(
    '/cases/:id/reveal',
    {
      schema: {
        tags,
        summary: 'The case’s form and applicant ID and phone unmasked, for whoever may read the case (每次查看记入审计)',
        params: IdParams,
        response: {
          200: Type.Object({
            applicant: Type.Object({ idNumber: Type.String(), phone: Nullable(Type.String()) }),
            form: Type.Record(Type.String(), Type.Unknown()),
            /** 结果领取方式 with its phone in full */
            delivery: Nullable(
              Type.Object({
                method: Type.String(),
                recipient: Nullable(Type.String()),
                phone: Nullable(Type.String()),
                address: Nullable(Type.String()),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (req, reply) => handleWrite(db, req, reply, (ctx) => revealCase(ctx, deps, req.params.id), 200, { idempotent: false, retryChainRace: true }),
  );

  app.post(
    '/cases/:id/actions',
    {
      schema: {
        tags,
        summary:
          'Act on a case: accept, notice, refuse, supplement, extend_supplement, hand_in, withdraw, choose_delivery, deliver, check_commitment, claim, approve, reject, return, transfer, request_supplement, start_special, end_special, extend, delegate, answer, add_cosigner, reassign, recall, urge, cc, note, request_extension, decide_extension',
        params: IdParams,
        body: ActionBody,
        response: { 200: Type.Any(), ...errors },
      },
    },
    async (req, reply) => {
      // RFC 7240: a client that only moves cases along (a scanner, an integration) can skip the full view
      const minimal = /\breturn=minimal\b/.test(String(req.headers.prefer ?? ''));
      let summary: ReturnType<typeof caseSummary> | undefined;
      await handleWrite(db, req, reply, async (ctx) => {
        const done = await perform(ctx, deps, req.params.id, req.body);
        if (minimal) {
          summary = caseSummary(ctx.tx, req.params.id);
          summary.catch(() => {}); // a failed transaction reports its own error
        }
        return done;
      });
      if (minimal) {
        reply.header('preference-applied', 'return=minimal');
        // a replayed request ran no action now: its summary is read afresh
        return summary ?? caseSummary(db, req.params.id);
      }
      return getCase(deps, req.actor, req.params.id);
    },
  );

  app.get(
    '/commitment-checks',
    {
      schema: {
        tags,
        summary: '事后核查: the checks after grants by written commitment owed by my departments (approvers and heads)',
        querystring: Type.Object({ state: Type.Optional(Type.Union(checkStates.map((s) => Type.Literal(s)))), ...Paging }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(Type.Any()), total: Type.Integer() }), ...errors },
      },
    },
    async (req) => listCommitmentChecks(db, req.actor, { state: req.query.state, limit: req.query.limit ?? 50, offset: req.query.offset ?? 0 }),
  );

  app.get(
    '/tasks',
    {
      schema: {
        tags,
        summary: 'My inbox: open tasks of my organization and post',
        querystring: Type.Object({
          mine: Type.Optional(Type.Boolean()),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
          q: Type.Optional(Type.String({ maxLength: 60 })),
          itemId: Type.Optional(Type.Integer({ minimum: 1 })),
          stage: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
          state: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('claimed')])),
          urgent: Type.Optional(Type.Boolean()),
          due: Type.Optional(Type.Union([Type.Literal('overdue'), Type.Literal('today'), Type.Literal('soon')])),
          sort: Type.Optional(Type.Union([Type.Literal('due'), Type.Literal('arrived'), Type.Literal('-arrived')])),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(Type.Any()),
            total: Type.Integer(),
            facets: Type.Object({
              stages: Type.Array(Type.Object({ stage: Type.String(), name: Type.String(), n: Type.Integer() })),
              items: Type.Array(Type.Object({ itemId: Type.Integer(), name: Type.String(), n: Type.Integer() })),
            }),
            post: Type.Any(),
            extensionRequests: Type.Array(Type.Any()),
          }),
          ...errors,
        },
      },
    },
    async (req) => listTasks(db, req.actor, { ...req.query, mine: req.query.mine ?? true, limit: req.query.limit ?? 50 }),
  );

  app.put(
    '/tasks/away',
    {
      schema: {
        tags,
        summary: 'Mark myself away (leave, business trip) until a moment, or back (null): my B post covers my tasks meanwhile',
        body: Type.Object(
          { until: Nullable(Type.String({ format: 'date-time' })), reason: Type.Optional(Nullable(Type.String({ maxLength: 200 }))) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ awayUntil: Nullable(Type.String()) }), ...errors },
      },
    },
    async (req, reply) =>
      handleWrite(db, req, reply, async (ctx) => {
        const actor = ctx.actor;
        if (!actor) throw new AppError('UNAUTHENTICATED');
        if (actor.kind === 'applicant') throw new AppError('FORBIDDEN');
        const until = req.body.until ? new Date(req.body.until) : null;
        if (until && (until.getTime() <= Date.now() || until.getTime() > Date.now() + 366 * 86400_000))
          throw new AppError('VALIDATION_FAILED', { field: 'until', reason: 'a moment in the coming year' });
        await ctx.tx
          .updateTable('account')
          .set({ away_until: until, away_reason: until ? (req.body.reason ?? null) : null })
          .where('id', '=', actor.accountId)
          .execute();
        await ctx.audit({ action: 'staff.away', targetType: 'account', targetId: actor.accountId, change: { until: until?.toISOString() ?? null } });
        return { awayUntil: until?.toISOString() ?? null };
      }),
  );
};
