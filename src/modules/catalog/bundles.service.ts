import { sql } from 'kysely';
import { referenceChanged } from '../../server/db/reference-cache.ts';
import type { Db, Executor } from '../../server/db/database.ts';
import type { WriteContext } from '../../server/write.ts';
import { requireAccess } from '../../server/access.ts';
import { AppError } from '../../server/errors.ts';
import { organizationPlacement } from '../org/placement.ts';
import type { BundleContent, Form, Material } from './catalog.schemas.ts';
import { getPublishedItem } from './catalog.queries.ts';
import { tokenize } from './search.ts';
import './catalog.tables.ts';

type Member = Awaited<ReturnType<typeof getPublishedItem>>;

/** One material list for the whole bundle: a material asked by several items (same key) is handed in once. */
export function mergeMaterials(members: Member[]): (Material & { items: string[] })[] {
  const byKey = new Map<string, Material & { items: string[] }>();
  for (const m of members) {
    for (const mat of m.content.materials) {
      const prior = byKey.get(mat.key);
      if (prior) {
        prior.items.push(m.code);
        prior.count = Math.max(prior.count, mat.count);
        if (mat.necessity === 'required') prior.necessity = 'required';
      } else byKey.set(mat.key, { ...mat, items: [m.code] });
    }
  }
  return [...byKey.values()];
}

/** One form for the whole bundle: fields of the same name are asked once (the first item's definition wins). */
export function mergeForms(members: Member[]): Form {
  const properties: Record<string, unknown> = {};
  const required = new Set<string>();
  const fields: Form['ui']['fields'] = {};
  const order: string[] = [];
  for (const m of members) {
    const schema = m.content.form.schema as { properties?: Record<string, unknown>; required?: string[] };
    for (const name of m.content.form.ui.order) {
      if (name in properties || !schema.properties?.[name]) continue;
      properties[name] = schema.properties[name];
      fields[name] = m.content.form.ui.fields[name]!;
      order.push(name);
    }
    for (const r of schema.required ?? []) required.add(r);
  }
  return { schema: { type: 'object', properties, required: [...required].filter((r) => r in properties) }, ui: { order, fields } };
}

async function members(db: Executor, content: BundleContent): Promise<Member[]> {
  const out: Member[] = [];
  for (const code of content.itemCodes) {
    try {
      out.push(await getPublishedItem(db, code));
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND')
        throw new AppError('VALIDATION_FAILED', { field: 'itemCodes', code, reason: 'not a published item' });
      throw error;
    }
  }
  return out;
}

function bundleVector(content: BundleContent, memberNames: string[]) {
  const a = tokenize([content.name, ...content.keywords].join(' ')).join(' ');
  const b = tokenize([...content.themes, ...memberNames, content.description].join(' ')).join(' ');
  return sql`setweight(to_tsvector('simple', ${a}), 'A') || setweight(to_tsvector('simple', ${b}), 'B')`;
}

/** Create a bundle (一件事一次办) of published items, led by an organization (usually the center), published at once or kept as a draft. */
export async function saveBundle(
  ctx: WriteContext,
  input: { code: string; organizationId: number; content: BundleContent; publish: boolean; version?: number },
) {
  await referenceChanged(ctx.tx);
  requireAccess(ctx.actor, 'catalog.manage', await organizationPlacement(ctx.tx, input.organizationId));
  const list = await members(ctx.tx, input.content);
  if (input.content.committedLimit.unit === 'workday') {
    const longest = Math.max(...list.map((m) => (m.content.legalLimit.unit === 'workday' ? m.content.legalLimit.value : 0)));
    if (input.content.committedLimit.value > Math.max(longest, 0) && longest > 0) {
      throw new AppError('VALIDATION_FAILED', { field: 'committedLimit', reason: `longer than the longest legal limit of its items (${longest})` });
    }
  }
  const org = await ctx.tx.selectFrom('organization').select('region_id').where('id', '=', input.organizationId).executeTakeFirstOrThrow();
  const existing = await ctx.tx.selectFrom('bundle').selectAll().where('code', '=', input.code).executeTakeFirst();
  if (existing) requireAccess(ctx.actor, 'catalog.manage', await organizationPlacement(ctx.tx, existing.organization_id));
  const values = {
    organization_id: input.organizationId,
    region_id: org.region_id,
    content: JSON.stringify(input.content),
    name: input.content.name,
    search_tsv: bundleVector(
      input.content,
      list.map((m) => m.content.name),
    ),
    state: input.publish ? ('published' as const) : ('draft' as const),
    published_at: input.publish ? new Date() : null,
  };
  if (existing) {
    if (input.version !== undefined && existing.version !== input.version) throw new AppError('CONFLICT', { expectedVersion: input.version });
    await ctx.tx
      .updateTable('bundle')
      .set({ ...values, version: sql`version + 1`, updated_at: new Date() })
      .where('id', '=', existing.id)
      .execute();
    await ctx.audit({ action: 'bundle.update', targetType: 'bundle', targetId: existing.id, change: { code: input.code, publish: input.publish } });
    return { id: existing.id, code: input.code };
  }
  const row = await ctx.tx
    .insertInto('bundle')
    .values({ code: input.code, ...values })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.audit({ action: 'bundle.create', targetType: 'bundle', targetId: row.id, change: { code: input.code, items: input.content.itemCodes } });
  return { id: row.id, code: input.code };
}

export async function cancelBundle(ctx: WriteContext, code: string) {
  await referenceChanged(ctx.tx);
  const b = await ctx.tx.selectFrom('bundle').select(['id', 'organization_id', 'state']).where('code', '=', code).executeTakeFirst();
  requireAccess(ctx.actor, 'catalog.manage', b ? await organizationPlacement(ctx.tx, b.organization_id) : null);
  if (b!.state === 'cancelled') throw new AppError('CONFLICT', { reason: 'already cancelled' });
  await ctx.tx
    .updateTable('bundle')
    .set({ state: 'cancelled', version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', b!.id)
    .execute();
  await ctx.audit({ action: 'bundle.cancel', targetType: 'bundle', targetId: b!.id, change: { code } });
}

export async function listBundles(db: Db, q: { q?: string }) {
  let query = db.selectFrom('bundle as b').innerJoin('organization as o', 'o.id', 'b.organization_id').where('b.state', '=', 'published');
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    query = query.where((eb) => eb.or([eb('b.name', 'like', like), sql<boolean>`b.search_tsv @@ plainto_tsquery('simple', ${tokenize(q.q!).join(' ')})`]));
  }
  const rows = await query.select(['b.code', 'b.name', 'b.content', 'o.name as organization_name']).orderBy('b.code').execute();
  return rows.map((r) => {
    const c = r.content as BundleContent;
    return {
      code: r.code,
      name: r.name,
      description: c.description,
      itemCount: c.itemCodes.length,
      committedLimit: c.committedLimit,
      audience: c.audience,
      themes: c.themes,
      organizationName: r.organization_name,
    };
  });
}

/** A published bundle with its items, the merged material list and the merged form. */
export async function getBundle(db: Executor, code: string) {
  const row = await db
    .selectFrom('bundle as b')
    .innerJoin('organization as o', 'o.id', 'b.organization_id')
    .select(['b.id', 'b.code', 'b.name', 'b.content', 'b.published_at', 'o.name as organization_name'])
    .where('b.code', '=', code)
    .where('b.state', '=', 'published')
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  const content = row.content as BundleContent;
  const list = await members(db, content);
  const materials = mergeMaterials(list);
  const separate = list.reduce((n, m) => n + m.content.materials.length, 0);
  return {
    code: row.code,
    name: row.name,
    organizationName: row.organization_name,
    publishedAt: row.published_at?.toISOString() ?? null,
    content,
    items: list.map((m) => ({
      code: m.code,
      name: m.content.name,
      organizationName: m.organizationName,
      caseKind: m.content.caseKind,
      legalLimit: m.content.legalLimit,
      committedLimit: m.content.committedLimit,
      materials: m.content.materials.length,
    })),
    materials,
    /** how many hand-ins the shared list saves compared with applying item by item */
    materialsSaved: separate - materials.length,
    form: mergeForms(list),
    sumOfCommittedLimits: list.reduce((n, m) => n + (m.content.committedLimit.unit === 'workday' ? m.content.committedLimit.value : 0), 0),
  };
}
