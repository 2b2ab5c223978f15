import { useCallback } from 'react';
import { fill, useLocale } from './index.tsx';

/**
 * Strings of 容缺受理 (acceptance with materials to follow): the catalog's 容缺后补 mark, the window's acceptance on
 * the applicant's promise, the materials handed in after it, the 容缺待补 queue, and the result held meanwhile:
 * [zh-CN, en]. They travel with the pages that use them (loaded on demand); `useTolT()` reads only these, so that the
 * catalog's pages do not pull in the case pages' dictionaries.
 */
export const toleratedStrings = {
  // the catalog
  'tol.tolerable': ['容缺后补', 'May follow'],
  'tol.tolerableMark': ['（可容缺后补）', ' (may follow after acceptance)'],
  'tol.tolerableTag': ['可容缺后补', 'May follow'],
  'tol.tolerableHint': [
    '必要材料缺少时，窗口可凭申请人承诺先行受理，由申请人在约定期限内补交（容缺受理）；仅限必要材料，申请表等主件不宜设置。',
    'When it is missing, the window may accept the application on the applicant’s promise to hand it in within an agreed period (容缺受理). Only for required materials; not for the application itself.',
  ],
  'tol.guideNote': [
    '其中 {n} 项缺少时可先行受理、受理后限期补交（容缺后补）。',
    ' {n} required {n|material|materials} may follow within a set period after acceptance.',
  ],
  'tol.applyMissingNote': [
    '标注“可容缺后补”的材料缺少时，窗口可凭您的承诺先行受理，受理后请在约定期限内补交。',
    'Those marked as able to follow may be accepted without, on your promise to hand them in within the agreed period.',
  ],
  'tol.tolerableOnlyRequired': ['仅必要材料可设为容缺后补', 'Only a required material may follow after acceptance'],

  // the material's status
  'tol.mstatus': ['容缺待补', 'To follow'],

  // pre-review
  'tol.completeTolerable': [
    '缺少 {n} 项必要材料，均可容缺后补，可以容缺受理',
    '{n} required {n|material|materials} missing, all of which may follow: the application may be accepted with them to follow',
  ],
  'tol.completeTolerated': ['必要材料尚缺 {n} 项（已容缺受理，待补交）', '{n} required {n|material is|materials are} still missing (accepted to follow)'],
  'tol.completeToleratedDue': [
    '必要材料尚缺 {n} 项（已容缺受理，须于 {due} 前补交）',
    '{n} required {n|material is|materials are} still missing (accepted to follow, due by {due})',
  ],
  'tol.completeToleratedOverdue': [
    '必要材料尚缺 {n} 项（已容缺受理，补交期限 {due} 已过）',
    '{n} required {n|material is|materials are} still missing (accepted to follow; overdue since {due})',
  ],
  'tol.completeBlocking': [
    '缺少 {n} 项必要材料，其中 {m} 项不可容缺，须一次性告知',
    '{n} required {n|material|materials} missing, {m} of which may not follow: give a one-time notice',
  ],
  'tol.accept': ['容缺受理', 'Accept, materials to follow'],
  'tol.acceptHint': [
    '所缺材料均可容缺后补：凭申请人承诺先行受理，约定期限内补交',
    'What is missing may all follow: accept on the applicant’s promise to hand it in within an agreed period',
  ],
  'tol.acceptTitle': ['容缺受理 {number}', 'Accept {number} with materials to follow'],
  'tol.acceptIntro': [
    '以下必要材料可容缺后补。申请人承诺在约定期限内补交的，可先行受理并开始计算办结时限：',
    'These required materials may follow after acceptance. When the applicant promises to hand them in within the agreed period, the application is accepted now and its clocks start:',
  ],
  'tol.workdays': ['补交期限', 'To hand in within'],
  'tol.workdaysUnit': ['个工作日', 'working days'],
  'tol.workdaysHint': [
    '自受理之日起计算（1–30 个工作日），期限写入受理通知书。',
    'Counted from acceptance (1 to 30 working days); the acceptance notice states the day.',
  ],
  'tol.acceptHeld': [
    '材料补齐前，部门照常审查和作出决定，但不出具办理结果。',
    'Until they are in, the department reviews and decides as usual, but the result is not delivered.',
  ],
  'tol.acceptPromise': ['申请人已承诺在期限内补交上述材料', 'The applicant has promised to hand these in within the period'],
  'tol.acceptConfirm': ['确认容缺受理', 'Accept with materials to follow'],

  // on the case
  'tol.fact': ['容缺受理', 'Materials to follow'],
  'tol.factCount': ['{n} 项材料', '{n} {n|material|materials}'],
  'tol.dueBy': ['须于 {due} 前补交', 'due {due}'],
  'tol.overdue': ['已逾期', 'Overdue'],
  'tol.allIn': ['容缺材料已补齐', 'All handed in'],
  'tol.alertTitle': ['容缺受理：{n} 项材料待补交，补交期限 {due}', 'Accepted with {n} {n|material|materials} to follow, due {due}'],
  'tol.alertOverdue': ['容缺受理：{n} 项材料已逾期未补交（补交期限 {due}）', 'Accepted with {n} {n|material|materials} to follow: overdue since {due}'],
  'tol.alertHeld': ['材料补齐前不出具办理结果。', 'The result is delivered once they are in.'],
  'tol.alertHeldOverdue': [
    '材料补齐前不出具办理结果；逾期未补交的，依照有关规定处理。',
    'The result is delivered once they are in; past the day, the department decides what follows under the rules.',
  ],
  'tol.alertWindow': ['申请人可在网上办事大厅补交，也可由窗口代为收取。', 'The applicant hands them in online, or the window takes them for them.'],
  'tol.outcomeHeld': ['容缺材料补齐后方可出件。', 'The result goes out once the materials to follow are in.'],
  'tol.handInTitle': ['补交材料', 'Hand in the materials to follow'],
  'tol.handInIntro': [
    '您的申请已容缺受理。请上传以下材料（可分次补交），全部补齐后方可领取办理结果。',
    'Your application was accepted with these materials to follow. Upload them (some now, the rest later if need be); the result is delivered once all are in.',
  ],
  'tol.handInWindowTitle': ['代收容缺材料', 'Take the materials to follow'],
  'tol.handInSubmit': ['提交补交材料', 'Hand in'],
  'tol.handInSome': ['可只提交已准备好的材料', 'Hand in what is ready; the rest may follow'],
  'tol.handedIn': ['已补交 {n} 项材料', '{n} {n|material|materials} handed in'],
  'tol.handedInAll': ['容缺材料已全部补齐', 'All the materials to follow are in'],

  // the timeline
  'tol.ev.accepted': ['容缺受理：{names}，须于 {due} 前补交', 'Accepted with materials to follow: {names}, due {due}'],
  'tol.ev.handedIn': ['补交容缺材料', 'Materials to follow handed in'],
  'tol.roundLater': ['受理后补交（容缺后补）', 'Handed in after acceptance (accepted to follow)'],
  'tol.col.handedInAt': ['补交时间', 'Handed in'],
  'tol.ev.materials': ['补交：{names}', 'Handed in: {names}'],
  'tol.ev.left': ['尚待补交：{names}', 'Still to follow: {names}'],
  'tol.ev.allIn': ['容缺材料已全部补齐', 'All the materials to follow are in'],
  'tol.ev.reminded': ['提醒补交容缺材料', 'Reminded to hand in materials'],
  'tol.ev.remindedDue': ['已提醒申请人于 {due} 前补交：{names}', 'The applicant was reminded to hand in by {due}: {names}'],
  'tol.ev.remindedLate': ['补交期限 {due} 已过，已提醒申请人补交：{names}', 'The day ({due}) has passed; the applicant was reminded: {names}'],

  // 综合受理 → 容缺待补, and 今日工作
  'tol.tab': ['容缺待补', 'Materials to follow'],
  'tol.tabHint': [
    '容缺受理的办件，容缺材料补齐前不出具办理结果。逾期未补的，请联系申请人。',
    'Cases accepted with materials to follow; their results wait until the materials are in. Call the applicant when one is overdue.',
  ],
  'tol.col.due': ['补交期限', 'Due'],
  'tol.col.missing': ['待补材料', 'To follow'],
  'tol.col.acceptedAt': ['受理时间', 'Accepted'],
  'tol.open': ['查看', 'Open'],
  'tol.empty': ['暂无等待补交容缺材料的办件', 'No case waits for materials to follow'],
  'tol.todayTitle': ['容缺待补', 'Materials to follow'],
  'tol.todayOverdue': ['{n} 件已逾期未补交', '{n} overdue'],
  'tol.todayFine': ['均在补交期限内', 'All within their period'],

  // 统一出件
  'tol.heldTag': ['容缺待补', 'Materials to follow'],
  'tol.heldTip': ['容缺材料补交期限 {due}，补齐后方可出件', 'Materials to follow due {due}; delivered once they are in'],
  'tol.batchHeld': ['容缺材料未补齐，暂不能出件', 'Materials to follow are not in yet: it cannot be delivered'],
  'tol.deliverHeldTitle': ['容缺材料尚未补齐，暂不能出件', 'The materials to follow are not all in: the result cannot go out yet'],
  'tol.deliverHeldText': [
    '本件为容缺受理，以下材料须于 {due} 前补交：{names}。申请人补齐后（网上补交或由窗口代收）即可出件。',
    'This case was accepted with materials to follow, due {due}: {names}. Once the applicant hands them in (online, or through the window), the result can go out.',
  ],
  'tol.deliverHeldOpen': ['打开办件代收材料', 'Open the case to take them'],
  'tol.close': ['关闭', 'Close'],
  'tol.deliverRevokedTitle': ['许可已于 {date} 撤销', 'The license was revoked on {date}'],
  'tol.deliverRevokedText': [
    '事后核查发现申请人承诺不实，行政许可已撤销。本次出件送达的是撤销行政许可决定书及本办件的其他文书。',
    'The post-approval check found the commitment false and the license is revoked. What goes out is the revocation decision, with the case’s other documents.',
  ],
  'tol.revokedTag': ['许可已撤销', 'License revoked'],
} as const satisfies Record<string, readonly [string, string]>;

export type TolKey = keyof typeof toleratedStrings;
type Vars = Record<string, string | number>;
export type TolT = (key: TolKey, vars?: Vars) => string;

/** `t()` for 容缺受理: its own strings only (the pages that show them take the rest from their own `t`). */
export function useTolT(): TolT {
  const { locale } = useLocale();
  return useCallback(
    (key: TolKey, vars?: Vars) => {
      const text = toleratedStrings[key][locale === 'en' ? 1 : 0];
      return fill(text, vars);
    },
    [locale],
  );
}
