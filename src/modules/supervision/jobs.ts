import type { Db } from '../../server/db/database.ts';
import { systemActor } from '../../server/access.ts';
import { runWrite } from '../../server/write.ts';
import { remarkOpenClocks } from '../calendar/clocks.service.ts';
import { runSupervisionSweep, type SweepResult } from './sweep.ts';

/**
 * The scheduled supervision job (pg-boss, every minute, on every process): first re-mark open
 * clocks after a threshold change (bounded work per run), then sweep what is due.
 */
export async function runSupervisionJob(db: Db, maxRemarkBatches = 20): Promise<SweepResult & { remarked: number }> {
  let remarked = 0;
  for (let i = 0; i < maxRemarkBatches; i++) {
    const n = await runWrite(db, systemActor, (ctx) => remarkOpenClocks(ctx));
    remarked += n;
    if (n === 0) break;
  }
  return { ...(await runSupervisionSweep(db)), remarked };
}
