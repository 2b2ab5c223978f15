import { toBuffer as renderQrPng } from 'qrcode';
import { BOLD, cell, contentWidth, fieldTable, openDocument, pageNumbers, paragraphs, REGULAR, SIZE, table, type Doc } from '../catalog/guide-pdf.ts';

/**
 * The printed documents of a case (受理通知书, 一次性告知书, 不予受理决定书, the decision — 准予 / 不予许可决定书, 办理结果通知书 … —,
 * 证照, 缴费凭证). Each is fixed as `PrintedDocument` when it is issued; rendering is a pure function of it,
 * the center's name and the tracking address, so rendering again gives the same bytes.
 */
export interface PrintedDocument {
  /** 受理通知书 … */
  title: string;
  /** the document's own number */
  number: string;
  /** the case it belongs to */
  caseNumber: string;
  /** the organization in whose name it is issued */
  issuer: string;
  /** label–value pairs at the top */
  fields: [string, string][];
  /** the text, one paragraph each */
  body: string[];
  /** a table (missing materials, fee lines) */
  table?: { headers: string[]; widths: number[]; rows: string[][] };
  /** text after the table, one paragraph each (a line for the recipient to sign) */
  closing?: string[];
  /** small print at the end */
  notes?: string[];
  /** when it was issued (ISO) */
  issuedAt: string;
  /** a license's frame: drawn as a certificate rather than a letter */
  certificate?: boolean;
}

const day = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' });
const minute = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** 2026年12月3日 (Asia/Shanghai). */
export const formatDay = (iso: string | Date) => day.format(new Date(iso));
/** A civil day (YYYY-MM-DD, a license's last day say) as 2031年11月27日. */
export const formatCivilDay = (ymd: string) => {
  const [y, m, d] = ymd.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};
/** 2026年12月3日 14:05 (Asia/Shanghai). */
export const formatMinute = (iso: string | Date) => minute.format(new Date(iso));
/** A due moment is the end of a day (midnight after it): print the day it ends. */
export const formatDueDay = (iso: string | Date) => day.format(new Date(new Date(iso).getTime() - 1));
/** 80.00 元 */
export const formatYuan = (cents: number) => `${(cents / 100).toFixed(2)} 元`;

/**
 * The top of every printed page set of a case: the center's name, the title spaced out, its number under it, the
 * QR code to track the case with its caption, and a double rule.
 */
export function letterhead(doc: Doc, h: { title: string; number: string; centerName: string; qr: Buffer; qrCaption?: string }): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const top = doc.page.margins.top;
  const qrSize = 72;
  doc
    .font(REGULAR)
    .fontSize(SIZE.body)
    .text(h.centerName, left, top, { width: width - qrSize - 10 });
  doc
    .font(BOLD)
    .fontSize(SIZE.title + 4)
    .text(h.title, left, top + 26, { width, align: 'center', characterSpacing: 4 });
  doc
    .font(REGULAR)
    .fontSize(SIZE.body)
    .text(h.number, left, doc.y + 4, { width, align: 'center' });
  doc.image(h.qr, left + width - qrSize, top - 6, { width: qrSize, height: qrSize });
  doc
    .font(REGULAR)
    .fontSize(SIZE.small)
    .text(h.qrCaption ?? '扫码查询办理进度', left + width - qrSize - 12, top + qrSize - 3, { width: qrSize + 24, align: 'center' });
  const y = Math.max(doc.y, top + qrSize + 10) + 6;
  doc
    .moveTo(left, y)
    .lineTo(left + width, y)
    .lineWidth(1.5)
    .stroke('black')
    .moveTo(left, y + 3)
    .lineTo(left + width, y + 3)
    .lineWidth(0.5)
    .stroke();
  doc.x = left;
  doc.y = y + 12;
}

function signature(doc: Doc, d: PrintedDocument): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  doc.y += 24;
  if (doc.y + 60 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.font(REGULAR).fontSize(SIZE.body + 0.5);
  doc.text(d.issuer, left + width / 2, doc.y, { width: width / 2, align: 'right' });
  doc.text(formatDay(d.issuedAt), left + width / 2, doc.y + 4, { width: width / 2, align: 'right' });
  doc.text('（印章）', left + width / 2, doc.y + 4, { width: width / 2, align: 'right' });
}

/**
 * One case document as an A4 PDF with the center's name, embedded CJK fonts and a QR code to track the case — or, on
 * a license, to verify it (`qrCaption` says which).
 */
export async function renderCaseDocumentPdf(d: PrintedDocument, opts: { centerName: string; trackingUrl: string; qrCaption?: string }): Promise<Buffer> {
  const qr = await renderQrPng(opts.trackingUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 0, width: 240 });
  const { doc, done } = openDocument('portrait', 56, `${d.title} ${d.number}`, opts.centerName, new Date(d.issuedAt));
  if (d.certificate) {
    const m = 28;
    doc
      .rect(m, m, doc.page.width - 2 * m, doc.page.height - 2 * m)
      .lineWidth(3)
      .stroke('#8b1a1a');
    doc
      .rect(m + 6, m + 6, doc.page.width - 2 * m - 12, doc.page.height - 2 * m - 12)
      .lineWidth(0.8)
      .stroke('#8b1a1a');
    doc.strokeColor('black');
  }
  letterhead(doc, { title: d.title, number: d.number, centerName: opts.centerName, qr, qrCaption: opts.qrCaption });
  fieldTable(doc, [['办件编号', d.caseNumber], ...d.fields]);
  doc.y += 10;
  paragraphs(doc, d.body.join('\n'), '');
  if (d.table && d.table.rows.length) {
    doc.y += 4;
    const width = contentWidth(doc);
    const total = d.table.widths.reduce((a, b) => a + b, 0);
    table(
      doc,
      d.table.headers.map((h, i) => ({ header: h, width: (width * d.table!.widths[i]!) / total, align: i === 0 ? ('center' as const) : ('left' as const) })),
      d.table.rows.map((r) => r.map((c) => cell(c))),
    );
  }
  if (d.closing?.length) {
    doc.y += 14;
    paragraphs(doc, d.closing.join('\n'), '');
  }
  signature(doc, d);
  if (d.notes?.length) {
    doc.y += 16;
    doc.font(REGULAR).fontSize(SIZE.small);
    for (const n of d.notes) doc.text(n, doc.page.margins.left, doc.y, { width: contentWidth(doc), lineGap: 1.5 });
  }
  pageNumbers(doc, `${d.title} ${d.number}`);
  doc.end();
  return done;
}
