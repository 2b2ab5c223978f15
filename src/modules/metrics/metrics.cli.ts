import type { Command } from 'commander';
import type { Runtime } from '../../server/runtime.ts';
import { rebuildMetrics } from './rebuild.ts';
import { generateHistory } from './generate.ts';

/** A progress bar on stderr (the figures go to stdout). */
export function progressBar(label: string) {
  const started = Date.now();
  let last = 0;
  return (done: number, total: number) => {
    const now = Date.now();
    if (done < total && now - last < 200) return;
    last = now;
    const width = 30;
    const filled = total > 0 ? Math.round((done / total) * width) : width;
    const seconds = ((now - started) / 1000).toFixed(1);
    process.stderr.write(
      `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${seconds}s`,
    );
    if (done >= total) process.stderr.write('\n');
  };
}

const positive = (name: string, max: number) => (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || n > max) throw new Error(`${name} must be a number between 1 and ${max}`);
  return n;
};

/** `onewindow metrics rebuild` and `onewindow generate`. */
export function metricsCommands(program: Command, withDatabase: <T>(fn: (rt: Runtime) => Promise<T>) => Promise<T>): void {
  const metrics = program.command('metrics').description('statistics');
  metrics
    .command('rebuild')
    .description("recompute every case's metric facts from its events and clock, then the rollups (gives the figures the event hook keeps)")
    .action(async () => {
      await withDatabase(async (rt) => {
        const started = Date.now();
        const { cases } = await rebuildMetrics(rt.deps.db, progressBar('rebuilding'));
        console.log(`rollups rebuilt from ${cases} cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      });
    });

  program
    .command('generate')
    .description('create a synthetic case history from the catalog (for trying the dashboards at scale)')
    .requiredOption('--cases <n>', 'how many cases', positive('--cases', 50_000_000))
    .option('--years <y>', 'over how many years, ending today', positive('--years', 30), 3)
    .option('--seed <s>', 'random seed', (v) => Number(v), 42)
    .action(async (opts: { cases: number; years: number; seed: number }) => {
      await withDatabase(async (rt) => {
        const started = Date.now();
        const r = await generateHistory(rt.deps, { cases: Math.round(opts.cases), years: opts.years, seed: opts.seed, progress: progressBar('generating') });
        console.log(`generated ${r.cases} cases from ${r.from} to ${r.to} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      });
    });
}
