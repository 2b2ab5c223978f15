import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import type { FieldCipher } from './crypto.ts';

import { FieldCipher as Cipher } from './crypto.ts';
import { setAuditKey } from '../modules/audit/audit.service.ts';
import { setPartyCipher } from '../modules/cases/party.ts';

/** What services need besides a transaction: the database, configuration and the field cipher. */
export interface Deps {
  db: Db;
  config: Config;
  cipher: FieldCipher;
}

/**
 * Services' dependencies from the configuration; also keys the audit chain with the platform secret, and lets the
 * case documents open an enterprise's credit code (party.ts).
 */
export function makeDeps(db: Db, config: Config): Deps {
  setAuditKey(config.secretKey);
  const cipher = new Cipher(config.secretKey);
  setPartyCipher(cipher);
  return { db, config, cipher };
}
