import { sql } from 'kysely';
import { referenceChanged } from '../../server/db/reference-cache.ts';
import type { Db, Executor } from '../../server/db/database.ts';
import type { WriteContext } from '../../server/write.ts';
import { requireAccess } from '../../server/access.ts';
import { AppError } from '../../server/errors.ts';
import { organizationPlacement } from '../org/placement.ts';
import type { BundleContent, Form, ItemContent, Material } from './catalog.schemas.ts';
import { getPublishedItem } from './catalog.queries.ts';
import { tokenize } from './search.ts';
import './catalog.tables.ts';

type Member = Awaited<ReturnType<typeof getPublishedItem>>;

/** Which of the registered enterprise's particulars a form's prefill asks: the applicant's name, number, representative. */
const enterpriseParticulars: Record<string, 'name' | 'creditCode' | 'legalRepresentative'> = {
  'applicant.name': 'name',
  'applicant.idNumber': 'creditCode',
  'applicant.legalRepresentative': 'legalRepresentative',
};
export type EnterpriseParticular = (typeof enterpriseParticulars)[string];

/**
 * 企业开办一件事: where one of a bundle's items registers the company (`establishes`, 企业设立登记), its other items are
 * filed for that company once it is registered — so their fields of the applicant's name, credit code and legal
 * representative, and their materials of the license the registration issues (营业执照), are the registration's to
 * give, not the founder's: the bundle does not ask them. Answers, for an item other than the registering one, those
 * fields (each with the particular it takes) and material keys; nothing where no item registers a company.
 */
export function providedByRegistration(
  content: Pick<ItemContent, 'form' | 'materials'>,
  registering: Pick<ItemContent, 'establishes' | 'resultLicenseType' | 'resultName'> | null | undefined,
): { fields: Map<string, EnterpriseParticular>; materials: string[] } {
  const fields = new Map<string, EnterpriseParticular>();
  if (!registering?.establishes) return { fields, materials: [] };
  for (const [key, ui] of Object.entries(content.form.ui.fields)) {
    const particular = ui.prefill ? enterpriseParticulars[ui.prefill] : undefined;
    if (particular) fields.set(key, particular);
  }
  const type = registering.resultLicenseType || registering.resultName;
  return { fields, materials: content.materials.filter((m) => m.source === 'license' && m.licenseType === type).map((m) => m.key) };
}

/** A form without some of its fields: their properties, their being required and their UI. */
export function formWithout(form: Form, names: Iterable<string>): Form {
  const drop = new Set(names);
  const schema = form.schema as { properties?: Record<string, unknown>; required?: string[] };
  return {
    schema: {
      ...schema,
      properties: Object.fromEntries(Object.entries(schema.properties ?? {}).filter(([k]) => !drop.has(k))),
      required: (schema.required ?? []).filter((k) => !drop.has(k)),
    },
    ui: { order: form.ui.order.filter((k) => !drop.has(k)), fields: Object.fromEntries(Object.entries(form.ui.fields).filter(([k]) => !drop.has(k))) },
  };
}

/** The bundle's item that registers a company, if any (the first). */
export const registeringMember = <T extends { content: Pick<ItemContent, 'establishes'> }>(members: T[]): T | undefined =>
  members.find((m) => !!m.content.establishes);

/** What the registering member gives the other members (providedByRegistration), by member. */
function provided(members: Member[]) {
  const registering = registeringMember(members);
  return (m: Member) => (m === registering ? providedByRegistration(m.content, null) : providedByRegistration(m.content, registering?.content));
}

/**
 * One material list for the whole bundle: a material asked by several items (same key) is handed in once; a license
 * the bundle's own registration issues is not asked (providedByRegistration).
 */
export function mergeMaterials(members: Member[]): (Material & { items: string[] })[] {
  const byKey = new Map<string, Material & { items: string[] }>();
  const givenTo = provided(members);
  for (const m of members) {
    const given = new Set(givenTo(m).materials);
    for (const mat of m.content.materials) {
      if (given.has(mat.key)) continue;
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

/**
 * One form for the whole bundle: fields of the same name are asked once (the first item's definition wins); the
 * company's own particulars, which the bundle's registration gives its other items, are not asked.
 */
export function mergeForms(members: Member[]): Form {
  const properties: Record<string, unknown> = {};
  const required = new Set<string>();
  const fields: Form['ui']['fields'] = {};
  const order: string[] = [];
  const givenTo = provided(members);
  for (const m of members) {
    const schema = m.content.form.schema as { properties?: Record<string, unknown>; required?: string[] };
    const given = givenTo(m).fields;
    for (const name of m.content.form.ui.order) {
      if (name in properties || !schema.properties?.[name] || given.has(name)) continue;
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
