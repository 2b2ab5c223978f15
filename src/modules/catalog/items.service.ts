import { sql } from 'kysely';
import { referenceChanged } from '../../server/db/reference-cache.ts';
import type { WriteContext } from '../../server/write.ts';
import { requireAccess } from '../../server/access.ts';
import { AppError } from '../../server/errors.ts';
import { organizationPlacement } from '../org/placement.ts';
import type { ItemContent } from './catalog.schemas.ts';
import { existingOrganizations, itemQuery, nextVersionNumber, openVersion, publishedVersion, searchVector, type ItemRow } from './items.store.ts';
import { validateContent } from './item-rules.ts';
import './catalog.tables.ts';

const levelOf = { city: 'city', district: 'district', street: 'street', community: 'community' } as const;

async function loadItem(ctx: WriteContext, itemId: number, permission: 'catalog.manage' | 'catalog.review' = 'catalog.manage'): Promise<ItemRow> {
  const item = await itemQuery(ctx.tx).where('i.id', '=', itemId).executeTakeFirst();
  requireAccess(ctx.actor, permission, item ? { regionPath: item.region_path, orgPath: item.org_path } : null);
  return item!;
}

async function bumpItem(ctx: WriteContext, item: ItemRow, set: Record<string, unknown> = {}, expectedVersion?: number) {
  await referenceChanged(ctx.tx);
  const r = await ctx.tx
    .updateTable('item')
    .set({ ...set, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', item.id)
    .where('version', '=', expectedVersion ?? item.version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new AppError('CONFLICT', { itemId: item.id, expectedVersion: expectedVersion ?? item.version });
}

function versionColumns(content: ItemContent) {
  return { name: content.name, type: content.type, case_kind: content.caseKind, audience: content.audience, themes: content.themes };
}

/** Insert version `number` of an item as a draft of `content`, started by the caller. */
async function insertDraftVersion(ctx: WriteContext, itemId: number, number: number, content: ItemContent, reviewNote: string | null = null) {
  return ctx.tx
    .insertInto('item_version')
    .values({
      item_id: itemId,
      number,
      state: 'draft',
      content: JSON.stringify(content),
      ...versionColumns(content),
      search_tsv: null,
      created_by: ctx.actor?.accountId || null,
      submitted_by: null,
      submitted_at: null,
      reviewed_by: null,
      reviewed_at: null,
      review_note: reviewNote,
      published_at: null,
    })
    .returning(['id', 'number'])
    .executeTakeFirstOrThrow();
}

/** Create an item (事项) of an organization as a first draft. Its code is the organization's credit code and the base code. */
export async function createItem(ctx: WriteContext, input: { organizationId: number; baseCode: string; content: ItemContent }) {
  const place = await organizationPlacement(ctx.tx, input.organizationId);
  requireAccess(ctx.actor, 'catalog.manage', place);
  const org = await ctx.tx
    .selectFrom('organization as o')
    .innerJoin('region as r', 'r.id', 'o.region_id')
    .select(['o.credit_code', 'o.region_id', 'r.level'])
    .where('o.id', '=', input.organizationId)
    .executeTakeFirstOrThrow();
  const content = { ...input.content, level: levelOf[org.level] };
  const item = await ctx.tx
    .insertInto('item')
    .values({
      code: `${org.credit_code}-${input.baseCode}`,
      base_code: input.baseCode,
      organization_id: input.organizationId,
      region_id: org.region_id,
      parent_item_id: null,
      published_version_id: null,
      cancelled_at: null,
      cancel_reason: null,
    })
    .returning(['id', 'code'])
    .executeTakeFirstOrThrow();
  await insertDraftVersion(ctx, item.id, 1, content);
  await ctx.audit({ action: 'item.create', targetType: 'item', targetId: item.id, change: { code: item.code, name: content.name } });
  return { id: item.id, code: item.code };
}

/** Save the draft being worked on. A version in review, or one that is published, never changes. */
export async function updateDraft(ctx: WriteContext, itemId: number, input: { content: ItemContent; version: number }) {
  const item = await loadItem(ctx, itemId);
  if (item.parent_item_id) throw new AppError('CONFLICT', { reason: 'a delegated item follows its unified standard; change only its local details' });
  const draft = await openVersion(ctx.tx, itemId);
  if (!draft || draft.state !== 'draft') throw new AppError('CONFLICT', { reason: draft ? 'the version is in review' : 'no draft: start a new version first' });
  const content = { ...input.content, level: levelOf[item.region_level] };
  const r = await ctx.tx
    .updateTable('item_version')
    .set({ content: JSON.stringify(content), ...versionColumns(content), version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', draft.id)
    .where('version', '=', input.version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new AppError('CONFLICT', { expectedVersion: input.version, actual: draft.version });
  await ctx.audit({ action: 'item.draft.update', targetType: 'item', targetId: itemId, change: { versionNumber: draft.number, name: content.name } });
  return { versionId: draft.id, number: draft.number, version: input.version + 1 };
}

/** 变更: start version N+1 as a draft copy of the published one. The published version stays in force until the new one is published. */
export async function startNewVersion(ctx: WriteContext, itemId: number) {
  const item = await loadItem(ctx, itemId);
  if (item.status === 'cancelled') throw new AppError('CONFLICT', { reason: 'the item is cancelled' });
  if (item.parent_item_id) throw new AppError('CONFLICT', { reason: 'a delegated item follows its unified standard' });
  if (await openVersion(ctx.tx, itemId)) throw new AppError('CONFLICT', { reason: 'a new version is already being worked on' });
  const current = await publishedVersion(ctx.tx, itemId);
  if (!current) throw new AppError('CONFLICT', { reason: 'nothing published to change' });
  const number = await nextVersionNumber(ctx.tx, itemId);
  const content = current.content as ItemContent;
  const row = await insertDraftVersion(ctx, itemId, number, content);
  await bumpItem(ctx, item);
  await ctx.audit({ action: 'item.version.start', targetType: 'item', targetId: itemId, change: { number } });
  return { versionId: row.id, number: row.number };
}

/** Send the draft for review (送审). Everything a guide needs must be there and consistent. */
export async function submitForReview(ctx: WriteContext, itemId: number) {
  await loadItem(ctx, itemId);
  const draft = await openVersion(ctx.tx, itemId);
  if (!draft || draft.state !== 'draft') throw new AppError('CONFLICT', { reason: draft ? 'already in review' : 'no draft to submit' });
  const content = draft.content as ItemContent;
  const problems = validateContent(content, await existingOrganizations(ctx.tx, content));
  if (problems.length) throw new AppError('VALIDATION_FAILED', { problems });
  await ctx.tx
    .updateTable('item_version')
    .set({
      state: 'in_review',
      submitted_by: ctx.actor?.accountId || null,
      submitted_at: new Date(),
      review_note: null,
      version: sql`version + 1`,
      updated_at: new Date(),
    })
    .where('id', '=', draft.id)
    .where('state', '=', 'draft')
    .execute();
  await ctx.audit({ action: 'item.version.submit', targetType: 'item', targetId: itemId, change: { number: draft.number } });
  return { versionId: draft.id, number: draft.number, state: 'in_review' as const };
}

/**
 * Review (审核): approve publishes the version — the previous one is superseded, delegated items
 * follow — or reject sends it back as a draft with the reason. Nobody approves their own submission.
 */
export async function reviewVersion(ctx: WriteContext, itemId: number, input: { decision: 'approve' | 'reject'; note?: string | null }) {
  await referenceChanged(ctx.tx);
  const item = await loadItem(ctx, itemId, 'catalog.review');
  const pending = await openVersion(ctx.tx, itemId);
  if (!pending || pending.state !== 'in_review') throw new AppError('CONFLICT', { reason: 'no version is in review' });
  if (pending.submitted_by && pending.submitted_by === ctx.actor!.accountId)
    throw new AppError('FORBIDDEN', { reason: 'a version is approved by someone other than its submitter' });
  if (input.decision === 'reject') {
    if (!input.note) throw new AppError('VALIDATION_FAILED', { field: 'note', reason: 'say why the version is sent back' });
    await ctx.tx
      .updateTable('item_version')
      .set({
        state: 'draft',
        reviewed_by: ctx.actor!.accountId,
        reviewed_at: new Date(),
        review_note: input.note,
        version: sql`version + 1`,
        updated_at: new Date(),
      })
      .where('id', '=', pending.id)
      .execute();
    await ctx.audit({ action: 'item.version.reject', targetType: 'item', targetId: itemId, change: { number: pending.number, note: input.note } });
    return { versionId: pending.id, number: pending.number, state: 'draft' as const };
  }
  await publish(ctx, item, pending.id, pending.content as ItemContent, { reviewedBy: ctx.actor!.accountId, note: input.note ?? null });
  await ctx.audit({ action: 'item.version.publish', targetType: 'item', targetId: itemId, change: { number: pending.number } });
  await ctx.emit({
    type: 'catalog.item.published',
    streamType: 'item',
    streamId: itemId,
    payload: { itemId, code: item.code, versionId: pending.id, number: pending.number },
  });
  await refreshDelegated(ctx, item, pending.content as ItemContent);
  return { versionId: pending.id, number: pending.number, state: 'published' as const };
}

async function publish(ctx: WriteContext, item: ItemRow, versionId: number, content: ItemContent, review: { reviewedBy: number | null; note: string | null }) {
  await ctx.tx
    .updateTable('item_version')
    .set({ state: 'superseded', updated_at: new Date() })
    .where('item_id', '=', item.id)
    .where('state', '=', 'published')
    .execute();
  await ctx.tx
    .updateTable('item_version')
    .set({
      state: 'published',
      published_at: new Date(),
      reviewed_by: review.reviewedBy,
      reviewed_at: new Date(),
      review_note: review.note,
      search_tsv: searchVector(content, item.organization_name),
      version: sql`version + 1`,
      updated_at: new Date(),
    })
    .where('id', '=', versionId)
    .execute();
  await ctx.tx
    .updateTable('item')
    .set({ status: 'published', published_version_id: versionId, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', item.id)
    .execute();
}

const localFields = ['location', 'hours', 'consultPhone', 'complaintPhone'] as const;
export type LocalDetails = Partial<Record<(typeof localFields)[number], string>>;

function derivedContent(parent: ItemContent, level: ItemContent['level'], local: LocalDetails): ItemContent {
  const out: ItemContent = { ...parent, level, powerSource: '上级下放' };
  for (const f of localFields) if (local[f]) out[f] = local[f]!;
  return out;
}

async function publishDerived(ctx: WriteContext, child: ItemRow, content: ItemContent, reason: string) {
  const number = await nextVersionNumber(ctx.tx, child.id);
  const row = await insertDraftVersion(ctx, child.id, number, content, reason);
  await publish(ctx, child, row.id, content, { reviewedBy: null, note: reason });
  await ctx.audit({ action: 'item.version.publish', targetType: 'item', targetId: child.id, change: { number, reason } });
}

/** When a base item publishes a new standard, every item delegated from it follows with its local details kept. */
async function refreshDelegated(ctx: WriteContext, parent: ItemRow, content: ItemContent) {
  const children = await itemQuery(ctx.tx).where('i.parent_item_id', '=', parent.id).where('i.status', '<>', 'cancelled').execute();
  for (const child of children) {
    await publishDerived(ctx, child, derivedContent(content, levelOf[child.region_level], child.local as LocalDetails), `统一标准更新（${parent.code}）`);
  }
}

/**
 * 下放: delegate a published item to organizations at lower levels. Each gets its own item that
 * implements the unified standard, published at once; only local details (place, hours, phones) differ.
 */
export async function delegateItem(ctx: WriteContext, itemId: number, input: { organizationIds: number[] }) {
  await referenceChanged(ctx.tx);
  const item = await loadItem(ctx, itemId);
  if (item.status !== 'published') throw new AppError('CONFLICT', { reason: 'only a published item is delegated' });
  const current = (await publishedVersion(ctx.tx, itemId))!;
  const created: { id: number; code: string; organizationId: number }[] = [];
  for (const organizationId of input.organizationIds) {
    const place = await organizationPlacement(ctx.tx, organizationId);
    requireAccess(ctx.actor, 'catalog.manage', place);
    if (!place!.regionPath.startsWith(item.region_path) || place!.regionPath === item.region_path) {
      throw new AppError('VALIDATION_FAILED', { field: 'organizationIds', organizationId, reason: 'delegation goes to an organization of a lower region' });
    }
    const org = await ctx.tx.selectFrom('organization').select(['credit_code', 'region_id']).where('id', '=', organizationId).executeTakeFirstOrThrow();
    const row = await ctx.tx
      .insertInto('item')
      .values({
        code: `${org.credit_code}-${item.base_code}`,
        base_code: item.base_code,
        organization_id: organizationId,
        region_id: org.region_id,
        parent_item_id: item.id,
        published_version_id: null,
        cancelled_at: null,
        cancel_reason: null,
      })
      .returning(['id', 'code'])
      .executeTakeFirstOrThrow();
    const child = (await itemQuery(ctx.tx).where('i.id', '=', row.id).executeTakeFirstOrThrow()) as ItemRow;
    await ctx.audit({ action: 'item.delegate', targetType: 'item', targetId: row.id, change: { parent: item.code, code: row.code } });
    await publishDerived(ctx, child, derivedContent(current.content as ItemContent, levelOf[child.region_level], {}), `下放自 ${item.code}`);
    created.push({ id: row.id, code: row.code, organizationId });
  }
  return { delegated: created };
}

/** A delegated item sets its own place, hours and phones; the rest stays the unified standard. */
export async function setLocalDetails(ctx: WriteContext, itemId: number, input: { local: LocalDetails; version: number }) {
  await referenceChanged(ctx.tx);
  const item = await loadItem(ctx, itemId);
  if (!item.parent_item_id) throw new AppError('CONFLICT', { reason: 'only a delegated item has local details; edit a draft instead' });
  if (item.status === 'cancelled') throw new AppError('CONFLICT', { reason: 'the item is cancelled' });
  await bumpItem(ctx, item, { local: JSON.stringify(input.local) }, input.version);
  const parent = (await publishedVersion(ctx.tx, item.parent_item_id))!;
  await publishDerived(ctx, item, derivedContent(parent.content as ItemContent, levelOf[item.region_level], input.local), '本级实施信息更新');
  return { ok: true };
}

/** 取消: the item takes no new applications; items delegated from it are cancelled with it. */
export async function cancelItem(ctx: WriteContext, itemId: number, input: { reason: string }) {
  await referenceChanged(ctx.tx);
  const item = await loadItem(ctx, itemId);
  if (item.status === 'cancelled') throw new AppError('CONFLICT', { reason: 'already cancelled' });
  const ids = [
    item.id,
    ...(await ctx.tx.selectFrom('item').select('id').where('parent_item_id', '=', item.id).where('status', '<>', 'cancelled').execute()).map((r) => r.id),
  ];
  await ctx.tx
    .updateTable('item')
    .set({ status: 'cancelled', cancelled_at: new Date(), cancel_reason: input.reason, version: sql`version + 1`, updated_at: new Date() })
    .where('id', 'in', ids)
    .execute();
  await ctx.tx
    .updateTable('item_version')
    .set({ state: 'cancelled', updated_at: new Date() })
    .where('item_id', 'in', ids)
    .where('state', 'in', ['published', 'draft', 'in_review'])
    .execute();
  for (const id of ids) await ctx.audit({ action: 'item.cancel', targetType: 'item', targetId: id, change: { reason: input.reason } });
  await ctx.emit({ type: 'catalog.item.cancelled', streamType: 'item', streamId: item.id, payload: { itemIds: ids, reason: input.reason } });
  return { cancelled: ids.length };
}

/** Publish without review: used by the demo data and by imports an administrator approves in one step. */
export async function publishDirectly(ctx: WriteContext, itemId: number) {
  await referenceChanged(ctx.tx);
  const item = await loadItem(ctx, itemId, 'catalog.review');
  const draft = await openVersion(ctx.tx, itemId);
  if (!draft) throw new AppError('CONFLICT', { reason: 'nothing to publish' });
  const content = draft.content as ItemContent;
  const problems = validateContent(content, await existingOrganizations(ctx.tx, content));
  if (problems.length) throw new AppError('VALIDATION_FAILED', { problems, code: item.code });
  await publish(ctx, item, draft.id, content, { reviewedBy: ctx.actor?.accountId || null, note: null });
  await ctx.audit({ action: 'item.version.publish', targetType: 'item', targetId: itemId, change: { number: draft.number } });
  await refreshDelegated(ctx, item, content);
}
