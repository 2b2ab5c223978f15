import { sql, type SelectQueryBuilder } from 'kysely';
import type { Executor } from './database.ts';

/** A page of a list: its items and how many rows the list's filters match in all. */
export interface ListPage<Item> {
  total: number;
  items: Item[];
}

/** A page whose total is counted up to a limit: `totalCapped` says more rows match than `total` (the limit). */
export interface CappedListPage<Item> extends ListPage<Item> {
  totalCapped: boolean;
}

/**
 * One page of a filtered list query and its total, read in parallel. `select` adds the columns, the
 * joins only the page needs and the order; the total counts `query` as it is, with its filters.
 * `view` shapes each row for the reply.
 */
export async function listPage<DB, TB extends keyof DB, O, PageDB, PageTB extends keyof PageDB, Row, Item>(
  query: SelectQueryBuilder<DB, TB, O>,
  page: { limit: number; offset: number },
  select: (q: SelectQueryBuilder<DB, TB, O>) => SelectQueryBuilder<PageDB, PageTB, Row>,
  view: (row: Row) => Item,
): Promise<ListPage<Item>> {
  const [rows, total] = await Promise.all([
    select(query).limit(page.limit).offset(page.offset).execute(),
    query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { total: (total as { n: number }).n, items: rows.map((r) => view(r as Row)) };
}

/**
 * As `listPage`, for a list that can hold millions of rows (a city's cases): the total is counted up to
 * `countUpTo` and no further, so that a page costs what its rows and the count's limit cost, not what the
 * whole table does; past the limit the page says `totalCapped` and `total` is the limit.
 */
export async function cappedListPage<DB, TB extends keyof DB, O, PageDB, PageTB extends keyof PageDB, Row, Item>(
  db: Executor,
  query: SelectQueryBuilder<DB, TB, O>,
  page: { limit: number; offset: number },
  select: (q: SelectQueryBuilder<DB, TB, O>) => SelectQueryBuilder<PageDB, PageTB, Row>,
  view: (row: Row) => Item,
  countUpTo: number,
): Promise<CappedListPage<Item>> {
  const counted = query.select(sql<number>`1`.as('one')).limit(countUpTo + 1);
  const [rows, total] = await Promise.all([
    select(query).limit(page.limit).offset(page.offset).execute(),
    sql<{ n: number }>`SELECT count(*)::int AS n FROM (${counted}) AS counted`.execute(db),
  ]);
  const n = total.rows[0]!.n;
  return { total: Math.min(n, countUpTo), totalCapped: n > countUpTo, items: rows.map((r) => view(r as Row)) };
}
