import path from 'node:path';
import { sql } from 'kysely';
import { PgBoss } from 'pg-boss';
import pino from 'pino';
import type { Config } from './config.ts';
import { connect, type DbHandle } from './db/database.ts';
import { startEmbeddedPostgres, type EmbeddedCluster } from './db/embedded.ts';
import { migrate } from './db/migrate.ts';
import { makeDeps, type Deps } from './deps.ts';
import { startOutboxDispatcher, drainOutbox } from './events.ts';
import { listenForReferenceChanges } from './db/reference-cache.ts';
import { sealAudit } from '../modules/audit/audit.service.ts';
import { purgeSessions } from '../modules/identity/sessions.service.ts';
import { purgeIdempotencyKeys } from './write.ts';
import { runSupervisionJob } from '../modules/supervision/jobs.ts';
import { purgeExpiredDrafts } from '../modules/cases/drafts.ts';
import { lapseUnsupplemented, remindCommitmentChecksDue, remindLicensesExpiring, remindSupplementDue, remindToleratedDue } from '../modules/cases/reminders.ts';
import { startMetricsFeed } from '../modules/metrics/feed.ts';

export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  redact: ['req.headers.cookie', 'req.headers.authorization', '*.password', '*.idNumber', '*.phone'],
});

export interface Runtime {
  deps: Deps;
  url: string;
  /** Migrations applied when the database was opened. */
  applied: string[];
  close(): Promise<void>;
}

/** Connect to the configured database (starting the embedded one when DATABASE_URL is unset) and migrate it. */
export async function openDatabase(config: Config): Promise<Runtime> {
  let cluster: EmbeddedCluster | undefined;
  let url = config.databaseUrl;
  if (!url) {
    logger.info({ dir: path.join(config.dataDir, 'pg'), port: config.embeddedPgPort }, 'starting embedded PostgreSQL');
    cluster = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort);
    url = cluster.url;
  }
  let handle: DbHandle | undefined;
  let applied: string[];
  try {
    applied = await migrate(url, (m) => logger.info(m));
    if (applied.length) logger.info({ applied: applied.length }, 'database migrated');
    handle = connect(url);
  } catch (error) {
    await cluster?.stop().catch(() => {});
    throw error;
  }
  const deps: Deps = makeDeps(handle.db, config);
  return {
    deps,
    url,
    applied,
    async close() {
      await handle!.close();
      await cluster?.stop();
    },
  };
}

/** Background work: the outbox dispatcher, the metrics feed, the reference-data listener (LISTEN/NOTIFY), and pg-boss schedules. */
export async function startBackground(rt: Runtime): Promise<{ stop(): Promise<void> }> {
  const dispatcher = startOutboxDispatcher(rt.deps.db, logger);
  const metricsFeed = startMetricsFeed(rt.deps.db, logger);
  const referenceListener = listenForReferenceChanges(rt.url, logger);
  const boss = new PgBoss({ connectionString: rt.url, schema: 'pgboss' });
  boss.on('error', (error) => logger.error({ err: error }, 'pg-boss error'));
  await boss.start();
  const jobs: Record<string, { cron: string; run: () => Promise<unknown> }> = {
    'audit-seal': { cron: '* * * * *', run: () => sealAudit(rt.deps.db) },
    'outbox-sweep': { cron: '* * * * *', run: () => drainOutbox(rt.deps.db) },
    'sessions-purge': { cron: '17 3 * * *', run: () => purgeSessions(rt.deps) },
    'idempotency-purge': { cron: '27 3 * * *', run: () => purgeIdempotencyKeys(rt.deps.db) },
    // 暂存: drafts not saved for 30 days
    'drafts-purge': { cron: '37 3 * * *', run: () => purgeExpiredDrafts(rt.deps.db) },
    // at nine in the morning: applicants whose materials to follow (容缺受理) are due by the next working day, and
    // departments whose checks after a grant by commitment (告知承诺制) are due within five
    // and holders whose licenses' renewal (延续) falls due within thirty days
    // and applicants whose supplement period (补正期限) ends within three working days
    'case-reminders': {
      cron: '0 9 * * *',
      run: async () => [
        await remindToleratedDue(rt.deps.db),
        await remindCommitmentChecksDue(rt.deps.db),
        await remindLicensesExpiring(rt.deps.db),
        await remindSupplementDue(rt.deps.db),
      ],
    },
    // just after midnight: applications whose supplement period ended yesterday are deemed withdrawn (视为撤回申请)
    'supplement-lapse': { cron: '5 0 * * *', run: () => lapseUnsupplemented(rt.deps.db) },
    // 电子监察: warnings for what became due; after downtime the first run catches up
    'supervision-sweep': {
      cron: '* * * * *',
      run: async () => {
        const r = await runSupervisionJob(rt.deps.db);
        for (const c of r.setAside) logger.error({ clockId: c.clockId, error: c.error }, 'supervision sweep: clock set aside for an hour');
      },
    },
  };
  for (const [name, job] of Object.entries(jobs)) {
    await boss.createQueue(name);
    await boss.schedule(name, job.cron, null, { tz: 'Asia/Shanghai' });
    await boss.work(name, async () => {
      await job.run();
    });
  }
  await boss.send('supervision-sweep', {});
  return {
    async stop() {
      await dispatcher.stop();
      await metricsFeed.stop();
      await referenceListener.stop();
      await boss.stop({ graceful: true, timeout: 5000 });
    },
  };
}

export async function isDemoSeeded(rt: Runtime): Promise<boolean> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM account`.execute(rt.deps.db);
  return (r.rows[0]?.n ?? 0) > 0;
}
