import type { Generated } from 'kysely';

/** 暂存: an online application saved unfinished (migration 0048). */
export interface ApplicationDraftTable {
  id: Generated<number>;
  account_id: number;
  item_id: number | null;
  bundle_id: number | null;
  /** the page's state as JSON, encrypted with the field cipher */
  content_enc: string;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  expires_at: Date;
}

declare module '../../server/db/database.ts' {
  interface Database {
    application_draft: ApplicationDraftTable;
  }
}
