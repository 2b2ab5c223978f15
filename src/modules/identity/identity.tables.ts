import type { Generated } from 'kysely';

export interface AccountTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  kind: 'staff' | 'applicant' | 'integration';
  display_name: string;
  status: Generated<'active' | 'disabled'>;
  failed_attempts: Generated<number>;
  locked_until: Date | null;
  password_changed_at: Generated<Date>;
  last_login_at: Date | null;
  locale: Generated<'zh-CN' | 'en'>;
  /** away (leave, business trip) until this moment: the B post takes over the A post's tasks */
  away_until: Generated<Date | null>;
  away_reason: Generated<string | null>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface StaffTable {
  account_id: number;
  organization_id: number;
  name: string;
  title: string | null;
  phone_enc: string | null;
  phone_mask: string | null;
}

/** Who applies: a person or an enterprise (the applicant table's CHECK). */
export const applicantKinds = ['person', 'enterprise'] as const;

export interface ApplicantTable {
  id: Generated<number>;
  account_id: number | null;
  kind: (typeof applicantKinds)[number];
  name: string;
  id_number_enc: string;
  id_number_hash: string;
  id_number_mask: string;
  phone_enc: string | null;
  phone_mask: string | null;
  legal_representative: string | null;
  address: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AgentAuthorizationTable {
  id: Generated<number>;
  agent_applicant_id: number;
  principal_applicant_id: number;
  valid_until: string | null;
  revoked_at: Date | null;
  created_at: Generated<Date>;
}

export interface RoleAssignmentTable {
  id: Generated<number>;
  account_id: number;
  role: string;
  region_id: number | null;
  organization_id: number | null;
  created_at: Generated<Date>;
}

export interface SessionTable {
  id: string;
  account_id: number;
  csrf_token: string;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Date;
  revoked_at: Date | null;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiKeyTable {
  id: Generated<number>;
  account_id: number;
  name: string;
  prefix: string;
  key_hash: string;
  created_at: Generated<Date>;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

declare module '../../server/db/database.ts' {
  interface Database {
    account: AccountTable;
    staff: StaffTable;
    applicant: ApplicantTable;
    agent_authorization: AgentAuthorizationTable;
    role_assignment: RoleAssignmentTable;
    session: SessionTable;
    api_key: ApiKeyTable;
  }
}
