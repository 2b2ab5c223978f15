import { sql } from 'kysely';
import type { Db, Executor } from '../../server/db/database.ts';
import type { Deps } from '../../server/deps.ts';
import type { Actor } from '../../server/access.ts';
import type { WriteContext } from '../../server/write.ts';
import { AppError } from '../../server/errors.ts';
import './drafts.tables.ts';
import '../catalog/catalog.tables.ts';

/**
 * 暂存: an online application saved unfinished, to continue later. A draft is its account's alone, and only an
 * applicant's account keeps drafts (the window files what it receives at once). Its content is whatever the page needs
 * to put the application back as it was, kept encrypted; nothing in it is checked until the application is filed.
 * Saving a draft is not a record of the center's: it writes no audit entry and no event.
 */

/** How long a draft is kept after its last save. */
export const draftDays = 30;
/** The most drafts an account keeps at once. */
export const maxDrafts = 20;
/** The most a draft's content may weigh, as JSON. */
export const maxDraftBytes = 256 * 1024;

export interface DraftSummary {
  id: number;
  itemCode: string | null;
  bundleCode: string | null;
  /** the item's or the bundle's name, as published now */
  name: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
}

function requireApplicant(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (actor.kind !== 'applicant') throw new AppError('FORBIDDEN', { reason: 'drafts are kept by an applicant’s account' });
  return actor;
}

const expiry = (now: Date) => new Date(now.getTime() + draftDays * 86_400_000);

function sealed(deps: Deps, content: Record<string, unknown>): string {
  const json = JSON.stringify(content);
  if (Buffer.byteLength(json) > maxDraftBytes)
    throw new AppError('VALIDATION_FAILED', { field: 'content', reason: `a draft holds at most ${maxDraftBytes / 1024} kB` });
  return deps.cipher.encrypt(json);
}

/** The account's drafts that have not run out, with what each is for, the latest saved first. */
function draftsOf(db: Executor, accountId: number) {
  return db
    .selectFrom('application_draft as d')
    .leftJoin('item as i', 'i.id', 'd.item_id')
    .leftJoin('item_version as v', 'v.id', 'i.published_version_id')
    .leftJoin('bundle as b', 'b.id', 'd.bundle_id')
    .select([
      'd.id',
      'd.version',
      'd.created_at',
      'd.updated_at',
      'd.expires_at',
      'd.content_enc',
      'i.code as item_code',
      'b.code as bundle_code',
      sql<string>`coalesce(v.name, b.name, '')`.as('name'),
    ])
    .where('d.account_id', '=', accountId)
    .where('d.expires_at', '>', sql<Date>`now()`);
}

const summary = (r: {
  id: number;
  version: number;
  created_at: Date;
  updated_at: Date;
  expires_at: Date;
  item_code: string | null;
  bundle_code: string | null;
  name: string;
}): DraftSummary => ({
  id: r.id,
  itemCode: r.item_code,
  bundleCode: r.bundle_code,
  name: r.name,
  version: r.version,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  expiresAt: r.expires_at.toISOString(),
});

/** 我的草稿: the signed-in applicant's drafts, the latest saved first. */
export async function listDrafts(db: Executor, actor: Actor | null): Promise<{ items: DraftSummary[] }> {
  const me = requireApplicant(actor);
  const rows = await draftsOf(db, me.accountId).orderBy('d.updated_at', 'desc').orderBy('d.id', 'desc').execute();
  return { items: rows.map(summary) };
}

/** One draft with its content, to continue it; another's, or one that ran out, is not found. */
export async function readDraft(db: Executor, deps: Deps, actor: Actor | null, id: number) {
  const me = requireApplicant(actor);
  const row = await draftsOf(db, me.accountId).where('d.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return { ...summary(row), content: JSON.parse(deps.cipher.decrypt(row.content_enc)) as Record<string, unknown> };
}

/** What the draft is for: a published item or bundle, by its code. */
async function subjectOf(db: Executor, input: { itemCode?: string; bundleCode?: string }) {
  if (!input.itemCode === !input.bundleCode) throw new AppError('VALIDATION_FAILED', { field: 'itemCode', reason: 'name an item or a bundle, not both' });
  if (input.itemCode) {
    const item = await db
      .selectFrom('item')
      .select('id')
      .where('code', '=', input.itemCode)
      .where('status', '=', 'published')
      .where('published_version_id', 'is not', null)
      .executeTakeFirst();
    if (!item) throw new AppError('NOT_FOUND', { itemCode: input.itemCode });
    return { item_id: item.id, bundle_id: null };
  }
  const bundle = await db.selectFrom('bundle').select('id').where('code', '=', input.bundleCode!).where('state', '=', 'published').executeTakeFirst();
  if (!bundle) throw new AppError('NOT_FOUND', { bundleCode: input.bundleCode });
  return { item_id: null, bundle_id: bundle.id };
}

/** 暂存 for the first time: a new draft of an application for an item or a bundle. */
export async function createDraft(ctx: WriteContext, deps: Deps, input: { itemCode?: string; bundleCode?: string; content: Record<string, unknown> }) {
  const me = requireApplicant(ctx.actor);
  const subject = await subjectOf(ctx.tx, input);
  const content_enc = sealed(deps, input.content);
  // the account's drafts are counted one transaction at a time, so that two saves at once cannot pass the limit together
  await sql`SELECT pg_advisory_xact_lock(hashtextextended('application_draft', ${me.accountId}))`.execute(ctx.tx);
  const { n } = await ctx.tx
    .selectFrom('application_draft')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('account_id', '=', me.accountId)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirstOrThrow();
  if (n >= maxDrafts) throw new AppError('CONFLICT', { reason: `an account keeps at most ${maxDrafts} drafts: submit or delete one first`, limit: maxDrafts });
  const now = new Date();
  const row = await ctx.tx
    .insertInto('application_draft')
    .values({ account_id: me.accountId, ...subject, content_enc, created_at: now, updated_at: now, expires_at: expiry(now) })
    .returning(['id', 'version', 'updated_at', 'expires_at'])
    .executeTakeFirstOrThrow();
  return { id: row.id, version: row.version, updatedAt: row.updated_at.toISOString(), expiresAt: row.expires_at.toISOString() };
}

/**
 * 暂存 again: the draft's content replaced, if it is still the version the page read. Saved meanwhile elsewhere (another
 * tab, another device), it is a 409 and nothing changes. Each save keeps it another 30 days.
 */
export async function saveDraft(ctx: WriteContext, deps: Deps, id: number, input: { content: Record<string, unknown>; version: number }) {
  const me = requireApplicant(ctx.actor);
  const content_enc = sealed(deps, input.content);
  const now = new Date();
  const row = await ctx.tx
    .updateTable('application_draft')
    .set({ content_enc, version: sql`version + 1`, updated_at: now, expires_at: expiry(now) })
    .where('id', '=', id)
    .where('account_id', '=', me.accountId)
    .where('version', '=', input.version)
    .where('expires_at', '>', now)
    .returning(['id', 'version', 'updated_at', 'expires_at'])
    .executeTakeFirst();
  if (row) return { id: row.id, version: row.version, updatedAt: row.updated_at.toISOString(), expiresAt: row.expires_at.toISOString() };
  const current = await ctx.tx
    .selectFrom('application_draft')
    .select('version')
    .where('id', '=', id)
    .where('account_id', '=', me.accountId)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (!current) throw new AppError('NOT_FOUND');
  throw new AppError('CONFLICT', { reason: 'the draft was saved meanwhile elsewhere', expectedVersion: input.version, version: current.version });
}

/** A draft given up. */
export async function deleteDraft(ctx: WriteContext, id: number): Promise<void> {
  const me = requireApplicant(ctx.actor);
  const gone = await ctx.tx.deleteFrom('application_draft').where('id', '=', id).where('account_id', '=', me.accountId).executeTakeFirst();
  if (Number(gone.numDeletedRows) === 0) throw new AppError('NOT_FOUND');
}

/**
 * The application filed from a draft takes it away, in the filing's transaction: should the filing fail, the draft is
 * still there. A draft not the caller's (or run out) is a 404, and nothing is filed.
 */
export async function takeDraft(ctx: WriteContext, id: number): Promise<void> {
  const me = requireApplicant(ctx.actor);
  const gone = await ctx.tx
    .deleteFrom('application_draft')
    .where('id', '=', id)
    .where('account_id', '=', me.accountId)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  if (Number(gone.numDeletedRows) === 0) throw new AppError('NOT_FOUND', { draftId: id });
}

/** Drafts not saved for 30 days (the daily `drafts-purge` job). Answers how many went. */
export async function purgeExpiredDrafts(db: Db, now = new Date()): Promise<number> {
  const gone = await db.deleteFrom('application_draft').where('expires_at', '<=', now).executeTakeFirst();
  return Number(gone.numDeletedRows);
}
