import type { Deps } from '../../server/deps.ts';
import { onEvent, type DomainEvent } from '../../server/events.ts';
import type { Tx } from '../../server/db/database.ts';
import { deliverInApp } from '../notify/notify.service.ts';
import { recordingChannel } from '../notify/channels.ts';
import '../identity/identity.tables.ts';
import { licenseCancelGroundText, type LicenseCancelGround } from '../../common/licenses.ts';
import { decisionWording, type DecisionWording } from '../../common/decisions.ts';
import './cases.tables.ts';
import '../catalog/catalog.tables.ts';

type Payload = { caseId: number; number: string; applicantId: number };

/** The day a deadline falls on, in China's time (a deadline is the end of its day: the instant just before midnight). */
const chinaDay = (iso: unknown) => (typeof iso === 'string' ? new Date(Date.parse(iso) - 1 + 8 * 3_600_000).toISOString().slice(0, 10) : '');

/** What the applicant is told at the conclusion about the result, by how they asked to receive it (结果领取方式). */
const howDelivered: Record<string, [string, string]> = {
  pickup: ['请携带身份证件到政务服务中心综合窗口领取结果。', 'Collect the result at the center’s window with your ID.'],
  post: ['结果将邮寄至您填写的地址，寄出后短信告知快递单号。', 'The result will be posted to the address you gave; you will get the tracking number.'],
  locker: ['结果将存入智能取件柜，存入后告知取件码。', 'The result will be left in a locker; you will get its code.'],
  electronic: ['电子结果可在网上办事大厅“我的办件”中查看和下载。', 'The electronic result is in My cases online, to view and download.'],
};

/** How a result went out, in the delivery message. */
const deliveredBy: Record<string, [string, string]> = {
  pickup: ['在窗口领取', 'collected at the window'],
  post: ['邮寄寄出', 'posted'],
  locker: ['存入智能取件柜', 'left in a locker'],
  electronic: ['电子送达', 'delivered electronically'],
};

/** 补正期限: the day by which, and what follows when it passes. */
const supplementBy = (p: Record<string, unknown>): [string, string] =>
  typeof p.supplementDueAt === 'string'
    ? [
        `请于 ${chinaDay(p.supplementDueAt)} 前补正，逾期未补正的，视为撤回申请。`,
        ` Hand them in by ${chinaDay(p.supplementDueAt)}; after that day the application is deemed withdrawn.`,
      ]
    : ['', ''];

/** What the applicant is told of an event, if anything (null: nothing). */
const texts: Record<string, (p: Payload & Record<string, unknown>) => { zh: string; en: string; title: [string, string]; link?: string } | null> = {
  'case.accepted': (p) => {
    // 容缺受理: what follows, and by when (China's date)
    const tolerated = Array.isArray(p.tolerated) ? (p.tolerated as { name: string }[]).map((m) => m.name) : [];
    const due = chinaDay(p.toleratedDueAt);
    return {
      title: ['申请已受理', 'Application accepted'],
      zh: `您的申请（办件编号 ${p.number}）已受理，可在网上办事大厅查看进度。${tolerated.length ? `容缺受理：请于 ${due} 前补交${tolerated.map((n) => `“${n}”`).join('、')}，补齐后方可领取结果。` : ''}`,
      en: `Your application ${p.number} was accepted; follow it online.${tolerated.length ? ` Accepted with materials to follow: hand in ${tolerated.join(', ')} by ${due}; the result is delivered once they are in.` : ''}`,
    };
  },
  'case.notified': (p) => ({
    title: ['一次性告知', 'Materials needed'],
    zh: `您的申请（${p.number}）材料需补齐，请按一次性告知书一次性补正。${supplementBy(p)[0]}`,
    en: `Application ${p.number}: please hand in everything listed in the one-time notice.${supplementBy(p)[1]}`,
  }),
  'case.supplement_requested': (p) => ({
    title: ['请补正材料', 'Supplements requested'],
    zh: `您的申请（${p.number}）需要补正材料，补正期间办理时限暂停计算。${supplementBy(p)[0]}`,
    en: `Application ${p.number} needs supplements; the time limit pauses meanwhile.${supplementBy(p)[1]}`,
  }),
  // 补正期限 ends within three working days
  'case.supplement_reminded': (p) => {
    const names = Array.isArray(p.materials) ? (p.materials as { name: string }[]).map((m) => m.name) : [];
    const due = chinaDay(p.dueAt);
    return {
      title: ['补正期限即将届满', 'Supplements due soon'],
      zh: `您的申请（${p.number}）补正期限至 ${due}，请在期限内补正${names.map((n) => `“${n}”`).join('、')}；逾期未补正的，视为撤回申请。可在网上办事大厅“我的办件”中上传，或到窗口补交。`,
      en: `Application ${p.number}: hand in ${names.join(', ')} by ${due}; after that day the application is deemed withdrawn. Upload them in My cases online, or bring them to the window.`,
    };
  },
  // 延长补正期限: the window gave more time
  'case.supplement_extended': (p) => ({
    title: ['补正期限已延长', 'More time for supplements'],
    zh: `您的申请（${p.number}）补正期限已延长至 ${chinaDay(p.to)}，请在期限内补正；逾期未补正的，视为撤回申请。`,
    en: `Application ${p.number}: you have until ${chinaDay(p.to)} to hand in the supplements; after that day the application is deemed withdrawn.`,
  }),
  // 视为撤回申请: the supplement period passed with nothing handed in (a withdrawal of the applicant's own is not told back)
  'case.withdrawn': (p) =>
    p.lapsed
      ? {
          title: ['申请视为撤回', 'Application deemed withdrawn'],
          zh: `您的申请（${p.number}）补正期限 ${chinaDay(p.dueAt)} 已届满，未补正材料，依规视为撤回申请，本件办理终止。如需办理，请重新提出申请。`,
          en: `Application ${p.number}: the period to hand in the supplements ended on ${chinaDay(p.dueAt)} with nothing handed in, so the application is deemed withdrawn and its handling ends. To go on, apply anew.`,
        }
      : null,
  'case.refused': (p) => ({
    title: ['不予受理', 'Application refused'],
    zh: `您的申请（${p.number}）不予受理，原因：${String(p.reason ?? '')}`,
    en: `Application ${p.number} was refused: ${String(p.reason ?? '')}`,
  }),
  'case.concluded': (p) => {
    const [zh, en] = p.parentId
      ? ['结果将随“一件事”申请统一送达。', 'The result goes out with the rest of the bundle application.']
      : p.toleratedDueAt
        ? [
            `容缺材料补齐后方可领取结果，请于 ${chinaDay(p.toleratedDueAt)} 前补交。`,
            `The result goes out once the materials accepted to follow are in: hand them in by ${chinaDay(p.toleratedDueAt)}.`,
          ]
        : (howDelivered[String(p.deliveryChoice)] ?? ['请按约定方式领取结果。', 'The result will be delivered as agreed.']);
    // the result in the words of the item's type: 准予许可, 予以确认, 准予办理 … (read by the handler: decisionWords)
    const words = p.words as DecisionWording;
    const [resultZh, resultEn] = p.decision === 'denied' ? words.denied : words.granted;
    return {
      title: ['办件已办结', 'Decision made'],
      zh: `您的申请（${p.number}）已办结，结果：${resultZh}。${zh}`,
      en: `Application ${p.number} is decided: ${resultEn.toLowerCase()}. ${en}`,
    };
  },
  'case.fee_due': (p) => ({
    title: ['请缴纳费用', 'Fees due'],
    zh: `您的办件（${p.number}）需缴纳费用${typeof p.totalCents === 'number' ? ` ${(p.totalCents / 100).toFixed(2)} 元` : ''}，可在网上办事大厅在线缴费或到窗口缴纳；缴清后方可领取结果。`,
    en: `Case ${p.number} has fees due${typeof p.totalCents === 'number' ? ` (CNY ${(p.totalCents / 100).toFixed(2)})` : ''}: pay online or at the window; the result is delivered once paid.`,
  }),
  'case.payment_confirmed': (p) => ({
    title: ['缴费成功', 'Payment received'],
    zh: `您的办件（${p.number}）已缴纳${String(p.name ?? '')} ${(Number(p.amountCents ?? 0) / 100).toFixed(2)} 元，缴费凭证可在办件详情中下载。`,
    en: `Case ${p.number}: ${String(p.name ?? 'the fee')} of CNY ${(Number(p.amountCents ?? 0) / 100).toFixed(2)} was paid; download the receipt from the case page.`,
  }),
  'case.fiscal_bill_issued': (p) => ({
    title: ['电子票据已开具', 'E-bill issued'],
    zh: `您的办件（${p.number}）缴纳的${String(p.name ?? '')} ${(Number(p.amountCents ?? 0) / 100).toFixed(2)} 元已开具非税收入电子票据（票据代码 ${String(p.billCode ?? '')}，票据号码 ${String(p.billNumber ?? '')}），可在办件详情中下载。`,
    en: `Case ${p.number}: the fiscal e-bill of ${String(p.name ?? 'the fee')}, CNY ${(Number(p.amountCents ?? 0) / 100).toFixed(2)}, was issued (code ${String(p.billCode ?? '')}, number ${String(p.billNumber ?? '')}); download it from the case page.`,
  }),
  'case.fee_refunded': (p) => ({
    title: ['费用已退还', 'Fee refunded'],
    zh: `您的办件（${p.number}）已缴纳的${String(p.name ?? '')} ${(Number(p.amountCents ?? 0) / 100).toFixed(2)} 元已办理退费${p.method === 'online' ? '，原路退回' : '，请以窗口退还为准'}。原开具的电子票据将作红冲处理。`,
    en: `Case ${p.number}: ${String(p.name ?? 'the fee')}, CNY ${(Number(p.amountCents ?? 0) / 100).toFixed(2)}, was refunded${p.method === 'online' ? ' to where it came from' : ' at the window'}; its e-bill, if issued, is reversed.`,
  }),
  'case.fiscal_bill_reversed': (p) => ({
    title: ['电子票据已红冲', 'E-bill reversed'],
    zh: `您的办件（${p.number}）${String(p.name ?? '')}的电子票据（票据号码 ${String(p.billNumber ?? '')}）已开具红字票据（票据号码 ${String(p.redNumber ?? '')}）冲销，可在办件详情中下载。`,
    en: `Case ${p.number}: the e-bill of ${String(p.name ?? 'the fee')} (number ${String(p.billNumber ?? '')}) was reversed by red bill ${String(p.redNumber ?? '')}; download it from the case page.`,
  }),
  'case.payment_refunded': (p) => ({
    title: ['退款已办理', 'Refund made'],
    zh: `您的办件（${p.number}）重复缴纳的${String(p.name ?? '')} ${(Number(p.amountCents ?? 0) / 100).toFixed(2)} 元已原路退回。`,
    en: `Case ${p.number}: the duplicate payment of ${String(p.name ?? 'the fee')}, CNY ${(Number(p.amountCents ?? 0) / 100).toFixed(2)}, was refunded to where it came from.`,
  }),
  'case.tolerated_reminded': (p) => {
    const names = Array.isArray(p.materials) ? (p.materials as { name: string }[]).map((m) => m.name) : [];
    const due = chinaDay(p.dueAt);
    return {
      title: ['请补交容缺材料', 'Materials to hand in'],
      zh: `您的办件（${p.number}）为容缺受理，${p.overdue ? `补交期限 ${due} 已过` : `请于 ${due} 前补交`}${names.map((n) => `“${n}”`).join('、')}；补齐后方可领取办理结果。可在网上办事大厅“我的办件”中上传，或到窗口补交。`,
      en: `Case ${p.number} was accepted with materials to follow: ${p.overdue ? `their day, ${due}, has passed` : `hand them in by ${due}`} (${names.join(', ')}); the result goes out once they are in. Upload them in My cases online, or bring them to the window.`,
    };
  },
  // 证照到期提醒: the license's renewal (延续) falls due; the message opens 我的证照, where it is applied for
  'case.license_expiring': (p) => {
    const day = (ymd: unknown) => String(ymd ?? '');
    return {
      title: ['证照即将到期', 'License expiring'],
      zh: `您的${String(p.type ?? '证照')}（${String(p.licenseNumber ?? '')}）有效期至 ${day(p.validUntil)}。如需继续，请${p.overdue ? '尽快' : `于 ${day(p.renewBy)} 前`}申请延续；逾期未申请的，有效期届满后证照失效，需重新申请。可在网上办事大厅“我的证照”中办理。`,
      en: `Your ${String(p.type ?? 'license')} (${String(p.licenseNumber ?? '')}) is valid until ${day(p.validUntil)}. To keep it, apply for its renewal ${p.overdue ? 'now' : `by ${day(p.renewBy)}`}; once it runs out it lapses and you apply anew. Apply under My licenses online.`,
      link: '/my/licenses',
    };
  },
  // 注销 (art. 70): the department cancelled the license, on a ground of the law
  'case.license_cancelled': (p) => ({
    title: ['证照已注销', 'License cancelled'],
    zh: `您的${String(p.type ?? '证照')}（${String(p.licenseNumber ?? '')}）已依法注销，注销事由：${String(p.groundText ?? '')}${p.note ? `（${String(p.note)}）` : ''}。注销后该证照不再有效；如有异议，可依法申请行政复议或者提起行政诉讼。`,
    en: `Your ${String(p.type ?? 'license')} (${String(p.licenseNumber ?? '')}) was cancelled: ${licenseCancelGroundText[p.ground as LicenseCancelGround]?.[1] ?? String(p.ground ?? '')}${p.note ? ` (${String(p.note)})` : ''}. It no longer holds; you may seek administrative review or sue.`,
  }),
  'case.commitment_checked': (p) =>
    p.result === 'broken'
      ? {
          title: ['许可已撤销', 'License revoked'],
          zh: `您以告知承诺方式取得的许可（办件编号 ${p.number}）经事后核查与承诺不符，已依法撤销，相应证照失效。撤销决定书可在办件详情中查看；如不服，可依法申请行政复议或提起行政诉讼。`,
          en: `The license of ${p.number}, granted on your written commitment, was revoked: the check after the grant found the commitment false. The revocation decision is on the case page; you may seek administrative review or sue.`,
        }
      : {
          title: ['事后核查已完成', 'Check completed'],
          zh: `您以告知承诺方式取得的许可（办件编号 ${p.number}）经事后核查符合承诺。`,
          en: `The check after the grant of ${p.number} found it as you committed.`,
        },
  'case.delivered': (p) => {
    const tracking = p.method === 'post' && p.trackingNumber ? String(p.trackingNumber) : null;
    const locker = p.method === 'locker' && p.lockerCode ? String(p.lockerCode) : null;
    const [zhHow, enHow] = deliveredBy[String(p.method)] ?? ['送达', 'delivered'];
    return {
      title: ['结果已送达', 'Result delivered'],
      zh: `您的办件（${p.number}）结果已${zhHow}${tracking ? `，快递单号 ${tracking}` : ''}${locker ? `，取件码 ${locker}` : ''}，欢迎对本次服务进行评价。`,
      en: `The result of ${p.number} was ${enHow}${tracking ? ` (tracking number ${tracking})` : ''}${locker ? ` (locker code ${locker})` : ''}; please rate the service.`,
    };
  },
};

/** How a case's decision is worded: by its item's type, and for an application for a license held by what it does. */
async function decisionWords(tx: Tx, caseId: number): Promise<DecisionWording> {
  const row = await tx
    .selectFrom('kase as k')
    .leftJoin('item_version as v', 'v.id', 'k.item_version_id')
    .select(['v.type', 'k.license_action'])
    .where('k.id', '=', caseId)
    .executeTakeFirst();
  return decisionWording(row?.type, row?.license_action);
}

/** The applicant is told at acceptance, notice, supplement request, refusal, decision and delivery, and what a check of their commitment found: in the app and by SMS. */
export function registerCaseNotifications(deps: Deps): void {
  registerStaffCaseNotifications();
  const sms = recordingChannel('sms', deps.cipher);
  for (const [type, text] of Object.entries(texts)) {
    onEvent(type, `cases.notify-applicant.${type}`, async (tx: Tx, e: DomainEvent) => {
      const p = e.payload as Payload & Record<string, unknown>;
      // an item case of a bundle: the bundle application tells the applicant about intake and delivery once
      if (p.parentId && ['case.accepted', 'case.notified', 'case.refused', 'case.delivered'].includes(type)) return;
      // a bundle application's item cases lapse with it: it alone is told
      if (type === 'case.withdrawn' && p.withBundle) return;
      if (type === 'case.concluded') p.words = await decisionWords(tx, p.caseId);
      const t = text(p);
      if (!t) return;
      const applicant = await tx.selectFrom('applicant').select(['account_id', 'phone_enc']).where('id', '=', p.applicantId).executeTakeFirst();
      if (!applicant) return;
      if (applicant.account_id) {
        await deliverInApp(tx, {
          accountId: applicant.account_id,
          eventId: e.id,
          kind: 'case',
          title: { 'zh-CN': t.title[0], en: t.title[1] },
          body: { 'zh-CN': t.zh, en: t.en },
          link: t.link ?? `/my/cases/${p.caseId}`,
        });
      }
      // by SMS too: applicants received at the window without an account are reached this way only
      if (applicant.phone_enc)
        await sms.send(tx, {
          eventId: e.id,
          accountId: applicant.account_id,
          applicantId: p.applicantId,
          recipient: deps.cipher.decrypt(applicant.phone_enc),
          body: `【一窗通办】${t.zh}`,
        });
    });
  }
}

type StaffPayload = Payload & {
  task?: string;
  note?: string | null;
  toAccountId?: number;
  toAccountIds?: number[];
  organizationId?: number;
  role?: string;
  assigneeAccountId?: number | null;
  days?: number;
  reason?: string;
  dueAt?: string;
  overdue?: boolean;
  /** 企业开办一件事: the company registered, and the registration case */
  name?: string;
  byCase?: { number?: string; subject?: string };
};

const staffTexts: Record<string, { title: [string, string]; body: (p: StaffPayload) => [string, string] }> = {
  // 企业开办一件事: an item case that waited for the company's registration may be worked on (only those carry the post)
  'case.enterprise_registered': {
    title: ['企业已登记成立，可继续办理', 'Company registered: the case goes on'],
    body: (p) => [
      `办件 ${p.number}「${p.task ?? ''}」：${p.name ?? ''}已登记成立，营业执照已核发，本件恢复计时，请继续办理。`,
      `Case ${p.number} (${p.task ?? ''}): ${p.name ?? ''} is registered and its license issued; the clock runs again.`,
    ],
  },
  'case.registration_denied': {
    title: ['企业设立登记不予登记', 'Company registration denied'],
    body: (p) => [
      `办件 ${p.number}「${p.task ?? ''}」：${p.byCase?.subject ?? ''}（${p.byCase?.number ?? ''}）决定不予登记，本件恢复计时，请依法作出决定。`,
      `Case ${p.number} (${p.task ?? ''}): ${p.byCase?.subject ?? ''} (${p.byCase?.number ?? ''}) was denied; the clock runs again — decide it as it stands.`,
    ],
  },
  'case.task_urged': {
    title: ['催办', 'Reminder'],
    body: (p) => [
      `办件 ${p.number}「${p.task ?? ''}」被催办${p.note ? `：${p.note}` : ''}，请尽快处理。`,
      `Case ${p.number} (${p.task ?? ''}) was urged${p.note ? `: ${p.note}` : ''}.`,
    ],
  },
  'case.case_copied': {
    title: ['抄送', 'Copy of a case'],
    body: (p) => [`办件 ${p.number} 抄送给您${p.note ? `：${p.note}` : ''}。`, `Case ${p.number} was copied to you${p.note ? `: ${p.note}` : ''}.`],
  },
  'case.task_delegated': {
    title: ['交办', 'Task handed to you'],
    body: (p) => [`办件 ${p.number}「${p.task ?? ''}」交由您办理，请回复意见。`, `Case ${p.number} (${p.task ?? ''}) was handed to you for an answer.`],
  },
  'case.delegation_answered': {
    title: ['交办已回复', 'Answer to a handed task'],
    body: (p) => [`办件 ${p.number}「${p.task ?? ''}」的交办已回复，请继续办理。`, `Your colleague answered on case ${p.number} (${p.task ?? ''}).`],
  },
  'case.task_reassigned': {
    title: ['改派', 'Task reassigned to you'],
    body: (p) => [`办件 ${p.number}「${p.task ?? ''}」已改派给您。`, `Case ${p.number} (${p.task ?? ''}) was reassigned to you.`],
  },
  'case.commitment_check_due': {
    title: ['事后核查到期提醒', 'Check after a grant due'],
    body: (p) => [
      `以告知承诺方式准予许可的办件 ${p.number}，事后核查${p.overdue ? '已超过' : '将于'} ${chinaDay(p.dueAt)} ${p.overdue ? '的期限，请尽快核查' : '到期，请按时现场核查'}。`,
      `Case ${p.number}, granted on a written commitment: its check ${p.overdue ? 'is overdue' : 'falls due'} (${chinaDay(p.dueAt)}).`,
    ],
  },
  'case.extension_requested': {
    title: ['延期申请', 'Extension request'],
    body: (p) => [
      `办件 ${p.number} 申请延期 ${p.days ?? ''} 个工作日：${p.reason ?? ''}`,
      `Case ${p.number} asks for ${p.days ?? ''} more working days: ${p.reason ?? ''}`,
    ],
  },
};

/** Who on the staff side hears of an event: named accounts, a task's holder, or everyone on the post. */
async function staffRecipients(tx: Tx, type: string, p: StaffPayload): Promise<number[]> {
  if (p.toAccountIds?.length) return p.toAccountIds;
  if (p.toAccountId) return [p.toAccountId];
  if (type === 'case.task_urged' && p.assigneeAccountId) return [p.assigneeAccountId];
  if (!p.organizationId) return [];
  const roles = type === 'case.extension_requested' ? ['head'] : [p.role ?? 'approver'];
  const rows = await tx
    .selectFrom('role_assignment')
    .select('account_id')
    .where('organization_id', '=', p.organizationId)
    .where('role', 'in', roles as ('head' | 'approver')[])
    .execute();
  return [...new Set(rows.map((r) => r.account_id))];
}

/** Staff are told in the app when a task is urged, handed, reassigned, copied or needs a head's decision. */
export function registerStaffCaseNotifications(): void {
  for (const [type, text] of Object.entries(staffTexts)) {
    onEvent(type, `cases.notify-staff.${type}`, async (tx: Tx, e: DomainEvent) => {
      const p = e.payload as StaffPayload;
      const [zh, en] = text.body(p);
      for (const accountId of await staffRecipients(tx, type, p)) {
        if (accountId === e.actorId) continue;
        await deliverInApp(tx, {
          accountId,
          eventId: e.id,
          kind: 'case',
          title: { 'zh-CN': text.title[0], en: text.title[1] },
          body: { 'zh-CN': zh, en },
          link: `/workbench/cases/${p.caseId}`,
        });
      }
    });
  }
}
