import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import type { FieldCipher } from './crypto.ts';

/** What services need besides a transaction: the database, configuration and the field cipher. */
export interface Deps {
  db: Db;
  config: Config;
  cipher: FieldCipher;
}
