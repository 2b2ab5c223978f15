import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../server/db/database.ts';
import { scopeFilter, type Scope } from '../../server/access.ts';
import { dayNumber, formatDate, parseDate } from '../../common/civil-date.ts';
import { caseKindKeys, changes, derive, emptySums, sumKeys, type CatalogCounts, type Figures, type Sums } from './definitions.ts';
import { counters } from './rollups.ts';
import { periodOf, previousPeriod, sameLastYear, trailing, usesMonthly, type Period, type PeriodKind } from './periods.ts';

export const groupKeys = ['region', 'organization', 'window', 'item', 'channel', 'kind'] as const;
export type GroupKey = (typeof groupKeys)[number];
export const channels = ['window', 'online', 'mobile', 'terminal', 'post'] as const;

export interface Filters {
  region?: number;
  organization?: number;
  item?: number;
  window?: number;
  channel?: (typeof channels)[number];
  caseKind?: 'immediate' | 'committed';
}

const f8 = (expr: string, name: string) => `coalesce(${expr}, 0)::float8 AS ${name}`;

/** The sums of one slice, from either rollup. Online uptake needs the online-capable items. */
function sumsSql(capable: number[]): RawBuilder<unknown> {
  return sql.join(
    [
      sql.raw(counters.map((k) => f8(`sum(m.${k})`, k)).join(', ')),
      sql.raw(f8(`sum(m.accepted) FILTER (WHERE m.case_kind = 'immediate')`, 'accepted_immediate')),
      sql.raw(f8(`sum(m.accepted) FILTER (WHERE m.case_kind = 'committed')`, 'accepted_committed')),
      sql.raw(f8(`sum(m.concluded) FILTER (WHERE m.case_kind = 'committed')`, 'concluded_committed')),
      sql`coalesce(sum(m.accepted) FILTER (WHERE m.item_id = ANY(${capable}::bigint[])), 0)::float8 AS accepted_capable`,
      sql`coalesce(sum(m.accepted) FILTER (WHERE m.item_id = ANY(${capable}::bigint[]) AND m.channel IN ('online', 'mobile')), 0)::float8 AS accepted_capable_online`,
    ],
    sql`, `,
  );
}

/**
 * The rollup rows' place (region and organization, for the scope and the region/organization
 * filters) is joined only when something asks for it: a city-wide reader without those filters sums
 * the rollup rows alone.
 */
const needsPlace = (scope: Scope, f: Filters) => !scope.all || !!f.region || !!f.organization;
const placeJoin = (scope: Scope, f: Filters) =>
  needsPlace(scope, f) ? sql`JOIN region r ON r.id = m.region_id JOIN organization o ON o.id = m.organization_id` : sql``;

function whereSql(scope: Scope, f: Filters): RawBuilder<boolean> {
  const parts: RawBuilder<unknown>[] = [needsPlace(scope, f) ? scopeFilter(scope, 'r.path', 'o.path') : sql`true`];
  if (f.region) parts.push(sql`r.path LIKE (SELECT path FROM region WHERE id = ${f.region}) || '%'`);
  if (f.organization) parts.push(sql`o.path LIKE (SELECT path FROM organization WHERE id = ${f.organization}) || '%'`);
  if (f.item) parts.push(sql`m.item_id = ${f.item}`);
  if (f.window) parts.push(sql`m.window_id = ${f.window}`);
  if (f.channel) parts.push(sql`m.channel = ${f.channel}`);
  if (f.caseKind) parts.push(sql`m.case_kind = ${f.caseKind}`);
  return sql<boolean>`${sql.join(parts, sql` AND `)}`;
}

interface Slice {
  kind: PeriodKind;
  from: number;
  to: number;
}

/** The rollup and its date column for a period kind: months, quarters and years read the monthly rollup. */
function source(kind: PeriodKind, from: number, to: number) {
  if (usesMonthly(kind)) {
    return { table: sql`metric_monthly m`, range: sql`m.month BETWEEN ${formatDate(from)}::date AND ${formatDate(to)}::date`, col: 'm.month' };
  }
  return { table: sql`metric_daily m`, range: sql`m.day BETWEEN ${formatDate(from)}::date AND ${formatDate(to)}::date`, col: 'm.day' };
}

const bucketOf: Record<PeriodKind, (col: string) => string> = {
  day: (c) => c,
  week: (c) => `date_trunc('week', ${c})::date`,
  month: (c) => c,
  quarter: (c) => `date_trunc('quarter', ${c})::date`,
  year: (c) => `date_trunc('year', ${c})::date`,
};

const toSums = (row: Record<string, unknown>): Sums => {
  const s = emptySums();
  for (const k of sumKeys) s[k] = Number(row[k] ?? 0);
  return s;
};

/** Sums per bucket of `kind` between `from` and `to`. */
async function sumsByBucket(db: Executor, scope: Scope, f: Filters, capable: number[], s: Slice): Promise<Map<string, Sums>> {
  const src = source(s.kind, s.from, s.to);
  const { rows } = await sql<Record<string, unknown> & { bucket: string }>`
    SELECT ${sql.raw(bucketOf[s.kind](src.col))}::text AS bucket, ${sumsSql(capable)}
    FROM ${src.table} ${placeJoin(scope, f)}
    WHERE ${src.range} AND ${whereSql(scope, f)}
    GROUP BY 1`.execute(db);
  return new Map(rows.map((r) => [r.bucket, toSums(r)]));
}

/** Each breakdown's key column, and its display name looked up once per group (`g.key`) after summing. */
const groupSql: Record<Exclude<GroupKey, 'kind'>, { key: string; name: string }> = {
  region: { key: 'm.region_id', name: '(SELECT name FROM region WHERE id = g.key)' },
  organization: { key: 'm.organization_id', name: '(SELECT coalesce(short_name, name) FROM organization WHERE id = g.key)' },
  window: {
    key: 'm.window_id',
    name: `CASE WHEN g.key = 0 THEN '' ELSE (SELECT h.name || ' ' || w.number || '号 ' || w.name FROM service_window w JOIN hall h ON h.id = w.hall_id WHERE w.id = g.key) END`,
  },
  item: {
    key: 'm.item_id',
    name: `(SELECT v.content ->> 'name' FROM item i JOIN item_version v ON v.id = coalesce(i.published_version_id, (SELECT max(id) FROM item_version WHERE item_id = i.id)) WHERE i.id = g.key)`,
  },
  channel: { key: 'm.channel', name: 'g.key' },
};

export interface BreakdownRow {
  key: string;
  name: string;
  figures: Figures;
}

async function breakdown(
  db: Executor,
  scope: Scope,
  f: Filters,
  capable: number[],
  catalog: CatalogCounts,
  p: Period,
  group: GroupKey,
): Promise<BreakdownRow[]> {
  if (group === 'kind') {
    const [sums] = [...(await sumsByBucket(db, scope, f, capable, { kind: p.kind, from: p.from, to: p.to })).values()];
    const fig = derive(sums ?? emptySums(), catalog);
    return caseKindKeys.map((k) => ({ key: k, name: k, figures: { ...fig, accepted: fig.kinds[k] } }));
  }
  const g = groupSql[group];
  const src = source(p.kind, p.from, p.to);
  const { rows } = await sql<Record<string, unknown> & { key_text: string; name: string | null }>`
    SELECT g.*, ${sql.raw(g.name)} AS name, g.key::text AS key_text FROM (
      SELECT ${sql.raw(g.key)} AS key, ${sumsSql(capable)}
      FROM ${src.table} ${placeJoin(scope, f)}
      WHERE ${src.range} AND ${whereSql(scope, f)}
      GROUP BY 1 ORDER BY sum(m.accepted) DESC, ${sql.raw(g.key)}::text LIMIT 200
    ) g ORDER BY g.accepted DESC, g.key::text`.execute(db);
  return rows.map((r) => ({ key: String(r.key_text), name: r.name ?? '', figures: derive(toSums(r), catalog) }));
}

/** Published items in scope, and those that can be handled online (online depth 3 or 4). */
export async function catalogCounts(db: Executor, scope: Scope, f: Filters): Promise<{ counts: CatalogCounts; capable: number[] }> {
  const parts: RawBuilder<unknown>[] = [scopeFilter(scope, 'r.path', 'o.path')];
  if (f.region) parts.push(sql`r.path LIKE (SELECT path FROM region WHERE id = ${f.region}) || '%'`);
  if (f.organization) parts.push(sql`o.path LIKE (SELECT path FROM organization WHERE id = ${f.organization}) || '%'`);
  if (f.item) parts.push(sql`i.id = ${f.item}`);
  const { rows } = await sql<{ id: string; capable: boolean }>`
    SELECT i.id::text, coalesce((v.content ->> 'onlineDepth')::int, 1) >= 3 AS capable
    FROM item i JOIN item_version v ON v.id = i.published_version_id
    JOIN region r ON r.id = i.region_id JOIN organization o ON o.id = i.organization_id
    WHERE i.status = 'published' AND ${sql.join(parts, sql` AND `)}`.execute(db);
  const capable = rows.filter((r) => r.capable).map((r) => Number(r.id));
  return { counts: { items: rows.length, onlineCapable: capable.length }, capable };
}

export interface DashboardInput {
  period: PeriodKind;
  date: string;
  groupBy: GroupKey;
  filters: Filters;
  trendLength?: number;
}

export const trendLengths: Record<PeriodKind, number> = { day: 14, week: 12, month: 12, quarter: 8, year: 5 };

/** The dashboard: the period's figures, the previous period's (环比), last year's (同比), a breakdown and a trend. */
export async function dashboard(db: Executor, scope: Scope, input: DashboardInput) {
  const anchor = parseDate(input.date) ?? dayNumber(new Date().getFullYear(), 1, 1);
  const period = periodOf(input.period, anchor);
  const previous = previousPeriod(period);
  const lastYear = sameLastYear(period);
  const { counts, capable } = await catalogCounts(db, scope, input.filters);
  const trendPeriods = trailing(period, input.trendLength ?? trendLengths[input.period]);
  const [byBucket, ly, rows] = await Promise.all([
    sumsByBucket(db, scope, input.filters, capable, { kind: period.kind, from: trendPeriods[0]!.from, to: period.to }),
    sumsByBucket(db, scope, input.filters, capable, { kind: period.kind, from: lastYear.from, to: lastYear.to }),
    breakdown(db, scope, input.filters, capable, counts, period, input.groupBy),
  ]);
  const figuresOf = (p: Period, map: Map<string, Sums>) => derive(map.get(formatDate(p.from)) ?? emptySums(), counts);
  const current = figuresOf(period, byBucket);
  const prev = figuresOf(previous, byBucket);
  const lastYearFigures = figuresOf(lastYear, ly);
  return {
    period: { kind: period.kind, from: formatDate(period.from), to: formatDate(period.to), label: period.label },
    previousLabel: previous.label,
    lastYearLabel: lastYear.label,
    current,
    previous: prev,
    lastYear: lastYearFigures,
    mom: changes(current, prev),
    yoy: changes(current, lastYearFigures),
    catalog: counts,
    breakdown: rows,
    trend: trendPeriods.map((p) => ({ label: p.label, from: formatDate(p.from), figures: figuresOf(p, byBucket) })),
  };
}
export type Dashboard = Awaited<ReturnType<typeof dashboard>>;
