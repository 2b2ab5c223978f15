import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { sql } from 'kysely';
import { errors, IdParams, Nullable } from '../../server/schemas.ts';
import { handleWrite, writeContext } from '../../server/write.ts';
import { AppError } from '../../server/errors.ts';
import { applyDays, computeDeadline, countWorkdaysBetween, listYear, previewChange, regionIdByCode } from './calendar.service.ts';
import { parseIcs, parseSpreadsheet } from './calendar-import.ts';
import { describeClock } from './clocks.service.ts';
import '../cases/cases.tables.ts';
import { requireAccess } from '../../server/access.ts';

const tags = ['calendar'];
const Unit = Type.Union([Type.Literal('workday'), Type.Literal('day'), Type.Literal('workhour')]);
const Kind = Type.Union([Type.Literal('holiday'), Type.Literal('makeup_workday')]);
const RegionCode = Type.String({ pattern: '^[1-9][0-9]{11}$' });
const Skipped = Type.Object({ date: Type.String(), reason: Type.String(), name: Nullable(Type.String()) });
const DayDiff = Type.Object({
  date: Type.String(),
  before: Nullable(Type.Object({ kind: Type.String(), name: Type.String() })),
  after: Nullable(Type.Object({ kind: Type.String(), name: Type.String() })),
});
const ChangeResult = Type.Object({ calendarId: Type.Integer(), diff: Type.Array(DayDiff), movedClocks: Type.Integer() });
const ImportBody = Type.Object(
  {
    region: Type.Optional(Nullable(RegionCode)),
    format: Type.Union([Type.Literal('ics'), Type.Literal('xlsx')]),
    /** .ics as text; .xlsx as base64 */
    content: Type.String({ minLength: 1, maxLength: 2_000_000 }),
  },
  { additionalProperties: false },
);
const LimitView = Nullable(
  Type.Object({
    limit: Type.Integer(),
    unit: Type.String(),
    extension: Type.Integer(),
    paused: Type.Number(),
    dueAt: Type.String(),
    elapsed: Type.Number(),
    remaining: Type.Number(),
    isOverdue: Type.Boolean(),
  }),
);

/** Working-day arithmetic (public), the calendar's days, and its administration. */
export const calendarRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.deps;

  app.get(
    '/calendar/deadline',
    {
      schema: {
        tags,
        summary: 'A deadline: N working days (start day not counted), natural days or working hours',
        querystring: Type.Object({
          start: Type.String({ maxLength: 40 }),
          days: Type.Integer({ minimum: 0, maximum: 3650 }),
          unit: Type.Optional(Unit),
          region: Type.Optional(RegionCode),
        }),
        response: {
          200: Type.Object({
            start: Type.String(),
            days: Type.Integer(),
            unit: Type.String(),
            region: Nullable(Type.String()),
            due: Type.String(),
            workdays: Type.Integer(),
            naturalDays: Type.Integer(),
            skipped: Type.Array(Skipped),
            unpublishedYears: Type.Array(Type.Integer()),
          }),
          ...errors,
        },
      },
    },
    async (req) => computeDeadline(db, { ...req.query, unit: req.query.unit ?? 'workday' }),
  );

  app.get(
    '/calendar/workdays',
    {
      schema: {
        tags,
        summary: 'Working days in (from, to]',
        querystring: Type.Object({ from: Type.String({ maxLength: 10 }), to: Type.String({ maxLength: 10 }), region: Type.Optional(RegionCode) }),
        response: { 200: Type.Object({ from: Type.String(), to: Type.String(), region: Nullable(Type.String()), workdays: Type.Integer() }), ...errors },
      },
    },
    async (req) => countWorkdaysBetween(db, req.query),
  );

  app.get(
    '/calendar/days',
    {
      schema: {
        tags,
        summary: 'A year’s holidays and make-up working days',
        querystring: Type.Object({ year: Type.Integer({ minimum: 1990, maximum: 2100 }), region: Type.Optional(RegionCode) }),
        response: {
          200: Type.Object({
            year: Type.Integer(),
            region: Nullable(Type.String()),
            published: Type.Boolean(),
            officeHours: Type.Array(Type.Array(Type.Integer())),
            workdays: Type.Integer(),
            days: Type.Array(Type.Object({ date: Type.String(), kind: Kind, name: Type.String(), source: Type.String(), sourceName: Type.String() })),
          }),
          ...errors,
        },
      },
    },
    async (req) => listYear(db, req.query),
  );

  app.put(
    '/calendar/days',
    {
      schema: {
        tags,
        summary: 'Set or clear days of the national (no region) or a regional calendar; open deadlines are recomputed',
        body: Type.Object(
          {
            region: Type.Optional(Nullable(RegionCode)),
            days: Type.Array(
              Type.Object(
                { date: Type.String({ format: 'date' }), kind: Kind, name: Type.String({ minLength: 1, maxLength: 100 }) },
                { additionalProperties: false },
              ),
              { maxItems: 400 },
            ),
            remove: Type.Optional(Type.Array(Type.String({ format: 'date' }), { maxItems: 400 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: ChangeResult, ...errors },
      },
    },
    async (req, reply) =>
      handleWrite(db, req, reply, async (ctx) =>
        applyDays(ctx, {
          regionId: await regionIdByCode(ctx.tx, req.body.region ?? undefined),
          days: req.body.days,
          replaceYears: [],
          removeDates: req.body.remove,
          source: 'edit',
        }),
      ),
  );

  const parseImport = async (body: { format: 'ics' | 'xlsx'; content: string }) => {
    const days = body.format === 'ics' ? parseIcs(body.content) : await parseSpreadsheet(Buffer.from(body.content, 'base64'));
    return { days, years: [...new Set(days.map((d) => Number(d.date.slice(0, 4))))] };
  };

  app.post(
    '/calendar/import/preview',
    {
      bodyLimit: 3 * 1024 * 1024,
      schema: {
        tags,
        summary: 'What an import would change, and how many open deadlines would move (nothing is saved)',
        body: ImportBody,
        response: { 200: ChangeResult, ...errors },
      },
    },
    async (req) => {
      requireAccess(req.actor, 'calendar.manage');
      const { days, years } = await parseImport(req.body);
      return previewChange(db, async (tx) =>
        applyDays(writeContext(tx, req.actor, req.id), {
          regionId: await regionIdByCode(tx, req.body.region ?? undefined),
          days,
          replaceYears: years,
          source: 'preview',
        }),
      );
    },
  );

  app.post(
    '/calendar/import',
    {
      bodyLimit: 3 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Import an arrangement from .ics or .xlsx; the years in the file are replaced',
        body: ImportBody,
        response: { 200: ChangeResult, ...errors },
      },
    },
    async (req, reply) => {
      requireAccess(req.actor, 'calendar.manage');
      const { days, years } = await parseImport(req.body);
      return handleWrite(db, req, reply, async (ctx) =>
        applyDays(ctx, { regionId: await regionIdByCode(ctx.tx, req.body.region ?? undefined), days, replaceYears: years, source: req.body.format }),
      );
    },
  );

  app.get(
    '/calendar/clocks/:id',
    {
      schema: {
        tags,
        summary: 'A clock: both limits with deadlines, elapsed and remaining time, pauses, extensions and history',
        params: IdParams,
        response: {
          200: Type.Object({
            id: Type.Integer(),
            ownerType: Type.String(),
            ownerId: Type.String(),
            state: Type.String(),
            startedAt: Type.String(),
            stoppedAt: Nullable(Type.String()),
            committed: LimitView,
            legal: LimitView,
            isOverdue: Type.Boolean(),
            nextAttentionAt: Nullable(Type.String()),
            version: Type.Integer(),
            pauses: Type.Array(
              Type.Object({ reason: Type.String(), note: Nullable(Type.String()), startedAt: Type.String(), endedAt: Nullable(Type.String()) }),
            ),
            extensions: Type.Array(
              Type.Object({ appliesTo: Type.String(), amount: Type.Integer(), reason: Type.String(), approvedBy: Type.Integer(), at: Type.String() }),
            ),
            changes: Type.Array(
              Type.Object({
                kind: Type.String(),
                note: Nullable(Type.String()),
                at: Type.String(),
                committedDueBefore: Nullable(Type.String()),
                committedDueAfter: Nullable(Type.String()),
                legalDueBefore: Nullable(Type.String()),
                legalDueAfter: Nullable(Type.String()),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      // clocks belong to cases and work orders: their owners' routes decide who may see them; here
      // supervisors and administrators look a clock up within their scope (a case's clock is where the case is)
      if (!req.actor) throw new AppError('UNAUTHENTICATED');
      requireAccess(req.actor, 'audit.read');
      const place = await db
        .selectFrom('clock as c')
        .leftJoin('kase as k', (j) => j.onRef('k.clock_id', '=', 'c.id'))
        .leftJoin('region as r', (j) => j.on(sql<boolean>`r.id = coalesce(k.region_id, c.region_id)`))
        .leftJoin('organization as o', 'o.id', 'k.organization_id')
        .select(['r.path as region_path', 'o.path as org_path'])
        .where('c.id', '=', req.params.id)
        .executeTakeFirst();
      if (!place) throw new AppError('NOT_FOUND');
      requireAccess(req.actor, 'audit.read', { regionPath: place.region_path ?? '', orgPath: place.org_path });
      return describeClock(db, req.params.id);
    },
  );
};
