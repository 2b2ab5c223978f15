import { sql } from 'kysely';
import type { Db, Executor } from '../../server/db/database.ts';
import type { FieldCipher } from '../../server/crypto.ts';
import { AppError } from '../../server/errors.ts';
import { isValidIdCardNumber, isValidPhone, maskIdNumber, maskPhone } from '../../common/validators.ts';
import './queue.tables.ts';

/** An ID number or phone as stored: ciphertext, keyed hash for lookups, and the mask shown back. */
export interface Sealed {
  enc: string;
  hash: string;
  mask: string;
}

export function sealIdNumber(cipher: FieldCipher, value: string | undefined | null): Sealed | null {
  if (!value) return null;
  const v = value.trim().toUpperCase();
  if (!isValidIdCardNumber(v)) throw new AppError('INVALID_ID_NUMBER', { field: 'idNumber' });
  return { enc: cipher.encrypt(v), hash: cipher.lookupHash(`id:${v}`), mask: maskIdNumber(v) };
}

export function sealPhone(cipher: FieldCipher, value: string | undefined | null): Sealed | null {
  if (!value) return null;
  const v = value.trim();
  if (!isValidPhone(v)) throw new AppError('INVALID_PHONE', { field: 'phone' });
  return { enc: cipher.encrypt(v), hash: cipher.lookupHash(`phone:${v}`), mask: maskPhone(v) };
}

/**
 * Count a request against a fixed window shared by every process (a row per key and window, bumped
 * in its own statement so refused attempts count too). Over the limit: 429.
 */
export async function spendRate(db: Db, key: string, windowSeconds: number, limit: number): Promise<void> {
  const r = await sql<{ hits: number }>`
    INSERT INTO queue_rate (key, window_start, hits)
    VALUES (${key}, to_timestamp(floor(extract(epoch FROM now()) / ${windowSeconds}) * ${windowSeconds}), 1)
    ON CONFLICT (key, window_start) DO UPDATE SET hits = queue_rate.hits + 1
    RETURNING hits`.execute(db);
  if (Math.random() < 0.002) void purgeRates(db).catch(() => {});
  const hits = r.rows[0]?.hits ?? 0;
  if (hits > limit) throw new AppError('RATE_LIMITED', { reason: 'rate_limited', limit, windowSeconds });
}

export async function purgeRates(db: Executor): Promise<void> {
  await db
    .deleteFrom('queue_rate')
    .where('window_start', '<', sql<Date>`now() - interval '2 days'`)
    .execute();
}
