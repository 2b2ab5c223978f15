import { useCallback } from 'react';
import { fill, useLocale } from './index.tsx';
import { useCaseT, type CaseKey } from './cases-pages.ts';

/**
 * Strings of the fees panel and the documents list: [zh-CN, en]. They travel with the case pages (loaded
 * on demand), not with the portal's first load; `useFeesT()` falls back to the case pages' dictionary.
 */
export const caseFeesStrings = {
  'fees.title': ['收费与缴费', 'Fees and payment'],
  'fees.none': ['本办件暂无收费项目', 'No fees on this case'],
  'fees.item': ['收费项目', 'Fee'],
  'fees.standard': ['收费标准', 'Standard'],
  'fees.amount': ['应缴金额', 'Amount due'],
  'fees.status': ['状态', 'Status'],
  'fees.chargeAt.acceptance': ['受理时收取', 'At acceptance'],
  'fees.chargeAt.decision': ['决定后收取', 'After the decision'],
  'fees.expected': ['将收取的费用', 'Fees to come'],
  'fees.expected.decision': ['准予后收取', 'Once granted'],
  'fees.expectedHint': [
    '以上费用按办事指南公布的收费标准收取，到收取时点后会通知您缴费；不予受理或不予许可的不收取。',
    'These are charged by the standard the service guide publishes; you are told when each falls due. Nothing is charged for an application refused or a permit denied.',
  ],
  'fees.expectedHintStaff': [
    '按办事指南公布的收费标准，到收取时点生成缴费项目并通知申请人。',
    'Charged by the standard the service guide publishes: each becomes a fee line, and the applicant is told, when it falls due.',
  ],
  'fees.status.unpaid': ['待缴费', 'Unpaid'],
  'fees.status.paid': ['已缴费', 'Paid'],
  'fees.status.waived': ['已免收', 'Waived'],
  'fees.status.refunded': ['已退费', 'Refunded'],
  'fees.unassessed': ['待窗口核定', 'To be assessed'],
  'fees.adjustment.assessed': ['窗口核定', 'Assessed'],
  'fees.adjustment.reduced': ['减收', 'Reduced'],
  'fees.adjustment.waived': ['免收', 'Waived'],
  'fees.total': ['合计应缴 {due}，已缴 {paid}，待缴 {unpaid}', 'Due {due}, paid {paid}, unpaid {unpaid}'],
  'fees.totalRefunded': ['，其中已退 {refunded}', '; of it refunded {refunded}'],
  'fees.totalUnassessed': ['；另有 {n} 项待窗口核定金额', '; {n} more to be assessed at the window'],
  'fees.payOnline': ['在线缴费', 'Pay online'],
  'fees.payOnlineHint': ['将跳转到支付平台完成缴费，完成后自动返回本页。', 'You go to the payment provider and come back here when paid.'],
  'fees.windowOnly': ['本事项请到窗口缴费', 'This item is paid at the window'],
  'fees.paidNotice': ['缴费成功，缴费凭证已生成。', 'Payment received; the receipt is ready.'],
  'fees.pendingNotice': ['支付结果确认中，请稍后刷新。', 'Waiting for the payment to be confirmed; refresh in a moment.'],
  'fees.pay': ['收款', 'Take payment'],
  'fees.assess': ['核定金额', 'Assess'],
  'fees.reduce': ['减收', 'Reduce'],
  'fees.waive': ['免收', 'Waive'],
  'fees.method': ['缴费方式', 'Method'],
  'fees.method.cash': ['现金', 'Cash'],
  'fees.method.card': ['银行卡', 'Card'],
  'fees.posReference': ['POS 参考号', 'POS reference number'],
  'fees.posReferenceHint': [
    '刷卡签购单上的参考号（6 至 32 位字母或数字），用于日终对账',
    'The reference number on the card slip (6 to 32 letters or digits), for the day’s reconciliation',
  ],
  'fees.tendered': ['实收现金（元）', 'Cash handed over (yuan)'],
  'fees.tenderedHint': ['选填：填写后计算找零', 'Optional: the change is worked out from it'],
  'fees.tenderedShort': ['实收金额少于应缴金额', 'Less than the amount due'],
  'fees.change': ['找零 {amount}', 'Change: {amount}'],
  'fees.tenderedShown': ['实收 {tendered}，找零 {change}', '{tendered} handed over, {change} change'],
  'fees.method.online': ['网上支付', 'Online'],
  'fees.amountYuan': ['金额（元）', 'Amount (CNY)'],
  'fees.reason': ['理由及依据', 'Reason and basis'],
  'fees.reasonRequired': ['请填写理由（至少 2 个字）', 'Give the reason (2 characters or more)'],
  'fees.confirm': ['确定', 'Confirm'],
  'fees.actionTitle': ['{action}：{name}', '{action}: {name}'],
  'fees.payments': ['缴费记录', 'Payments'],
  'fees.payment.pending': ['待支付', 'Pending'],
  'fees.payment.abandoned': ['未完成（已放弃）', 'Not completed (abandoned)'],
  'fees.payment.abandonedHint': [
    '这次网上支付没有完成，该项费用已另行缴清或免收，无需再付。如支付平台日后确认到账，将按重复缴费原路退回。',
    'This online payment was never completed, and the fee has been settled otherwise: nothing more is owed. Should the provider confirm it later, it is refunded as a duplicate.',
  ],
  'fees.payment.succeeded': ['成功', 'Succeeded'],
  'fees.payment.failed': ['失败', 'Failed'],
  'fees.payment.superseded': ['重复支付，待退款', 'Duplicate, to be refunded'],
  'fees.payment.refunded': ['已退款', 'Refunded'],
  'fees.refund': ['退款', 'Refund'],
  'fees.refundTitle': ['退还重复缴费：{name}', 'Refund the duplicate payment: {name}'],
  'fees.refundHint': [
    '款项将经原支付渠道（{provider}）原路退回，申请人会收到通知。',
    'The money goes back through the channel it came by ({provider}); the applicant is told.',
  ],
  // the payment providers by name; one not named here shows its code
  'fees.provider.demo': ['演示支付平台', 'the demo payment provider'],
  'fees.refundReason': ['退款原因', 'Reason for the refund'],
  'fees.refundDefault': ['重复缴费，原路退回', 'Paid twice: refunded to where it came from'],
  'fees.refundLine': ['退费', 'Refund the fee'],
  'fees.refundLineTitle': ['退还已缴费用：{name}', 'Refund the fee paid: {name}'],
  'fees.refundLineHint': [
    '申请已撤回、不予受理，或者决定不予许可（不予办理）的，已缴费用应予退还。网上缴纳的经原支付渠道原路退回；现金或刷卡缴纳的由窗口当场退还。',
    'The application was withdrawn, refused or decided against: the fee paid is given back. Paid online, it goes back through the channel it came by; in cash or by card, the window hands it back now.',
  ],
  'fees.refundBillReversed': [
    '该笔缴费已开具电子票据 {number}（票据代码 {code}），退费后由票据平台开具红字票据冲销。',
    'This payment was billed as e-bill {number} (bill code {code}); once refunded, the platform reverses it with a red bill.',
  ],
  'fees.refundBillNever': ['该笔缴费的电子票据尚未开具，退费后不再开具。', "This payment's e-bill is not issued yet; once refunded, it never will be."],
  'fees.refundLinePlaceholder': ['如：申请人撤回申请，退还已缴工本费', 'For example: the application was withdrawn; the fee is given back'],
  'fees.refundedOn': ['{at} 退款 · {reason}', 'refunded {at} · {reason}'],
  'fees.receipt': ['缴费凭证', 'Receipt'],
  'fees.bill.issued': ['电子票据 {number}', 'E-bill {number}'],
  'fees.bill.codes': ['票据代码 {code} · 票据号码 {number} · 校验码 {check}', 'Bill code {code} · number {number} · check code {check}'],
  'fees.bill.pending': ['电子票据开具中…', 'E-bill on its way…'],
  'fees.bill.failed': ['电子票据暂未开具，系统将自动重试', 'E-bill not issued yet: it is asked for again'],
  'fees.bill.failedDetail': ['已请求 {n} 次，票据平台答复：{error}', 'Asked {n} times; the platform said: {error}'],
  'fees.bill.reversed': ['红字票据 {number}', 'Red bill {number}'],
  'fees.bill.again': ['重新开具', 'Ask again now'],
  'fees.bill.againDone': ['票据平台已开具', 'The platform issued it'],
  'fees.bill.reversing': ['电子票据红冲中…', 'E-bill being reversed…'],
  'fees.bill.reversalFailed': ['电子票据暂未红冲，系统将自动重试', 'E-bill not reversed yet: it is asked for again'],
  'fees.blocksDelivery': ['尚有未缴费用，缴清或免收后方可出件：{lines}', 'Fees are unpaid; deliver once they are paid or waived: {lines}'],
  'docs.title': ['文书与结果', 'Documents and results'],
  'docs.none': ['暂无文书', 'No documents yet'],
  'docs.download': ['下载', 'Download'],
  'docs.withheld.fees_unpaid': ['缴费后提供', 'After payment'],
  'docs.withheld.fees_unpaid.why': [
    '费用缴清（或减免）后即可下载、领取办理结果',
    'The result can be downloaded and collected once every fee is paid or waived',
  ],
  'docs.withheld.materials_to_follow': ['补齐材料后提供', 'After the materials'],
  'docs.withheld.materials_to_follow.why': [
    '容缺受理的材料补齐后即可下载、领取办理结果',
    'The result can be downloaded and collected once the materials accepted to follow are handed in',
  ],
  'docs.ofItemCases': ['各部门办件的结果', 'Results of the item cases'],
  'docs.kind.material_receipt': ['收件凭证', 'Receipt of materials'],
  'docs.kind.commitment_letter': ['告知承诺书', 'Written commitment'],
  'docs.kind.acceptance_notice': ['受理通知书', 'Acceptance notice'],
  'docs.kind.one_time_notice': ['一次性告知书', 'One-time notice'],
  'docs.kind.refusal_decision': ['不予受理决定书', 'Refusal'],
  'docs.kind.decision': ['决定文书', 'Decision'],
  'docs.kind.license': ['证照', 'License'],
  'docs.kind.receipt': ['缴费凭证', 'Receipt'],
  'docs.kind.fiscal_bill': ['非税收入电子票据', 'Fiscal e-bill'],
  'docs.kind.revocation_decision': ['撤销行政许可决定书', 'Revocation decision'],
  'docs.kind.delivery_receipt': ['送达回证', 'Proof of delivery'],
  'docs.issuedAt': ['出具时间', 'Issued'],
  'docs.number': ['文书编号', 'Number'],
} as const satisfies Record<string, readonly [string, string]>;

export type FeesKey = CaseKey | keyof typeof caseFeesStrings;
type Vars = Record<string, string | number>;
const own = caseFeesStrings as Record<string, readonly [string, string]>;

/** `t()` for the fees panel and documents list: their own strings first, then the case pages'. */
export function useFeesT(): (key: FeesKey, vars?: Vars) => string {
  const { locale } = useLocale();
  const t = useCaseT();
  return useCallback(
    (key: FeesKey, vars?: Vars) => {
      const entry = own[key];
      if (!entry) return t(key as CaseKey, vars);
      const text = entry[locale === 'en' ? 1 : 0];
      return fill(text, vars);
    },
    [locale, t],
  );
}
