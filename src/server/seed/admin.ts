import { sql } from 'kysely';
import type { Deps } from '../deps.ts';
import { runWrite } from '../write.ts';
import { systemActor } from '../access.ts';
import { AppError } from '../errors.ts';
import { assertPassword } from '../../modules/identity/accounts.service.ts';
import { hashPassword } from '../../modules/identity/passwords.ts';
import '../../modules/identity/identity.tables.ts';

/** A system administrator without an organization: the first account of a production install. */
export async function createAdmin(deps: Deps, input: { username: string; name: string; password: string }): Promise<number> {
  if (!/^[a-z0-9_.@-]{3,64}$/i.test(input.username)) throw new AppError('VALIDATION_FAILED', { field: 'username' });
  assertPassword(input.password, input.username);
  return runWrite(deps.db, systemActor, async (ctx) => {
    const taken = await ctx.tx
      .selectFrom('account')
      .select('id')
      .where(sql`lower(username)`, '=', input.username.toLowerCase())
      .executeTakeFirst();
    if (taken) throw new AppError('DUPLICATE', { field: 'username' });
    const row = await ctx.tx
      .insertInto('account')
      .values({
        username: input.username.toLowerCase(),
        password_hash: await hashPassword(input.password),
        kind: 'staff',
        display_name: input.name,
        locked_until: null,
        last_login_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.tx.insertInto('role_assignment').values({ account_id: row.id, role: 'sys_admin', region_id: null, organization_id: null }).execute();
    await ctx.audit({ action: 'account.create', targetType: 'account', targetId: row.id, change: { username: input.username, role: 'sys_admin' } });
    return row.id;
  });
}
