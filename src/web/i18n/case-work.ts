import { useCallback } from 'react';
import { fill, useLocale } from './index.tsx';
import { useCaseT, type CaseKey } from './cases-pages.ts';

/**
 * Strings of bundle applications (一件事一次办) and of working a task together (交办, 加签, 改派, 撤回,
 * 催办, 抄送, 延期申请, AB 岗): [zh-CN, en]. They travel with the case pages (loaded on demand), not with
 * the portal's first load; `useWorkT()` falls back to the case pages' dictionary.
 */
export const caseWorkStrings = {
  // bundles
  'bundle.tag': ['一件事', 'Bundle'],
  'bundle.apply': ['在线申请', 'Apply online'],
  'bundle.applyFor': ['在线申请：{name}', 'Apply online: {name}'],
  'bundle.applyHint': [
    '一张表单、一套材料：提交后分别生成各部门的办件，并联审批，统一出件。',
    'One form, one set of materials: an item case is opened at each department, worked in parallel and delivered together.',
  ],
  'bundle.items': ['包含事项', 'Items'],
  'bundle.committedLimit': ['承诺办结时限（自受理起）', 'Committed limit (from acceptance)'],
  'bundle.materialFor': ['用于：{items}', 'For: {items}'],
  'bundle.submitted': ['一件事申请已提交', 'Bundle application submitted'],
  'bundle.parentNumber': ['一件事办件编号', 'Bundle case number'],
  'bundle.itemCases': ['各部门办件', 'Item cases'],
  'bundle.itemCasesHint': ['各部门办件并联办理，全部办结后统一出件。', 'The departments work their cases in parallel; the results are delivered together.'],
  'bundle.childrenTitle': ['各部门办件（{done}/{total} 已办结）', 'Item cases ({done}/{total} concluded)'],
  'bundle.belongsTo': ['本件属于一件事申请', 'This case belongs to a bundle application'],
  'bundle.belongsToText': [
    '受理、一次性告知、不予受理、撤回和出件在一件事申请上办理：{subject}（{number}）。',
    'Acceptance, the one-time notice, refusal, withdrawal and delivery are taken on the bundle application: {subject} ({number}).',
  ],
  'bundle.openParent': ['打开一件事申请', 'Open the bundle application'],
  'bundle.ofParent': ['属于 {number}', 'Part of {number}'],
  'bundle.childWaiting': ['以下办件等待补正材料，请在对应办件中提交：', 'These item cases wait for supplements; hand them in on each:'],
  'bundle.noticeOnBundle': [
    '一次性告知在一件事申请上出具，补齐的材料将同步到各部门办件。',
    'The notice is given on the bundle; the materials reach every item case.',
  ],
  'bundle.childrenEmpty': ['暂无办件', 'No item cases'],
  'bundle.decision': ['决定', 'Decision'],
  'bundle.awaitsRegistration': ['待营业执照', 'Awaits the license'],
  'bundle.awaitsRegistrationHint': [
    '须待企业设立登记准予、营业执照核发后办理，等待期间暂停计时',
    'Worked once the company is registered and its business license issued; its clock is paused meanwhile',
  ],
  'bundle.staffNotice': [
    '工作人员账户不能在线申请一件事。为办事群众收件请到“综合受理 → 窗口收件”选择该一件事。',
    'Staff accounts cannot apply for a bundle online: receive it for the applicant at Intake → At the window, choosing the bundle.',
  ],
  'bundle.windowHint': [
    '一件事一次办：一张表单、一套材料，一次收件；受理后各部门并联办理，全部办结后统一出件。',
    'One form and one set of materials, received once; once accepted, the departments work their cases in parallel and the results go out together.',
  ],
  'bundle.windowAcceptHint': [
    '必要材料齐全：收件、受理一步完成，各部门办件同时受理并开始计时，出具收件凭证。',
    'Every required material is here: receive and accept in one step — every department’s case is accepted and its clock starts; the receipt is printed.',
  ],
  'bundle.pickerTag': ['一件事', 'Bundle'],

  // notice deadline (art. 32)
  'notice.due': ['告知期限', 'Notice due'],
  'notice.near': ['即将到期', 'Due soon'],
  'notice.past': ['已过期', 'Past due'],
  'notice.pastHint': ['超过 5 日未告知：受理将自收件之日起计算', 'Past 5 days: acceptance counts from receipt'],

  // tasks
  'task.kind.cosign': ['加签', 'Co-sign'],
  'task.delegated': ['交办中', 'Delegated'],
  'task.urged': ['催办 {n} 次', 'Urged {n} {n|time|times}'],
  'task.pausedSupplement': ['等待补正', 'Waiting for supplements'],
  'task.pausedRegistration': ['待营业执照', 'Awaits the license'],
  'task.pausedSpecial': ['特别程序中', 'Special procedure'],
  'task.atWindow': [
    '本即办件经部门授权由综合窗口当场决定：核验后{grant}或{deny}，办结后即可当场出件。',
    'The department authorized the comprehensive window to decide this immediate item: after checking, decide it (“{grant}” or “{deny}”), conclude it, and deliver the result on the spot.',
  ],
  'task.returnNowhere': ['退回（首个审批环节，无可退回）', 'Return (the first stage: nowhere to return to)'],
  'task.inSpecial': [
    '特别程序进行中，计时暂停：请在“更多”中结束特别程序并录入结果后，再作审查或决定',
    'A special procedure is under way and the clock is paused: end it with its result under More before approving or rejecting',
  ],
  'task.awaitingRegistration': [
    '本事项须待企业设立登记准予、营业执照核发后再作决定，等待期间暂停计时。可先认领并审阅材料。',
    'This case is decided once the company’s registration is granted and its business license issued; the clock is paused meanwhile. You may claim it and read the file.',
  ],
  'task.notYours': ['该环节不在您的岗位，或已由他人办理', 'This step is not on your post, or someone else has it'],
  'task.delegatedToMe': ['同事交办给您，请答复意见后交回', 'A colleague handed this to you: answer and it goes back'],
  'task.delegatedAway': ['已交办 {name}，等待答复', 'With {name} for an answer'],
  'task.delegate': ['交办', 'Delegate'],
  'task.delegateTitle': ['交办 · {task}', 'Delegate · {task}'],
  'task.delegateText': ['交给本部门同事协助办理，答复后自动交回给您。', 'A colleague of the department helps and the task comes back to you with the answer.'],
  'task.answer': ['答复交回', 'Answer'],
  'task.answerTitle': ['答复 · {task}', 'Answer · {task}'],
  'task.answerText': ['答复意见后，环节交回给交办人继续办理。', 'Your answer goes back with the task to whoever handed it over.'],
  'task.cosign': ['加签', 'Add co-signer'],
  'task.cosignTitle': ['加签 · {task}', 'Add a co-signer · {task}'],
  'task.cosignText': [
    '请其他部门（或本部门同事）会签。本环节在所有加签答复后才进入下一环节。',
    'Ask another department (or a colleague) to co-sign. The step moves on only when every co-signer has answered.',
  ],
  'task.cosignOrg': ['加签部门', 'Department'],
  'task.cosignAccount': ['指定人员（选填）', 'Person (optional)'],
  'task.cosignAccountHint': ['不指定时由该部门相应岗位签收', 'Leave empty: the department’s post picks it up'],
  'task.cosignRole': ['岗位', 'Post'],
  'task.pickOrg': ['选择部门', 'Choose a department'],
  'task.reassign': ['改派', 'Reassign'],
  'task.reassignTitle': ['改派 · {task}', 'Reassign · {task}'],
  'task.reassignText': ['首席代表将本部门环节改派给其他人员办理。', 'As head, give this step of the department to someone else.'],
  'task.recall': ['撤回', 'Recall'],
  'task.recallTitle': ['撤回您的审批意见？', 'Take back your decision?'],
  'task.recallText': [
    '下一环节尚未开始时，可撤回您的通过或不通过意见，环节回到您手中重新办理。',
    'While the next step has not started, your approval or rejection can be taken back and the step returns to you.',
  ],
  'task.urge': ['催办', 'Urge'],
  'task.urgeTitle': ['催办 · {task}', 'Urge · {task}'],
  'task.urgeText': ['提醒当前办理人尽快办理（同一环节每小时限催办一次）。', 'Remind whoever holds the step (at most once an hour).'],
  'task.requestExtension': ['延期申请', 'Request extension'],
  'task.requestExtensionTitle': ['延期申请 · {task}', 'Request an extension · {task}'],
  'task.requestExtensionText': [
    '依照《行政许可法》第四十二条，报本部门负责人批准，可延长不超过 10 个工作日（每件仅限一次）。',
    'Art. 42: the department head may approve up to 10 more working days, once per case.',
  ],
  'task.extensionPending': ['延期申请待审批', 'Extension request pending'],
  'task.note': ['说明', 'Note'],
  'task.to': ['交给', 'To'],
  'task.pickPerson': ['选择人员', 'Choose a person'],
  'task.noPerson': ['没有可选择的人员', 'Nobody to choose'],
  'task.othersSteps': ['其他进行中的环节', 'Other open steps'],
  'task.done': ['操作成功', 'Done'],

  // copies
  'note.action': ['添加备注', 'Add a note'],
  'note.title': ['办理备注', 'Note for the staff'],
  'note.save': ['保存备注', 'Save the note'],
  'note.text': [
    '备注记入办理过程，仅工作人员可见，申请人看不到，例如已电话联系申请人、下一环节需注意的事项。',
    'The note goes on the timeline for the staff only — the applicant does not see it: a call made to the applicant, what the next step should know.',
  ],
  'note.staffOnly': ['仅工作人员可见', 'Staff only'],
  'cc.action': ['抄送', 'Copy to'],
  'cc.title': ['抄送办件', 'Send a copy'],
  'cc.text': ['被抄送的工作人员可查阅本办件。', 'The colleagues you choose may read this case.'],
  'cc.recipients': ['抄送人员', 'Recipients'],
  'cc.search': ['输入姓名搜索', 'Search by name'],

  // extension requests
  'ext.title': ['延期申请', 'Extension requests'],
  'ext.days': ['延长 {days} 个工作日', '{days} more working days'],
  'ext.by': ['{name} 申请 · {at}', 'Asked by {name} · {at}'],
  'ext.state.pending': ['待审批', 'Pending'],
  'ext.state.approved': ['已批准', 'Approved'],
  'ext.state.rejected': ['不予批准', 'Refused'],
  'ext.approve': ['批准', 'Approve'],
  'ext.refuse': ['不批准', 'Refuse'],
  'ext.decideTitle': ['审批延期申请', 'Decide the extension request'],
  'ext.approveText': ['批准后法定办结时限延长 {days} 个工作日。', 'Approving extends the legal limit by {days} working days.'],
  'ext.refuseText': ['不予批准的，请写明理由。', 'A refusal gives its reasons.'],
  'ext.decisionNote': ['审批意见', 'Decision note'],
  'ext.inboxTitle': ['待审批的延期申请（{n}）', 'Extension requests to decide ({n})'],
  'ext.open': ['审批', 'Decide'],

  // AB posts and away
  'inbox.tabTasks': ['待办任务', 'Tasks'],
  'inbox.search': ['办件编号、申请人或事项', 'Case number, applicant or item'],
  'inbox.item': ['全部事项', 'All items'],
  'inbox.stage': ['全部环节', 'All stages'],
  'inbox.due': ['办理时限', 'Deadline'],
  'inbox.due.overdue': ['已超期', 'Overdue'],
  'inbox.due.today': ['今日到期', 'Due today'],
  'inbox.due.soon': ['3 日内到期', 'Due within 3 days'],
  'inbox.state.any': ['全部', 'All'],
  'inbox.state.claimed': ['已签收', 'Claimed'],
  'inbox.urgentOnly': ['仅看急件', 'Urgent only'],
  'inbox.reset': ['清除筛选', 'Clear filters'],
  'search.kind': ['办件类型', 'Kind'],
  'search.org': ['实施部门', 'Department'],
  'search.channel': ['申请渠道', 'Channel'],
  'search.received': ['收件日期', 'Received'],
  'search.overdue': ['仅看超期', 'Overdue only'],
  'search.export': ['导出台账', 'Export ledger'],
  'search.exportHint': ['按当前筛选导出办件台账（Excel），导出记入审计日志', 'The cases as filtered, as a spreadsheet; the export is on the audit trail'],
  'search.exportTooMany': ['超过 {max} 件，请缩小收件日期或部门范围后再导出', 'More than {max} cases: narrow the days or the department first'],
  'search.kindCardHint': ['点击按此类型筛选', 'Click to filter by this kind'],
  'inbox.noMatch': ['没有符合条件的待办', 'No tasks match the filters'],
  'away.title': ['外出状态', 'Away'],
  'away.setUntil': ['我将外出至', 'I am away until'],
  'away.hint': [
    '外出期间，本人 A 岗的待办由 B 岗同事代办，返岗后收回。',
    'While you are away, your B post works your A post’s tasks; they come back to you on your return.',
  ],
  'away.reason': ['事由（选填，如年假、出差）', 'Reason (optional: leave, trip)'],
  'away.mark': ['设为外出', 'Mark me away'],
  'away.back': ['我已返岗', 'I am back'],
  'away.isAway': ['您已设为外出，至 {until}。期间由 B 岗同事代办。', 'You are away until {until}; your B post covers meanwhile.'],
  'away.isAwayShort': ['外出至 {until}', 'Away until {until}'],
  'away.covering': ['正在代办 A 岗：{names}', 'Covering for the A post: {names}'],
  'away.coveringUntil': ['{name}（外出至 {until}）', '{name} (away until {until})'],
  'away.backupOnly': [
    '您在本部门窗口为 B 岗：A 岗在岗时，仅显示一天内到期的任务。',
    'You hold a B post: while the A post is in, only tasks due within a day show here.',
  ],

  // form version
  'form.filedVersion': ['申请时事项版本：第 {n} 版', 'Filed under item version {n}'],

  // timeline
  'ev.task_delegated': ['交办', 'Delegated'],
  'ev.delegation_answered': ['交办答复', 'Delegation answered'],
  'ev.cosigner_added': ['加签', 'Co-signer added'],
  'ev.task_reassigned': ['改派', 'Reassigned'],
  'ev.task_recalled': ['撤回审批意见', 'Decision recalled'],
  'ev.task_urged': ['催办', 'Urged'],
  'ev.case_copied': ['抄送', 'Copied'],
  'ev.case_noted': ['办理备注', 'Note'],
  'ev.extension_requested': ['延期申请', 'Extension requested'],
  'ev.extension_refused': ['延期申请不予批准', 'Extension refused'],
  'ev.child_waiting': ['办件等待补正', 'An item case waits for supplements'],
  'ev.child_resumed': ['办件恢复办理', 'Item cases resumed'],
  'ev.to': ['{task} → {to}', '{task} → {to}'],
  'ev.cosignOrg': ['{task}：请 {org} 会签', '{task}: {org} asked to co-sign'],
  'ev.copiedTo': ['抄送：{names}', 'Copied to {names}'],
  'ev.extensionAsked': ['申请延长 {days} 个工作日：{reason}', '{days} more working days asked: {reason}'],
  'ev.children': ['各部门办件：{numbers}', 'Item cases: {numbers}'],
  'ev.bundleOf': ['一件事：{n} 个办件', 'Bundle: {n} item cases'],
  // 批量签收
  'batch.selected': ['已选择 {n} 件待签收的待办', '{n} unclaimed tasks chosen'],
  'batch.claim': ['批量签收', 'Claim them'],
  'batch.claiming': ['签收中 {done}/{total}', 'Claiming {done}/{total}'],
  'batch.clear': ['取消选择', 'Clear'],
  'batch.claimed': ['已签收 {n} 件', '{n} claimed'],
  'batch.failed': ['{n} 件未能签收', '{n} not claimed'],
  'batch.hint': [
    '勾选待签收的待办，可一次签收；已被他人签收的会单独列出。',
    'Tick unclaimed tasks to claim them at once; any a colleague took meanwhile are listed.',
  ],
  // 办件审批表
  'sheet.print': ['打印审批表', 'Approval sheet'],
  'sheet.hint': [
    '办件审批表（PDF）：办件信息、各环节办理人与意见、时限暂停与延长、材料收取情况，按当前记录生成，供打印归档',
    'The case approval sheet (PDF): the case, each step with its handler and opinion, pauses and extensions, materials — as recorded now, to print and file',
  ],
  // 我的办件 on the applicant's account page
  'mine.title': ['我的办件', 'My cases'],
  'mine.all': ['全部办件', 'All my cases'],
  'mine.inProgress': ['办理中', 'In progress'],
  'mine.supplement': ['待补正材料', 'Materials asked for'],
  'mine.fees': ['待缴费', 'Fees to pay'],
  'mine.toDeliver': ['已办结待送达', 'Decided, to be delivered'],
  'mine.delivered': ['已送达', 'Delivered'],
  'mine.waiting': ['需要您处理', 'Waiting for you'],
  'mine.askSupplement': ['请补正材料', 'Hand in the materials asked for'],
  'mine.askFee': ['请缴费 {amount}', 'Pay {amount}'],
  'mine.askFeeUnassessed': ['请缴费', 'Pay the fee'],
  'mine.nothingWaiting': ['暂无需要您处理的办件。', 'Nothing waits for you.'],
  // 今日工作 on the workbench's home page
  'today.title': ['今日工作', "Today's work"],
  'today.asOf': ['更新于 {time}', 'As of {time}'],
  'today.preReview': ['待预审', 'Pre-review'],
  'today.noticeDue': ['{n} 件告知期限今日到期或已过', '{n} one-time notices due today or past'],
  'today.noticeFine': ['均在 5 日告知期限内', 'All within the 5-day notice period'],
  'today.awaitingApplicant': ['待申请人补正', 'Awaiting the applicant'],
  'today.awaitingApplicantHint': ['一次性告知或补正通知已发出', 'One-time notice or supplement request sent'],
  'today.supplementEndsToday': [
    '其中 {n} 件补正期限今日届满，未补正的今晚视为撤回',
    '{n} of them end their supplement period today: unanswered, they are deemed withdrawn tonight',
  ],
  'today.windowDecision': ['当场办结', 'Decide on the spot'],
  'today.windowDecisionHint': ['已受理的授权即办件，待窗口决定或办结', 'Accepted immediate items waiting for the window’s decision'],
  'today.toDeliver': ['待出件', 'To deliver'],
  'today.lateDelivery': ['{n} 件超过 10 个工作日送达期限', '{n} past the 10 working days for delivery'],
  'today.deliveryDueToday': ['{n} 件今日送达到期', '{n} due for delivery today'],
  'today.deliveryFine': ['均在送达期限内', 'All within the delivery period'],
  'today.inbox': ['我的待办', 'My tasks'],
  'today.inboxHint': ['待签收 {unclaimed} · 已签收 {claimed}', '{unclaimed} to claim · {claimed} claimed'],
  'today.dueToday': ['今日到期', 'Due today'],
  'today.soonHint': ['3 日内到期 {n} 件', '{n} due within 3 days'],
  'today.overdue': ['已超期', 'Overdue'],
  'today.overdueHint': ['超过环节时限的待办', 'Past their stage deadline'],
  'today.urgent': ['急件', 'Urgent'],
  'today.urgentHint': ['绿色通道，优先办理', 'Green channel: first in line'],
  'today.extensions': ['延期待审批', 'Extensions to decide'],
  'today.extensionsHint': ['在「我的待办」页审批', 'Decide them on My tasks'],
  'today.pressingTasks': ['最紧急的待办', 'Most pressing tasks'],
  'today.pressingIntake': ['待预审（按告知期限）', 'Pre-review, by notice deadline'],
  'today.allTasks': ['全部待办', 'All tasks'],
  'today.allIntake': ['去预审', 'Go to pre-review'],
  'today.noTasks': ['待办已清空。', 'No tasks waiting.'],
  'today.noIntake': ['没有待预审的申请。', 'No applications waiting for pre-review.'],
  'today.noDeadline': ['无时限', 'No deadline'],
} as const satisfies Record<string, readonly [string, string]>;

export type WorkKey = CaseKey | keyof typeof caseWorkStrings;
type Vars = Record<string, string | number>;
export type WorkT = (key: WorkKey, vars?: Vars) => string;
const own = caseWorkStrings as Record<string, readonly [string, string]>;

/** `t()` for bundles and task collaboration: their own strings first, then the case pages'. */
export function useWorkT(): WorkT {
  const { locale } = useLocale();
  const t = useCaseT();
  return useCallback(
    (key: WorkKey, vars?: Vars) => {
      const entry = own[key];
      if (!entry) return t(key as CaseKey, vars);
      const text = entry[locale === 'en' ? 1 : 0];
      return fill(text, vars);
    },
    [locale, t],
  );
}
