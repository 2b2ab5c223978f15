import { toBuffer as renderQrPng } from 'qrcode';
import type { Deps } from '../../server/deps.ts';
import { hasPermission, type Actor } from '../../server/access.ts';
import { AppError } from '../../server/errors.ts';
import { cell, contentWidth, fieldTable, heading, openDocument, pageNumbers, paragraphs, REGULAR, SIZE, table, type Doc } from '../catalog/guide-pdf.ts';
import { caseKindNames, caseStatusNames, channelNames, deliveryMethodNames } from '../../common/case-names.ts';
import { decisionText, decisionWording } from '../../common/decisions.ts';
import { getCase } from './cases.queries.ts';
import { trackingUrl } from './documents.ts';
import { formatDueDay, formatMinute, letterhead } from './case-pdf.ts';
import type { PauseReason } from '../calendar/calendar.tables.ts';

type CaseView = Awaited<ReturnType<typeof getCase>>;
type Limit = NonNullable<NonNullable<CaseView['clock']>['committed']>;

const unitNames: Record<string, string> = { workday: '个工作日', day: '个自然日', workhour: '个工作小时' };
const outcomeNames: Record<string, string> = { approved: '同意', rejected: '不同意', returned: '退回', supplement_requested: '要求补正' };
const taskStateNames: Record<string, string> = { open: '待办理', claimed: '办理中', done: '已办理', cancelled: '已取消' };
const pauseNames: Record<PauseReason, string> = {
  supplement: '补正材料',
  hearing: '听证',
  inspection: '现场核查',
  expert_review: '专家评审',
  appraisal: '检验检测',
  tender: '招标拍卖',
  registration: '等待企业设立登记',
  other: '其他',
};
const materialNames: Record<string, string> = { provided: '已提交', missing: '缺', from_license: '电子证照', waived: '免交' };

const when = (iso: string | null | undefined) => (iso ? formatMinute(iso) : '—');

/**
 * A material as the filed sheet records it: what was handed in, or 缺 for a required one not handed in. A conditional
 * or optional one not handed in is not missing: once the case was accepted it did not apply to this applicant
 * (不适用); before, it is 未提交.
 */
export function materialState(m: { status: string }, necessity: string | undefined, accepted: boolean): string {
  if (m.status === 'missing' && necessity !== undefined && necessity !== 'required') return accepted ? '不适用' : '未提交';
  return materialNames[m.status] ?? m.status;
}

function limitText(l: Limit | null | undefined): string {
  if (!l) return '—';
  const extra = l.extension ? `（含延长 ${l.extension}${unitNames[l.unit] ?? ''}）` : '';
  return `${l.limit}${unitNames[l.unit] ?? ''}${extra}，至 ${formatDueDay(l.dueAt)}${l.isOverdue ? '（已超期）' : ''}`;
}

/**
 * 办件审批表: one case's handling on paper, as a center files it with the case (归档) — the case and its applicant
 * (masked), the deadlines, every step with who handled it, the outcome and the opinion, the pauses and extensions of
 * the clock, the materials, and the result. Printed as the case stands now, for staff who may read the case; the
 * footer names who printed it and when.
 */
export async function caseSheetPdf(deps: Deps, actor: Actor | null, caseId: number): Promise<{ pdf: Buffer; name: string }> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (actor.kind === 'applicant' || !hasPermission(actor, 'case.read')) throw new AppError('FORBIDDEN');
  const c = await getCase(deps, actor, caseId);
  const printedAt = new Date();
  const qr = await renderQrPng(trackingUrl(deps, c.id), { type: 'png', errorCorrectionLevel: 'M', margin: 0, width: 240 });
  const title = '办件审批表';
  const { doc, done } = openDocument('portrait', 48, `${title} ${c.number}`, deps.config.centerName);
  letterhead(doc, { title, number: `办件编号：${c.number}`, centerName: deps.config.centerName, qr });

  const clock = c.clock;
  const delivery = (c.delivery ?? {}) as { method?: string; trackingNumber?: string | null; collector?: { name: string; idNumber: string } };
  // who accepted it, from the timeline (the window's clerk, or 系统 when the law deemed it accepted)
  const acceptedBy = [...c.timeline].reverse().find((e) => e.type === 'accepted')?.actor ?? null;
  const delivered = c.deliveredAt
    ? `${deliveryMethodNames[delivery.method ?? ''] ?? ''} ${when(c.deliveredAt)}${delivery.trackingNumber ? `（运单号 ${delivery.trackingNumber}）` : ''}${
        delivery.collector ? `（代领人 ${delivery.collector.name}，${delivery.collector.idNumber}）` : ''
      }`
    : '—';
  fieldTable(doc, [
    ['事项名称', `${c.subject}${c.itemVersion ? `（第 ${c.itemVersion} 版）` : ''}`],
    ['实施部门', c.organizationName],
    ['申请人', `${c.applicant.name}${c.applicant.idNumber ? `（${c.applicant.idNumber}）` : ''}`],
    ['申请渠道', channelNames[c.channel] ?? c.channel],
    ['办件类型', c.kinds.map((k) => caseKindNames[k] ?? k).join('、') || '—'],
    ['办件状态', caseStatusNames[c.status] ?? c.status],
    ['收件时间', when(c.receivedAt)],
    ['受理时间', c.acceptedAt && acceptedBy ? `${when(c.acceptedAt)}（受理人 ${acceptedBy}）` : when(c.acceptedAt)],
    ['承诺时限', limitText(clock?.committed)],
    ['法定时限', limitText(clock?.legal)],
    // worded by the item's type: 准予许可, 予以确认, 准予办理 …
    ['审批决定', c.decision ? `${decisionText(decisionWording(c.itemType, c.licenseAction), c.decision, 'zh-CN')}（${when(c.decidedAt)}）` : '—'],
    ['办结时间', when(c.concludedAt)],
    ['送达', delivered],
    ...(c.refusalReason ? ([['不予受理理由', c.refusalReason]] as [string, string][]) : []),
  ]);

  heading(doc, '审批环节');
  const steps = c.tasks.filter((t) => t.state !== 'cancelled');
  if (steps.length === 0) paragraphs(doc, '', '受理后生成审批环节。');
  else
    columns(
      doc,
      [
        ['环节', 11],
        ['承办部门', 17],
        ['办理人', 10],
        ['结果', 9],
        ['办理意见', 31],
        ['完成时间', 22],
      ],
      steps.map((t) => [
        t.name,
        t.organizationName,
        t.assignee ?? '—',
        t.outcome ? (outcomeNames[t.outcome] ?? t.outcome) : (taskStateNames[t.state] ?? t.state),
        t.opinion ?? '',
        t.completedAt ? when(t.completedAt) : t.dueAt ? `时限 ${when(t.dueAt)}` : '—',
      ]),
    );

  const pauses = clock?.pauses ?? [];
  const extensions = clock?.extensions ?? [];
  if (pauses.length || extensions.length) {
    heading(doc, '时限暂停与延长');
    columns(
      doc,
      [
        ['事由', 14],
        ['说明', 44],
        ['开始', 21],
        ['结束', 21],
      ],
      [
        ...pauses.map((p) => [pauseNames[p.reason] ?? p.reason, p.note ?? '', when(p.startedAt), p.endedAt ? when(p.endedAt) : '进行中']),
        ...extensions.map((e) => [`延长 ${e.amount}${unitNames[clock?.committed?.unit ?? 'workday'] ?? ''}`, e.reason, when(e.at), '—']),
      ],
    );
  }

  heading(doc, '申请材料');
  const necessity = new Map((c.itemMaterials ?? []).map((m) => [m.key, m.necessity]));
  const latest = new Map<string, CaseView['materials'][number]>();
  for (const m of c.materials) latest.set(m.key, m); // the last round of each material
  columns(
    doc,
    [
      ['材料名称', 62],
      ['收取情况', 16],
      ['轮次', 8],
      ['备注', 14],
    ],
    [...latest.values()].map((m) => [m.name, materialState(m, necessity.get(m.key), c.acceptedAt !== null), String(m.round), m.note ?? '']),
  );

  doc.y += 14;
  doc
    .font(REGULAR)
    .fontSize(SIZE.small)
    .text(
      `打印人：${actor.displayName}\u3000\u3000打印时间：${formatMinute(printedAt)}\u3000\u3000本表按打印时的办件记录生成，扫码可查询办理进度。`,
      doc.page.margins.left,
      doc.y,
      {
        width: contentWidth(doc),
      },
    );
  pageNumbers(doc, `${title} ${c.number}`);
  doc.end();
  return { pdf: await done, name: `${title}-${c.number}.pdf` };
}

/** A table whose columns share the page's width by the given weights. */
function columns(doc: Doc, cols: [header: string, weight: number][], rows: string[][]): void {
  const width = contentWidth(doc);
  const total = cols.reduce((a, [, w]) => a + w, 0);
  table(
    doc,
    cols.map(([h, w]) => ({ header: h, width: (width * w) / total, align: 'left' as const })),
    rows.map((r) => r.map((text) => cell(text))),
  );
}
