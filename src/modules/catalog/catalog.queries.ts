import { sql } from 'kysely';
import { cachedReference } from '../../server/db/reference-cache.ts';
import type { Db, Executor } from '../../server/db/database.ts';
import { hasPermission, requireAccess, scopeFilter, scopeOf, type Actor } from '../../server/access.ts';
import { AppError } from '../../server/errors.ts';
import type { ItemContent } from './catalog.schemas.ts';
import { queryTokens, toTsQuery } from './search.ts';
import './catalog.tables.ts';

function publishedQuery(db: Executor) {
  return db
    .selectFrom('item_version as v')
    .innerJoin('item as i', 'i.id', 'v.item_id')
    .innerJoin('organization as o', 'o.id', 'i.organization_id')
    .innerJoin('region as r', 'r.id', 'i.region_id')
    .where('v.state', '=', 'published')
    .where('i.status', '=', 'published');
}

export interface SearchQuery {
  q?: string;
  org?: number;
  region?: string;
  type?: string;
  theme?: string;
  audience?: 'person' | 'enterprise';
  caseKind?: 'immediate' | 'committed';
  limit: number;
  offset: number;
}

/**
 * Published items for the portal and other channels. With `q`: Chinese words segmented by jieba
 * (plus synonyms people use) against the weighted search vector, plus trigram similarity on the
 * name for typos and partial names; ranked by both.
 */
export async function searchItems(db: Db, q: SearchQuery) {
  let query = publishedQuery(db);
  if (q.org) query = query.where('i.organization_id', '=', q.org);
  if (q.region) query = query.where('r.code', '=', q.region);
  if (q.type) query = query.where('v.type', '=', q.type);
  if (q.theme) query = query.where(sql<boolean>`${q.theme} = ANY(v.themes)`);
  if (q.audience) query = query.where(sql<boolean>`${q.audience} = ANY(v.audience)`);
  if (q.caseKind) query = query.where('v.case_kind', '=', q.caseKind);
  const text = q.q?.trim();
  let rank = sql<number>`0`;
  if (text) {
    const tsq = toTsQuery(queryTokens(text));
    const like = `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    const tsMatch = tsq ? sql<boolean>`v.search_tsv @@ to_tsquery('simple', ${tsq})` : sql<boolean>`false`;
    query = query.where(sql<boolean>`(${tsMatch} OR v.name LIKE ${like} OR word_similarity(${text}, v.name) >= 0.4)`);
    const tsRank = tsq ? sql<number>`ts_rank_cd(v.search_tsv, to_tsquery('simple', ${tsq}))` : sql<number>`0`;
    // a keyword the item's editors chose that is exactly what was typed is the strongest signal
    rank = sql<number>`(${tsRank} * 2 + word_similarity(${text}, v.name) + CASE WHEN v.name LIKE ${like} THEN 1 ELSE 0 END
      + CASE WHEN v.content->'keywords' ? ${text} THEN 1.5 ELSE 0 END)`;
  }
  const [rows, total] = await Promise.all([
    query
      .select([
        'i.code',
        'v.name',
        'v.type',
        'v.case_kind',
        'v.audience',
        'v.themes',
        'v.number',
        'i.organization_id',
        'o.name as organization_name',
        'r.name as region_name',
        sql<ItemContent['legalLimit']>`v.content->'legalLimit'`.as('legal_limit'),
        sql<ItemContent['committedLimit']>`v.content->'committedLimit'`.as('committed_limit'),
        sql<number>`(v.content->>'visitsRequired')::int`.as('visits_required'),
        sql<number>`(v.content->>'onlineDepth')::int`.as('online_depth'),
        rank.as('rank'),
      ])
      .orderBy(sql`rank`, 'desc')
      .orderBy('v.name')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: total.n,
    items: rows.map((r) => ({
      code: r.code,
      name: r.name,
      type: r.type,
      caseKind: r.case_kind,
      audience: r.audience,
      themes: r.themes,
      version: r.number,
      organizationId: r.organization_id,
      organizationName: r.organization_name,
      regionName: r.region_name,
      legalLimit: r.legal_limit,
      committedLimit: r.committed_limit,
      visitsRequired: r.visits_required,
      onlineDepth: r.online_depth,
    })),
  };
}

/**
 * The published version of an item by code: the guide, the form, the process and the limits. Kept
 * with the process's reference data (catalog, organization and region writers say `referenceChanged`);
 * callers must not change what it returns.
 */
export function getPublishedItem(db: Executor, code: string) {
  return cachedReference(db, `published-item:${code}`, () => readPublishedItem(db, code));
}

async function readPublishedItem(db: Executor, code: string) {
  const row = await publishedQuery(db)
    .leftJoin('item as p', 'p.id', 'i.parent_item_id')
    .select([
      'i.id as item_id',
      'i.code',
      'v.id as version_id',
      'v.number',
      'v.content',
      'v.published_at',
      'i.organization_id',
      'o.name as organization_name',
      'i.region_id',
      'r.name as region_name',
      'r.code as region_code',
      'p.code as parent_code',
    ])
    .where('i.code', '=', code)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  const bundles = await db
    .selectFrom('bundle')
    .select(['code', 'name'])
    .where('state', '=', 'published')
    .where(sql<boolean>`content->'itemCodes' ? ${code}`)
    .execute();
  return {
    code: row.code,
    itemId: row.item_id,
    versionId: row.version_id,
    version: row.number,
    publishedAt: row.published_at?.toISOString() ?? null,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    regionId: row.region_id,
    regionName: row.region_name,
    regionCode: row.region_code,
    delegatedFrom: row.parent_code,
    bundles,
    content: row.content as ItemContent,
  };
}

/** Counts for the portal's filters: by theme, organization and type. */
export async function catalogFacets(db: Db) {
  const [themes, orgs, types] = await Promise.all([
    sql<{ theme: string; n: number }>`SELECT t AS theme, count(*)::int AS n FROM item_version v JOIN item i ON i.id = v.item_id, unnest(v.themes) t
      WHERE v.state = 'published' AND i.status = 'published' GROUP BY t ORDER BY n DESC, t`.execute(db),
    publishedQuery(db)
      .select(['o.id', 'o.name', sql<number>`count(*)::int`.as('n')])
      .groupBy(['o.id', 'o.name'])
      .orderBy('o.id')
      .execute(),
    publishedQuery(db)
      .select(['v.type', sql<number>`count(*)::int`.as('n')])
      .groupBy('v.type')
      .orderBy('v.type')
      .execute(),
  ]);
  return {
    themes: themes.rows.map((r) => ({ theme: r.theme, count: r.n })),
    organizations: orgs.map((r) => ({ id: r.id, name: r.name, count: r.n })),
    types: types.map((r) => ({ type: r.type, count: r.n })),
  };
}

/** 权力清单: every published item of the administrative power types, by organization and type. */
export async function powerList(db: Db) {
  const rows = await publishedQuery(db)
    .select([
      'o.name as organization_name',
      'o.id as organization_id',
      'v.type',
      'i.code',
      'v.name',
      sql<string>`v.content->>'basis'`.as('basis'),
      sql<ItemContent['legalLimit']>`v.content->'legalLimit'`.as('legal_limit'),
    ])
    .where('v.type', '<>', 'public_service')
    .orderBy('o.id')
    .orderBy('v.type')
    .orderBy('i.code')
    .execute();
  return rows.map((r) => ({
    organizationName: r.organization_name,
    type: r.type as ItemContent['type'],
    code: r.code,
    name: r.name,
    basis: r.basis,
    legalLimit: r.legal_limit,
  }));
}

/** Items for administrators: every state, within the actor's catalog scope. */
export async function listItemsForAdmin(db: Db, actor: Actor | null, q: { q?: string; status?: string; org?: number; limit: number; offset: number }) {
  const permission = hasPermission(actor, 'catalog.manage') ? 'catalog.manage' : 'catalog.review';
  requireAccess(actor, permission);
  let query = db
    .selectFrom('item as i')
    .innerJoin('organization as o', 'o.id', 'i.organization_id')
    .innerJoin('region as r', 'r.id', 'i.region_id')
    .leftJoin('item_version as open', (j) => j.onRef('open.item_id', '=', 'i.id').on('open.state', 'in', ['draft', 'in_review']))
    .leftJoin('item_version as pub', (j) => j.onRef('pub.item_id', '=', 'i.id').on('pub.state', '=', 'published'))
    .where(scopeFilter(scopeOf(actor, permission), 'r.path', 'o.path'));
  if (q.status) query = query.where('i.status', '=', q.status as 'draft');
  if (q.org) query = query.where('i.organization_id', '=', q.org);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    query = query.where((eb) => eb.or([eb('open.name', 'like', like), eb('pub.name', 'like', like), eb('i.code', 'like', like)]));
  }
  const [rows, total] = await Promise.all([
    query
      .select([
        'i.id',
        'i.code',
        'i.status',
        'i.parent_item_id',
        'i.version',
        'o.name as organization_name',
        'r.name as region_name',
        sql<string>`coalesce(open.name, pub.name)`.as('name'),
        'open.state as open_state',
        'open.number as open_number',
        'pub.number as published_number',
        'i.updated_at',
      ])
      .orderBy('i.updated_at', 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: total.n,
    items: rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      status: r.status,
      delegated: r.parent_item_id !== null,
      organizationName: r.organization_name,
      regionName: r.region_name,
      openState: r.open_state,
      openNumber: r.open_number,
      publishedNumber: r.published_number,
      version: r.version,
      updatedAt: r.updated_at.toISOString(),
    })),
  };
}

/** One item for its administrators: the versions, the draft being worked on, delegation. */
export async function getItemForAdmin(db: Db, actor: Actor | null, itemId: number) {
  const item = await db
    .selectFrom('item as i')
    .innerJoin('organization as o', 'o.id', 'i.organization_id')
    .innerJoin('region as r', 'r.id', 'i.region_id')
    .leftJoin('item as p', 'p.id', 'i.parent_item_id')
    .select([
      'i.id',
      'i.code',
      'i.base_code',
      'i.status',
      'i.local',
      'i.version',
      'i.cancel_reason',
      'i.organization_id',
      'o.name as organization_name',
      'o.path as org_path',
      'r.path as region_path',
      'r.name as region_name',
      'p.code as parent_code',
    ])
    .where('i.id', '=', itemId)
    .executeTakeFirst();
  requireAccess(
    actor,
    hasPermission(actor, 'catalog.manage') ? 'catalog.manage' : 'catalog.review',
    item ? { regionPath: item.region_path, orgPath: item.org_path } : null,
  );
  const versions = await db.selectFrom('item_version').selectAll().where('item_id', '=', itemId).orderBy('number', 'desc').execute();
  const children = await db
    .selectFrom('item as c')
    .innerJoin('organization as o', 'o.id', 'c.organization_id')
    .select(['c.id', 'c.code', 'c.status', 'o.name as organization_name'])
    .where('c.parent_item_id', '=', itemId)
    .execute();
  const open = versions.find((v) => v.state === 'draft' || v.state === 'in_review');
  const published = versions.find((v) => v.state === 'published');
  return {
    id: item!.id,
    code: item!.code,
    baseCode: item!.base_code,
    status: item!.status,
    version: item!.version,
    cancelReason: item!.cancel_reason,
    organizationId: item!.organization_id,
    organizationName: item!.organization_name,
    regionName: item!.region_name,
    delegatedFrom: item!.parent_code,
    local: item!.local,
    open: open
      ? {
          id: open.id,
          number: open.number,
          state: open.state,
          version: open.version,
          reviewNote: open.review_note,
          submittedBy: open.submitted_by,
          content: open.content as ItemContent,
        }
      : null,
    published: published
      ? { id: published.id, number: published.number, publishedAt: published.published_at?.toISOString() ?? null, content: published.content as ItemContent }
      : null,
    versions: versions.map((v) => ({
      id: v.id,
      number: v.number,
      state: v.state,
      name: v.name,
      submittedAt: v.submitted_at?.toISOString() ?? null,
      reviewedAt: v.reviewed_at?.toISOString() ?? null,
      reviewNote: v.review_note,
      publishedAt: v.published_at?.toISOString() ?? null,
      createdAt: v.created_at.toISOString(),
    })),
    delegatedTo: children.map((c) => ({ id: c.id, code: c.code, status: c.status, organizationName: c.organization_name })),
  };
}
