/**
 * The kinds of a case's documents, in the order a case's document list shows them (the server's `document_kind`
 * domain holds the same values): 收件凭证, 告知承诺书, 受理通知书, 一次性告知书, 不予受理决定书, the decision (准予 / 不予许可决定书,
 * or as its item's type words it: 行政确认决定书, 办理结果通知书 …), the license, 缴费凭证, 财政电子票据, 撤销行政许可决定书 and 送达回证.
 */
export const documentKindList = [
  'material_receipt',
  'commitment_letter',
  'acceptance_notice',
  'one_time_notice',
  'refusal_decision',
  'decision',
  'license',
  'receipt',
  'fiscal_bill',
  'revocation_decision',
  'delivery_receipt',
] as const;
export type DocumentKind = (typeof documentKindList)[number];
