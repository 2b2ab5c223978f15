/**
 * The monthly dashboard query at two sizes of history, in the same run: BENCH_SMALL cases (default
 * 100,000) and BENCH_LARGE cases (default 10,000,000), each generated with `generateHistory` over
 * BENCH_YEARS years (default 3) into its own database on one embedded PostgreSQL. Prints the median
 * time of the dashboard (this month, by department, with 环比, 同比 and the 12-month trend) at both
 * sizes and their ratio (target ≤ 2).
 *
 *   npm run bench:dashboard
 *   BENCH_LARGE=2000000 npm run bench:dashboard
 */
import pg from 'pg';
import { generateHistory } from '../src/modules/metrics/generate.ts';
import { dashboard } from '../src/modules/metrics/queries.ts';
import { progressBar } from '../src/modules/metrics/metrics.cli.ts';
import { scratchCluster } from './scratch.ts';

const small = Number(process.env.BENCH_SMALL ?? 100_000);
const large = Number(process.env.BENCH_LARGE ?? 10_000_000);
const years = Number(process.env.BENCH_YEARS ?? 3);
const runs = Number(process.env.BENCH_RUNS ?? 30);
const port = Number(process.env.BENCH_PG_PORT ?? 54641);

const cluster = await scratchCluster('dashboard', port);

/** A database with `cases` generated cases, ready to query: its pool and its dashboard call. */
async function prepare(name: string, cases: number) {
  const { url, handle, deps } = await cluster.center(name, 4);
  const started = Date.now();
  await generateHistory(deps, { cases, years, progress: progressBar(`generating ${cases.toLocaleString('en')}`) });
  const generation = (Date.now() - started) / 1000;
  const raw = new pg.Client({ connectionString: url });
  await raw.connect();
  await raw.query('VACUUM ANALYZE');
  const rollupRows = Number((await raw.query('SELECT count(*) AS n FROM metric_daily')).rows[0].n);
  await raw.end();
  console.log(
    `${cases.toLocaleString('en').padStart(12)} cases: generated in ${generation.toFixed(0)} s, ${rollupRows.toLocaleString('en')} daily rollup rows`,
  );
  const date = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const input = { period: 'month' as const, date, groupBy: 'organization' as const, filters: {} };
  return { cases, handle, query: () => dashboard(handle.db, { all: true }, input) };
}

const sizes: Awaited<ReturnType<typeof prepare>>[] = [];
try {
  sizes.push(await prepare('bench_small', small));
  sizes.push(await prepare('bench_large', large));
  // both timed at the end, in alternation, so that both see the same machine
  for (const s of sizes) for (let i = 0; i < 5; i++) await s.query(); // warm
  const times = sizes.map(() => [] as number[]);
  for (let i = 0; i < runs; i++)
    for (const [k, s] of sizes.entries()) {
      const t = performance.now();
      await s.query();
      times[k]!.push(performance.now() - t);
    }
  const medians = times.map((t) => {
    t.sort((a, b) => a - b);
    return { median: t[Math.floor(t.length / 2)]!, min: t[0]!, max: t[t.length - 1]! };
  });
  for (const [k, s] of sizes.entries())
    console.log(
      `${s.cases.toLocaleString('en').padStart(12)} cases: monthly dashboard median ${medians[k]!.median.toFixed(1)} ms (min ${medians[k]!.min.toFixed(1)}, max ${medians[k]!.max.toFixed(1)})`,
    );
  console.log(`ratio ${large.toLocaleString('en')} / ${small.toLocaleString('en')}: ${(medians[1]!.median / medians[0]!.median).toFixed(2)} (target ≤ 2)`);
} finally {
  await cluster.stop();
}
