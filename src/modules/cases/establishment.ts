import { sql } from 'kysely';
import { pipelinedRows, pipelinedWrite, type Executor } from '../../server/db/database.ts';
import type { WriteContext } from '../../server/write.ts';
import { AppError } from '../../server/errors.ts';
import { maskIdNumber, newEnterpriseCreditCode } from '../../common/validators.ts';
import type { ItemContent } from '../catalog/catalog.schemas.ts';
import { recordCaseEvent, updateCase, versionContent, type CaseRow } from './case-core.ts';
import { licenseReference } from './licenses.ts';
import { providedByRegistration } from '../catalog/bundles.service.ts';
import { partyCipher } from './party.ts';
import { pauseClock, resumeClock } from '../calendar/clocks.service.ts';
import '../identity/identity.tables.ts';
import '../org/org.tables.ts';

/*
 * 市场主体登记: an item whose grant registers an enterprise (`establishes`, 企业设立登记) issues its license to that
 * enterprise, not to the founder who applied — a 营业执照 names the company, its unified social credit code, its legal
 * representative and domicile. The grant enters the company in the register of applicants, with a credit code of
 * its region drawn from a sequence (GB 32100-2015), and the founder may act for it from then on (代办), as they
 * would once the company's own account is opened: the company's later applications, its seal and tax registration
 * (企业开办), are made for it, not for the founder.
 */

/** An enterprise registered by a grant: who holds the license. */
export interface Registered {
  applicantId: number;
  name: string;
  creditCode: string;
  legalRepresentative: string;
  address: string | null;
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** The name an application registers, as its form gives it. */
export function registeredName(content: Pick<ItemContent, 'establishes'>, formData: Record<string, unknown>): string {
  return content.establishes ? text(formData[content.establishes.nameField]) : '';
}

/**
 * Whether an enterprise of this name is in the register already, by the index of enterprises' names. The kind is a
 * literal: a prepared statement's generic plan cannot use a partial index for a parameter, and scans the register.
 */
const nameTaken = (db: Executor, name: string) =>
  db.selectFrom('applicant').select('id').where('kind', '=', sql.lit('enterprise')).where('name', '=', name).limit(1);

/**
 * At intake: an application to register an enterprise under a name already in the register is refused, with a 400
 * naming the form's field (a name is one company's in its register: 企业名称登记管理规定), and nothing is filed. The
 * check is sent at once, in the caller's transaction, and the promise settles with its answer: the caller files the
 * application meanwhile, in the same round trip, and awaits the promise before it goes on — a refusal rolls the
 * filing back (its case number drawn is skipped, as a sequence skips the ids of a rolled-back insert).
 */
export function requireNameFree(db: Executor, content: Pick<ItemContent, 'establishes'>, formData: Record<string, unknown>): Promise<void> {
  const name = registeredName(content, formData);
  if (!name) return Promise.resolve();
  const field = content.establishes!.nameField;
  const check = pipelinedRows(db, nameTaken(db, name)).then((rows) => {
    if (rows.length === 0) return;
    throw new AppError('VALIDATION_FAILED', {
      in: 'formData',
      field,
      reason: 'an enterprise of this name is registered already',
      problems: [{ path: field, message: 'an enterprise of this name is registered already', messageZh: '该名称已被其他企业登记使用' }],
    });
  });
  check.catch(() => {}); // settled by the caller; a transaction that fails first reports its own error
  return check;
}

/**
 * What a grant of the case registers, read in one round trip with the rest of the decision's first statements: the
 * enterprise an earlier grant of the case registered (a decision taken again after a return issues nothing new) —
 * or, when there is none, what registering one takes: the region's code, the serial of its credit code and the
 * applicant id drawn ahead (a sequence may leave gaps: a name taken meanwhile, which is rare, leaves one), and whether
 * the name is in the register already (by the index of enterprises' names; the kind is a literal, as in `nameTaken`).
 * The id's sequence is named (`applicant_id_seq`, the identity column's own): `pg_get_serial_sequence` would look it up
 * in the catalog's dependencies at every run, which cost more than the rest of the statement.
 */
const registrationStatement = (caseId: number, regionId: number, name: string) => sql<{
  registeredId: string | null;
  name: string | null;
  idNumberEnc: string | null;
  legalRepresentative: string | null;
  address: string | null;
  code: string;
  serial: string | null;
  newId: string | null;
  taken: boolean | null;
}>`
  SELECT a.id::text AS "registeredId", a.name, a.id_number_enc AS "idNumberEnc", a.legal_representative AS "legalRepresentative", a.address,
         r.code,
         CASE WHEN a.id IS NULL THEN nextval('enterprise_registration_seq')::text END AS serial,
         CASE WHEN a.id IS NULL THEN nextval('applicant_id_seq'::regclass)::text END AS "newId",
         CASE WHEN a.id IS NULL THEN EXISTS (SELECT 1 FROM applicant e WHERE e.kind = 'enterprise' AND e.name = ${name}) END AS taken
  FROM region r
  LEFT JOIN (case_document d JOIN kase k ON k.id = d.case_id JOIN applicant a ON a.id = d.holder_id)
    ON d.case_id = ${caseId} AND d.kind = 'license' AND d.holder_id <> k.applicant_id
  WHERE r.id = ${regionId}`;

/**
 * The enterprise (its credit code sealed, with a keyed hash for lookups, as every identifier) and its founder, its
 * agent, entered in one statement under the id drawn for it.
 */
const enterpriseInsert = (v: { id: number; name: string; creditCode: string; legalRepresentative: string; address: string | null; founderId: number }) => {
  const cipher = partyCipher();
  return sql`
    WITH a AS (
      INSERT INTO applicant (id, account_id, kind, name, id_number_enc, id_number_hash, id_number_mask, legal_representative, address)
      OVERRIDING SYSTEM VALUE
      VALUES (${v.id}::bigint, NULL, 'enterprise', ${v.name}, ${cipher.encrypt(v.creditCode)}, ${cipher.lookupHash(v.creditCode)},
              ${maskIdNumber(v.creditCode)}, ${v.legalRepresentative}, ${v.address})
      RETURNING id
    )
    INSERT INTO agent_authorization (agent_applicant_id, principal_applicant_id) SELECT ${v.founderId}::bigint, a.id FROM a`;
};

/**
 * At the grant: the enterprise that holds the case's license. The one an earlier grant of the case registered; else
 * the enterprise the case's form names enters the register now — its credit code drawn for the case's region, its
 * name, legal representative and domicile from the form — and the founder who applied may act for it. A name
 * registered meanwhile by another grant is a 409, and nothing is decided.
 *
 * The entry is written without waiting for it, under the id drawn ahead, with its audit entry just before COMMIT:
 * besides its first read, the decision waits for this read only, where a decision that registers nothing waits for
 * none.
 */
export async function registration(ctx: WriteContext, kase: CaseRow, content: ItemContent): Promise<Registered> {
  const e = content.establishes!;
  const cipher = partyCipher();
  const formData = JSON.parse(cipher.decrypt(kase.form_enc)) as Record<string, unknown>;
  const name = registeredName(content, formData);
  // two grants of one name at the same moment: the second waits here until the first has ended, and then its read
  // (a statement of its own, so a snapshot taken after the wait) finds the name taken
  if (name) await pipelinedWrite(ctx.tx, sql`SELECT pg_advisory_xact_lock(hashtextextended(${`enterprise-name:${name}`}, 0))`);
  const { rows } = await registrationStatement(kase.id, kase.region_id, name).execute(ctx.tx);
  const row = rows[0]!;
  if (row.registeredId !== null)
    return {
      applicantId: Number(row.registeredId),
      name: row.name!,
      creditCode: cipher.decrypt(row.idNumberEnc!),
      legalRepresentative: row.legalRepresentative ?? '',
      address: row.address,
    };
  const legalRepresentative = text(formData[e.legalRepresentativeField]);
  const address = e.addressField ? text(formData[e.addressField]) || null : null;
  if (!name || !legalRepresentative)
    throw new AppError('CONFLICT', {
      reason: 'the application names no enterprise or no legal representative to register',
      field: !name ? e.nameField : e.legalRepresentativeField,
    });
  if (row.taken)
    throw new AppError('CONFLICT', {
      reason: 'an enterprise of this name was registered meanwhile: the application cannot be granted as it stands',
      field: e.nameField,
      name,
    });
  const creditCode = newEnterpriseCreditCode(row.code.slice(0, 6), Number(row.serial) - 1);
  const applicantId = Number(row.newId);
  await pipelinedWrite(ctx.tx, enterpriseInsert({ id: applicantId, name, creditCode, legalRepresentative, address, founderId: kase.applicant_id }));
  await recordCaseEvent(ctx, kase, 'enterprise_registered', { applicantId, name, creditCode }, null, { metrics: false });
  // 企业开办一件事: the bundle application, which the founder follows, says so too
  if (kase.parent_id !== null) {
    const parent = (await ctx.tx
      .updateTable('kase')
      .set({ version: sql`version + 1`, updated_at: new Date() })
      .where('id', '=', kase.parent_id)
      .returningAll()
      .executeTakeFirstOrThrow()) as CaseRow;
    await recordCaseEvent(
      ctx,
      parent,
      'enterprise_registered',
      { applicantId, name, creditCode, byCase: { id: kase.id, number: kase.number }, bundle: true },
      null,
      { metrics: false },
    );
  }
  await ctx.auditNew({
    action: 'applicant.register',
    targetType: 'applicant',
    targetId: applicantId,
    change: { kind: 'enterprise', name, idNumber: maskIdNumber(creditCode), caseId: kase.id, caseNumber: kase.number, agentApplicantId: kase.applicant_id },
  });
  return { applicantId, name, creditCode, legalRepresentative, address };
}

/**
 * 企业开办一件事: once the bundle's registration (`kase`) has registered the company and issued its license, the
 * bundle's other item cases still in hand (the seal, the tax and the social insurance registrations) are the
 * company's: filed for it, the founder its agent; their fields of the company's name, credit code and legal
 * representative hold the registered ones, and the 营业执照 they take is the one just issued. Each timeline says so.
 */
export async function fileSiblingsFor(ctx: WriteContext, kase: CaseRow, content: ItemContent, registered: Registered): Promise<void> {
  if (kase.parent_id === null) return;
  const siblings = await ctx.tx
    .selectFrom('kase')
    .selectAll()
    .where('parent_id', '=', kase.parent_id)
    .where('id', '<>', kase.id)
    .where('applicant_id', '<>', registered.applicantId)
    .where('decision', 'is', null)
    .where('status', 'not in', ['withdrawn', 'refused'])
    .orderBy('id')
    .forUpdate()
    .execute();
  if (siblings.length === 0) return;
  const license = await ctx.tx.selectFrom('case_document').select('id').where('case_id', '=', kase.id).where('kind', '=', 'license').executeTakeFirst();
  const cipher = partyCipher();
  const particulars = { name: registered.name, creditCode: registered.creditCode, legalRepresentative: registered.legalRepresentative };
  for (const sibling of siblings) {
    const given = providedByRegistration(await versionContent(ctx.tx, sibling.item_version_id), content);
    const form = JSON.parse(cipher.decrypt(sibling.form_enc)) as Record<string, unknown>;
    for (const [field, particular] of given.fields) form[field] = particulars[particular];
    const moved = await updateCase(ctx, sibling, {
      applicant_id: registered.applicantId,
      agent_applicant_id: sibling.agent_applicant_id ?? sibling.applicant_id,
      form_enc: given.fields.size ? cipher.encrypt(JSON.stringify(form)) : undefined,
    });
    if (license && given.materials.length)
      await ctx.tx
        .updateTable('case_material')
        .set({ status: 'from_license', reference: licenseReference(license.id) })
        .where('case_id', '=', sibling.id)
        .where('material_key', 'in', given.materials)
        .where('status', '=', 'waived')
        .execute();
    // its wait for the registration ends: the clock runs again (holdForRegistration), and its department is told
    const waited = await resumeAfterRegistration(ctx, moved);
    await recordCaseEvent(
      ctx,
      moved,
      'enterprise_registered',
      {
        ...(waited ? await workedBy(ctx, sibling.id) : {}),
        applicantId: registered.applicantId,
        name: registered.name,
        creditCode: registered.creditCode,
        byCase: { id: kase.id, number: kase.number },
        formerApplicantId: sibling.applicant_id,
        ...(license ? { licenseId: license.id } : {}),
      },
      null,
      { metrics: false },
    );
  }
}

/**
 * Who works an item case now, for the department to be told when its wait for the registration ends: the open task's
 * department and post (the staff notifications read these from the event).
 */
async function workedBy(ctx: WriteContext, caseId: number) {
  const task = await ctx.tx
    .selectFrom('case_task')
    .select(['organization_id', 'assignee_role', 'name'])
    .where('case_id', '=', caseId)
    .where('state', 'in', ['open', 'claimed'])
    .orderBy('id')
    .executeTakeFirst();
  return task ? { organizationId: task.organization_id, role: task.assignee_role, task: task.name } : {};
}

/** Whether an item case waits for the bundle's registration: it takes the company's particulars or its 营业执照. */
const waitsFor = (content: ItemContent, registering: ItemContent) => {
  const given = providedByRegistration(content, registering);
  return given.fields.size > 0 || given.materials.length > 0;
};

/**
 * 企业开办一件事, at the bundle's acceptance: its item cases are accepted together and worked in parallel, but one that
 * takes the company's particulars or its 营业执照 (the seal, the tax and the social insurance registrations) cannot be
 * decided before the company exists. Its clock pauses (reason `registration`) until the registration is decided, so
 * that the registration's review does not count against it; meanwhile it is neither decided, sent back nor asked to
 * be supplemented (AWAITING_REGISTRATION). Each timeline says which case it waits for.
 */
export async function holdForRegistration(ctx: WriteContext, parentId: number): Promise<void> {
  const children = (await ctx.tx.selectFrom('kase').selectAll().where('parent_id', '=', parentId).orderBy('id').execute()) as CaseRow[];
  const contents = await Promise.all(children.map((c) => versionContent(ctx.tx, c.item_version_id)));
  const at = contents.findIndex((c) => !!c.establishes);
  if (at < 0) return;
  const registration = children[at]!;
  if (registration.status !== 'in_progress') return;
  for (const [i, child] of children.entries()) {
    if (i === at || child.status !== 'in_progress' || child.clock_id === null || !waitsFor(contents[i]!, contents[at]!)) continue;
    await pauseClock(ctx, child.clock_id, { reason: 'registration', note: `${registration.subject} ${registration.number}` });
    await recordCaseEvent(ctx, await updateCase(ctx, child, {}), 'awaiting_registration', {
      byCase: { id: registration.id, number: registration.number, subject: registration.subject },
    });
  }
}

/** The wait of an item case for the bundle's registration, if it is waiting, ends: its clock runs again. */
async function resumeAfterRegistration(ctx: WriteContext, kase: CaseRow): Promise<boolean> {
  if (kase.clock_id === null) return false;
  const pause = await ctx.tx
    .selectFrom('clock_pause')
    .select('id')
    .where('clock_id', '=', kase.clock_id)
    .where('ended_at', 'is', null)
    .where('reason', '=', 'registration')
    .executeTakeFirst();
  if (!pause) return false;
  await resumeClock(ctx, kase.clock_id);
  return true;
}

/**
 * 企业开办一件事: the registration is denied (不予登记). The item cases waiting for it go on, their clocks running again,
 * for their departments to decide — there is no company to grant them to — and each timeline says so.
 */
export async function releaseOnDenial(ctx: WriteContext, kase: CaseRow): Promise<void> {
  if (kase.parent_id === null) return;
  const siblings = (await ctx.tx
    .selectFrom('kase')
    .selectAll()
    .where('parent_id', '=', kase.parent_id)
    .where('id', '<>', kase.id)
    .where('status', '=', 'in_progress')
    .orderBy('id')
    .forUpdate()
    .execute()) as CaseRow[];
  for (const sibling of siblings)
    if (await resumeAfterRegistration(ctx, sibling))
      await recordCaseEvent(ctx, await updateCase(ctx, sibling, {}), 'registration_denied', {
        ...(await workedBy(ctx, sibling.id)),
        byCase: { id: kase.id, number: kase.number, subject: kase.subject },
      });
}
