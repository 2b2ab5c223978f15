import { sql } from 'kysely';
import type { Executor } from '../../server/db/database.ts';
import type { ItemContent } from './catalog.schemas.ts';
import { tokenize } from './search.ts';
import './catalog.tables.ts';
import '../org/org.tables.ts';

/** An item with its organization and region, as lists and checks need it. */
export function itemQuery(db: Executor) {
  return db
    .selectFrom('item as i')
    .innerJoin('organization as o', 'o.id', 'i.organization_id')
    .innerJoin('region as r', 'r.id', 'i.region_id')
    .select([
      'i.id',
      'i.code',
      'i.base_code',
      'i.organization_id',
      'o.name as organization_name',
      'o.path as org_path',
      'i.region_id',
      'r.name as region_name',
      'r.code as region_code',
      'r.level as region_level',
      'r.path as region_path',
      'i.parent_item_id',
      'i.local',
      'i.status',
      'i.published_version_id',
      'i.cancel_reason',
      'i.version',
      'i.updated_at',
    ]);
}
export type ItemRow = Awaited<ReturnType<ReturnType<typeof itemQuery>['executeTakeFirstOrThrow']>>;

/**
 * The words a published version is found by, weighted: name and keywords (A), themes, result and
 * organization (B), conditions and materials (C). Segmented with jieba in the application.
 */
export function searchVector(content: ItemContent, organizationName: string) {
  const a = tokenize([content.name, ...content.keywords].join(' ')).join(' ');
  const b = tokenize([...content.themes, content.resultName, organizationName].join(' ')).join(' ');
  const c = tokenize([content.conditions, ...content.materials.map((m) => m.name)].join(' ')).join(' ');
  return sql`setweight(to_tsvector('simple', ${a}), 'A') || setweight(to_tsvector('simple', ${b}), 'B') || setweight(to_tsvector('simple', ${c}), 'C')`;
}

export async function openVersion(db: Executor, itemId: number) {
  return db.selectFrom('item_version').selectAll().where('item_id', '=', itemId).where('state', 'in', ['draft', 'in_review']).executeTakeFirst();
}

export async function publishedVersion(db: Executor, itemId: number) {
  return db.selectFrom('item_version').selectAll().where('item_id', '=', itemId).where('state', '=', 'published').executeTakeFirst();
}

export async function nextVersionNumber(db: Executor, itemId: number): Promise<number> {
  const r = await db
    .selectFrom('item_version')
    .select(sql<number>`coalesce(max(number), 0) + 1`.as('n'))
    .where('item_id', '=', itemId)
    .executeTakeFirstOrThrow();
  return r.n;
}

export async function existingOrganizations(db: Executor, content: ItemContent): Promise<(id: number) => boolean> {
  const ids = new Set<number>();
  for (const n of content.process.nodes) {
    if (n.kind === 'stage' && n.assignee.organizationId) ids.add(n.assignee.organizationId);
    if (n.kind === 'report_up' && n.organizationId) ids.add(n.organizationId);
    if (n.kind === 'parallel') for (const b of n.branches) for (const s of b) if (s.assignee.organizationId) ids.add(s.assignee.organizationId);
  }
  if (ids.size === 0) return () => true;
  const rows = await db
    .selectFrom('organization')
    .select('id')
    .where('id', 'in', [...ids])
    .execute();
  const found = new Set(rows.map((r) => r.id));
  return (id) => found.has(id);
}
