import ExcelJS from 'exceljs';
import { caseKindNames, caseStatusNames, channelNames, deliveryMethodNames } from '../../common/case-names.ts';
import type { CaseListFilter } from '../../common/case-filter.ts';
import { caseKinds } from './case-kinds.ts';
import type { CaseStatus } from './cases.tables.ts';

/** A case as its ledger row shows it (see exportCases). */
export interface LedgerRow {
  number: string;
  subject: string;
  applicant_name: string;
  organization_name: string;
  channel: string;
  case_kind: 'immediate' | 'committed';
  is_joint: boolean;
  is_reported_up: boolean;
  is_urgent: boolean;
  status: CaseStatus;
  decision: 'granted' | 'denied' | null;
  received_at: Date;
  accepted_at: Date | null;
  committed_due_at: Date | null;
  legal_due_at: Date | null;
  is_overdue: boolean | null;
  concluded_at: Date | null;
  delivered_at: Date | null;
  delivery_method: string | null;
}

/** A moment as the ledger prints it: China time, to the minute. */
const cst = (d: Date | null) => (d ? new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '');

/**
 * A deadline as the ledger prints it: one that ends a day (the next day's midnight, China time) is that last day, as
 * the case page and the notices print it; one of working hours is its moment.
 */
const dueCst = (d: Date | null) => {
  if (!d) return '';
  const shown = cst(d);
  return shown.endsWith(' 00:00') ? cst(new Date(d.getTime() - 60_000)).slice(0, 10) : shown;
};

const columns: { header: string; width: number; value: (r: LedgerRow) => string }[] = [
  { header: '办件编号', width: 26, value: (r) => r.number },
  { header: '事项', width: 30, value: (r) => r.subject },
  { header: '申请人', width: 24, value: (r) => r.applicant_name },
  { header: '实施部门', width: 26, value: (r) => r.organization_name },
  { header: '申请渠道', width: 10, value: (r) => channelNames[r.channel] ?? r.channel },
  {
    header: '办件类型',
    width: 22,
    value: (r) =>
      caseKinds(r)
        .map((k) => caseKindNames[k] ?? k)
        .join('、'),
  },
  { header: '状态', width: 10, value: (r) => caseStatusNames[r.status] ?? r.status },
  { header: '决定', width: 10, value: (r) => (r.decision === 'granted' ? '准予' : r.decision === 'denied' ? '不予' : '') },
  { header: '收件时间', width: 17, value: (r) => cst(r.received_at) },
  { header: '受理时间', width: 17, value: (r) => cst(r.accepted_at) },
  { header: '承诺办结期限', width: 17, value: (r) => dueCst(r.committed_due_at) },
  { header: '法定办结期限', width: 17, value: (r) => dueCst(r.legal_due_at) },
  { header: '是否超期', width: 9, value: (r) => (r.is_overdue ? '超期' : '') },
  { header: '办结时间', width: 17, value: (r) => cst(r.concluded_at) },
  { header: '送达时间', width: 17, value: (r) => cst(r.delivered_at) },
  { header: '送达方式', width: 12, value: (r) => (r.delivery_method ? (deliveryMethodNames[r.delivery_method] ?? r.delivery_method) : '') },
];

/** What the filter chose, in words, for the sheet's second line. */
const deliveryChoiceNames: Record<NonNullable<CaseListFilter['delivery']>, string> = {
  pickup: '窗口领取',
  post: '邮寄送达',
  locker: '智能柜自取',
  electronic: '电子送达',
  none: '未选择',
};

function described(f: CaseListFilter): string {
  const parts: string[] = [];
  if (f.from || f.to) parts.push(`收件日期 ${f.from ?? '…'} 至 ${f.to ?? '…'}`);
  if (f.status) parts.push(`状态 ${caseStatusNames[f.status] ?? f.status}`);
  if (f.kind) parts.push(`类型 ${caseKindNames[f.kind] ?? f.kind}`);
  if (f.channel) parts.push(`渠道 ${channelNames[f.channel] ?? f.channel}`);
  if (f.item) parts.push(`事项 ${f.item}`);
  if (f.q) parts.push(`关键词 ${f.q}`);
  if (f.overdue) parts.push('仅超期');
  if (f.queue === 'prereview') parts.push('预审队列');
  if (f.queue === 'window_decision') parts.push('当场办结队列');
  if (f.delivery) parts.push(`领取方式 ${deliveryChoiceNames[f.delivery]}`);
  return parts.length ? `筛选：${parts.join('；')}` : '筛选：全部（本人可见范围）';
}

/** 办件台账 as a spreadsheet: a title, the filter, a header and a row per case. */
export async function caseLedgerWorkbook(rows: LedgerRow[], f: CaseListFilter, at = new Date()): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'OneWindow';
  const sheet = wb.addWorksheet('办件台账', { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.addRow([`办件台账（导出时间 ${cst(at)}，共 ${rows.length} 件）`]).font = { bold: true, size: 14 };
  sheet.addRow([described(f)]);
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F2F5' } };
  for (const r of rows) sheet.addRow(columns.map((c) => c.value(r)));
  columns.forEach((c, i) => (sheet.getColumn(i + 1).width = c.width));
  sheet.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: columns.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
