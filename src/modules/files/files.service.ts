import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { sql, type Generated } from 'kysely';
import type { Deps } from '../../server/deps.ts';
import type { Executor } from '../../server/db/database.ts';
import type { WriteContext } from '../../server/write.ts';
import { AppError } from '../../server/errors.ts';
import type { Actor } from '../../server/access.ts';
import '../cases/cases.tables.ts';
import '../cases/fees.tables.ts';

export interface StoredFileTable {
  id: Generated<number>;
  sha256: string;
  size: number;
  content_type: string;
  name: string;
  uploaded_by: number | null;
  created_at: Generated<Date>;
}
declare module '../../server/db/database.ts' {
  interface Database {
    stored_file: StoredFileTable;
  }
}

export const maxFileBytes = 20 * 1024 * 1024;

/** The types a material may be, and the bytes each must start with (the declared type must be the real one). */
export const allowedTypes: Record<string, (b: Buffer) => boolean> = {
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  // OFD (GB/T 33190) is a zip container
  'application/ofd': (b) => b[0] === 0x50 && b[1] === 0x4b,
};

/**
 * The virus-scan hook. Deployments plug a scanner in here (clamd, a cloud scanner); the built-in
 * check refuses the EICAR test file so the path is exercised end to end.
 */
export type Scanner = (data: Buffer) => Promise<{ clean: boolean; signature?: string }>;
let scanner: Scanner = async (data) => {
  const eicar = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';
  return data.includes(eicar) ? { clean: false, signature: 'EICAR-Test-File' } : { clean: true };
};
export function setScanner(s: Scanner): void {
  scanner = s;
}

function blobPath(deps: Deps, sha: string): string {
  return path.join(deps.config.dataDir, 'files', sha.slice(0, 2), sha.slice(2, 4), sha);
}

/** Store an upload: type and size limits, real-type check, virus scan, then the bytes by their SHA-256 (stored once however often uploaded). */
export async function storeFile(ctx: WriteContext, deps: Deps, input: { data: Buffer; contentType: string; name: string }) {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  const check = allowedTypes[input.contentType];
  if (!check) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { allowed: Object.keys(allowedTypes) });
  // `reason` names the refusal for the caller to word (the web app says it in the reader's language); `detail` says it in English
  if (input.data.length === 0) throw new AppError('VALIDATION_FAILED', { reason: 'empty', detail: 'the file is empty' });
  if (input.data.length > maxFileBytes) throw new AppError('PAYLOAD_TOO_LARGE', { maxBytes: maxFileBytes });
  if (!check(input.data))
    throw new AppError('VALIDATION_FAILED', { reason: 'type_mismatch', contentType: input.contentType, detail: `the file is not really ${input.contentType}` });
  const verdict = await scanner(input.data);
  if (!verdict.clean) throw new AppError('VALIDATION_FAILED', { reason: 'infected', signature: verdict.signature, detail: 'the file failed the virus scan' });
  const sha = createHash('sha256').update(input.data).digest('hex');
  const target = blobPath(deps, sha);
  if (!existsSync(target)) {
    await mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.tmp`;
    await writeFile(tmp, input.data);
    await rename(tmp, target);
  }
  const name = input.name.replace(/[\\/\0]/g, '_').slice(0, 200) || 'file';
  const row = await ctx.tx
    .insertInto('stored_file')
    .values({ sha256: sha, size: input.data.length, content_type: input.contentType, name, uploaded_by: ctx.actor.accountId })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
  await ctx.audit({
    action: 'file.store',
    targetType: 'file',
    targetId: row.id,
    change: { sha256: sha, size: input.data.length, contentType: input.contentType },
  });
  return { id: row.id, sha256: sha, size: input.data.length, contentType: input.contentType, name, createdAt: row.created_at.toISOString() };
}

/**
 * Store a file the platform generated (a case's PDF documents): no uploader, no scan, the same
 * content-addressed storage. Runs in the caller's transaction; the bytes are written first.
 */
export async function storeGeneratedFile(tx: Executor, deps: Deps, input: { data: Buffer; contentType: string; name: string }) {
  const sha = createHash('sha256').update(input.data).digest('hex');
  const target = blobPath(deps, sha);
  if (!existsSync(target)) {
    await mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(tmp, input.data);
    await rename(tmp, target);
  }
  const row = await tx
    .insertInto('stored_file')
    .values({ sha256: sha, size: input.data.length, content_type: input.contentType, name: input.name.slice(0, 200), uploaded_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, sha256: sha };
}

/** The bytes of a stored file, for modules that check access themselves (case documents). */
export async function readFileBytes(deps: Deps, sha256: string): Promise<Buffer> {
  return readFile(blobPath(deps, sha256));
}

/** A file is readable by whoever uploaded it and by staff who read cases (materials are part of cases). */
/**
 * A stored file, for its uploader or for whoever may read a case it belongs to (as a material or as
 * one of the case's documents): staff only within their scope, an applicant only their own cases.
 * Anyone else learns nothing, not even that the file exists (404).
 */
export async function readStoredFile(deps: Deps, actor: Actor | null, id: number, mayReadCase: (caseId: number) => Promise<boolean>) {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const row = await deps.db.selectFrom('stored_file').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  if (row.uploaded_by !== actor.accountId) {
    const cases = await deps.db
      .selectFrom('case_material')
      .select('case_id')
      .where('reference', '=', `file:${id}`)
      .union(deps.db.selectFrom('case_document').select('case_id').where('file_id', '=', id))
      .limit(20)
      .execute();
    let allowed = false;
    for (const c of cases) if ((allowed = await mayReadCase(c.case_id))) break;
    if (!allowed) throw new AppError('NOT_FOUND');
  }
  return { meta: row, data: await readFile(blobPath(deps, row.sha256)) };
}

/** `file:<id>` references in applications must name files the applicant (or clerk) uploaded. */
export async function checkFileReferences(db: Executor, actor: Actor, references: string[]): Promise<void> {
  const ids = references.filter((r) => r.startsWith('file:')).map((r) => Number(r.slice(5)));
  if (ids.some((n) => !Number.isInteger(n) || n <= 0)) throw new AppError('VALIDATION_FAILED', { field: 'materials', reason: 'a file reference is file:<id>' });
  if (ids.length === 0) return;
  const rows = await db.selectFrom('stored_file').select(['id', 'uploaded_by']).where('id', 'in', ids).execute();
  const mine = new Set(rows.filter((r) => r.uploaded_by === actor.accountId).map((r) => r.id));
  const foreign = ids.filter((i) => !mine.has(i));
  if (foreign.length) throw new AppError('VALIDATION_FAILED', { field: 'materials', reason: 'unknown file', files: foreign });
}

export interface MyFile {
  id: number;
  name: string;
  size: number;
  contentType: string;
  createdAt: string;
  /** what it was handed in as, and in which of the applicant's cases, the latest first */
  usedFor: { caseId: number; number: string; subject: string; material: string }[];
}

/**
 * 材料复用: the signed-in applicant's own uploads, the latest first, each with what it was handed in as in their cases
 * (their own, or those they applied for as an agent), to hand one in again without uploading it anew. `q` keeps those
 * whose name, or the name of a material they were handed in as, holds it. Files the platform generated (documents) and
 * a clerk's uploads at the window are not an applicant's uploads.
 */
export async function listMyFiles(
  db: Executor,
  actor: Actor | null,
  query: { q?: string; limit: number; offset: number },
): Promise<{ items: MyFile[]; total: number }> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (actor.kind !== 'applicant' || !actor.applicantId) throw new AppError('FORBIDDEN', { reason: 'an applicant’s own uploads' });
  const q = query.q?.trim().toLowerCase() || null;
  // the uses are read through the applicant's cases (kase_applicant_idx, kase_agent_idx), never by scanning every material
  const { rows } = await sql<{
    id: number;
    name: string;
    size: number;
    content_type: string;
    created_at: Date;
    used_for: MyFile['usedFor'] | null;
    total: number;
  }>`
    WITH uses AS (
      SELECT m.reference, k.id AS case_id, k.number, k.subject, m.name AS material
      FROM kase k
      JOIN case_material m ON m.case_id = k.id
      WHERE (k.applicant_id = ${actor.applicantId} OR k.agent_applicant_id = ${actor.applicantId}) AND m.reference LIKE 'file:%'
    ),
    mine AS (
      SELECT f.id, f.name, f.size, f.content_type, f.created_at,
             (SELECT json_agg(DISTINCT jsonb_build_object('caseId', u.case_id, 'number', u.number, 'subject', u.subject, 'material', u.material))
              FROM uses u WHERE u.reference = 'file:' || f.id) AS used_for
      FROM stored_file f
      WHERE f.uploaded_by = ${actor.accountId}
    )
    , kept AS (
      SELECT * FROM mine
      WHERE ${q}::text IS NULL
         OR strpos(lower(mine.name), ${q}::text) > 0
         OR EXISTS (SELECT 1 FROM json_array_elements(mine.used_for) e WHERE strpos(lower(e ->> 'material'), ${q}::text) > 0)
    )
    SELECT page.*, (SELECT count(*) FROM kept)::int AS total
    FROM (SELECT 1) one
    LEFT JOIN LATERAL (SELECT * FROM kept ORDER BY kept.id DESC LIMIT ${query.limit} OFFSET ${query.offset}) page ON true`.execute(db);
  return {
    items: rows
      .filter((r) => r.id !== null)
      .map((r) => ({
        id: r.id,
        name: r.name,
        size: r.size,
        contentType: r.content_type,
        createdAt: r.created_at.toISOString(),
        usedFor: (r.used_for ?? []).sort((a, b) => b.caseId - a.caseId),
      })),
    total: rows[0]?.total ?? 0,
  };
}
