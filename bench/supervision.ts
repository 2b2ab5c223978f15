/**
 * One supervision sweep with 1,000 due clocks among 10,000 open cases, then among 1,000,000 open
 * cases, in the same run on a scratch database. Prints both times and their ratio (target ≤ 1.5):
 * the sweep reads only the clocks whose next attention moment passed, through the partial index, so
 * its cost must grow with what is due, not with what is open. Also times the console's head line (running
 * cases and open tasks by light, for the city-wide supervisor) at both sizes.
 *
 *   npm run bench:supervision [-- --small 10000 --large 1000000 --due 1000]
 */
import pg from 'pg';
import { arg, scratchCluster } from './scratch.ts';
import { runSupervisionSweep } from '../src/modules/supervision/sweep.ts';
import { supervisionSummary } from '../src/modules/supervision/console.queries.ts';
import { loadActor } from '../src/modules/identity/accounts.service.ts';

const small = arg('small', 10_000);
const large = arg('large', 1_000_000);
const due = arg('due', 1_000);
const port = arg('port', 54631);

const cluster = await scratchCluster('supervision', port);
try {
  process.stdout.write('preparing: migrate and demo data … ');
  const { url, handle } = await cluster.center('onewindow', 4);
  console.log('done');

  const raw = new pg.Client({ connectionString: url });
  await raw.connect();
  const base = (
    await raw.query(`
      SELECT v.item_id, v.id AS version_id, i.organization_id, o.region_id, (SELECT id FROM applicant ORDER BY id LIMIT 1) AS applicant_id
      FROM item_version v JOIN item i ON i.id = v.item_id JOIN organization o ON o.id = i.organization_id
      WHERE v.state = 'published' ORDER BY v.id LIMIT 1`)
  ).rows[0] as { item_id: number; version_id: number; organization_id: number; region_id: number; applicant_id: number };

  /**
   * Open cases `from`..`to` (by number) with running clocks that are not due: accepted today, five
   * working days committed and twenty legal, their next attention moment days ahead. Bulk SQL.
   */
  async function addOpenCases(from: number, to: number) {
    const t0 = performance.now();
    for (let lo = from; lo <= to; lo += 200_000) {
      const hi = Math.min(to, lo + 199_999);
      await raw.query('BEGIN');
      await raw.query(
        `INSERT INTO kase (number, item_id, item_version_id, organization_id, region_id, applicant_id, channel, case_kind, status,
                           form_enc, subject, received_at, notice_due_at, accepted_at)
         SELECT 'BENCH' || lpad(g::text, 9, '0'), $3, $4, $5, $6, $7, 'window', 'committed', 'in_progress',
                'x', '基准测试办件 ' || g, now() - interval '1 hour', now() + interval '7 days', now()
         FROM generate_series($1::int, $2::int) g`,
        [lo, hi, base.item_id, base.version_id, base.organization_id, base.region_id, base.applicant_id],
      );
      await raw.query(
        `INSERT INTO clock (owner_type, owner_id, region_id, started_at, committed_limit, committed_unit, committed_due_at,
                            legal_limit, legal_unit, legal_due_at, next_attention_at, warn_at)
         SELECT 'case', k.id::text, k.region_id, k.accepted_at, 5, 'workday', now() + interval '7 days',
                20, 'workday', now() + interval '28 days', now() + interval '5 days', now() + interval '5 days'
         FROM kase k WHERE k.number BETWEEN 'BENCH' || lpad($1::text, 9, '0') AND 'BENCH' || lpad($2::text, 9, '0')`,
        [lo, hi],
      );
      await raw.query(
        `UPDATE kase k SET clock_id = c.id FROM clock c
         WHERE c.owner_type = 'case' AND c.owner_id = k.id::text AND k.number BETWEEN 'BENCH' || lpad($1::text, 9, '0') AND 'BENCH' || lpad($2::text, 9, '0')`,
        [lo, hi],
      );
      await raw.query('COMMIT');
    }
    await raw.query('VACUUM ANALYZE kase');
    await raw.query('VACUUM ANALYZE clock');
    return (performance.now() - t0) / 1000;
  }

  /** Make `due` clocks of the cases `from`..`to` due: started six days ago (the yellow or red moment passed). */
  async function makeDue(from: number, to: number) {
    await raw.query(
      `UPDATE clock c SET started_at = now() - interval '6 days', next_attention_at = now() - interval '1 minute', warn_at = now() - interval '1 minute'
       FROM kase k
       WHERE k.clock_id = c.id AND k.number IN (
         SELECT 'BENCH' || lpad(g::text, 9, '0') FROM generate_series($1::int, $2::int, greatest(1, ($2::int - $1::int + 1) / $3::int)) g LIMIT $3)`,
      [from, to, due],
    );
    const n = (await raw.query('SELECT count(*)::int AS n FROM clock WHERE next_attention_at <= now()')).rows[0].n as number;
    if (n !== due) throw new Error(`expected ${due} due clocks, found ${n}`);
    await raw.query('ANALYZE clock');
  }

  async function sweep(open: number) {
    const t0 = performance.now();
    const r = await runSupervisionSweep(handle.db);
    const seconds = (performance.now() - t0) / 1000;
    if (r.clocks !== due || r.raised < due) throw new Error(`the sweep saw ${r.clocks} clocks and raised ${r.raised} warnings; expected ${due}`);
    const left = (await raw.query('SELECT count(*)::int AS n FROM clock WHERE next_attention_at <= now()')).rows[0].n as number;
    if (left !== 0) throw new Error(`${left} clocks still due after the sweep`);
    console.log(
      `sweep: ${due.toLocaleString('en')} due clocks among ${open.toLocaleString('en')} open cases: ${seconds.toFixed(3)} s (${r.raised} warnings raised)`,
    );
    return seconds;
  }

  const supervisorId = (await raw.query(`SELECT id FROM account WHERE username = 'supervisor1'`)).rows[0].id as number;
  const supervisor = await loadActor(handle.db, supervisorId, 'session');
  /** The console's head line, median of a few runs after one warm-up. */
  async function consoleSummary(open: number) {
    await supervisionSummary(handle.db, supervisor);
    const times: number[] = [];
    let running = 0;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const summary = await supervisionSummary(handle.db, supervisor);
      times.push(performance.now() - t0);
      running = summary.cases.green + summary.cases.yellow + summary.cases.red;
    }
    times.sort((a, b) => a - b);
    if (running < open) throw new Error(`the console counted ${running} running cases; expected at least ${open}`);
    console.log(`console head line: ${running.toLocaleString('en')} running cases by light: median ${times[2]!.toFixed(1)} ms`);
    return times[2]!;
  }

  // warm up the pool, the calendar cache and the plans on a handful of clocks
  let created = await addOpenCases(1, small);
  console.log(`created ${small.toLocaleString('en')} open cases with clocks in ${created.toFixed(1)} s`);
  await raw.query(`UPDATE clock SET next_attention_at = now() - interval '1 minute' WHERE id IN (SELECT id FROM clock ORDER BY id DESC LIMIT 20)`);
  await runSupervisionSweep(handle.db);
  await raw.query('DELETE FROM supervision_warning');

  await makeDue(1, small);
  const tSmall = await sweep(small);
  const cSmall = await consoleSummary(small);

  created = await addOpenCases(small + 1, large);
  console.log(`created ${(large - small).toLocaleString('en')} more open cases with clocks in ${created.toFixed(1)} s`);
  await raw.query('DELETE FROM supervision_warning');
  await makeDue(small + 1, large);
  const tLarge = await sweep(large);
  const cLarge = await consoleSummary(large);

  console.log(
    `console head line: ${cSmall.toFixed(1)} ms at ${small.toLocaleString('en')} vs ${cLarge.toFixed(1)} ms at ${large.toLocaleString('en')} open cases`,
  );
  console.log(`ratio: ${large.toLocaleString('en')} / ${small.toLocaleString('en')} open cases = ${(tLarge / tSmall).toFixed(2)}  (target ≤ 1.5)`);
  await raw.end();
} finally {
  await cluster.stop();
}
