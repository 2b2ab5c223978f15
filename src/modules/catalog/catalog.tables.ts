import type { Generated } from 'kysely';

export interface ItemTable {
  id: Generated<number>;
  code: string;
  base_code: string;
  organization_id: number;
  region_id: number;
  parent_item_id: number | null;
  local: Generated<Record<string, string>>;
  status: Generated<'draft' | 'published' | 'cancelled'>;
  published_version_id: number | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export type VersionState = 'draft' | 'in_review' | 'published' | 'superseded' | 'cancelled';

export interface ItemVersionTable {
  id: Generated<number>;
  item_id: number;
  number: number;
  state: VersionState;
  content: unknown;
  name: string;
  type: string;
  case_kind: 'immediate' | 'committed';
  audience: string[];
  themes: string[];
  search_tsv: unknown;
  created_by: number | null;
  submitted_by: number | null;
  submitted_at: Date | null;
  reviewed_by: number | null;
  reviewed_at: Date | null;
  review_note: string | null;
  published_at: Date | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface BundleTable {
  id: Generated<number>;
  code: string;
  organization_id: number;
  region_id: number;
  state: Generated<'draft' | 'published' | 'cancelled'>;
  content: unknown;
  name: string;
  search_tsv: unknown;
  published_at: Date | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

declare module '../../server/db/database.ts' {
  interface Database {
    item: ItemTable;
    item_version: ItemVersionTable;
    bundle: BundleTable;
  }
}
