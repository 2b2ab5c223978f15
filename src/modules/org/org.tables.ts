import type { Generated } from 'kysely';

export type RegionLevel = 'city' | 'district' | 'street' | 'community';

export interface RegionTable {
  id: Generated<number>;
  code: string;
  name: string;
  level: RegionLevel;
  parent_id: number | null;
  path: string;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export type OrganizationKind = 'government' | 'department' | 'center' | 'unit' | 'other';

export interface OrganizationTable {
  id: Generated<number>;
  credit_code: string;
  name: string;
  short_name: string | null;
  kind: OrganizationKind;
  region_id: number;
  parent_id: number | null;
  path: string;
  phone: string | null;
  address: string | null;
  is_active: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface HallTable {
  id: Generated<number>;
  name: string;
  organization_id: number;
  region_id: number;
  address: string | null;
  phone: string | null;
  opening_hours: string | null;
  is_active: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ServiceWindowTable {
  id: Generated<number>;
  hall_id: number;
  number: string;
  name: string;
  kind: 'comprehensive' | 'department';
  organization_id: number | null;
  categories: string[];
  is_active: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface WindowStaffTable {
  window_id: number;
  account_id: number;
  post: 'A' | 'B';
  created_at: Generated<Date>;
}

declare module '../../server/db/database.ts' {
  interface Database {
    region: RegionTable;
    organization: OrganizationTable;
    hall: HallTable;
    service_window: ServiceWindowTable;
    window_staff: WindowStaffTable;
  }
}
