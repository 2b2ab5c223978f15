import { sql } from 'kysely';
import { zeroPadded } from '../../server/db/numbering.ts';
import type { Deps } from '../../server/deps.ts';
import { pipelinedWrite, shapedStatement, type Executor, type Tx } from '../../server/db/database.ts';
import type { WriteContext } from '../../server/write.ts';
import type { Actor } from '../../server/access.ts';
import { AppError } from '../../server/errors.ts';
import { randomToken } from '../../server/crypto.ts';
import { onEvent, type DomainEvent } from '../../server/events.ts';
import { readFileBytes, storeGeneratedFile } from '../files/files.service.ts';
import type { ItemContent } from '../catalog/catalog.schemas.ts';
import { caseExtra, loadCase, versionContent, type CaseRow } from './case-core.ts';
import { requireCaseRead } from './cases.queries.ts';
import { formatCivilDay, formatDay, formatDueDay, formatMinute, formatYuan, renderCaseDocumentPdf, type PrintedDocument } from './case-pdf.ts';
import { documentKindList, type DocumentKind } from '../../common/documents.ts';
import type { DeliveryMethod } from '../../common/delivery.ts';
import { issuesLicense } from '../../common/licenses.ts';
import { decisionWording, isLicensing } from '../../common/decisions.ts';
import { cancelOnGrant, licenseReference, licenseValidity } from './licenses.ts';
import { partyCipher, partyIdentifier } from './party.ts';
import { fileSiblingsFor, registration, releaseOnDenial, type Registered } from './establishment.ts';
import './fees.tables.ts';
import './cases.tables.ts';

/**
 * A case's documents. Each is issued in the transaction of the action it records: its number and
 * everything it prints are fixed then (`case_document.content`). The PDF is rendered from that content
 * after commit — by the outbox consumer of the action's event, or on the first download, whichever
 * comes first — and stored once through the files storage with its SHA-256.
 */

const codes: Record<DocumentKind, string> = {
  material_receipt: 'SJ',
  commitment_letter: 'CN',
  acceptance_notice: 'SL',
  one_time_notice: 'GZ',
  refusal_decision: 'BSL',
  decision: 'JD',
  license: 'ZZ',
  receipt: 'PJ',
  fiscal_bill: 'CZ',
  revocation_decision: 'CX',
  delivery_receipt: 'SD',
};

/** How long a limit is, in words: 20个工作日, 90个自然日. */
export const limitText = (l: { value: number; unit: 'workday' | 'day' | 'workhour' }) =>
  `${l.value}${{ workday: '个工作日', day: '个自然日', workhour: '个工作小时' }[l.unit]}`;

export interface CaseFacts {
  number: string;
  subject: string;
  itemCode: string;
  organizationName: string;
  regionName: string;
  applicantKind: 'person' | 'enterprise';
  /** the party's name in full: a document served on the party names it (party.ts) */
  applicantName: string;
  /** an enterprise's credit code in full, a person's ID number masked (party.ts) */
  applicantId: string;
  receivedAt: Date;
}

/** A bundle application's names (一件事): its bundle's code and lead organization, where an item case has its item's. */
function bundleFacts(db: Executor, kase: CaseRow) {
  return db
    .selectFrom('bundle as b')
    .innerJoin('organization as o', 'o.id', 'b.organization_id')
    .innerJoin('region as g', 'g.id', 'b.region_id')
    .innerJoin('applicant as a', (j) => j.on('a.id', '=', kase.applicant_id))
    .select(['b.code', 'o.name as org', 'g.name as region', 'a.kind', 'a.name', 'a.id_number_mask'])
    .select(sql<string | null>`CASE WHEN a.kind = 'enterprise' THEN a.id_number_enc END`.as('credit_code_enc'))
    .where('b.id', '=', kase.bundle_id)
    .executeTakeFirst();
}

export async function caseFacts(db: Executor, kase: CaseRow): Promise<CaseFacts> {
  const r = (await caseExtra(db, kase.id, 'documentFacts')) ?? (kase.bundle_id !== null ? await bundleFacts(db, kase) : null);
  if (!r) throw new AppError('NOT_FOUND', { reason: 'the case has no item or bundle to name' });
  const kind = r.kind === 'person' ? 'person' : 'enterprise';
  return {
    number: kase.number,
    subject: kase.subject,
    itemCode: r.code,
    organizationName: r.org,
    regionName: r.region,
    applicantKind: kind,
    applicantName: r.name,
    applicantId: partyIdentifier(r),
    receivedAt: kase.received_at,
  };
}

type Content = Omit<PrintedDocument, 'number' | 'issuedAt'>;

/**
 * A document's number, drawn in the statement that inserts it: `<prefix><year>-<7-digit sequence>`, the sequence its
 * kind's own (`case_document_<kind>_seq`, migration 0042), as a register of each kind counts. The sequence is named
 * by a parameter, so that one statement serves every kind.
 */
function documentNumber(prefix: string, kind: DocumentKind) {
  const sequence = sql`('case_document_' || ${kind} || '_seq')::regclass`;
  return sql<string>`${prefix} || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '-' || ${zeroPadded(sql`nextval(${sequence})`, 7)}`;
}

/** The insert of a document issued in the action's transaction, numbered there; the PDF follows after commit. */
function documentInsert(ctx: WriteContext, kase: CaseRow, kind: DocumentKind, content: Content, paymentId: number | null = null) {
  return documentStatement('', {
    caseId: kase.id,
    kind,
    prefix: `${kase.number.slice(0, 6)}-${codes[kind]}-`,
    title: content.title,
    content: JSON.stringify(content),
    paymentId,
    issuedBy: ctx.actor && ctx.actor.accountId > 0 ? ctx.actor.accountId : null,
  });
}

/** documentInsert's statement. */
const documentStatement = shapedStatement(
  () => '',
  (db, _shape, v: { caseId: number; kind: DocumentKind; prefix: string; title: string; content: string; paymentId: number | null; issuedBy: number | null }) =>
    db
      .insertInto('case_document')
      .values({
        case_id: v.caseId,
        kind: v.kind,
        number: documentNumber(v.prefix, v.kind),
        title: v.title,
        content: v.content,
        payment_id: v.paymentId,
        issued_by: v.issuedBy,
        file_id: null,
        sha256: null,
        rendered_at: null,
      })
      .returning(['id', 'number']),
);

/** Issue a document whose id and number the action goes on with (a receipt named in its event). */
async function issueCaseDocument(...args: Parameters<typeof documentInsert>): Promise<{ id: number; number: string }> {
  const [row] = (await args[0].tx.executeQuery(documentInsert(...args))).rows;
  if (!row) throw new Error('the document was not inserted');
  return row;
}

/** Issue a document nobody in the action reads back: its insert is a pipelined write (docs/architecture.md, "Round trips"). */
async function issueDocument(...args: Parameters<typeof documentInsert>): Promise<void> {
  await pipelinedWrite(args[0].tx, documentInsert(...args));
}

const applicantFields = (f: CaseFacts): [string, string][] => [
  ['申请人', f.applicantName],
  [f.applicantKind === 'person' ? '证件号码' : '统一社会信用代码', f.applicantId || '—'],
];

/** Where the intake documents name their law: 行政许可法 art. 32 (the one-time notice, and acceptance deemed from receipt). */
const article32 = '（《中华人民共和国行政许可法》第三十二条）';

/**
 * Whether a case's intake documents cite the 行政许可法: a 行政许可 item's do; a service or another power's state the
 * same rule as the center's own without it. A bundle application (一件事) holds permits, and cites it.
 */
async function underPermitLaw(ctx: WriteContext, kase: CaseRow): Promise<boolean> {
  if (kase.item_version_id === null) return true;
  return isLicensing((await versionContent(ctx.tx, kase.item_version_id)).type);
}

/**
 * A 受理通知书's particulars, an item's and a bundle application's alike: what is applied for (with the item's code),
 * who applied, when it was received and accepted, and the days by which it is concluded.
 */
function acceptanceFields(
  f: CaseFacts,
  kase: Pick<CaseRow, 'accepted_at'>,
  dues: { committedDueAt: Date | null; legalDueAt: Date | null },
  itemCode?: string,
): [string, string][] {
  return [
    ['申请事项', f.subject],
    ...(itemCode !== undefined ? ([['事项编码', itemCode]] as [string, string][]) : []),
    ...applicantFields(f),
    ['收件时间', formatMinute(f.receivedAt)],
    ['受理日期', formatDay(kase.accepted_at ?? new Date())],
    ['承诺办结日期', dues.committedDueAt ? formatDueDay(dues.committedDueAt) : '即时办结'],
    ['法定办结日期', dues.legalDueAt ? formatDueDay(dues.legalDueAt) : '即时办结'],
  ];
}

/** 受理通知书: the case number, the item, the dates and the committed deadline. */
export async function issueAcceptanceNotice(
  ctx: WriteContext,
  kase: CaseRow,
  c: ItemContent,
  dues: {
    committedDueAt: Date | null;
    legalDueAt: Date | null;
    countedFromReceipt: boolean;
    fees: { name: string; amountCents: number | null }[];
    /** 容缺受理: the materials accepted to follow, and the day by which they are handed in */
    tolerated?: { names: string[]; dueAt: Date } | null;
  },
) {
  const f = await caseFacts(ctx.tx, kase);
  const limit = (l: ItemContent['committedLimit']) => (l.value === 0 ? '即时办结' : limitText(l));
  const body = [
    `${f.applicantName}：`,
    `您于${formatMinute(f.receivedAt)}提交的“${f.subject}”申请，申请材料齐全、符合法定形式，本机关决定予以受理。`,
    dues.committedDueAt
      ? `本事项承诺办结时限为${limit(c.committedLimit)}，承诺于${formatDueDay(dues.committedDueAt)}前办结（补正材料、听证、检验检测、专家评审等特别程序所需时间不计算在内）。`
      : '本事项为即办件，当场办结。',
    ...(dues.countedFromReceipt
      ? [`因未在收到申请之日起五日内一次性告知需补正的全部内容，本申请自收到材料之日起即为受理${isLicensing(c.type) ? article32 : ''}。`]
      : []),
    ...(dues.tolerated
      ? [
          `本申请实行容缺受理：${dues.tolerated.names.map((n) => `“${n}”`).join('、')}须于${formatDueDay(dues.tolerated.dueAt)}前补交；补齐前本机关先行审查，但不出具办理结果；逾期未补交的，依照有关规定处理。`,
        ]
      : []),
    ...(dues.fees.length
      ? [
          `本事项需缴纳费用：${dues.fees.map((x) => `${x.name}${x.amountCents === null ? '（金额由窗口核定）' : ` ${formatYuan(x.amountCents)}`}`).join('；')}。可在窗口或网上缴费。`,
        ]
      : []),
    '您可扫描右上角二维码或登录网上办事大厅，凭办件编号查询办理进度。',
  ];
  return issueDocument(ctx, kase, 'acceptance_notice', {
    title: '受理通知书',
    caseNumber: f.number,
    issuer: f.organizationName,
    fields: [
      ...acceptanceFields(f, kase, dues, f.itemCode),
      ...(dues.tolerated ? ([['容缺材料补交期限', formatDueDay(dues.tolerated.dueAt)]] as [string, string][]) : []),
    ],
    body,
  });
}

/**
 * 一件事的受理通知书: the bundle application accepted as one — its item cases, each with its number and department,
 * worked in parallel, the committed day by which all are concluded, and the results delivered together. An item case
 * that waits for the company's registration (企业开办一件事) is said to.
 */
export async function issueBundleAcceptanceNotice(
  ctx: WriteContext,
  parent: CaseRow,
  children: { number: string; subject: string; organizationName: string; awaitsRegistration: boolean }[],
  dues: { committedDueAt: Date | null; legalDueAt: Date | null },
) {
  const f = await caseFacts(ctx.tx, parent);
  const waiting = children.filter((c) => c.awaitsRegistration);
  const body = [
    `${f.applicantName}：`,
    `您于${formatMinute(f.receivedAt)}提交的“${f.subject}”申请，申请材料齐全、符合法定形式，本中心决定予以受理。本申请包含以下${children.length}个事项，由各部门并联办理：`,
    ...children.map((c, i) => `${i + 1}. ${c.subject}（办件编号 ${c.number}，${c.organizationName}）`),
    ...(waiting.length ? [`其中${waiting.map((c) => `“${c.subject}”`).join('、')}须待企业设立登记准予、营业执照核发后办理，等待期间不计算办理时限。`] : []),
    dues.committedDueAt
      ? `本中心承诺于${formatDueDay(dues.committedDueAt)}前全部办结（补正材料、特别程序等所需时间不计算在内），办理结果统一出件。`
      : '各事项当场办结，办理结果统一出件。',
    '您可扫描右上角二维码或登录网上办事大厅，凭办件编号查询各事项的办理进度。',
  ];
  return issueDocument(ctx, parent, 'acceptance_notice', {
    title: '受理通知书',
    caseNumber: f.number,
    issuer: f.organizationName,
    fields: acceptanceFields(f, parent, dues),
    body,
  });
}

/**
 * 收件凭证: what the window took from the applicant — each material handed in (a paper original or copy checked, a
 * scan), taken from an electronic license, or not handed in — and by when the center accepts the application or
 * tells everything missing at once (art. 32: five days, or it counts as accepted from receipt).
 */
export async function issueMaterialReceipt(
  ctx: WriteContext,
  kase: CaseRow,
  materials: { name: string; necessity: string; status: 'provided' | 'from_license' | 'missing' }[],
) {
  const f = await caseFacts(ctx.tx, kase);
  const cite = (await underPermitLaw(ctx, kase)) ? article32 : '';
  const status = { provided: '已收取', from_license: '电子证照调取', missing: '未提交' };
  const necessity: Record<string, string> = { required: '必要', conditional: '情形必要', optional: '非必要' };
  const missing = materials.filter((m) => m.status === 'missing' && m.necessity === 'required').length;
  return issueDocument(ctx, kase, 'material_receipt', {
    title: '收件凭证',
    caseNumber: f.number,
    issuer: f.organizationName,
    fields: [['申请事项', f.subject], ...applicantFields(f), ['收件时间', formatMinute(f.receivedAt)], ['受理或告知期限', formatDueDay(kase.notice_due_at)]],
    body: [
      `${f.applicantName}：`,
      `本窗口已于${formatMinute(f.receivedAt)}收到您提交的“${f.subject}”申请及下列材料。`,
      ...(missing > 0 ? [`其中 ${missing} 项必要材料尚未提交，窗口将一次性告知需补正的全部内容。`] : []),
      `本机关将于${formatDueDay(kase.notice_due_at)}前作出受理决定或一次性告知需补正的全部内容；逾期未告知的，自收到申请材料之日起即为受理${cite}。`,
      '本凭证仅证明窗口收到上列材料，不代表申请已被受理。可扫描右上角二维码或凭办件编号查询办理进度。',
    ],
    table: {
      headers: ['序号', '材料名称', '要求', '收取情况'],
      widths: [1, 6, 2, 3],
      rows: materials.map((m, n) => [String(n + 1), m.name, necessity[m.necessity] ?? m.necessity, status[m.status]]),
    },
  });
}

/**
 * A case's results (决定书, 证照, 撤销决定书): what a delivery hands over, and what a bundle application's documents list
 * shows of its item cases.
 */
const resultKinds: DocumentKind[] = ['decision', 'license', 'revocation_decision'];

/** Why a decided case's results are withheld from its applicant: what its delivery waits for. */
export type ResultHold = 'materials_to_follow' | 'fees_unpaid';

/**
 * Whether a granted case's results (决定书, 证照) wait for something before they reach the applicant, as its delivery
 * does: materials accepted to follow (容缺后补; 材料补齐前不出具办理结果), or fees unpaid (the result goes out once they
 * are paid or waived). Until then the applicant's documents list names them without a download, and the license is
 * not among those they hold. Staff read them as before.
 */
export async function resultHold(db: Executor, kase: CaseRow): Promise<ResultHold | null> {
  // a refusal is served as it stands: the applicant's remedies run from it
  if (kase.decision !== 'granted' || (kase.status !== 'decided' && kase.status !== 'concluded')) return null;
  if (kase.tolerated_due_at) return 'materials_to_follow';
  const unpaid = await db.selectFrom('case_fee').select('id').where('case_id', '=', kase.id).where('status', '=', 'unpaid').limit(1).executeTakeFirst();
  return unpaid ? 'fees_unpaid' : null;
}

/** How a delivery went, in the words of a 送达回证. */
const deliveryWords: Record<DeliveryMethod, string> = { pickup: '窗口领取', post: '邮寄送达', locker: '智能柜送达', electronic: '电子送达' };

/**
 * What a delivery hands over: the case's decision, license and revocation decision — a bundle application's, those of
 * its item cases — in their order, each with its item case; a license cancelled, replaced or revoked meanwhile is not
 * (a revoked grant hands over its revocation decision instead).
 */
function deliveredDocuments(db: Executor, kase: CaseRow) {
  return db
    .selectFrom('case_document as d')
    .innerJoin('kase as k', 'k.id', 'd.case_id')
    .select(['d.title', 'd.number', 'k.subject', 'k.number as case_number'])
    .where((eb) => eb.or([eb('d.case_id', '=', kase.id), eb('k.parent_id', '=', kase.id)]))
    .where('d.kind', 'in', resultKinds)
    .where('d.cancelled_at', 'is', null)
    .where('d.superseded_at', 'is', null)
    .where((eb) => eb.or([eb('d.kind', '!=', 'license'), eb('k.revoked_at', 'is', null)]))
    .orderBy('k.id')
    .orderBy('d.id')
    .execute();
}

/**
 * 送达回证: the proof of a delivery at the window, by post or in a locker — each document handed over (a bundle
 * application's: those of its item cases, each named by its item case), to whom and how, when and by whom. At the
 * window the collector signs it: a pickup by someone else (代领) names them, their ID number masked.
 */
export async function issueDeliveryReceipt(
  ctx: WriteContext,
  kase: CaseRow,
  delivery: { method: Exclude<DeliveryMethod, 'electronic'>; trackingNumber?: string | null; collector?: { name: string; idNumber: string } },
) {
  const f = await caseFacts(ctx.tx, kase);
  const documents = await deliveredDocuments(ctx.tx, kase);
  const at = formatMinute(kase.delivered_at ?? new Date());
  const collector = delivery.collector ? `${delivery.collector.name}（代领，证件号码 ${delivery.collector.idNumber}）` : f.applicantName;
  const ofItems = kase.bundle_id !== null;
  const how = {
    pickup: `本机关于${at}在政务服务中心窗口向受送达人送达下列文书，已当场核验领取人身份。`,
    post: `本机关于${at}将下列文书以邮政寄递方式送达受送达人${delivery.trackingNumber ? `（邮件单号 ${delivery.trackingNumber}）` : ''}，送达日期以邮件签收日期为准。`,
    locker: `本机关于${at}将下列文书存入政务服务中心智能柜，取件码已另行告知受送达人。`,
  }[delivery.method];
  return issueDocument(ctx, kase, 'delivery_receipt', {
    title: '送达回证',
    caseNumber: f.number,
    issuer: f.organizationName,
    fields: [
      ['申请事项', f.subject],
      ['受送达人', f.applicantName],
      applicantFields(f)[1]!,
      ['送达方式', deliveryWords[delivery.method]],
      ...(delivery.method === 'pickup' ? ([['领取人', collector]] as [string, string][]) : []),
      ['送达时间', at],
      ['送达人', ctx.actor?.displayName ?? '—'],
    ],
    body: [`${f.applicantName}：`, how],
    table: {
      headers: ofItems ? ['序号', '文书名称', '文书编号', '所属办件'] : ['序号', '文书名称', '文书编号'],
      widths: ofItems ? [1, 4, 4, 4] : [1, 6, 5],
      rows:
        documents.length > 0
          ? documents.map((d, n) => [String(n + 1), d.title, d.number, ...(ofItems ? [`${d.subject}（${d.case_number}）`] : [])])
          : [['1', '办理结果', '—', ...(ofItems ? ['—'] : [])]],
    },
    // at the window the collector signs for what they took
    ...(delivery.method === 'pickup' ? { closing: ['领取人签名：＿＿＿＿＿＿＿＿　　　　日期：＿＿＿＿年＿＿月＿＿日'] } : {}),
  });
}

/**
 * 告知承诺书: what the department tells (the conditions of the item, the check after a grant, what a false
 * commitment costs) and what the applicant commits to, with the moment they did — issued when the application by
 * commitment is filed (告知承诺制).
 */
export async function issueCommitmentLetter(ctx: WriteContext, kase: CaseRow, c: ItemContent, check: { value: number; unit: 'workday' | 'day' | 'workhour' }) {
  const f = await caseFacts(ctx.tx, kase);
  return issueDocument(ctx, kase, 'commitment_letter', {
    title: '告知承诺书',
    caseNumber: f.number,
    issuer: f.organizationName,
    fields: [['申请事项', f.subject], ...applicantFields(f), ['承诺时间', formatMinute(f.receivedAt)]],
    body: [
      `一、行政机关告知。申请“${f.subject}”，应当符合下列条件：${c.conditions.trim() || '按办事指南所列条件'}`,
      `本机关对以告知承诺方式提出的申请，不再对承诺事项进行实质审查，经形式审查后直接作出许可决定；作出许可决定之日起${limitText(check)}内对承诺内容进行核查（事后核查）。经核查发现承诺不实的，依法撤销许可，并将失信情况记入信用记录。`,
      `二、申请人承诺。本人（单位）已知晓上述告知的全部内容，承诺符合许可条件，所提交材料真实、有效；愿意接受事后核查；如承诺不实，愿意承担被撤销许可等法律责任。`,
      `承诺人：${f.applicantName}（于${formatMinute(f.receivedAt)}在线或在窗口确认）`,
    ],
  });
}

/** 撤销行政许可决定书: the grant by commitment is revoked because the check found the commitment false. */
export async function issueRevocationDecision(ctx: WriteContext, kase: CaseRow, finding: string) {
  const f = await caseFacts(ctx.tx, kase);
  return issueDocument(ctx, kase, 'revocation_decision', {
    title: '撤销行政许可决定书',
    caseNumber: f.number,
    issuer: f.organizationName,
    fields: [
      ['申请事项', f.subject],
      ...applicantFields(f),
      ['许可决定日期', formatDay(kase.decided_at ?? new Date())],
      ['撤销日期', formatDay(kase.revoked_at ?? new Date())],
    ],
    body: [
      `${f.applicantName}：`,
      `你（单位）以告知承诺方式申请的“${f.subject}”，本机关已于${formatDay(kase.decided_at ?? new Date())}作出准予许可决定。经事后核查，发现你（单位）的承诺与实际情况不符：${finding}`,
      '根据《中华人民共和国行政许可法》第六十九条及告知承诺的约定，本机关决定撤销该行政许可，相应证照自本决定作出之日起失效。',
      '如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法提起行政诉讼。',
    ],
  });
}

/** 一次性告知书: every material missing or to correct, each with its note, told once. */
export async function issueOneTimeNoticeDocument(
  ctx: WriteContext,
  kase: CaseRow,
  items: { name: string; note: string }[],
  note: string | null,
  supplementDueAt: Date | null = null,
) {
  const f = await caseFacts(ctx.tx, kase);
  const basis = (await underPermitLaw(ctx, kase)) ? '根据《中华人民共和国行政许可法》第三十二条，' : '';
  return issueDocument(ctx, kase, 'one_time_notice', {
    title: '一次性告知书',
    caseNumber: f.number,
    issuer: f.organizationName,
    fields: [['申请事项', f.subject], ...applicantFields(f), ['收件时间', formatMinute(f.receivedAt)]],
    body: [
      `${f.applicantName}：`,
      `您提交的“${f.subject}”申请，经审查，申请材料不齐全或者不符合法定形式。${basis}现一次性告知您需要补正的全部内容如下。请补齐后再次提交，本机关不再要求补正以外的其他材料。`,
      // 补正期限: the item's period, and what follows when it passes
      ...(supplementDueAt ? [`请于${formatDueDay(supplementDueAt)}前一次性补正上述材料；逾期未补正的，视为撤回申请。`] : []),
      ...(note ? [`说明：${note}`] : []),
    ],
    table: { headers: ['序号', '材料名称', '补正要求'], widths: [1, 4, 7], rows: items.map((i, n) => [String(n + 1), i.name, i.note]) },
  });
}

/** 不予受理决定书: the reasons, and the applicant's remedies. */
export async function issueRefusalDocument(ctx: WriteContext, kase: CaseRow, reason: string) {
  const f = await caseFacts(ctx.tx, kase);
  return issueDocument(ctx, kase, 'refusal_decision', {
    title: '不予受理决定书',
    caseNumber: f.number,
    issuer: f.organizationName,
    fields: [['申请事项', f.subject], ...applicantFields(f), ['收件时间', formatMinute(f.receivedAt)]],
    body: [
      `${f.applicantName}：`,
      `您提交的“${f.subject}”申请，经审查，决定不予受理。理由如下：${reason}`,
      '如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法提起行政诉讼。',
    ],
  });
}

/** Where a license's content shows its number until the insert draws it: unguessable, so no text of an item can hold it. */
const licenseNumberMark = `#${randomToken(12)}#`;

/** A case's license, if it has none yet: the number drawn and put into the content in the insert. */
const licenseStatement = shapedStatement(
  () => '',
  (
    _db,
    _shape,
    v: { caseId: number; prefix: string; title: string; content: string; mark: string; issuedBy: number | null; validUntil: string | null; holderId: number },
  ) => sql`
    WITH n AS (
      SELECT ${documentNumber(v.prefix, 'license')} AS number
      WHERE NOT EXISTS (SELECT 1 FROM case_document WHERE case_id = ${v.caseId} AND kind = 'license')
    )
    INSERT INTO case_document (case_id, kind, number, title, content, payment_id, issued_by, file_id, sha256, rendered_at, valid_until, holder_id)
    SELECT ${v.caseId}, 'license', n.number, ${v.title}, replace(${v.content}, ${v.mark}, n.number)::jsonb, NULL, ${v.issuedBy}, NULL, NULL, NULL, ${v.validUntil}::date, ${v.holderId}
    FROM n`,
);

/**
 * The decision's document, in the words of its item's type (decisionWording): a 行政许可's 准予 / 不予许可决定书 (延续 /
 * 变更 / 注销 of a permit held: 准予延续行政许可决定书 …), a 行政确认's 行政确认决定书 / 不予确认决定书, a service's 办理结果通知书 /
 * 不予办理通知书 …; every denial with its reasons and the remedies. For a license-type result, the 证照 with its number.
 */
export async function issueDecisionDocuments(ctx: WriteContext, kase: CaseRow, c: ItemContent, opinion: string | null) {
  const f = await caseFacts(ctx.tx, kase);
  const granted = kase.decision !== 'denied';
  const w = decisionWording(c.type, kase.license_action);
  // a renewal (延续), a change (变更) or a cancellation (注销) of a license held is applied for as such: 您申请延续的 …
  const what = kase.license_action ? { renew: '延续', change: '变更', cancel: '注销' }[kase.license_action] : '';
  // 准予注销: the license given up is cancelled (ground: the holder's request) and nothing is issued in its place
  const cancelled = granted && kase.license_action === 'cancel' ? await cancelOnGrant(ctx, kase) : null;
  const cancelledOf = kase.license_action === 'cancel' ? await licenseNumberOf(ctx, kase.for_license_id) : null;
  const title = granted ? w.grantDocument : w.denyDocument;
  const issuing = granted && issuesLicense(c) && kase.license_action !== 'cancel';
  // 市场主体登记: the enterprise the grant registers holds the license (the one registered by an earlier grant of
  // the case, decided again after a return, or now)
  const registered = issuing && c.establishes ? await registration(ctx, kase, c) : null;
  const result = c.resultName ? `${w.resultLead}${c.resultName}。` : '';
  await issueDocument(ctx, kase, 'decision', {
    title,
    caseNumber: f.number,
    issuer: f.organizationName,
    fields: [['申请事项', f.subject], ...applicantFields(f), ['决定日期', formatDay(kase.decided_at ?? new Date())]],
    body: [
      `${f.applicantName}：`,
      granted
        ? kase.license_action === 'cancel'
          ? `您申请注销的“${f.subject}”证照（${cancelledOf ?? '—'}），经审查，决定${w.grant[0]}。${cancelled ? `该证照自${formatDay(kase.decided_at ?? new Date())}起注销，不再有效。` : ''}`
          : `您申请${what}的“${f.subject}”，经审查，${w.finding}，决定${w.grant[0]}。${registeredText(registered)}${w.done}${result}`
        : `您申请${what}的“${f.subject}”，经审查，决定${w.deny[0]}。${opinion ? `理由：${opinion}` : ''}`,
      ...(granted && opinion ? [`审查意见：${opinion}`] : []),
      // every adverse decision tells the remedies (行政复议法 art. 20, 行政诉讼法 art. 46)
      ...(granted
        ? []
        : [`如不服本决定，可以自收到本${title.endsWith('通知书') ? '通知书' : '决定书'}之日起六十日内依法申请行政复议，或者在六个月内依法提起行政诉讼。`]),
    ],
  });
  // 企业开办一件事: a registration denied lets the bundle's item cases waiting for it go on, to be decided as they stand
  if (!granted && c.establishes) await releaseOnDenial(ctx, kase);
  if (issuing) {
    // a license is issued only when the case has none yet (a decision taken again after a return keeps it); its
    // number is drawn in the insert and put into its content there, so the action does not wait for it
    const name = c.resultLicenseType || c.resultName;
    // 证照有效期: from the decision's day; for a renewal (延续) on from the license it renews, for a change (变更) until
    // the changed license's end — and the new license replaces the one renewed or changed
    const { validUntil, replaced } = await licenseValidity(ctx.tx, kase, c, kase.decided_at ?? new Date());
    const [verb, replacedLabel] = replaced?.action === 'change' ? ['变更', '变更原证'] : ['延续', '延续原证'];
    const content: Content = {
      title: name,
      caseNumber: f.number,
      issuer: f.organizationName,
      certificate: true,
      fields: [
        ['证照编号', licenseNumberMark],
        ...(registered
          ? ([
              ['名称', registered.name],
              ['统一社会信用代码', registered.creditCode],
              ['法定代表人', registered.legalRepresentative],
              ...(registered.address ? [['住所', registered.address]] : []),
            ] as [string, string][])
          : ([
              ['持证主体', f.applicantName],
              [f.applicantKind === 'person' ? '证件号码' : '统一社会信用代码', f.applicantId || '—'],
            ] as [string, string][])),
        ...(await printedFields(ctx.tx, kase, c)),
        ...(registered ? ([['成立日期', formatDay(kase.decided_at ?? new Date())]] as [string, string][]) : []),
        // a 营业执照 is the company's own record, not a permit of some matter
        ...(registered ? [] : ([[isLicensing(c.type) ? '许可事项' : '办理事项', f.subject]] as [string, string][])),
        [registered ? '登记机关' : '发证机关', f.organizationName],
        ['发证日期', formatDay(kase.decided_at ?? new Date())],
        ...(c.resultValidity || validUntil ? ([['有效期至', validUntil ? formatCivilDay(validUntil) : '长期']] as [string, string][]) : []),
        ...(replaced ? ([[replacedLabel, replaced.number]] as [string, string][]) : []),
      ],
      body: [
        replaced
          ? `经审查，${f.applicantName}申请${verb}的“${f.subject}”符合法定条件，准予${verb}，特发此证。原证（${replaced.number}）自本证生效之日起作废。`
          : registered
            ? `经审查，${registered.name}的“${f.subject}”申请${w.finding}，${w.grant[0]}，依法登记成立，特发此照。`
            : `经审查，${f.applicantName}申请的“${f.subject}”${w.finding}，${w.grant[0]}，特发此证。`,
      ],
      notes: [`电子证照与纸质证照具有同等法律效力。证照编号：${licenseNumberMark}。可扫描二维码核验。`],
    };
    await pipelinedWrite(
      ctx.tx,
      licenseStatement('', {
        caseId: kase.id,
        prefix: `${kase.number.slice(0, 6)}-${codes.license}-`,
        title: name,
        content: JSON.stringify(content),
        mark: licenseNumberMark,
        issuedBy: ctx.actor && ctx.actor.accountId > 0 ? ctx.actor.accountId : null,
        validUntil,
        holderId: registered?.applicantId ?? kase.applicant_id,
      }),
    );
    // 企业开办一件事: the bundle's other item cases are the registered company's, taking its 营业执照
    if (registered) await fileSiblingsFor(ctx, kase, c, registered);
    // the license renewed or changed is replaced by the new one (no longer held, renewed or changed)
    if (replaced)
      await ctx.tx.updateTable('case_document').set({ superseded_at: new Date() }).where('id', '=', replaced.id).where('superseded_at', 'is', null).execute();
  }
}

/** A decision's words on the enterprise its grant registered: its name and credit code. */
const registeredText = (r: Registered | null) => (r ? `${r.name}依法登记成立，统一社会信用代码：${r.creditCode}。` : '');

/**
 * 登记事项: what the license prints of the case's form (`resultFields`), each by its label; a region by its name, a
 * field left empty as —.
 */
async function printedFields(db: Executor, kase: CaseRow, c: ItemContent): Promise<[string, string][]> {
  const keys = c.resultFields ?? [];
  if (keys.length === 0) return [];
  const form = JSON.parse(partyCipher().decrypt(kase.form_enc)) as Record<string, unknown>;
  const regionCodes = keys.filter((k) => c.form.ui.fields[k]?.widget === 'region' && typeof form[k] === 'string').map((k) => form[k] as string);
  const regions = new Map(
    regionCodes.length ? (await db.selectFrom('region').select(['code', 'name']).where('code', 'in', regionCodes).execute()).map((r) => [r.code, r.name]) : [],
  );
  return keys.flatMap((key): [string, string][] => {
    const ui = c.form.ui.fields[key];
    if (!ui) return [];
    const v = form[key];
    const shown =
      v === undefined || v === null || v === ''
        ? '—'
        : ui.widget === 'region'
          ? (regions.get(String(v)) ?? String(v))
          : typeof v === 'string' || typeof v === 'number'
            ? String(v)
            : '—';
    return [[ui.label['zh-CN'], shown]];
  });
}

/** The number of a license document, by its id. */
async function licenseNumberOf(ctx: WriteContext, documentId: number | null) {
  if (documentId === null) return null;
  return (await ctx.tx.selectFrom('case_document').select('number').where('id', '=', documentId).executeTakeFirst())?.number ?? null;
}

/** An amount in Chinese capital numerals, as a bill states it: 8000 fen → 捌拾元整, 2050 → 贰拾元零伍角. */
export function yuanInWords(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new Error(`not an amount of fen: ${cents}`);
  const digits = '零壹贰叁肆伍陆柒捌玖';
  const yuan = Math.floor(cents / 100);
  const jiao = Math.floor(cents / 10) % 10;
  const fen = cents % 10;
  const section = (n: number) => {
    // a group of four digits: 仟佰拾 and the units, with one 零 for the zeros between
    const units = ['', '拾', '佰', '仟'];
    let out = '';
    let zero = false;
    for (let i = 3; i >= 0; i--) {
      const d = Math.floor(n / 10 ** i) % 10;
      if (d === 0) zero = out !== '';
      else {
        if (zero) out += '零';
        out += digits[d] + units[i];
        zero = false;
      }
    }
    return out;
  };
  let words = '';
  if (yuan > 0) {
    const groups = [yuan % 10_000, Math.floor(yuan / 10_000) % 10_000, Math.floor(yuan / 100_000_000)];
    const names = ['', '万', '亿'];
    let needZero = false;
    for (let g = groups.length - 1; g >= 0; g--) {
      const n = groups[g]!;
      if (n === 0) {
        needZero = words !== '';
        continue;
      }
      if (words !== '' && (needZero || n < 1000)) words += '零';
      words += section(n) + names[g];
      needZero = false;
    }
    words += '元';
  }
  if (jiao === 0 && fen === 0) return `${words || '零元'}整`;
  if (jiao > 0) words += `${yuan > 0 && yuan % 10 === 0 ? '零' : ''}${digits[jiao]}角`;
  if (fen > 0) words += `${jiao === 0 && yuan > 0 ? '零' : ''}${digits[fen]}分`;
  return words;
}

/**
 * 财政电子票据: the fiscal e-bill of a payment, as the platform issued it — its code, number and check code, the payer in
 * full (the bill is theirs), the collecting department, the fee and the amount in figures and in words.
 */
export async function issueFiscalBillDocument(
  ctx: WriteContext,
  kase: CaseRow,
  b: {
    reference: string;
    feeName: string;
    amountCents: number;
    billCode: string;
    billNumber: string;
    checkCode: string;
    issuedAt: Date;
    platform: string;
    /** 红字票据: the bill this one reverses (its fee refunded), and why */
    reverses?: { billCode: string; billNumber: string; reason: string };
  },
) {
  const f = await caseFacts(ctx.tx, kase);
  const red = b.reverses;
  const amount = red ? `-${formatYuan(b.amountCents)}` : formatYuan(b.amountCents);
  return issueCaseDocument(
    ctx,
    kase,
    'fiscal_bill',
    {
      title: red ? '非税收入电子票据（红字）' : '非税收入电子票据',
      caseNumber: f.number,
      issuer: f.organizationName,
      fields: [
        ['票据代码', b.billCode],
        ['票据号码', b.billNumber],
        ['校验码', b.checkCode],
        ['开票日期', formatDay(b.issuedAt)],
        ['交款人', f.applicantName],
        [f.applicantKind === 'person' ? '交款人证件号码' : '统一社会信用代码', f.applicantId || '—'],
        ['收款单位', f.organizationName],
        ['业务流水号', b.reference],
        ...(red
          ? ([
              ['原票据代码', red.billCode],
              ['原票据号码', red.billNumber],
            ] as [string, string][])
          : []),
      ],
      body: [`合计（大写）：${red ? '负' : ''}${yuanInWords(b.amountCents)}\u3000（小写）：${amount}`, ...(red ? [`冲红原因：${red.reason}`] : [])],
      table: { headers: ['项目名称', '数量', '金额'], widths: [7, 2, 3], rows: [[b.feeName, red ? '-1' : '1', amount]] },
      notes: [`本票据由${b.platform}开具，与纸质票据具有同等法律效力，可凭票据代码、票据号码和校验码查验。`],
    },
    // the payment's receipt holds its link (one document per payment): the bill is found by its fiscal_bill row
    null,
  );
}

/** 缴费凭证: one per payment. */
export async function issueReceipt(
  ctx: WriteContext,
  kase: CaseRow,
  p: {
    paymentId: number;
    reference: string;
    feeName: string;
    basis: string;
    amountCents: number;
    method: 'cash' | 'card' | 'online';
    paidAt: Date;
    posReference?: string | null;
    tenderedCents?: number | null;
  },
) {
  const f = await caseFacts(ctx.tx, kase);
  const methods = { cash: '现金（窗口）', card: '银行卡（窗口）', online: '网上支付' };
  // what the counter reconciles the payment by: the POS slip's reference, the cash handed over and the change
  const counter: [string, string][] = [
    ...(p.posReference ? ([['POS 参考号', p.posReference]] as [string, string][]) : []),
    ...(p.tenderedCents
      ? ([
          ['实收现金', formatYuan(p.tenderedCents)],
          ['找零', formatYuan(p.tenderedCents - p.amountCents)],
        ] as [string, string][])
      : []),
  ];
  return issueCaseDocument(
    ctx,
    kase,
    'receipt',
    {
      title: '缴费凭证',
      caseNumber: f.number,
      issuer: f.organizationName,
      fields: [
        ['缴费人', f.applicantName],
        ['办理事项', f.subject],
        ['收费项目', p.feeName],
        ['缴费金额', formatYuan(p.amountCents)],
        ['缴费方式', methods[p.method]],
        ...counter,
        ['缴费时间', formatMinute(p.paidAt)],
        ['交易流水号', p.reference],
      ],
      body: [`今收到${f.applicantName}缴纳的${p.feeName}${formatYuan(p.amountCents)}。`, ...(p.basis ? [`收费依据：${p.basis}`] : [])],
      notes: ['本凭证为缴费证明，不作报销凭证；报销请使用财政票据（电子票据可在办件详情中下载）。'],
    },
    p.paymentId,
  );
}

// ——— rendering and storing ———

/** Where the QR code leads: the case's page in the portal. */
export function trackingUrl(deps: Deps, caseId: number): string {
  const origin = deps.config.publicUrl;
  return `${origin}/my/cases/${caseId}`;
}

/** Where a license's QR code leads: its public verification (证照核验, `GET /licenses/verify/{number}`). */
export function verificationUrl(deps: Deps, licenseNumber: string): string {
  return `${deps.config.publicUrl}/verify/${encodeURIComponent(licenseNumber)}`;
}

/** Render a document that has no PDF yet and store it; rendering twice gives the same bytes, the first stored wins. */
export async function renderDocument(deps: Deps, documentId: number): Promise<{ fileId: number; sha256: string }> {
  const row = await deps.db
    .selectFrom('case_document')
    .select(['id', 'case_id', 'kind', 'number', 'title', 'content', 'created_at', 'file_id', 'sha256'])
    .where('id', '=', documentId)
    .executeTakeFirstOrThrow();
  if (row.file_id && row.sha256) return { fileId: row.file_id, sha256: row.sha256 };
  const printed: PrintedDocument = { ...(row.content as Content), number: row.number, issuedAt: row.created_at.toISOString() };
  const pdf = await renderCaseDocumentPdf(
    printed,
    row.kind === 'license'
      ? { centerName: deps.config.centerName, trackingUrl: verificationUrl(deps, row.number), qrCaption: '扫码核验证照' }
      : { centerName: deps.config.centerName, trackingUrl: trackingUrl(deps, row.case_id) },
  );
  return deps.db.transaction().execute(async (tx) => {
    const locked = await tx.selectFrom('case_document').select(['file_id', 'sha256']).where('id', '=', documentId).forUpdate().executeTakeFirstOrThrow();
    if (locked.file_id && locked.sha256) return { fileId: locked.file_id, sha256: locked.sha256 };
    const file = await storeGeneratedFile(tx, deps, { data: pdf, contentType: 'application/pdf', name: `${row.title}-${row.number}.pdf` });
    await tx.updateTable('case_document').set({ file_id: file.id, sha256: file.sha256, rendered_at: new Date() }).where('id', '=', documentId).execute();
    return { fileId: file.id, sha256: file.sha256 };
  });
}

/** Render every document of a case still without its PDF. */
export async function renderPendingDocuments(deps: Deps, db: Executor, caseId: number): Promise<number> {
  const pending = await db.selectFrom('case_document').select('id').where('case_id', '=', caseId).where('file_id', 'is', null).orderBy('id').execute();
  for (const p of pending) await renderDocument(deps, p.id);
  return pending.length;
}

/** The events after which a case has new documents: the outbox renders them right after commit. */
const documentEvents = [
  'case.accepted',
  'case.notified',
  'case.refused',
  'case.decided',
  'case.concluded',
  'case.delivered',
  'case.payment_confirmed',
  'case.fiscal_bill_issued',
  'case.fiscal_bill_reversed',
];

export function registerCaseDocuments(deps: Deps): void {
  for (const type of documentEvents) {
    onEvent(type, `cases.render-documents.${type}`, async (tx: Tx, e: DomainEvent) => {
      await renderPendingDocuments(deps, tx, Number((e.payload as { caseId: number }).caseId));
    });
  }
}

// ——— reading ———

const kindOrder: readonly DocumentKind[] = documentKindList;

export async function documentsOf(db: Executor, caseId: number) {
  const rows = await db
    .selectFrom('case_document as d')
    .innerJoin('kase as k', 'k.id', 'd.case_id')
    .leftJoin('stored_file as f', 'f.id', 'd.file_id')
    .select([
      'd.id',
      'd.kind',
      'd.number',
      'd.title',
      'd.payment_id',
      'd.sha256',
      'd.created_at',
      'd.rendered_at',
      'f.size',
      'd.superseded_at',
      'd.cancelled_at',
      'k.revoked_at',
    ])
    .select(sql<string | null>`d.valid_until::text`.as('valid_until'))
    .where('d.case_id', '=', caseId)
    .orderBy('d.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    number: r.number,
    title: r.title,
    paymentId: r.payment_id,
    sha256: r.sha256,
    size: r.size ?? null,
    createdAt: r.created_at.toISOString(),
    renderedAt: r.rendered_at?.toISOString() ?? null,
    /** a license's last day of validity (YYYY-MM-DD; null: without end, or not a license) */
    validUntil: r.valid_until,
    /** when a renewal's license replaced this license */
    supersededAt: r.superseded_at?.toISOString() ?? null,
    /** when the issuing department cancelled this license (注销) */
    cancelledAt: r.cancelled_at?.toISOString() ?? null,
    /** a license whose grant was revoked (撤销, the commitment found false): it no longer holds, whatever its last day */
    revokedAt: r.kind === 'license' ? (r.revoked_at?.toISOString() ?? null) : null,
    url: `/api/v1/cases/${caseId}/documents/${r.id}/pdf`,
  }));
}

/** A case's document as the caller gets it. */
export type ShownDocument = Omit<Awaited<ReturnType<typeof documentsOf>>[number], 'url'> & {
  /** null: a result withheld from the applicant (`withheld` says what it waits for) */
  url: string | null;
  withheld?: ResultHold;
};

/** A case's documents as the caller gets them: to its applicant (or agent), its results without a download while they are held. */
export async function shownTo(db: Executor, actor: Actor | null, kase: CaseRow, docs: Awaited<ReturnType<typeof documentsOf>>): Promise<ShownDocument[]> {
  const hold = actor?.kind === 'applicant' ? await resultHold(db, kase) : null;
  return hold ? docs.map((d) => (resultKinds.includes(d.kind) ? { ...d, url: null, withheld: hold } : d)) : docs;
}

/**
 * The documents of a case, for whoever may read the case. A bundle application's (一件事) list goes on with the results
 * of its item cases — each department's decision and the license it issued, each named by its item case — so that
 * the applicant and the window find everything the application was delivered with in one place: those of the item
 * cases the caller may read, as each case's own list would show them.
 */
export async function listCaseDocuments(deps: Deps, actor: Actor | null, caseId: number) {
  const kase = await loadCase(deps.db, caseId);
  await requireCaseRead(deps.db, actor, kase);
  const byKind = (a: { kind: DocumentKind; id: number }, b: { kind: DocumentKind; id: number }) =>
    kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || a.id - b.id;
  const items: (ShownDocument & { ofCase?: { id: number; number: string; subject: string } })[] = await shownTo(
    deps.db,
    actor,
    kase,
    (await documentsOf(deps.db, caseId)).sort(byKind),
  );
  if (kase.bundle_id !== null) {
    const children = await deps.db.selectFrom('kase').selectAll().where('parent_id', '=', kase.id).orderBy('id').execute();
    for (const child of children) {
      if (!(await mayRead(deps, actor, child))) continue;
      const results = (await documentsOf(deps.db, child.id)).filter((d) => resultKinds.includes(d.kind)).sort(byKind);
      items.push(
        ...(await shownTo(deps.db, actor, child, results)).map((d) => ({ ...d, ofCase: { id: child.id, number: child.number, subject: child.subject } })),
      );
    }
  }
  return { items, total: items.length };
}

/** Whether the caller may read a case (requireCaseRead, as a yes or no). */
async function mayRead(deps: Deps, actor: Actor | null, kase: CaseRow): Promise<boolean> {
  try {
    await requireCaseRead(deps.db, actor, kase);
    return true;
  } catch (error) {
    if (error instanceof AppError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) return false;
    throw error;
  }
}

/** One document's PDF (rendered now if it was not yet), for whoever may read the case. */
export async function readCaseDocument(deps: Deps, actor: Actor | null, caseId: number, documentId: number) {
  const kase = await loadCase(deps.db, caseId);
  await requireCaseRead(deps.db, actor, kase);
  const row = await deps.db
    .selectFrom('case_document as d')
    .select(['d.id', 'd.title', 'd.number', 'd.kind', 'd.case_id'])
    .where('d.id', '=', documentId)
    .where((eb) =>
      eb.or([
        eb('d.case_id', '=', caseId),
        // a license the applicant handed in with this case (licenses.ts): whoever may read the case may read it
        eb.and([
          eb('d.kind', '=', 'license'),
          eb.exists(
            eb.selectFrom('case_material as m').select('m.case_id').where('m.case_id', '=', caseId).where('m.reference', '=', licenseReference(documentId)),
          ),
        ]),
      ]),
    )
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  // the case's own result, to its applicant, once what its delivery waits for is done
  if (actor?.kind === 'applicant' && row.case_id === caseId && resultKinds.includes(row.kind)) {
    const hold = await resultHold(deps.db, kase);
    if (hold)
      throw new AppError('CONFLICT', {
        reason:
          hold === 'fees_unpaid'
            ? 'the result is given once every fee is paid or waived'
            : 'the result is given once the materials accepted to follow (容缺后补) are handed in',
        withheld: hold,
      });
  }
  const { sha256 } = await renderDocument(deps, row.id);
  return { name: `${row.title}-${row.number}.pdf`, sha256, data: await readFileBytes(deps, sha256) };
}
