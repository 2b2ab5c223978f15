import ExcelJS from 'exceljs';
import { BOLD, REGULAR, SIZE, cell, contentWidth, heading, openDocument, pageNumbers, paragraphs, table, type Column } from '../catalog/guide-pdf.ts';
import { metricCatalog, type Figures } from './definitions.ts';
import type { Dashboard } from './queries.ts';
import type { RankRow } from './windows.ts';
import { caseKindNames, channelNames } from '../../common/case-names.ts';

/** How a figure is written in exports and reports (zh-CN). */
export function formatFigure(value: number | null, format: string): string {
  if (value === null || value === undefined) return '—';
  if (format === 'percent') return `${(value * 100).toFixed(1)}%`;
  if (format === 'days') return value.toFixed(2);
  if (format === 'money') return value.toFixed(2);
  return String(value);
}
const formatChange = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : Math.abs(v * 100) < 0.05 ? '持平' : `${v > 0 ? '+' : ''}${(v * 100).toFixed(1)}%`;

export const groupNames: Record<string, string> = {
  region: '中心（区域）',
  organization: '部门',
  window: '窗口',
  item: '事项',
  channel: '渠道',
  kind: '办件类型',
};
export function rowName(group: string, key: string, name: string): string {
  if (group === 'channel') return channelNames[key] ?? key;
  if (group === 'kind') return caseKindNames[key] ?? key;
  if (group === 'window' && key === '0') return '网上及未经窗口';
  return name || key;
}

const percentFormat = '0.0%';
const numberFormat = (format: string) => (format === 'percent' ? percentFormat : format === 'count' ? '0' : '0.00');

/** The dashboard as a workbook: the summary with 环比 and 同比, the breakdown, the trend. */
export async function dashboardWorkbook(d: Dashboard, group: string, title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'OneWindow';
  const summary = wb.addWorksheet('指标汇总');
  summary.addRow([title]).font = { bold: true, size: 14 };
  summary.addRow([`统计期间：${d.period.label}（${d.period.from} 至 ${d.period.to}）`]);
  summary.addRow([]);
  const header = summary.addRow(['指标', d.period.label, `上期 ${d.previousLabel}`, '环比', `去年同期 ${d.lastYearLabel}`, '同比']);
  header.font = { bold: true };
  for (const m of metricCatalog) {
    const row = summary.addRow([m.zh, d.current[m.key], d.previous[m.key], d.mom[m.key] ?? null, d.lastYear[m.key], d.yoy[m.key] ?? null]);
    for (const c of [2, 3, 5]) row.getCell(c).numFmt = numberFormat(m.format);
    for (const c of [4, 6]) row.getCell(c).numFmt = '+0.0%;-0.0%';
  }
  summary.getColumn(1).width = 26;
  for (const c of [2, 3, 4, 5, 6]) summary.getColumn(c).width = 18;

  const detail = wb.addWorksheet('分组明细');
  detail.addRow([groupNames[group] ?? group, ...metricCatalog.map((m) => m.zh)]).font = { bold: true };
  for (const r of d.breakdown) {
    const row = detail.addRow([rowName(group, r.key, r.name), ...metricCatalog.map((m) => r.figures[m.key] as number | null)]);
    metricCatalog.forEach((m, i) => (row.getCell(i + 2).numFmt = numberFormat(m.format)));
  }
  detail.getColumn(1).width = 32;

  const trend = wb.addWorksheet('趋势');
  trend.addRow(['期间', ...metricCatalog.map((m) => m.zh)]).font = { bold: true };
  for (const t of d.trend) {
    const row = trend.addRow([t.label, ...metricCatalog.map((m) => t.figures[m.key] as number | null)]);
    metricCatalog.forEach((m, i) => (row.getCell(i + 2).numFmt = numberFormat(m.format)));
  }
  trend.getColumn(1).width = 24;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const kindRows = (f: Figures) => Object.entries(caseKindNames).map(([k, name]) => [name, String(f.kinds[k as keyof Figures['kinds']])]);

/** The monthly report (月度报告) as a PDF: headline figures with 环比 and 同比, departments, windows, ranking. */
export async function monthlyReportPdf(input: {
  title: string;
  scopeName: string;
  month: Dashboard;
  departments: Dashboard['breakdown'];
  windows: RankRow[];
  departmentRank: RankRow[];
  redFlag: string | null;
  generatedAt: Date;
}): Promise<Buffer> {
  const { doc, done } = openDocument('portrait', 48, input.title, input.scopeName);
  const width = contentWidth(doc);
  const left = doc.page.margins.left;
  const m = input.month;
  /** A table of plain text cells, or a note where it has no rows. */
  const tableOrNote = (cols: Column[], rows: string[][], empty: string) => {
    if (rows.length === 0) paragraphs(doc, '', empty);
    else
      table(
        doc,
        cols,
        rows.map((r) => r.map((text) => cell(text))),
      );
  };
  doc.font(BOLD).fontSize(SIZE.title).text(input.title, left, doc.page.margins.top, { width, align: 'center' });
  doc.font(REGULAR).fontSize(SIZE.body).text(`${input.scopeName}  统计期间：${m.period.from} 至 ${m.period.to}`, { width, align: 'center' });
  doc.y += 8;
  heading(doc, '一、总体情况');
  const c = m.current;
  paragraphs(
    doc,
    `本月共受理办件 ${c.accepted} 件，办结 ${c.completed} 件；本月受理的办件已办结 ${c.completedOfAccepted} 件，办结率 ${formatFigure(c.completionRate, 'percent')}，按时办结率 ${formatFigure(c.onTimeRate, 'percent')}，` +
      `承诺件提前办结率 ${formatFigure(c.earlyRate, 'percent')}，即办件率 ${formatFigure(c.immediateShare, 'percent')}。平均承诺时限 ${formatFigure(c.avgCommittedDays, 'days')} 个工作日，` +
      `平均实际办理 ${formatFigure(c.avgActualDays, 'days')} 个工作日，平均法定时限 ${formatFigure(c.avgLegalDays, 'days')} 个工作日。` +
      `受理量环比 ${formatChange(m.mom.accepted)}，同比 ${formatChange(m.yoy.accepted)}。`,
  );
  const cols: Column[] = [
    { width: width * 0.28, header: '指标' },
    { width: width * 0.18, header: '本月', align: 'center' },
    { width: width * 0.18, header: '上月', align: 'center' },
    { width: width * 0.18, header: '环比', align: 'center' },
    { width: width * 0.18, header: '同比', align: 'center' },
  ];
  table(
    doc,
    cols,
    metricCatalog.map((x) => [
      cell(x.zh),
      cell(formatFigure(c[x.key] as number | null, x.format)),
      cell(formatFigure(m.previous[x.key] as number | null, x.format)),
      cell(formatChange(m.mom[x.key])),
      cell(formatChange(m.yoy[x.key])),
    ]),
  );
  heading(doc, '二、办件类型（七件制）');
  table(
    doc,
    [
      { width: width / 2, header: '类型' },
      { width: width / 2, header: '件数', align: 'center' },
    ],
    kindRows(c).map(([a, b]) => [cell(a!), cell(b!)]),
  );
  heading(doc, '三、各部门办件情况');
  const deptCols: Column[] = [
    { width: width * 0.3, header: '部门' },
    { width: width * 0.14, header: '受理', align: 'center' },
    { width: width * 0.14, header: '办结', align: 'center' },
    { width: width * 0.14, header: '按时办结率', align: 'center' },
    { width: width * 0.14, header: '提前办结率', align: 'center' },
    { width: width * 0.14, header: '平均用时', align: 'center' },
  ];
  tableOrNote(
    deptCols,
    input.departments.map((r) => [
      r.name,
      String(r.figures.accepted),
      String(r.figures.completed),
      formatFigure(r.figures.onTimeRate, 'percent'),
      formatFigure(r.figures.earlyRate, 'percent'),
      formatFigure(r.figures.avgActualDays, 'days'),
    ]),
    '本月无办件。',
  );
  heading(doc, '四、窗口效能排名');
  const rankCols: Column[] = [
    { width: width * 0.1, header: '名次', align: 'center' },
    { width: width * 0.38, header: '窗口' },
    { width: width * 0.13, header: '办结', align: 'center' },
    { width: width * 0.13, header: '按时办结率', align: 'center' },
    { width: width * 0.13, header: '得分', align: 'center' },
    { width: width * 0.13, header: '评定', align: 'center' },
  ];
  const mark = (r: RankRow) => (r.mark === 'praised' ? '表彰' : r.mark === 'flagged' ? '通报' : '');
  const rankRows = (rows: RankRow[]) =>
    rows.map((r) => [
      r.tied ? `并列${r.rank}` : String(r.rank),
      r.name,
      String(r.concluded),
      formatFigure(r.onTimeRate, 'percent'),
      formatFigure(r.score, 'days'),
      mark(r),
    ]);
  tableOrNote(rankCols, rankRows(input.windows), '本月无可排名的窗口。');
  paragraphs(doc, input.redFlag ? `本月红旗窗口：${input.redFlag}。` : '本月红旗窗口尚未评定。');
  heading(doc, '五、部门效能排名');
  tableOrNote(rankCols, rankRows(input.departmentRank), '本月无可排名的部门。');
  doc.y += 6;
  doc
    .font(REGULAR)
    .fontSize(SIZE.small)
    .text(
      `口径说明：按时办结以承诺时限（无承诺时限时以法定时限）为准，补正、听证、检验检测、专家评审等期间不计入；生成时间 ${input.generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC。`,
      {
        width,
      },
    );
  pageNumbers(doc, input.title);
  doc.end();
  return done;
}
