import { useCallback } from 'react';
import { fill, useLocale } from './index.tsx';

/**
 * Strings of an application taken through at the window in one sitting: 收件并受理, the decision an immediate item's
 * department authorized the window to make (当场办结), and the delivery that follows: [zh-CN, en]. They travel with the
 * workbench's case pages (loaded on demand); `useSitT()` reads only these.
 */
export const sittingStrings = {
  // 窗口收件
  'sit.receiveAndAccept': ['收件并受理', 'Receive and accept'],
  'sit.receiveAndAcceptHint': [
    '必要材料齐全：收件、受理一步完成，出具收件凭证和受理通知书，办理时限开始计算。',
    'Every required material is here: receive and accept in one step — the receipt and the acceptance notice are printed and the clock starts.',
  ],
  'sit.receiveOnlyHint': [
    '缺少必要材料，不能当场受理：确认收件后出具一次性告知书。',
    'A required material is missing, so it cannot be accepted now: receive it, then give the one-time notice.',
  ],
  'sit.missingTitle': ['缺少必要材料，不能当场受理', 'A required material is missing: it cannot be accepted now'],
  'sit.ticketLoading': ['正在读取叫号信息…', 'Reading the ticket…'],
  'sit.ticketGone': ['该号已不在本窗口办理，请直接查找申请人', 'The ticket is no longer at your window: find the applicant yourself'],
  'sit.ticketFound': [
    '为 {code} 号收件：已按取号身份证号带出申请人 {name}',
    'Receiving for ticket {code}: the applicant {name} is taken from the ID number it was taken with',
  ],
  'sit.ticketUnknown': [
    '为 {code} 号收件：取号身份证号尚未登记为申请人，请登记后收件',
    'Receiving for ticket {code}: nobody is registered under its ID number yet — register the applicant',
  ],
  'sit.ticketNoId': [
    '为 {code} 号收件：取号时未留身份证号，请查找申请人',
    'Receiving for ticket {code}: it was taken without an ID number — find the applicant',
  ],
  'sit.ticketFinish': ['完成 {code} 号服务并关联本办件', 'Finish serving ticket {code} and link this case'],
  'sit.ticketFinished': ['{code} 号已完成窗口服务', 'Ticket {code}: served at the window'],
  'sit.receiveAndTolerate': ['收件并容缺受理', 'Receive and accept, the rest to follow'],
  'sit.receiveOrTolerateHint': [
    '所缺材料均可容缺后补：申请人承诺限期补交的，可收件并容缺受理，办理时限开始计算，结果待补齐后发放；否则收件后出具一次性告知书。',
    'Only materials that may follow are missing: on the applicant’s promise to hand them in by a day, receive and accept now — the clock starts, and the result waits for them; otherwise receive it and give the one-time notice.',
  ],
  'sit.tolerateTitle': ['收件并容缺受理', 'Receive and accept with materials to follow'],

  // the sitting
  'sit.accepted': ['已收件并受理', 'Received and accepted'],
  'sit.acceptedSub': ['办件编号 {number}', 'Case number {number}'],
  'sit.printNotice': ['打印受理通知书', 'Print the acceptance notice'],
  'sit.openCase': ['打开办件', 'Open the case'],
  'sit.step.received': ['收件', 'Received'],
  'sit.step.accepted': ['受理', 'Accepted'],
  'sit.step.decided': ['决定', 'Decided'],
  'sit.step.concluded': ['办结', 'Concluded'],
  'sit.step.delivered': ['出件', 'Delivered'],
  'sit.decideTitle': ['当场办理：{task}', 'Decide on the spot: {task}'],
  'sit.decideIntro': [
    '本即办件经{org}授权由综合窗口当场决定。核验后{grant}或{deny}，办件随即办结，可当场出件。',
    '{org} authorized the comprehensive window to decide this immediate item. After checking, “{grant}” or “{deny}” concludes it too, and the result goes out on the spot.',
  ],
  'sit.opinion': ['办理意见', 'Opinion'],
  'sit.opinionPlaceholder': ['选填；{deny}时必填，写明理由', 'Optional; required for “{deny}”, with the reasons'],
  'sit.grantAndConclude': ['{grant}并办结', '{grant} and conclude'],
  'sit.denyAndConclude': ['{deny}并办结', '{deny} and conclude'],
  'sit.denyNeedsReason': ['{deny}须写明理由（至少 2 个字）', '“{deny}” gives its reasons (two characters at least)'],
  'sit.concludeTitle': ['办结：{task}', 'Conclude: {task}'],
  'sit.conclude': ['办结', 'Conclude'],
  'sit.deliverNow': ['当场出件', 'Deliver now'],
  'sit.concludedHint': ['已办结，可当场出件。', 'Concluded: the result can be delivered now.'],
  'sit.delivered': ['已出件', 'Delivered'],
  'sit.deliveredSub': [
    '办件 {number} 已当场办结并出件，收件、受理、决定、办结、出件各步均已记入办理过程。',
    'Case {number} was decided, concluded and delivered on the spot; each step is on its timeline.',
  ],
  'sit.withDepartment': ['已受理，转{org}办理（{task}）。办理进度可在办件中查看。', 'Accepted and passed to {org} ({task}). Follow it on the case page.'],
  'sit.withColleague': ['{name} 正在办理此件。', '{name} is handling it.'],

  // the case page
  'sit.concludeWith': ['决定后当场办结', 'Conclude it with the decision'],
  'sit.concludeWithHint': ['办结后即可当场出件；决定和办结分别记入办理过程。', 'Delivery follows at once; the decision and the conclusion are recorded apart.'],
} as const satisfies Record<string, readonly [string, string]>;

export type SitKey = keyof typeof sittingStrings;
type Vars = Record<string, string | number>;
export type SitT = (key: SitKey, vars?: Vars) => string;

/** `t()` for the window's sitting: its own strings only. */
export function useSitT(): SitT {
  const { locale } = useLocale();
  return useCallback(
    (key: SitKey, vars?: Vars) => {
      const text = sittingStrings[key][locale === 'en' ? 1 : 0];
      return fill(text, vars);
    },
    [locale],
  );
}
