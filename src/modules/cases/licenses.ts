import { AppError } from '../../server/errors.ts';
import { requireAccess, type Actor } from '../../server/access.ts';
import type { Executor } from '../../server/db/database.ts';
import { mayActFor } from '../identity/agents.service.ts';
import type { HeldLicense } from '../../common/licenses.ts';
import './cases.tables.ts';

/**
 * Electronic licenses an applicant holds (持有的电子证照): the license documents of their granted cases, and
 * their reuse as the materials of a new application — the applicant (or the clerk at the window, for them)
 * picks one instead of uploading a copy, and the case keeps it as `license:<document id>`.
 */

/** A material's reference to a held license. */
export const licenseReference = (documentId: number) => `license:${documentId}`;

/** The license document a material's reference names, or undefined. */
export function referencedLicense(reference: string | null | undefined): number | undefined {
  const match = /^license:([1-9][0-9]{0,15})$/.exec(reference ?? '');
  return match ? Number(match[1]) : undefined;
}

function licensesQuery(db: Executor, applicantId: number) {
  return (
    db
      .selectFrom('case_document as d')
      .innerJoin('kase as k', 'k.id', 'd.case_id')
      .innerJoin('organization as o', 'o.id', 'k.organization_id')
      .select(['d.id', 'd.number', 'd.title', 'd.created_at', 'k.id as case_id', 'k.number as case_number', 'o.name as issuer'])
      .where('d.kind', '=', 'license')
      .where('k.applicant_id', '=', applicantId)
      .where('k.decision', '=', 'granted')
      // a license revoked after its commitment proved false (commitment.ts) is no longer held
      .where('k.revoked_at', 'is', null)
  );
}

export async function heldLicenses(db: Executor, applicantId: number, type?: string): Promise<HeldLicense[]> {
  let query = licensesQuery(db, applicantId);
  if (type) query = query.where('d.title', '=', type);
  const rows = await query.orderBy('d.id', 'desc').limit(200).execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    type: r.title,
    issuer: r.issuer,
    issuedAt: r.created_at.toISOString(),
    caseId: r.case_id,
    caseNumber: r.case_number,
  }));
}

/**
 * `GET /licenses`: an applicant's own licenses, or those of a principal they may act for; a clerk's, for the
 * applicant received at the window (`applicantId`, with `case.intake`).
 */
export async function listHeldLicenses(db: Executor, actor: Actor | null, q: { applicantId?: number; type?: string }) {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  let applicantId: number;
  if (actor.kind === 'applicant') {
    if (!actor.applicantId) throw new AppError('FORBIDDEN');
    applicantId = q.applicantId ?? actor.applicantId;
    if (applicantId !== actor.applicantId && !(await mayActFor(db, actor.applicantId, applicantId)))
      throw new AppError('FORBIDDEN', { reason: 'no authorization to act for this applicant' });
  } else {
    requireAccess(actor, 'case.intake');
    if (!q.applicantId) throw new AppError('VALIDATION_FAILED', { field: 'applicantId', reason: 'the applicant received at the window' });
    applicantId = q.applicantId;
  }
  const items = await heldLicenses(db, applicantId, q.type);
  return { items, total: items.length };
}

/**
 * The licenses an application names (`licenseId` of a material), checked: each must be a license the
 * applicant holds, of the type the material takes. Answers each material's reference by key.
 */
export async function takeHeldLicenses(
  db: Executor,
  applicantId: number,
  materials: { key: string; licenseId?: number | null }[],
  typeOf: (key: string) => string | undefined,
): Promise<Map<string, string>> {
  const named = materials.filter((m) => m.licenseId);
  const taken = new Map<string, string>();
  if (named.length === 0) return taken;
  const held = new Map(
    (
      await licensesQuery(db, applicantId)
        .where(
          'd.id',
          'in',
          named.map((m) => m.licenseId!),
        )
        .execute()
    ).map((r) => [r.id, r]),
  );
  for (const m of named) {
    const license = held.get(m.licenseId!);
    if (!license)
      throw new AppError('VALIDATION_FAILED', { field: 'materials', key: m.key, reason: 'the applicant holds no such license', licenseId: m.licenseId });
    const type = typeOf(m.key);
    if (!type || license.title !== type)
      throw new AppError('VALIDATION_FAILED', {
        field: 'materials',
        key: m.key,
        reason: type ? `this material takes a ${type}, not a ${license.title}` : 'this material is not taken from a license',
      });
    taken.set(m.key, licenseReference(license.id));
  }
  return taken;
}
