import type { Executor } from '../../server/db/database.ts';
import { hasPermission, requireAccess, type Actor } from '../../server/access.ts';
import { AppError } from '../../server/errors.ts';
import { hallPlacement } from '../org/placement.ts';
import './queue.tables.ts';
import '../org/org.tables.ts';

export interface StaffedWindow {
  windowId: number;
  hallId: number;
  number: string;
  name: string;
}

/**
 * Calling happens at a window one staffs: the actor holds `queue.call` and sits on the window's A or
 * B post. Any other window is "not found", whatever it is.
 */
export async function requireStaffedWindow(db: Executor, actor: Actor | null, windowId: number): Promise<StaffedWindow> {
  requireAccess(actor, 'queue.call');
  const w = await db
    .selectFrom('service_window as w')
    .innerJoin('window_staff as ws', 'ws.window_id', 'w.id')
    .select(['w.id', 'w.hall_id', 'w.number', 'w.name'])
    .where('w.id', '=', windowId)
    .where('w.is_active', '=', true)
    .where('ws.account_id', '=', actor.accountId)
    .executeTakeFirst();
  if (!w) throw new AppError('NOT_FOUND');
  return { windowId: w.id, hallId: w.hall_id, number: w.number, name: w.name };
}

/** Configuration, the live board and statistics of a hall: `queue.manage` over the hall. */
export async function requireHallManager(db: Executor, actor: Actor | null, hallId: number): Promise<Actor> {
  requireAccess(actor, 'queue.manage', await hallPlacement(db, hallId));
  return actor;
}

/** Staff who may look at any ticket of the hall: its managers and the staff of its windows. */
export async function isHallStaff(db: Executor, actor: Actor | null, hallId: number): Promise<boolean> {
  if (!actor) return false;
  if (hasPermission(actor, 'queue.manage')) {
    try {
      await requireHallManager(db, actor, hallId);
      return true;
    } catch {
      /* not over this hall */
    }
  }
  if (!hasPermission(actor, 'queue.call')) return false;
  const w = await db
    .selectFrom('window_staff as ws')
    .innerJoin('service_window as w', 'w.id', 'ws.window_id')
    .select('w.id')
    .where('w.hall_id', '=', hallId)
    .where('ws.account_id', '=', actor.accountId)
    .executeTakeFirst();
  return !!w;
}
