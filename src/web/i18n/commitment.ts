import { useCallback } from 'react';
import { fill, useLocale } from './index.tsx';
import { useWorkT, type WorkKey } from './case-work.ts';

/**
 * Strings of 告知承诺制 (approval by written commitment): the choice when applying, the check after the grant
 * (事后核查) on the case pages and in the inbox, the revocation (撤销): [zh-CN, en]. They travel with the case pages
 * (loaded on demand); `useCommitT()` falls back to the case work and case pages' dictionaries.
 */
export const commitmentStrings = {
  // applying
  'commit.mode': ['办理方式', 'How to apply'],
  'commit.mode.ordinary': ['一般程序', 'Ordinary'],
  'commit.mode.commitment': ['告知承诺', 'By written commitment'],
  'commit.modeHint': [
    '本事项实行告知承诺制：申请人承诺符合许可条件的，部门不再实质审查，受理后直接作出决定，准予许可后在规定期限内现场核查。',
    'This item may be granted by written commitment: when the applicant commits that they meet the conditions, the department skips the substantive review and decides once the application is accepted, then checks on site within a set period after the grant.',
  ],
  'commit.notice': ['告知内容', 'What the department tells you'],
  'commit.noticeIntro': ['{org}告知，申请本事项须符合以下条件：', '{org} tells you that this item requires the following conditions:'],
  'commit.checkAfter': [
    '准予许可后，部门将在 {period}内进行事后核查；核查发现承诺不实的，依法撤销许可。',
    'After the grant, the department checks on site within {period}; a commitment found to be false has the license revoked.',
  ],
  'commit.pledge': ['申请人承诺', "The applicant's commitment"],
  'commit.pledgeText': [
    '本人（单位）已知晓上述许可条件，承诺符合全部条件并对所提交材料的真实性负责；如承诺不实，愿意承担被撤销许可等法律责任。',
    'I (we) know the conditions above, commit that I (we) meet all of them and answer for the truth of the materials submitted; should the commitment be false, I (we) accept the legal consequences, the revocation of the license among them.',
  ],
  'commit.agree': ['我已阅读并作出承诺', 'I have read this and make the commitment'],
  'commit.agreeWindow': ['申请人已阅读告知内容并签署书面承诺', 'The applicant has read what the department tells and signed the written commitment'],
  'commit.agreeRequired': [
    '选择告知承诺的，请阅读告知内容并勾选“我已阅读并作出承诺”',
    'Applying by commitment: read what the department tells you and tick “I have read this and make the commitment”',
  ],
  'commit.agreeRequiredWindow': [
    '选择告知承诺的，请确认申请人已签署书面承诺',
    'Applying by commitment: confirm that the applicant has signed the written commitment',
  ],

  // on the case
  'commit.tag': ['告知承诺', 'By commitment'],
  'commit.tagHint': [
    '申请人以书面承诺申请，免于实质审查，准予许可后事后核查',
    'Applied by written commitment: no substantive review, a check on site after the grant',
  ],
  'commit.check': ['事后核查', 'Post-approval check'],
  'commit.state.pending': ['待核查', 'To check'],
  'commit.state.kept': ['核查属实', 'Commitment kept'],
  'commit.state.broken': ['承诺不实', 'Commitment false'],
  'commit.dueBy': ['核查期限 {due}', 'due {due}'],
  'commit.overdue': ['已超期', 'Overdue'],
  'commit.checkedBy': ['{name} · {at}', '{name} · {at}'],
  'commit.afterGrant': ['准予许可后核查', 'Checked after a grant'],
  'commit.revoked': ['许可已撤销', 'License revoked'],
  'commit.revokedOn': ['许可已于 {date} 撤销', 'The license was revoked on {date}'],
  'commit.revokedText': [
    '事后核查发现申请人承诺不实，已依法撤销行政许可并出具撤销行政许可决定书。',
    'The post-approval check found the commitment false: the license is revoked and a revocation decision issued.',
  ],
  'commit.revokedOpinion': ['核查意见：{text}', 'Finding: {text}'],
  'commit.checkDue': ['已以告知承诺方式准予许可，须在核查期限（{due}）内完成现场核查。', 'Granted by commitment: check on site by {due}.'],
  'commit.checkOverdue': [
    '事后核查已超期（核查期限 {due}），请尽快完成现场核查。',
    'The post-approval check is overdue (it was due {due}): check on site now.',
  ],

  // the dialog
  'commit.record': ['事后核查', 'Record the check'],
  'commit.dialogTitle': ['事后核查 · {number}', 'Post-approval check · {number}'],
  'commit.dialogIntro': [
    '申请人以告知承诺方式取得许可。请根据现场核查情况，确认其是否符合所承诺的许可条件。',
    'The applicant was granted the license on their written commitment. Record whether the check on site found that they meet the conditions they committed to.',
  ],
  'commit.result': ['核查结论', 'Result of the check'],
  'commit.result.kept': ['符合承诺', 'Commitment kept'],
  'commit.result.broken': ['承诺不实', 'Commitment false'],
  'commit.opinion': ['核查意见', 'Findings on site'],
  'commit.opinionPlaceholder': ['现场核查的时间、地点、人员和发现的情况', 'When, where and by whom it was checked, and what was found'],
  'commit.opinionRequired': ['请填写核查意见（2–1000 字）', 'Write the findings (2 to 1,000 characters)'],
  'commit.resultRequired': ['请选择核查结论', 'Choose the finding'],
  'commit.brokenWarning': [
    '确认“承诺不实”将撤销该行政许可：系统出具撤销行政许可决定书并通知申请人，此操作不可撤回。',
    'Confirming “commitment false” revokes the license: a revocation decision is issued and the applicant told. This cannot be undone.',
  ],
  'commit.confirmKept': ['确认核查属实', 'Confirm: kept'],
  'commit.confirmBroken': ['确认承诺不实并撤销许可', 'Confirm: false, revoke the license'],
  'commit.recordedKept': ['已记录：核查属实', 'Recorded: the commitment was kept'],
  'commit.recordedBroken': ['已记录：承诺不实，许可已撤销', 'Recorded: the commitment was false, the license is revoked'],

  // timeline
  'commit.ev.submitted': ['以告知承诺方式申请', 'Applied by written commitment'],
  'commit.ev.accepted': ['告知承诺：不再实质审查，直接作出决定', 'By commitment: no substantive review, on to the decision'],
  'commit.ev.result': ['核查结论：{result}', 'Result: {result}'],
  'commit.ev.due': ['核查期限 {due}，已提醒本部门审批人员', 'The department’s approvers were reminded that the post-approval check is due by {due}'],
  'commit.ev.dueLate': [
    '核查期限 {due} 已过，已提醒本部门审批人员',
    'The department’s approvers were reminded that the post-approval check is overdue (it was due by {due})',
  ],
  'commit.ev.opinion': ['核查意见：{text}', 'Finding: {text}'],

  // the inbox tab and today's work
  'commit.tab': ['事后核查', 'Post-approval checks'],
  'commit.tabHint': [
    '以告知承诺方式准予许可的办件，须在核查期限内现场核查；承诺不实的，撤销许可。',
    'Cases granted by written commitment are checked on site within their period; a false commitment has the license revoked.',
  ],
  'commit.filter': ['核查状态', 'State'],
  'commit.filter.all': ['全部', 'All'],
  'commit.col.case': ['办件编号', 'Case number'],
  'commit.col.item': ['事项', 'Item'],
  'commit.col.applicant': ['申请人', 'Applicant'],
  'commit.col.decided': ['准予许可时间', 'Granted'],
  'commit.col.due': ['核查期限', 'Check due'],
  'commit.col.state': ['核查状态', 'State'],
  'commit.open': ['去核查', 'Check'],
  'commit.view': ['查看', 'Open'],
  'commit.empty.pending': ['没有待核查的办件。', 'No checks to make.'],
  'commit.empty.any': ['没有事后核查记录。', 'No post-approval checks.'],
  'commit.todayTitle': ['事后核查', 'Post-approval checks'],
  'commit.todayHint': ['已超期或 10 日内到期', 'Overdue or due within 10 days'],
} as const satisfies Record<string, readonly [string, string]>;

export type CommitKey = WorkKey | keyof typeof commitmentStrings;
type Vars = Record<string, string | number>;
export type CommitT = (key: CommitKey, vars?: Vars) => string;
const own = commitmentStrings as Record<string, readonly [string, string]>;

/** `t()` for 告知承诺制: its own strings first, then the case work and case pages'. */
export function useCommitT(): CommitT {
  const { locale } = useLocale();
  const t = useWorkT();
  return useCallback(
    (key: CommitKey, vars?: Vars) => {
      const entry = own[key];
      if (!entry) return t(key as WorkKey, vars);
      const text = entry[locale === 'en' ? 1 : 0];
      return fill(text, vars);
    },
    [locale, t],
  );
}
