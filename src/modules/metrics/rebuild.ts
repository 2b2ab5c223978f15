import { sql } from 'kysely';
import type { Db, Executor } from '../../server/db/database.ts';
import { computeFacts, counters, dimensions, staffContributions, staffRatingContributions, upsertStaff } from './rollups.ts';

const list = (names: readonly string[]) => sql.raw(names.join(', '));
const sums = (names: readonly string[]) => sql.raw(names.map((n) => `sum(${n})`).join(', '));

/** Sum every fact row's contribution into fresh rollups (the bulk half of a rebuild; the generator uses it too). */
export async function aggregateRollups(tx: Executor): Promise<void> {
  await sql`TRUNCATE metric_daily, metric_monthly, metric_staff_daily`.execute(tx);
  await sql`
    INSERT INTO metric_daily (day, ${list(dimensions)}, ${list(counters)})
    SELECT c.day, ${sql.raw(dimensions.map((d) => `f.${d}`).join(', '))}, ${sql.raw(counters.map((n) => `sum(c.${n})`).join(', '))}
    FROM metric_case f CROSS JOIN LATERAL metric_contrib(ROW(f.*)::metric_case, 1) c
    GROUP BY c.day, ${sql.raw(dimensions.map((d) => `f.${d}`).join(', '))}`.execute(tx);
  await sql`
    INSERT INTO metric_monthly (month, ${list(dimensions)}, ${list(counters)})
    SELECT date_trunc('month', day)::date, ${list(dimensions)}, ${sums(counters)}
    FROM metric_daily GROUP BY 1, ${list(dimensions)}`.execute(tx);
  await upsertStaff(sql`${staffContributions(sql`true`)} UNION ALL ${staffRatingContributions(sql`true`)}`).execute(tx);
}

/**
 * Recompute every case's facts from its events and clock, then the rollups from the facts, in one
 * transaction (readers see the old figures until it commits). What the feed would have produced.
 */
export async function rebuildMetrics(db: Db, progress?: (done: number, total: number) => void, batch = 5000): Promise<{ cases: number }> {
  return db.transaction().execute(async (tx) => {
    await sql`LOCK TABLE metric_case, metric_daily, metric_monthly, metric_staff_daily IN EXCLUSIVE MODE`.execute(tx);
    // what the feed has not counted yet is counted here: its rows go, and actions counting more wait for the commit
    await sql`LOCK TABLE metric_pending IN SHARE ROW EXCLUSIVE MODE`.execute(tx);
    await sql`DELETE FROM metric_pending`.execute(tx);
    const total = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM kase`.execute(tx)).rows[0]!.n);
    let last = 0;
    let done = 0;
    for (;;) {
      const ids = (await sql<{ id: string }>`SELECT id::text FROM kase WHERE id > ${last} ORDER BY id LIMIT ${batch}`.execute(tx)).rows.map((r) =>
        Number(r.id),
      );
      if (ids.length === 0) break;
      const facts = await computeFacts(tx, ids);
      await sql`DELETE FROM metric_case WHERE case_id = ANY(${ids}::bigint[])`.execute(tx);
      await sql`INSERT INTO metric_case SELECT * FROM jsonb_populate_recordset(null::metric_case, ${JSON.stringify(facts.map((f) => ({ ...f, updated_at: new Date().toISOString() })))}::jsonb)`.execute(
        tx,
      );
      last = ids[ids.length - 1]!;
      done += ids.length;
      progress?.(done, total);
    }
    await aggregateRollups(tx);
    return { cases: done };
  });
}
