import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { sql } from 'kysely';
import { errors, IdParams } from '../../server/schemas.ts';
import { handleWrite } from '../../server/write.ts';
import { AppError } from '../../server/errors.ts';
import { hasPermission, requireAccess, scopeFilter, scopeOf, type Actor } from '../../server/access.ts';
import { formatDate, parseDate } from '../../common/civil-date.ts';
import { periodKinds } from './periods.ts';
import { channels, dashboard, groupKeys, type DashboardInput, type Filters } from './queries.ts';
import { centerFor, monthRange, nameRedFlag, ranking, readSettings, staffPerformance, windowInScope, workLog, writeLog, writeSettings } from './windows.ts';
import { dashboardWorkbook, monthlyReportPdf, rowName } from './exports.ts';
import { dateOfInstant } from '../../common/civil-date.ts';
import { localOffsetMinutes } from './rollups.ts';
import { drainMetrics } from './feed.ts';

const tags = ['metrics'];
const ok = { 200: Type.Unknown(), ...errors };
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Month = Type.String({ pattern: '^\\d{4}-\\d{2}$' });
const Id = Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 });
const FilterQuery = {
  region: Type.Optional(Id),
  organization: Type.Optional(Id),
  item: Type.Optional(Id),
  window: Type.Optional(Id),
  channel: Type.Optional(Type.Union(channels.map((c) => Type.Literal(c)))),
  kind: Type.Optional(Type.Union([Type.Literal('immediate'), Type.Literal('committed')])),
};
const DashboardQuery = Type.Object(
  {
    period: Type.Optional(Type.Union(periodKinds.map((p) => Type.Literal(p)))),
    date: Type.Optional(Day),
    groupBy: Type.Optional(Type.Union(groupKeys.map((g) => Type.Literal(g)))),
    ...FilterQuery,
  },
  { additionalProperties: false },
);
type DashboardQuery = {
  period?: DashboardInput['period'];
  date?: string;
  groupBy?: DashboardInput['groupBy'];
  region?: number;
  organization?: number;
  item?: number;
  window?: number;
  channel?: Filters['channel'];
  kind?: Filters['caseKind'];
};
const Weights = Type.Object(
  {
    volume: Type.Integer({ minimum: 0, maximum: 100 }),
    timeliness: Type.Integer({ minimum: 0, maximum: 100 }),
    rating: Type.Integer({ minimum: 0, maximum: 100 }),
  },
  { additionalProperties: false },
);

export const today = () => formatDate(dateOfInstant(Date.now(), localOffsetMinutes));
const thisMonth = () => today().slice(0, 7);

function inputOf(q: DashboardQuery): DashboardInput {
  if (q.date !== undefined && parseDate(q.date) === undefined) throw new AppError('VALIDATION_FAILED', { field: 'date' });
  return {
    period: q.period ?? 'month',
    date: q.date ?? today(),
    groupBy: q.groupBy ?? 'organization',
    filters: { region: q.region, organization: q.organization, item: q.item, window: q.window, channel: q.channel, caseKind: q.kind },
  };
}

function readScope(actor: Actor | null | undefined) {
  requireAccess(actor, 'metrics.read');
  return scopeOf(actor, 'metrics.read');
}

/** Statistics (统计): dashboards, exports, the monthly report, the big screen and window management. */
export const metricsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.deps;
  // a reader first counts what the feed has not yet: the figures never lag behind a committed action (should
  // that fail, the reader still gets the figures as they are, and the feed tries again)
  app.addHook('preHandler', async (req) => {
    if (req.method !== 'GET' || !req.actor) return;
    await drainMetrics(db, undefined, (caseId, error) => req.log.error({ err: error, caseId }, 'metrics feed: a case set aside')).catch((error: unknown) =>
      req.log.error({ err: error }, 'metrics feed failed'),
    );
  });

  app.get(
    '/metrics/dashboard',
    {
      schema: {
        tags,
        summary: 'The dashboard: figures of a period with 环比 and 同比, a breakdown and a trend, from the rollups',
        querystring: DashboardQuery,
        response: ok,
      },
    },
    async (req) => dashboard(db, readScope(req.actor), inputOf(req.query)),
  );

  app.get('/metrics/dashboard.xlsx', { schema: { tags, summary: 'The dashboard as a spreadsheet', querystring: DashboardQuery } }, async (req, reply) => {
    const input = inputOf(req.query);
    const d = await dashboard(db, readScope(req.actor), input);
    for (const r of d.breakdown) r.name = rowName(input.groupBy, r.key, r.name);
    const file = await dashboardWorkbook(d, input.groupBy, `政务服务统计 ${d.period.label}`);
    reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="metrics-${d.period.label}.xlsx"`);
    return reply.send(file);
  });

  app.get(
    '/metrics/report.pdf',
    {
      schema: {
        tags,
        summary: 'The monthly report (月度报告) as a PDF',
        querystring: Type.Object({ month: Type.Optional(Month), region: Type.Optional(Id), organization: Type.Optional(Id) }, { additionalProperties: false }),
      },
    },
    async (req, reply) => {
      const scope = readScope(req.actor);
      const month = req.query.month ?? thisMonth();
      const { from } = monthRange(month);
      const filters: Filters = { region: req.query.region, organization: req.query.organization };
      const d = await dashboard(db, scope, { period: 'month', date: formatDate(from), groupBy: 'organization', filters });
      const center = await centerFor(db, scope);
      const settings = center ? await readSettings(db, center.id) : null;
      const rank = await ranking(db, scope, month, settings?.minCases ?? 1);
      const redFlag = rank.redFlags.map((r) => `${r.hall} ${r.windowName ?? ''}`.trim()).join('、') || null;
      const pdf = await monthlyReportPdf({
        title: `政务服务月度统计报告（${month}）`,
        scopeName: center?.name ?? '政务服务中心',
        month: d,
        departments: d.breakdown,
        windows: rank.windows,
        departmentRank: rank.departments,
        redFlag,
        generatedAt: new Date(),
      });
      reply.type('application/pdf').header('content-disposition', `inline; filename="report-${month}.pdf"`);
      return reply.send(pdf);
    },
  );

  app.get(
    '/metrics/live',
    { schema: { tags, summary: 'The big screen: today, this month, the last 30 days and the best windows', response: ok } },
    async (req) => {
      const scope = readScope(req.actor);
      const date = today();
      const [day, month, days, rank] = await Promise.all([
        dashboard(db, scope, { period: 'day', date, groupBy: 'channel', filters: {}, trendLength: 2 }),
        dashboard(db, scope, { period: 'month', date, groupBy: 'organization', filters: {}, trendLength: 12 }),
        dashboard(db, scope, { period: 'day', date, groupBy: 'kind', filters: {}, trendLength: 30 }),
        ranking(db, scope, date.slice(0, 7), 1),
      ]);
      return {
        at: new Date().toISOString(),
        today: day.current,
        channels: day.breakdown.map((b) => ({ key: b.key, received: b.figures.received, accepted: b.figures.accepted })),
        month: month.current,
        monthLabel: month.period.label,
        departments: month.breakdown
          .slice(0, 10)
          .map((b) => ({ name: b.name, accepted: b.figures.accepted, completed: b.figures.completed, onTimeRate: b.figures.onTimeRate })),
        departmentsTotal: month.breakdown.length,
        months: month.trend.map((t) => ({ label: t.label, accepted: t.figures.accepted, completed: t.figures.completed })),
        days: days.trend.map((t) => ({ label: t.label, accepted: t.figures.accepted, completed: t.figures.completed })),
        windows: rank.windows.slice(0, 5),
        windowsRanked: rank.windows.length,
      };
    },
  );

  app.get('/metrics/options', { schema: { tags, summary: 'Regions, departments, windows and items in scope, for filters', response: ok } }, async (req) => {
    const scope = readScope(req.actor);
    const f = scopeFilter(scope, 'r.path', 'o.path');
    const [regions, organizations, windows, items] = await Promise.all([
      sql<{
        id: string;
        name: string;
      }>`SELECT DISTINCT r.id::text, r.name FROM organization o JOIN region r ON r.id = o.region_id WHERE o.kind = 'center' AND ${f} ORDER BY 1`.execute(db),
      sql<{
        id: string;
        name: string;
      }>`SELECT o.id::text, coalesce(o.short_name, o.name) AS name FROM organization o JOIN region r ON r.id = o.region_id WHERE o.kind IN ('department', 'unit', 'center') AND ${f} ORDER BY o.id`.execute(
        db,
      ),
      sql<{ id: string; name: string; hall_id: string }>`
          SELECT w.id::text, h.name || ' ' || w.number || '号 ' || w.name AS name, h.id::text AS hall_id FROM service_window w JOIN hall h ON h.id = w.hall_id
          JOIN region r ON r.id = h.region_id JOIN organization o ON o.id = h.organization_id WHERE w.is_active AND ${f} ORDER BY h.id, w.id`.execute(db),
      sql<{ id: string; name: string }>`
          SELECT i.id::text, v.content ->> 'name' AS name FROM item i JOIN item_version v ON v.id = i.published_version_id
          JOIN region r ON r.id = i.region_id JOIN organization o ON o.id = i.organization_id WHERE i.status = 'published' AND ${f} ORDER BY i.id`.execute(db),
    ]);
    const num = (rows: { id: string; name: string }[]) => rows.map((r) => ({ id: Number(r.id), name: r.name }));
    return {
      regions: num(regions.rows),
      organizations: num(organizations.rows),
      windows: windows.rows.map((w) => ({ id: Number(w.id), name: w.name, hallId: Number(w.hall_id) })),
      items: num(items.rows),
      canManage: hasPermission(req.actor, 'metrics.manage'),
    };
  });

  app.get(
    '/metrics/ranking',
    {
      schema: {
        tags,
        summary: 'Monthly efficiency ranking of windows and departments (top three praised, bottom three flagged) and the red-flag window',
        querystring: Type.Object({ month: Type.Optional(Month) }, { additionalProperties: false }),
        response: ok,
      },
    },
    async (req) => {
      const scope = readScope(req.actor);
      const center = await centerFor(db, scope);
      const settings = center ? await readSettings(db, center.id) : null;
      return ranking(db, scope, req.query.month ?? thisMonth(), settings?.minCases ?? 1);
    },
  );

  app.get(
    '/metrics/staff',
    {
      schema: {
        tags,
        summary: "Staff performance scores of a month with the center's weights",
        querystring: Type.Object({ month: Type.Optional(Month), center: Type.Optional(Id) }, { additionalProperties: false }),
        response: ok,
      },
    },
    async (req) => {
      const scope = readScope(req.actor);
      const center = await centerFor(db, scope, req.query.center);
      if (req.query.center && !center) throw new AppError('NOT_FOUND');
      const settings = center ? await readSettings(db, center.id) : null;
      const weights = settings?.weights ?? { volume: 40, timeliness: 40, rating: 20 };
      const month = req.query.month ?? thisMonth();
      monthRange(month);
      return { month, center: center && { id: center.id, name: center.name }, weights, staff: await staffPerformance(db, scope, month, weights) };
    },
  );

  app.get(
    '/metrics/settings',
    {
      schema: {
        tags,
        summary: "A center's assessment settings",
        querystring: Type.Object({ center: Type.Optional(Id) }, { additionalProperties: false }),
        response: ok,
      },
    },
    async (req) => {
      const scope = readScope(req.actor);
      const center = await centerFor(db, scope, req.query.center);
      if (!center) throw new AppError('NOT_FOUND');
      return { ...(await readSettings(db, center.id)), centerName: center.name };
    },
  );

  app.put(
    '/metrics/settings',
    {
      schema: {
        tags,
        summary: 'Set the performance-score weights (adding up to 100) and the smallest ranked volume of a center',
        body: Type.Object(
          {
            center: Id,
            weights: Weights,
            minCases: Type.Integer({ minimum: 0, maximum: 100000 }),
            expectedVersion: Type.Optional(Type.Integer({ minimum: 0 })),
          },
          { additionalProperties: false },
        ),
        response: ok,
      },
    },
    async (req, reply) => {
      requireAccess(req.actor, 'metrics.manage');
      const center = await centerFor(db, scopeOf(req.actor, 'metrics.manage'), req.body.center);
      if (!center) throw new AppError('NOT_FOUND');
      return handleWrite(db, req, reply, (ctx) => writeSettings(ctx, center.id, req.body));
    },
  );

  const windowAccess = async (actor: Actor | null | undefined, windowId: number, write: boolean) => {
    if (!actor) throw new AppError('UNAUTHENTICATED');
    const staffed = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM window_staff WHERE window_id = ${windowId} AND account_id = ${actor.accountId}`.execute(db);
    if (staffed.rows[0]!.n > 0) return windowInScope(db, { all: true }, windowId);
    const permission = write ? 'metrics.manage' : 'metrics.read';
    requireAccess(actor, permission);
    return windowInScope(db, scopeOf(actor, permission), windowId);
  };

  app.get(
    '/metrics/windows/:id/log',
    {
      schema: {
        tags,
        summary: "A window's daily work log (工作日志): staff on duty, cases handled, remarks",
        params: IdParams,
        querystring: Type.Object({ from: Type.Optional(Day), to: Type.Optional(Day) }, { additionalProperties: false }),
        response: ok,
      },
    },
    async (req) => {
      const window = await windowAccess(req.actor, req.params.id, false);
      const to = parseDate(req.query.to ?? today());
      const from = req.query.from ? parseDate(req.query.from) : to === undefined ? undefined : to - 30;
      if (to === undefined || from === undefined || from > to || to - from > 366)
        throw new AppError('VALIDATION_FAILED', { field: 'from', reason: 'a range of at most a year' });
      return { window, from: formatDate(from), to: formatDate(to), ...(await workLog(db, window.id, from, to)) };
    },
  );

  app.put(
    '/metrics/windows/:id/log/:day',
    {
      schema: {
        tags,
        summary: "Write a day's remarks (and who was on duty) in a window's work log: the window's staff or the center",
        params: Type.Object({ id: Id, day: Day }),
        body: Type.Object(
          {
            remarks: Type.String({ maxLength: 2000 }),
            onDuty: Type.Optional(Type.Array(Id, { maxItems: 20, uniqueItems: true })),
            expectedVersion: Type.Optional(Type.Integer({ minimum: 0 })),
          },
          { additionalProperties: false },
        ),
        response: ok,
      },
    },
    async (req, reply) => {
      const window = await windowAccess(req.actor, req.params.id, true);
      if (parseDate(req.params.day) === undefined || req.params.day > today())
        throw new AppError('VALIDATION_FAILED', { field: 'day', reason: 'a past or current day' });
      return handleWrite(db, req, reply, (ctx) => writeLog(ctx, window.id, req.params.day, req.body));
    },
  );

  app.post(
    '/metrics/red-flags',
    {
      schema: {
        tags,
        summary: 'Name the red-flag window (红旗窗口) of a month for a hall (once per hall and month)',
        body: Type.Object({ windowId: Id, month: Month, note: Type.String({ maxLength: 500 }) }, { additionalProperties: false }),
        response: ok,
      },
    },
    async (req, reply) => {
      requireAccess(req.actor, 'metrics.manage');
      const window = await windowInScope(db, scopeOf(req.actor, 'metrics.manage'), req.body.windowId);
      const { to } = monthRange(req.body.month);
      if (formatDate(to) > today() && req.body.month !== thisMonth())
        throw new AppError('VALIDATION_FAILED', { field: 'month', reason: 'a past or current month' });
      const rank = await ranking(db, scopeOf(req.actor, 'metrics.read'), req.body.month, 0);
      const score = rank.windows.find((w) => w.id === window.id)?.score ?? null;
      return handleWrite(
        db,
        req,
        reply,
        (ctx) => nameRedFlag(ctx, { hallId: window.hallId, month: req.body.month, windowId: window.id, note: req.body.note, score }),
        201,
      );
    },
  );
};
