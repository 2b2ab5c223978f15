import { sql } from 'kysely';
import type { Executor } from '../../server/db/database.ts';
import type { Grant } from '../../server/access.ts';
import './identity.tables.ts';
import '../org/org.tables.ts';

export interface ActorRow {
  account_id: number;
  username: string;
  kind: 'staff' | 'applicant' | 'integration';
  display_name: string;
  status: 'active' | 'disabled';
  locale: 'zh-CN' | 'en';
  grants: Grant[];
  applicant_id: number | null;
  organization_id: number | null;
  org_region_path: string | null;
}

const grantsJson = sql<Grant[]>`(
  SELECT coalesce(json_agg(json_build_object(
    'role', r.role, 'regionId', r.region_id, 'organizationId', r.organization_id,
    'regionPath', rg.path, 'orgPath', o.path) ORDER BY r.id), '[]'::json)
  FROM role_assignment r
  LEFT JOIN region rg ON rg.id = r.region_id
  LEFT JOIN organization o ON o.id = r.organization_id
  WHERE r.account_id = a.id)`;

const orgRegionPath = sql<
  string | null
>`(SELECT rg.path FROM staff st JOIN organization o ON o.id = st.organization_id JOIN region rg ON rg.id = o.region_id WHERE st.account_id = a.id)`;

/** What a request needs to know about the account `a` acting: the columns of an `ActorRow`. */
const actorColumns = [
  'a.id as account_id',
  'a.username',
  'a.kind',
  'a.display_name',
  'a.status',
  'a.locale',
  grantsJson.as('grants'),
  sql<number | null>`(SELECT ap.id FROM applicant ap WHERE ap.account_id = a.id)`.as('applicant_id'),
  sql<number | null>`(SELECT st.organization_id FROM staff st WHERE st.account_id = a.id)`.as('organization_id'),
  orgRegionPath.as('org_region_path'),
] as const;

/** The session and everything the request needs about its account, in one round trip. */
export async function findSessionActor(db: Executor, sessionId: string) {
  return db
    .selectFrom('session as s')
    .innerJoin('account as a', 'a.id', 's.account_id')
    .select(['s.id as session_id', 's.csrf_token', 's.last_seen_at', 's.expires_at', 's.revoked_at'])
    .select(actorColumns)
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
}

export async function findActorByAccount(db: Executor, accountId: number): Promise<ActorRow | undefined> {
  return db.selectFrom('account as a').select(actorColumns).where('a.id', '=', accountId).executeTakeFirst();
}

export async function findApiKeyActor(db: Executor, keyHash: string) {
  return db
    .selectFrom('api_key as k')
    .innerJoin('account as a', 'a.id', 'k.account_id')
    .select(['k.id as key_id', 'k.expires_at', 'k.revoked_at', 'k.last_used_at'])
    .select(actorColumns)
    .where('k.key_hash', '=', keyHash)
    .executeTakeFirst();
}
