import { sql, type SelectQueryBuilder } from 'kysely';

/** A page of a list: its items and how many rows the list's filters match in all. */
export interface ListPage<Item> {
  total: number;
  items: Item[];
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
