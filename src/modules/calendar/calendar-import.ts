import ExcelJS from 'exceljs';
import { parseDate, formatDate } from '../../common/civil-date.ts';
import { AppError } from '../../server/errors.ts';
import type { DayKind, DayOverride } from './work-calendar.ts';

function kindFromText(text: string): DayKind | undefined {
  const t = text.trim().toLowerCase();
  if (['班', '上班', '补班', '调休上班', 'makeup', 'makeup_workday', 'workday', 'work'].includes(t) || /[（(]班[)）]|补班|上班/.test(text))
    return 'makeup_workday';
  if (['休', '假', '放假', '休息', 'holiday', 'off', 'rest'].includes(t) || /[（(]休[)）]|放假|休/.test(text)) return 'holiday';
  return undefined;
}

function cleanName(summary: string): string {
  return summary.replace(/[（(][休班][)）]/g, '').trim() || '节假日';
}

/**
 * Read holidays and make-up days from an iCalendar file: all-day VEVENTs (DTEND exclusive); a
 * summary marked 班 / 上班 is a make-up working day, anything else a day off.
 */
export function parseIcs(text: string): DayOverride[] {
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .replace(/\n[ \t]/g, '')
    .split(/\r?\n/);
  const out: DayOverride[] = [];
  let event: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') event = {};
    else if (line === 'END:VEVENT' && event) {
      const start = /(\d{8})/.exec(event.DTSTART ?? '')?.[1];
      const end = /(\d{8})/.exec(event.DTEND ?? '')?.[1];
      const summary = (event.SUMMARY ?? '').replace(/\\,/g, ',');
      if (!start) throw new AppError('VALIDATION_FAILED', { reason: 'an event has no DTSTART date', summary });
      const toDay = (s: string) => parseDate(`${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`);
      const first = toDay(start);
      const last = end ? toDay(end)! - 1 : first;
      if (first === undefined || last === undefined || last < first || last - first > 60)
        throw new AppError('VALIDATION_FAILED', { reason: 'an event has invalid dates', summary });
      const kind = kindFromText(summary + ' ' + (event.DESCRIPTION ?? '')) ?? 'holiday';
      for (let n = first; n <= last; n++) out.push({ date: formatDate(n), kind, name: cleanName(summary).slice(0, 100) });
      event = null;
    } else if (event) {
      const colon = line.indexOf(':');
      if (colon > 0) event[line.slice(0, colon).split(';')[0]!] = line.slice(colon + 1);
    }
  }
  if (out.length === 0) throw new AppError('VALIDATION_FAILED', { reason: 'no events found in the calendar file' });
  return out;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  return String(v);
}

/**
 * Read a spreadsheet with the columns 日期 (date), 类型 (休 / 班) and 名称 (name), headed or not.
 * Every bad row is reported with its row number; nothing is imported if any row is bad.
 */
export async function parseSpreadsheet(data: Buffer): Promise<DayOverride[]> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new AppError('VALIDATION_FAILED', { reason: 'not an .xlsx workbook' });
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw new AppError('VALIDATION_FAILED', { reason: 'the workbook has no sheet' });
  const out: DayOverride[] = [];
  const errors: { row: number; reason: string }[] = [];
  sheet.eachRow((row, rowNumber) => {
    const [date, kind, name] = [1, 2, 3].map((c) => cellText(row.getCell(c).value).trim());
    if (rowNumber === 1 && /日期|date/i.test(date ?? '')) return;
    if (!date && !kind) return;
    const n = parseDate(
      (date ?? '')
        .replace(/\//g, '-')
        .replace(/^(\d{4})-(\d)-/, '$1-0$2-')
        .replace(/-(\d)$/, '-0$1'),
    );
    const k = kindFromText(kind ?? '');
    if (n === undefined) errors.push({ row: rowNumber, reason: `not a date: ${date}` });
    else if (!k) errors.push({ row: rowNumber, reason: `type must be 休 or 班: ${kind}` });
    else out.push({ date: formatDate(n), kind: k, name: (name || (k === 'holiday' ? '节假日' : '调休上班')).slice(0, 100) });
  });
  if (errors.length) throw new AppError('VALIDATION_FAILED', { reason: 'bad rows', rows: errors.slice(0, 100) });
  if (out.length === 0) throw new AppError('VALIDATION_FAILED', { reason: 'no rows' });
  return out;
}
