import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errors, IdParams, Nullable, Paging } from '../../server/schemas.ts';
import { handleWrite } from '../../server/write.ts';
import { hasPermission, requireAccess, scopeOf, type Actor } from '../../server/access.ts';
import { AppError } from '../../server/errors.ts';
import { getWarningPolicy, setWarningPolicy } from '../calendar/clocks.service.ts';
import { getOrder, listCaseLights, listFindings, listOrders, listTaskLights, listWarnings, supervisionSummary } from './console.queries.ts';
import { closeOrder, escalateOrder, issueOrder, replyToOrder } from './orders.service.ts';
import { pendingAttention } from './sweep.ts';

const tags = ['supervision'];
const LightQ = Type.Optional(Type.Union([Type.Literal('green'), Type.Literal('yellow'), Type.Literal('red')]));
const OrderStatus = Type.Union([Type.Literal('open'), Type.Literal('replied'), Type.Literal('closed'), Type.Literal('escalated')]);
const Text = (max: number) => Type.String({ minLength: 2, maxLength: max });
const ReplyWorkdays = Type.Integer({ minimum: 1, maximum: 30 });
const Policy = Type.Object({
  workdaysLeft: Type.Integer({ minimum: 0, maximum: 30 }),
  usedPercent: Type.Integer({ minimum: 1, maximum: 100 }),
  version: Type.Integer(),
  updatedAt: Type.String(),
  /** whether the caller may change them (a role over a whole city or everything) */
  canChange: Type.Boolean(),
});
const Page = Type.Object({ items: Type.Array(Type.Any()), total: Type.Integer() });

/** The thresholds apply platform-wide: only a role over a whole city (a root region) or everything may change them. */
async function mayConfigure(db: import('../../server/db/database.ts').Db, actor: Actor | null): Promise<boolean> {
  if (!actor || !hasPermission(actor, 'supervision.configure')) return false;
  const scope = scopeOf(actor, 'supervision.configure');
  if (scope.all) return true;
  const roots = await db.selectFrom('region').select('path').where('parent_id', 'is', null).execute();
  return roots.some((r) => scope.regionPaths.includes(r.path));
}

async function requireConfigure(db: import('../../server/db/database.ts').Db, actor: Actor | null) {
  requireAccess(actor, 'supervision.configure');
  if (!(await mayConfigure(db, actor))) throw new AppError('FORBIDDEN', { reason: 'the warning thresholds apply to the whole platform' });
}

export const supervisionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.deps;

  app.get(
    '/supervision/summary',
    { schema: { tags, summary: 'Running cases and open tasks by light, warnings, findings and orders in my scope', response: { 200: Type.Any(), ...errors } } },
    async (req) => ({ ...(await supervisionSummary(db, req.actor)), pending: await pendingAttention(db) }),
  );

  app.get(
    '/supervision/cases',
    {
      schema: {
        tags,
        summary: 'Running cases with their lights (green, yellow, red), worst first',
        querystring: Type.Object({ light: LightQ, q: Type.Optional(Type.String({ maxLength: 60 })), ...Paging }),
        response: { 200: Page, ...errors },
      },
    },
    async (req) => listCaseLights(db, req.actor, { ...req.query, limit: req.query.limit ?? 50, offset: req.query.offset ?? 0 }),
  );

  app.get(
    '/supervision/tasks',
    {
      schema: {
        tags,
        summary: 'Open tasks with a due time and their lights, worst first',
        querystring: Type.Object({ light: LightQ, ...Paging }),
        response: { 200: Page, ...errors },
      },
    },
    async (req) => listTaskLights(db, req.actor, { ...req.query, limit: req.query.limit ?? 50, offset: req.query.offset ?? 0 }),
  );

  app.get(
    '/supervision/warnings',
    {
      schema: {
        tags,
        summary: 'Warnings raised (yellow, red), newest first',
        querystring: Type.Object({
          level: Type.Optional(Type.Union([Type.Literal('yellow'), Type.Literal('red')])),
          caseId: Type.Optional(Type.Integer({ minimum: 1 })),
          ...Paging,
        }),
        response: { 200: Page, ...errors },
      },
    },
    async (req) => listWarnings(db, req.actor, { ...req.query, limit: req.query.limit ?? 50, offset: req.query.offset ?? 0 }),
  );

  app.get(
    '/supervision/findings',
    {
      schema: {
        tags,
        summary:
          'Suspicious patterns: paused more than twice, an immediate item extended, accepted after the notice period, delivered late, a commitment checked late, a renewal decided late',
        querystring: Type.Object({
          kind: Type.Optional(
            Type.Union([
              Type.Literal('paused_often'),
              Type.Literal('immediate_extended'),
              Type.Literal('late_acceptance'),
              Type.Literal('late_delivery'),
              Type.Literal('late_commitment_check'),
              Type.Literal('late_renewal'),
            ]),
          ),
          ...Paging,
        }),
        response: { 200: Page, ...errors },
      },
    },
    async (req) => listFindings(db, req.actor, { ...req.query, limit: req.query.limit ?? 50, offset: req.query.offset ?? 0 }),
  );

  app.get(
    '/supervision/orders',
    {
      schema: {
        tags,
        summary: '督办 orders: issued in my scope (view=issued) or addressed to my department (view=department)',
        querystring: Type.Object({
          view: Type.Optional(Type.Union([Type.Literal('issued'), Type.Literal('department')])),
          status: Type.Optional(OrderStatus),
          caseId: Type.Optional(Type.Integer({ minimum: 1 })),
          ...Paging,
        }),
        response: { 200: Page, ...errors },
      },
    },
    async (req) => listOrders(db, req.actor, { ...req.query, view: req.query.view ?? 'issued', limit: req.query.limit ?? 50, offset: req.query.offset ?? 0 }),
  );

  app.post(
    '/supervision/orders',
    {
      schema: {
        tags,
        summary: 'Issue a 督办 order on a case to the responsible department, with a reply deadline in working days',
        body: Type.Object(
          {
            caseId: Type.Integer({ minimum: 1 }),
            request: Text(2000),
            replyWorkdays: ReplyWorkdays,
            organizationId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
            warningId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Type.Integer(), number: Type.String() }), ...errors },
      },
    },
    async (req, reply) => handleWrite(db, req, reply, (ctx) => issueOrder(ctx, req.body), 201),
  );

  app.get(
    '/supervision/orders/:id',
    { schema: { tags, summary: 'A 督办 order with its trail', params: IdParams, response: { 200: Type.Any(), ...errors } } },
    async (req) => getOrder(db, req.actor, req.params.id),
  );

  app.post(
    '/supervision/orders/:id/actions',
    {
      schema: {
        tags,
        summary: 'Act on an order: reply (the department), close or escalate (the supervisor)',
        params: IdParams,
        body: Type.Union([
          Type.Object({ action: Type.Literal('reply'), text: Text(2000), expectedVersion: Type.Optional(Type.Integer()) }, { additionalProperties: false }),
          Type.Object({ action: Type.Literal('close'), note: Text(1000), expectedVersion: Type.Optional(Type.Integer()) }, { additionalProperties: false }),
          Type.Object(
            { action: Type.Literal('escalate'), note: Text(1000), replyWorkdays: ReplyWorkdays, expectedVersion: Type.Optional(Type.Integer()) },
            { additionalProperties: false },
          ),
        ]),
        response: { 200: Type.Any(), ...errors },
      },
    },
    async (req, reply) => {
      const body = req.body;
      await handleWrite(db, req, reply, async (ctx) => {
        if (body.action === 'reply') await replyToOrder(ctx, req.params.id, body);
        else if (body.action === 'close') await closeOrder(ctx, req.params.id, body);
        else await escalateOrder(ctx, req.params.id, body);
        return { ok: true };
      });
      return getOrder(db, req.actor, req.params.id);
    },
  );

  app.get(
    '/supervision/settings',
    { schema: { tags, summary: 'The warning thresholds (yellow: working days left, or share of the limit used)', response: { 200: Policy, ...errors } } },
    async (req) => {
      if (!hasPermission(req.actor, 'supervision.read')) requireAccess(req.actor, 'supervision.configure');
      return { ...(await getWarningPolicy(db)), canChange: await mayConfigure(db, req.actor) };
    },
  );

  app.put(
    '/supervision/settings',
    {
      schema: {
        tags,
        summary: 'Change the warning thresholds; open clocks are re-marked in the background',
        body: Type.Object(
          {
            workdaysLeft: Type.Integer({ minimum: 0, maximum: 30 }),
            usedPercent: Type.Integer({ minimum: 1, maximum: 100 }),
            expectedVersion: Type.Optional(Type.Integer()),
          },
          { additionalProperties: false },
        ),
        response: { 200: Policy, ...errors },
      },
    },
    async (req, reply) => {
      await requireConfigure(db, req.actor);
      return handleWrite(db, req, reply, async (ctx) => {
        const policy = await setWarningPolicy(ctx, req.body);
        await ctx.audit({ action: 'supervision.settings.changed', targetType: 'clock_warning_policy', targetId: 1, change: req.body });
        return { ...policy, canChange: true };
      });
    },
  );
};
