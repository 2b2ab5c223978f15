import { existsSync, readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { toBuffer as renderQrPng } from 'qrcode';
import {
  commitmentCheckPeriod,
  itemTypes,
  renewalLeadOf,
  type ItemContent,
  type ItemType,
  type Limit,
  type Material,
  type ProcessNode,
  type StageNode,
} from './catalog.schemas.ts';
import { issuesLicense } from '../../common/licenses.ts';

/**
 * The printed service guide (办事指南, with the one-time notice of all materials) and the power list
 * (权力清单), both generated from a published version of the catalog (SPEC §3.1). pdfkit subsets the
 * CJK font, so a two-page guide is about 200 kB.
 */

export interface GuideSubject {
  code: string;
  name: string;
  version: number;
  organizationName: string;
  regionName: string;
  publishedAt: string | null;
  content: ItemContent;
  guideUrl: string;
}

export interface PowerListRow {
  organizationName: string;
  type: ItemContent['type'];
  code: string;
  name: string;
  basis: string;
  legalLimit: ItemContent['legalLimit'];
}

type Doc = PDFKit.PDFDocument;

// ——— fonts ———

interface FontFace {
  path: string;
  /** The PostScript name of the face when the file is a collection (.ttc). */
  family?: string;
}
interface FontCandidate extends FontFace {
  bold?: FontFace;
}

const notoIn = (dir: string): FontCandidate => ({
  path: `${dir}/NotoSansCJK-Regular.ttc`,
  family: 'NotoSansCJKsc-Regular',
  bold: { path: `${dir}/NotoSansCJK-Bold.ttc`, family: 'NotoSansCJKsc-Bold' },
});

/** Where distributions install a font with all of GB 18030 (a cut to GB 2312 would lose 〇 and rare name characters). */
export const cjkFontCandidates: readonly FontCandidate[] = [
  notoIn('/usr/share/fonts/opentype/noto'), // Debian, Ubuntu: fonts-noto-cjk
  notoIn('/usr/share/fonts/noto-cjk'), // Arch
  notoIn('/usr/share/fonts/google-noto-cjk'), // Fedora
  notoIn('/usr/share/fonts/noto'), // Alpine
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf', bold: { path: '/usr/share/fonts/opentype/noto/NotoSansCJKsc-Bold.otf' } },
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYiMicroHei' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYiZenHei' },
];

const installed = (candidates: readonly FontCandidate[]) => candidates.find((c) => existsSync(c.path));

/** The first installed CJK font of the candidates, or null. */
export function findCjkFont(candidates: readonly FontCandidate[] = cjkFontCandidates): FontFace | null {
  const found = installed(candidates);
  return found ? { path: found.path, family: found.family } : null;
}

/** Regular and bold faces; a font without a bold face (WenQuanYi) sets headings in its regular one. */
function requireFonts(): { regular: FontFace; bold: FontFace } {
  const found = installed(cjkFontCandidates);
  if (!found) {
    throw new Error(
      `No Chinese font for PDF rendering; looked for ${cjkFontCandidates.map((c) => c.path).join(', ')}. Install fonts-noto-cjk (apt-get install fonts-noto-cjk).`,
    );
  }
  const bold = found.bold && existsSync(found.bold.path) ? found.bold : found;
  return { regular: found, bold };
}

/**
 * Parsed faces are kept between renders and let go after five idle minutes: parsing a 65,535-glyph
 * CJK face costs more than laying out a whole guide, and its garbage swells the heap. pdfkit 0.20
 * accepts an already-parsed fontkit font in registerFont; the first render keeps the one pdfkit
 * parsed, and if that ever stops working each render reads the file again.
 */
const faces = new Map<string, unknown>();
let releaseFaces: NodeJS.Timeout | undefined;
const faceKey = (face: FontFace) => `${face.path}#${face.family ?? ''}`;

function faceSource(face: FontFace): PDFKit.Mixins.PDFFontSource {
  clearTimeout(releaseFaces);
  releaseFaces = setTimeout(() => faces.clear(), 5 * 60_000).unref();
  return (faces.get(faceKey(face)) ?? readFileSync(face.path)) as PDFKit.Mixins.PDFFontSource;
}

function keepParsedFace(doc: Doc, name: string, face: FontFace): void {
  doc.font(name);
  const parsed = (doc as unknown as { _font?: { font?: { layout?: unknown } } })._font?.font;
  if (typeof parsed?.layout === 'function') faces.set(faceKey(face), parsed);
}

// ——— document, text and tables ———

const REGULAR = 'cjk';
const BOLD = 'cjk-bold';
const SIZE = { title: 18, subtitle: 13, heading: 12, body: 10.5, table: 9, small: 8, footer: 8.5 };
const LINE_GAP = 1.5;
const PAD_X = 4;
const PAD_Y = 3;

function openDocument(
  layout: 'portrait' | 'landscape',
  margin: number,
  title: string,
  author: string,
  /** fixed for documents that must render the same bytes again (the file ID derives from it) */
  createdAt?: Date,
): { doc: Doc; done: Promise<Buffer> } {
  const fonts = requireFonts();
  const doc = new PDFDocument({
    size: 'A4',
    layout,
    margins: { top: margin, bottom: margin + 8, left: margin, right: margin },
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: title, Author: author, Creator: 'OneWindow', ...(createdAt ? { CreationDate: createdAt } : {}) },
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont(REGULAR, faceSource(fonts.regular), fonts.regular.family);
  doc.registerFont(BOLD, faceSource(fonts.bold), fonts.bold.family);
  keepParsedFace(doc, BOLD, fonts.bold);
  keepParsedFace(doc, REGULAR, fonts.regular);
  doc.fontSize(SIZE.body).fillColor('black').strokeColor('black');
  return { doc, done };
}

const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottomOf = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottomOf(doc)) doc.addPage();
}

function heading(doc: Doc, text: string, size = SIZE.heading): void {
  doc.y += 8;
  ensureSpace(doc, size * 1.5 + 70); // keep a heading with what follows: a table header and a row, or three lines
  doc
    .font(BOLD)
    .fontSize(size)
    .text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.y += 3;
}

/** Chinese paragraphs, first line indented two characters; pdfkit breaks lines between ideographs and moves on to new pages. */
function paragraphs(doc: Doc, text: string, empty = '无。'): void {
  const parts = text
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  doc.font(REGULAR).fontSize(SIZE.body);
  for (const p of parts.length ? parts : [empty]) {
    doc.text(p, doc.page.margins.left, doc.y, { width: contentWidth(doc), indent: SIZE.body * 2, lineGap: LINE_GAP, paragraphGap: 3 });
  }
}

interface Run {
  text: string;
  size?: number;
  bold?: boolean;
}
interface Cell {
  runs: Run[];
  span?: number;
  align?: 'left' | 'center';
}
interface Column {
  width: number;
  header?: string;
  align?: 'left' | 'center';
}
interface Placed extends Cell {
  x: number;
  w: number;
}

const cell = (text: string, more: Partial<Cell> & { bold?: boolean; sub?: string } = {}): Cell => ({
  runs: [{ text, bold: more.bold }, ...(more.sub ? [{ text: more.sub, size: SIZE.small }] : [])],
  span: more.span,
  align: more.align,
});

/** Heights measured in this document: each cell is measured for the row, for its page break and to be drawn. */
const measured = new WeakMap<Doc, Map<string, number>>();

function runHeight(doc: Doc, run: Run, width: number): number {
  if (!run.text) return 0;
  doc.font(run.bold ? BOLD : REGULAR).fontSize(run.size ?? SIZE.table);
  let cache = measured.get(doc);
  if (!cache) measured.set(doc, (cache = new Map()));
  const key = `${run.bold ? 1 : 0}|${run.size ?? SIZE.table}|${width}|${run.text}`;
  let height = cache.get(key);
  if (height === undefined) cache.set(key, (height = doc.heightOfString(run.text, { width, lineGap: LINE_GAP })));
  return height;
}

const cellHeight = (doc: Doc, c: Placed) => c.runs.reduce((h, r) => h + runHeight(doc, r, c.w - 2 * PAD_X), 0);
const rowHeight = (doc: Doc, cells: Placed[]) => Math.max(...cells.map((c) => cellHeight(doc, c))) + 2 * PAD_Y;

const noLineStart = /[，。、；：？！）》」』”’,.;:?!)\]]/u;

/** Splits a cell's runs at the last line that fits in `room`; the rest continues on the next page. */
function splitRuns(doc: Doc, runs: Run[], width: number, room: number): [Run[], Run[]] {
  const head: Run[] = [];
  let used = 0;
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i];
    const h = runHeight(doc, run, width);
    if (used + h <= room) {
      head.push(run);
      used += h;
      continue;
    }
    const chars = Array.from(run.text);
    let lo = 0;
    let hi = chars.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (used + runHeight(doc, { ...run, text: chars.slice(0, mid).join('') }, width) <= room) lo = mid;
      else hi = mid - 1;
    }
    const space = chars.lastIndexOf(' ', lo);
    if (lo < chars.length && /\w/.test(chars[lo]) && /\w/.test(chars[lo - 1] ?? '') && space > lo / 2) lo = space; // don't cut a Latin word
    while (lo > 1 && noLineStart.test(chars[lo] ?? '')) lo--; // nor start the next page with a comma
    if (lo > 0) head.push({ ...run, text: chars.slice(0, lo).join('') });
    return [head, [{ ...run, text: chars.slice(lo).join('').trimStart() }, ...runs.slice(i + 1)]];
  }
  return [head, []];
}

function drawRow(doc: Doc, cells: Placed[], y: number, height: number, { shaded = false, top = false } = {}): void {
  for (const c of cells) {
    if (shaded) doc.rect(c.x, y, c.w, height).fill('#ececec');
    doc.rect(c.x, y, c.w, height).lineWidth(0.6).stroke('black');
    let ty = top ? y + PAD_Y : y + (height - cellHeight(doc, c)) / 2;
    for (const run of c.runs) {
      const h = runHeight(doc, run, c.w - 2 * PAD_X); // also sets the run's font
      if (h) doc.fillColor('black').text(run.text, c.x + PAD_X, ty, { width: c.w - 2 * PAD_X, lineGap: LINE_GAP, align: c.align ?? 'left', height: h + 2 });
      ty += h;
    }
  }
}

/** A ruled table that continues on new pages with its header row repeated; rows taller than a page are split. */
function table(doc: Doc, columns: Column[], rows: Cell[][]): void {
  const left = doc.page.margins.left;
  const place = (row: Cell[]): Placed[] => {
    let col = 0;
    let x = left;
    return row.map((c) => {
      const span = c.span ?? 1;
      const w = columns.slice(col, col + span).reduce((s, k) => s + k.width, 0);
      const placed = { ...c, align: c.align ?? columns[col].align, x, w };
      col += span;
      x += w;
      return placed;
    });
  };
  const header = columns.some((c) => c.header) ? place(columns.map((c) => cell(c.header ?? '', { bold: true, align: 'center' }))) : null;
  const headerHeight = header ? rowHeight(doc, header) : 0;
  let y = doc.y;
  let pageStart = y; // where rows begin on this page, below the header row
  const startPage = () => {
    if (header) drawRow(doc, header, y, headerHeight, { shaded: true });
    y += headerHeight;
    pageStart = y;
  };
  const nextPage = () => {
    doc.addPage();
    y = doc.page.margins.top;
    startPage();
  };
  // The header row stays with the first row. A row taller than half a page may begin wherever a few lines fit.
  const pageRoom = bottomOf(doc) - doc.page.margins.top - headerHeight;
  const firstHeight = rows.length ? rowHeight(doc, place(rows[0])) : 0;
  if (y + headerHeight + (firstHeight > pageRoom / 2 ? 60 : firstHeight) > bottomOf(doc)) nextPage();
  else startPage();
  for (const row of rows) {
    let cells = place(row);
    let split = false;
    for (;;) {
      const h = rowHeight(doc, cells);
      if (y + h <= bottomOf(doc)) {
        drawRow(doc, cells, y, h, { top: split });
        y += h;
        break;
      }
      const room = bottomOf(doc) - y - 2 * PAD_Y;
      if ((h <= pageRoom && y > pageStart) || room < 3 * SIZE.table) {
        nextPage();
        continue;
      }
      const parts = cells.map((c) => splitRuns(doc, c.runs, c.w - 2 * PAD_X, room));
      const head = cells.map((c, i) => ({ ...c, runs: parts[i][0] }));
      const headHeight = rowHeight(doc, head);
      drawRow(doc, head, y, headHeight, { top: true });
      y += headHeight;
      split = true;
      cells = cells.map((c, i) => ({ ...c, runs: parts[i][1] }));
      nextPage();
    }
  }
  doc.x = left;
  doc.y = y + 6;
}

/** Label–value pairs two to a row; a value too long for half a row takes a whole one. */
function fieldTable(doc: Doc, fields: [label: string, value: string][]): void {
  const width = contentWidth(doc);
  const labelWidth = 84;
  const half = width / 2 - labelWidth;
  const columns: Column[] = [{ width: labelWidth, align: 'center' }, { width: half }, { width: labelWidth, align: 'center' }, { width: half }];
  doc.font(REGULAR).fontSize(SIZE.table);
  const fits = (value: string) => !value.includes('\n') && doc.widthOfString(value) <= half - 2 * PAD_X;
  const rows: Cell[][] = [];
  let pending: Cell[] | null = null;
  for (const [label, value] of fields) {
    const shown = value || '无';
    if (fits(shown) && pending) {
      rows.push([...pending, cell(label, { bold: true }), cell(shown)]);
      pending = null;
    } else if (fits(shown)) {
      pending = [cell(label, { bold: true }), cell(shown)];
    } else {
      if (pending) rows.push([pending[0], { ...pending[1], span: 3 }]);
      pending = null;
      rows.push([cell(label, { bold: true }), cell(shown, { span: 3 })]);
    }
  }
  if (pending) rows.push([pending[0], { ...pending[1], span: 3 }]);
  table(doc, columns, rows);
}

function pageNumbers(doc: Doc, runningHeader?: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const { left, right, bottom, top } = doc.page.margins;
    const width = doc.page.width - left - right;
    doc.page.margins.bottom = 0; // writing in the margin must not start a new page
    doc.font(REGULAR).fontSize(SIZE.footer).fillColor('black');
    doc.text(`第 ${i - start + 1} 页 共 ${count} 页`, left, doc.page.height - bottom + 14, { width, align: 'center', lineBreak: false });
    if (runningHeader && i > start) {
      doc.text(runningHeader, left, top - 22, { width, align: 'right', lineBreak: false });
      doc
        .moveTo(left, top - 8)
        .lineTo(left + width, top - 8)
        .lineWidth(0.5)
        .stroke('black');
    }
    doc.page.margins.bottom = bottom;
  }
}

// ——— Chinese wording of the catalog's codes ———

export const itemTypeNames: Record<ItemType, string> = {
  licensing: '行政许可',
  confirmation: '行政确认',
  payment: '行政给付',
  levy: '行政征收',
  reward: '行政奖励',
  adjudication: '行政裁决',
  inspection: '行政检查',
  other_power: '其他行政权力',
  public_service: '公共服务',
};
const unitNames: Record<Limit['unit'], string> = { workday: '个工作日', day: '个自然日', workhour: '个工作小时' };
const levelNames: Record<ItemContent['level'], string> = { city: '市级', district: '区（县）级', street: '乡镇（街道）级', community: '村（社区）级' };
const audienceNames = { person: '自然人', enterprise: '法人和其他组织' } as const;
const depthNames = ['', '一级（信息发布）', '二级（在线咨询、表格下载）', '三级（网上预审）', '四级（全程网办）'];
const scopeNames: Record<ItemContent['anywhereScope'], string> = { none: '不通办', city: '全市通办', province: '全省通办', national: '跨省通办' };
const deliveryNames = { pickup: '窗口领取', post: '邮政寄递', locker: '智能柜自取', electronic: '电子送达' } as const;
const resultTypeNames: Record<ItemContent['resultType'], string> = { license: '证照', approval_document: '批文', certificate: '证明', other: '其他' };
const kindNames: Record<Material['kind'], string> = { original: '原件', copy: '复印件', original_and_copy: '原件及复印件' };
const formNames: Record<Material['form'], string> = { paper: '纸质', electronic: '电子', both: '纸质或电子' };
const necessityNames: Record<Material['necessity'], string> = { required: '必要', conditional: '情形必要', optional: '非必要' };
const sourceNames: Record<Material['source'], string> = {
  applicant: '申请人自备',
  license: '可免提交（电子证照）',
  shared_data: '可免提交（数据共享）',
  issuing_agency: '出具单位提供',
};
const orgNames: Record<StageNode['assignee']['org'], string> = { implementing: '实施机关', center: '政务服务中心', higher: '上级机关' };
const roleNames: Record<StageNode['assignee']['role'], string> = { clerk: '经办人员', approver: '审核人员', head: '负责人' };
const numerals = '〇一二三四五六七八九';

/** 1 → 一, 12 → 十二, 40 → 四十; digits from 100 on. */
export function chineseNumeral(n: number): string {
  if (n < 10) return numerals[n];
  if (n >= 100) return String(n);
  const tens = Math.floor(n / 10);
  return `${tens > 1 ? numerals[tens] : ''}十${n % 10 ? numerals[n % 10] : ''}`;
}

/** 告知承诺制's check period, as the guide states it. */
function commitmentCheckText(c: ItemContent): string {
  const period = commitmentCheckPeriod(c);
  return period.note ? formatLimit(period) : `作出许可决定之日起${formatLimit(period)}内`;
}

/** 补正期限, as the guide states it: counted from the day supplements are asked, and what follows when it passes. */
function supplementPeriodText(period: Limit): string {
  const note = period.note ? `（${period.note}）` : '';
  return `自告知补正之日起${formatLimit(period, false)}内；逾期未补正的，视为撤回申请${note}`;
}

/** 证照有效期, as the guide states it: 5年, 6个月, or 长期有效 when the license has none. */
function validityText(c: ItemContent): string {
  const v = c.resultValidity;
  return v ? `${v.value}${v.unit === 'year' ? '年' : '个月'}` : '长期有效';
}

/**
 * 延续: how long before the license runs out its holder applies to renew it (30 days when the item names none, 行政许可法
 * art. 50) — and, where the item opens the window only near the end, from when: 有效期届满前90个工作日至15个工作日.
 */
function renewalText(c: ItemContent): string {
  const lead = renewalLeadOf(c);
  const span = (l: Limit) => `${l.value}${l.unit === 'day' ? '日' : unitNames[l.unit]}`;
  const period = c.renewalOpens ? `${span(c.renewalOpens)}至${span(lead)}期间` : span(lead);
  return `有效期届满前${period}提出延续申请${lead.note ? `（${lead.note}）` : ''}`;
}

export function formatLimit(limit: Limit, withNote = true): string {
  const value = limit.value === 0 ? '即时办结' : `${limit.value}${unitNames[limit.unit]}`;
  return withNote && limit.note ? `${value}（${limit.note}）` : value;
}

function formatDate(iso: string | null): string {
  if (!iso) return '未发布';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' }).format(date);
}

const yesNo = (b: boolean) => (b ? '是' : '否');

// ——— the service guide ———

function guideHeader(doc: Doc, s: GuideSubject, qr: Buffer): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  doc.font(BOLD).fontSize(SIZE.title).text(s.name, left, doc.page.margins.top, { width, align: 'center', lineGap: 2 });
  doc.fontSize(SIZE.subtitle).text('办事指南', left, doc.y + 2, { width, align: 'center', characterSpacing: 6 });
  const top = doc.y + 12;
  const qrSize = 70;
  const labelWidth = 66;
  const valueWidth = width - labelWidth - qrSize - 36;
  const lines: [string, string][] = [
    ['事项编码', s.code],
    ['实施主体', s.organizationName],
    ['行政区划', s.regionName],
    ['版　　本', `第 ${s.version} 版`],
    ['发布日期', formatDate(s.publishedAt)],
  ];
  let y = top;
  for (const [label, value] of lines) {
    doc.font(BOLD).fontSize(SIZE.body).text(`${label}：`, left, y, { width: labelWidth, align: 'justify' });
    doc.font(REGULAR).text(value, left + labelWidth, y, { width: valueWidth, lineGap: LINE_GAP });
    y = doc.y + 1;
  }
  const qrX = left + width - qrSize - 8;
  doc.image(qr, qrX, top, { width: qrSize, height: qrSize });
  doc
    .font(REGULAR)
    .fontSize(SIZE.small)
    .text('扫码查看网上办事指南', qrX - 15, top + qrSize + 3, { width: qrSize + 30, align: 'center' });
  y = Math.max(y, doc.y) + 8;
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
  doc.y = y + 8;
}

function basicInformation(doc: Doc, s: GuideSubject): void {
  const c = s.content;
  const optional = (label: string, value: string | undefined): [string, string][] => (value ? [[label, value]] : []);
  fieldTable(doc, [
    ['事项类型', itemTypeNames[c.type]],
    ['办件类型', c.caseKind === 'immediate' ? '即办件' : '承诺件'],
    ['服务对象', c.audience.map((a) => audienceNames[a]).join('、')],
    ['行使层级', levelNames[c.level]],
    ...optional('权力来源', c.powerSource),
    ['法定办结时限', formatLimit(c.legalLimit)],
    ['承诺办结时限', formatLimit(c.committedLimit)],
    ...(c.supplementPeriod ? ([['补正期限', supplementPeriodText(c.supplementPeriod)]] as [string, string][]) : []),
    ['到办事现场次数', c.visitsRequired === 0 ? '0次（全程网办）' : `${c.visitsRequired}次`],
    ['网上办理深度', depthNames[c.onlineDepth]],
    ['通办范围', scopeNames[c.anywhereScope]],
    ['是否收费', yesNo(c.isChargeable)],
    ['告知承诺制', yesNo(c.commitmentApproval)],
    ...(c.commitmentApproval ? ([['告知承诺核查时限', commitmentCheckText(c)]] as [string, string][]) : []),
    ['支持预约办理', yesNo(c.supportsAppointment)],
    ['支持网上支付', yesNo(c.supportsOnlinePayment)],
    ['结果送达方式', c.deliveryMethods.map((d) => deliveryNames[d]).join('、')],
    ...optional('数量限制', c.quantityLimit),
    ...optional('中介服务', c.intermediaryServices),
    ...optional('特别程序', c.specialProcedures),
    ['办理地点', c.location],
    ['办理时间', c.hours],
    ['咨询电话', c.consultPhone],
    ['监督投诉电话', c.complaintPhone],
  ]);
}

function materialsTable(doc: Doc, materials: Material[]): void {
  if (!materials.length) return paragraphs(doc, '', '无需提交材料。');
  const fixed = [28, 62, 56, 28, 64, 100];
  const nameWidth = contentWidth(doc) - fixed.reduce((a, b) => a + b, 0);
  const columns: Column[] = [
    { width: fixed[0], header: '序号', align: 'center' },
    { width: nameWidth, header: '材料名称' },
    { width: fixed[1], header: '原件/复印件', align: 'center' },
    { width: fixed[2], header: '纸质/电子', align: 'center' },
    { width: fixed[3], header: '份数', align: 'center' },
    { width: fixed[4], header: '必要性', align: 'center' },
    { width: fixed[5], header: '来源', align: 'center' },
  ];
  const rows = materials.map((m, i) => {
    const longCondition = m.necessity === 'conditional' && m.condition && m.condition.length > 14 ? m.condition : undefined;
    const notes = [
      longCondition && `适用情形：${longCondition}`,
      m.spec && `规格：${m.spec}`,
      m.notes,
      m.basis && `依据：${m.basis}`,
      (m.blankFormFile || m.sampleFile) && `提供${[m.blankFormFile && '空白表格', m.sampleFile && '示例样表'].filter(Boolean).join('、')}`,
    ].filter(Boolean);
    const source = [m.source === 'license' ? m.licenseType : undefined, m.sourceNote].filter(Boolean).join('；');
    return [
      cell(String(i + 1)),
      cell(m.name, { sub: notes.join('；') }),
      cell(kindNames[m.kind]),
      cell(formNames[m.form]),
      cell(String(m.count)),
      cell(necessityNames[m.necessity], {
        sub: m.necessity === 'conditional' && m.condition ? (longCondition ? '（见说明）' : `（${m.condition}）`) : m.tolerable ? '（可容缺后补）' : undefined,
      }),
      cell(sourceNames[m.source], { sub: source || undefined }),
    ];
  });
  table(doc, columns, rows);
  if (materials.some((m) => m.source === 'license' || m.source === 'shared_data')) {
    doc
      .font(REGULAR)
      .fontSize(SIZE.small)
      .text('注：标明“可免提交”的材料由窗口通过电子证照库或部门数据共享获取，申请人无需提交。', { width: contentWidth(doc) });
    doc.y += 2;
  }
}

function feesSection(doc: Doc, c: ItemContent): void {
  if (!c.isChargeable) return paragraphs(doc, '不收费。');
  if (!c.fees.length) return paragraphs(doc, '收费，收费标准以窗口公示为准。');
  fieldTable(
    doc,
    c.fees.flatMap((f): [string, string][] => [
      ['收费项目', f.name],
      ['收费标准', f.standard],
      ['收费依据', f.basis],
      ['是否允许减免', f.reducible ? `是${f.reductionBasis ? `（${f.reductionBasis}）` : ''}` : '否'],
    ]),
  );
}

function processRows(nodes: ProcessNode[]): Cell[][] {
  const assignee = (s: StageNode) =>
    s.assignee.org === 'center' && s.assignee.role === 'clerk' ? '政务服务中心窗口工作人员' : `${orgNames[s.assignee.org]}${roleNames[s.assignee.role]}`;
  const budget = (l: Limit | undefined) => (l ? formatLimit(l) : '—');
  return nodes.flatMap((node, i): Cell[][] => {
    const step = String(i + 1);
    if (node.kind === 'stage') return [[cell(step), cell(node.name), cell(assignee(node)), cell(budget(node.budget))]];
    if (node.kind === 'report_up') return [[cell(step), cell(node.name), cell('上级机关'), cell(budget(node.budget))]];
    const mode =
      node.mode === 'countersign' ? '并联（会签）：各分支同时办理，全部办结后进入下一环节' : '并联（或签）：各分支同时办理，任一分支办结即进入下一环节';
    return [
      [cell(step), cell(node.name, { sub: mode }), cell('—'), cell('—')],
      ...node.branches.map((stages, b) => [
        cell(`${step}.${b + 1}`),
        cell(`分支${chineseNumeral(b + 1)}：${stages.map((s) => s.name).join(' → ')}`),
        cell(stages.map(assignee).join(' → ')),
        cell(stages.map((s) => budget(s.budget)).join(' → ')),
      ]),
    ];
  });
}

function faqSection(doc: Doc, faqs: ItemContent['faqs']): void {
  if (!faqs.length) return paragraphs(doc, '', '暂无。');
  const left = doc.page.margins.left;
  faqs.forEach((f, i) => {
    ensureSpace(doc, 40);
    doc
      .font(BOLD)
      .fontSize(SIZE.body)
      .text(`${i + 1}. 问：${f.q}`, left, doc.y, { width: contentWidth(doc), lineGap: LINE_GAP });
    doc.font(REGULAR).text(`答：${f.a}`, left + SIZE.body * 1.5, doc.y + 1, { width: contentWidth(doc) - SIZE.body * 1.5, lineGap: LINE_GAP, paragraphGap: 5 });
  });
}

const oneTimeNotice = '一次性告知：以上为办理本事项需要提交的全部材料，窗口工作人员不得要求申请人提交清单以外的材料。';

function noticeBox(doc: Doc): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  doc.font(BOLD).fontSize(SIZE.body - 0.5); // one line across the page
  const height = doc.heightOfString(oneTimeNotice, { width: width - 16, lineGap: LINE_GAP }) + 12;
  doc.y += 10;
  ensureSpace(doc, height);
  const top = doc.y;
  doc.rect(left, top, width, height).lineWidth(0.8).stroke('black');
  doc.fillColor('black').text(oneTimeNotice, left + 8, top + 6, { width: width - 16, lineGap: LINE_GAP });
  doc.y = top + height;
}

/** The 办事指南 of one item version as a center prints it, the one-time notice of all materials included (SPEC §3.1). */
export async function renderGuidePdf(subject: GuideSubject): Promise<Buffer> {
  const qr = await renderQrPng(subject.guideUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 0, width: 280 });
  const { doc, done } = openDocument('portrait', 50, `${subject.name}办事指南`, subject.organizationName);
  const c = subject.content;
  guideHeader(doc, subject, qr);
  heading(doc, '一、事项基本信息');
  basicInformation(doc, subject);
  heading(doc, '二、设定依据');
  paragraphs(doc, c.basis);
  heading(doc, '三、受理条件');
  paragraphs(doc, c.conditions);
  heading(doc, '四、申请材料（一次性告知）');
  materialsTable(doc, c.materials);
  heading(doc, '五、收费标准');
  feesSection(doc, c);
  heading(doc, '六、办理流程');
  const steps = processRows(c.process.nodes);
  if (steps.length) {
    const width = contentWidth(doc);
    table(
      doc,
      [
        { width: 36, header: '步骤', align: 'center' },
        { width: (width - 136) * 0.55, header: '办理环节' },
        { width: (width - 136) * 0.45, header: '办理人员' },
        { width: 100, header: '环节时限', align: 'center' },
      ],
      steps,
    );
  } else paragraphs(doc, '', '受理后按规定办理。');
  heading(doc, '七、审批结果');
  fieldTable(doc, [
    ['结果名称', c.resultName],
    ['结果类型', resultTypeNames[c.resultType]],
    ...(c.resultLicenseType ? ([['电子证照', `同步发放电子证照（${c.resultLicenseType}）`]] as [string, string][]) : []),
    // a license runs out after its period of validity, and is renewed before it does
    ...(issuesLicense(c) ? ([['证照有效期', validityText(c)]] as [string, string][]) : []),
    ...(issuesLicense(c) && c.resultValidity ? ([['延续申请', renewalText(c)]] as [string, string][]) : []),
    ['送达方式', c.deliveryMethods.map((d) => deliveryNames[d]).join('、')],
  ]);
  heading(doc, '八、常见问题');
  faqSection(doc, c.faqs);
  noticeBox(doc);
  pageNumbers(doc, `${subject.name}办事指南`);
  doc.end();
  return done;
}

// ——— the power list ———

const truncate = (text: string, max: number) => {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
};

/**
 * The power list (权力清单): organizations in the order given, within each the items by type, one
 * table per type, rows numbered through each organization; landscape A4.
 */
export async function renderPowerListPdf(rows: PowerListRow[], title: string): Promise<Buffer> {
  const { doc, done } = openDocument('landscape', 40, title, title);
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  doc.font(BOLD).fontSize(SIZE.title).text(title, left, doc.page.margins.top, { width, align: 'center' });
  doc.font(REGULAR).fontSize(SIZE.body).text(`共 ${rows.length} 项`, { width, align: 'center' });
  doc.y += 6;
  const byOrganization = new Map<string, PowerListRow[]>();
  for (const row of rows) {
    const items = byOrganization.get(row.organizationName);
    if (items) items.push(row);
    else byOrganization.set(row.organizationName, [row]);
  }
  const columns: Column[] = [
    { width: 40, header: '序号', align: 'center' },
    { width: 165, header: '事项编码' },
    { width: 180, header: '事项名称' },
    { width: width - 465, header: '设定依据' },
    { width: 80, header: '法定时限', align: 'center' },
  ];
  let o = 0;
  for (const [organization, items] of byOrganization) {
    ensureSpace(doc, 110);
    heading(doc, `${chineseNumeral(++o)}、${organization}（${items.length} 项）`, SIZE.subtitle);
    let n = 0;
    let t = 0;
    for (const type of itemTypes) {
      const ofType = items.filter((r) => r.type === type);
      if (!ofType.length) continue;
      heading(doc, `（${chineseNumeral(++t)}）${itemTypeNames[type]}（${ofType.length} 项）`, SIZE.body);
      table(
        doc,
        columns,
        ofType.map((r) => [cell(String(++n)), cell(r.code), cell(r.name), cell(truncate(r.basis, 120) || '—'), cell(formatLimit(r.legalLimit, false))]),
      );
    }
  }
  if (!rows.length) paragraphs(doc, '', '暂无事项。');
  pageNumbers(doc, title);
  doc.end();
  return done;
}
export {
  openDocument,
  contentWidth,
  fieldTable,
  table,
  cell,
  paragraphs,
  heading,
  pageNumbers,
  REGULAR,
  BOLD,
  SIZE,
  LINE_GAP,
  type Doc,
  type Column,
  type Cell,
};
