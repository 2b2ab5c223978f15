import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { signIn, type Client } from '../harness.ts';
import {
  choose,
  confirmTaskDialog,
  fileCompanyApplication,
  moreAction,
  screenshotFromTop as screenshot,
  signInThroughUi,
  startBrowserRun,
  type BrowserRun,
  pressUntil,
} from './support.ts';

/*
 * Working a task together, through the UI, at 市场监督管理局 on 企业设立登记 cases that citizen1 filed and
 * clerk1 accepted (set up through the API):
 * - 交办: 陈静 (approver1) hands the review to 杨帆 (approver1b), who answers from the inbox; the task is back with her;
 * - 加签: 陈静 asks 云州市公安局 to co-sign and approves; the decision waits until 黄磊 (approver2) co-signs;
 * - 撤回: 陈静 approves another review and takes the approval back while the decision has not started;
 * - 改派: 赵敏 (head1) gives that review to 杨帆;
 * - 催办: 周正 (supervisor1) urges it, and 杨帆 finds the reminder in the message center;
 * - 抄送: 张丽 (clerk1) copies the case to 黄磊 of 公安局, who can then read it but not work it;
 * - 延期申请: 杨帆 asks for 5 more working days and 赵敏 approves on the case page: the legal deadline moves.
 * Every step is checked on the page that follows it and again through the API; the dialogs' labels once in English.
 */

let run: BrowserRun;
let errors: string[] = [];
let clerk: Client;
const cases: Record<'a' | 'b', { id: number; number: string }> = { a: { id: 0, number: '' }, b: { id: 0, number: '' } };

type Task = { id: number; name: string; state: string; kind: string; outcome: string | null; assignee: string | null; urgedCount: number };
const openTasks = (kase: { tasks: Task[] }) => kase.tasks.filter((t) => t.state === 'open' || t.state === 'claimed');
const accountOf = async (username: string) => (await run.server.sql('SELECT id FROM account WHERE username = $1', [username])).rows[0].id as number;

/** citizen1 files 企业设立登记 with paper originals and licenses; clerk1 accepts it: the review waits at 市场监管局. */
async function fileAndAccept(company: string) {
  const applied = await fileCompanyApplication(run.server, company);
  const accepted = await clerk.post(`/api/v1/cases/${applied.id}/actions`, { action: 'accept' });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  expect(openTasks(accepted.body).map((t) => t.name)).toEqual(['审查']);
  return { id: applied.id, number: applied.number };
}

beforeAll(async () => {
  run = await startBrowserRun();
  errors = run.errors;
  clerk = await signIn(run.server, 'clerk1');
  cases.a = await fileAndAccept('云州协同科技有限公司');
  cases.b = await fileAndAccept('云州同办商贸有限公司');
}, 180_000);

afterAll(async () => {
  await run?.close();
});

async function staffPage(username: string, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const page = await run.page({ locale });
  await signInThroughUi(page, username);
  return page;
}

async function openCase(page: Page, id: number) {
  await page.goto(`/workbench/cases/${id}`);
  await page.getByTestId('case-header').waitFor({ state: 'visible' });
}

/** The case as `username` reads it through the API. */
async function caseAs(username: string, id: number) {
  const r = await (await signIn(run.server, username)).get(`/api/v1/cases/${id}`);
  expect(r.status).toBe(200);
  return r.body;
}

const event = (page: Page, type: string) => page.getByTestId('case-timeline').locator(`.case-event[data-event=${type}]`);
const taskRow = (page: Page, name: string) => page.getByTestId('case-tasks').locator('tbody tr').filter({ hasText: name });
/** A tag reading exactly `text` (an outcome 同意 is a tag; an opinion 同意 is not). */
const tag = (scope: Locator, text: string) => scope.locator('.ant-tag').filter({ hasText: new RegExp(`^${text}$`) });

describe('working a task together (交办, 加签, 撤回, 改派, 催办, 抄送, 延期申请)', () => {
  it('交办: approver1 hands the review to approver1b, who answers from the inbox, and the task comes back', { timeout: 300_000 }, async () => {
    const { id, number } = cases.a;
    const a = await staffPage('approver1');
    await openCase(a, id);
    await moreAction(a, '交办');
    await a.getByTestId('task-dialog').getByText('交办 · 审查').waitFor({ state: 'visible' });
    await choose(a, 'delegate-to', '杨帆');
    await a.locator('#task-text').fill('请核实经营场所');
    await screenshot(a, 'collab-delegate-dialog');
    await confirmTaskDialog(a);
    // the step now waits for the colleague's answer: nothing left for approver1 to approve
    await a.getByTestId('other-tasks').getByText('已交办 杨帆，等待答复').waitFor({ state: 'visible' });
    await taskRow(a, '审查').getByText('交办中').waitFor({ state: 'visible' });
    expect(await a.getByTestId('task-approve').count()).toBe(0);
    await event(a, 'task_delegated').getByText('请核实经营场所').waitFor({ state: 'visible' });
    let kase = await caseAs('approver1', id);
    expect(openTasks(kase)).toEqual([expect.objectContaining({ name: '审查', state: 'claimed', assignee: '杨帆', delegated: true })]);

    const b = await staffPage('approver1b');
    await b.goto('/workbench/tasks');
    const row = b.getByTestId('inbox-table').locator('tr', { hasText: number });
    await row.getByText('交办中').waitFor({ state: 'visible' });
    await row.getByTestId('inbox-open').click();
    await b.waitForURL(`**/workbench/cases/${id}`);
    await b.getByTestId('task-actions').getByText('同事交办给您，请答复意见后交回').waitFor({ state: 'visible' });
    expect(await b.getByTestId('task-approve').count()).toBe(0);
    await b.getByTestId('task-answer').click();
    await b.locator('#task-text').fill('场所已现场核实，与申报一致');
    await confirmTaskDialog(b);
    await event(b, 'delegation_answered').getByText('场所已现场核实，与申报一致').waitFor({ state: 'visible' });
    await b.getByTestId('other-tasks').getByText('陈静 已签收').waitFor({ state: 'visible' });
    expect(await b.getByTestId('task-answer').count()).toBe(0);

    // back with approver1: her task again, with the answer on the timeline
    await a.reload();
    await a.getByTestId('task-actions').getByText('陈静 已签收').waitFor({ state: 'visible' });
    await a.getByTestId('task-actions').getByTestId('task-approve').waitFor({ state: 'visible' });
    expect(await taskRow(a, '审查').getByText('交办中').count()).toBe(0);
    kase = await caseAs('approver1', id);
    expect(openTasks(kase)).toEqual([expect.objectContaining({ name: '审查', state: 'claimed', assignee: '陈静', delegated: false, canAct: true })]);
    expect(kase.timeline.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['task_delegated', 'delegation_answered']));
  });

  it('加签: approver1 asks 公安局 to co-sign and approves; the decision waits until approver2 has co-signed', { timeout: 300_000 }, async () => {
    const { id, number } = cases.a;
    const a = await staffPage('approver1');
    await openCase(a, id);
    await moreAction(a, '加签');
    await choose(a, 'cosign-org', '云州市公安局');
    // the police's approvers are offered, though the police lie outside approver1's own staff list; the post signs when nobody is named
    await a.locator('#cosign-account').click();
    await a.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '黄磊' }).waitFor({ state: 'visible' });
    await a.keyboard.press('Escape');
    await a.locator('#task-text').fill('涉及治安管理，请会签');
    await screenshot(a, 'collab-cosign-dialog');
    await confirmTaskDialog(a);
    const cosignRow = taskRow(a, '加签：云州市公安局');
    await cosignRow.getByText('待签收').waitFor({ state: 'visible' });
    await event(a, 'cosigner_added').getByText('涉及治安管理，请会签').waitFor({ state: 'visible' });

    // approving the review does not move the case on while the co-signer has not answered
    await a.getByTestId('task-actions').getByTestId('task-approve').click();
    await a.locator('#task-text').fill('材料齐全，同意');
    await confirmTaskDialog(a);
    await tag(taskRow(a, '审查'), '同意').waitFor({ state: 'visible' });
    await cosignRow.getByText('待签收').waitFor({ state: 'visible' });
    expect(await taskRow(a, '决定').count()).toBe(0);
    let kase = await caseAs('approver1', id);
    expect(openTasks(kase).map((t) => [t.kind, t.name])).toEqual([['cosign', '加签：云州市公安局']]);

    const p = await staffPage('approver2');
    await p.goto('/workbench/tasks');
    const row = p.getByTestId('inbox-table').locator('tr', { hasText: number });
    await row.getByText('加签', { exact: true }).waitFor({ state: 'visible' });
    await screenshot(p, 'collab-cosign-inbox');
    await row.getByTestId('inbox-open').click();
    await p.waitForURL(`**/workbench/cases/${id}`);
    const mine = p.getByTestId('task-actions');
    await mine.getByText('加签：云州市公安局').waitFor({ state: 'visible' });
    await mine.getByTestId('task-approve').click();
    await p.locator('#task-text').fill('无异议');
    await confirmTaskDialog(p);
    // the co-signer has answered: the stage is complete and the head's decision opens
    await tag(taskRow(p, '加签：云州市公安局'), '同意').waitFor({ state: 'visible' });
    await taskRow(p, '决定').getByText('待签收').waitFor({ state: 'visible' });
    await a.reload();
    await taskRow(a, '决定').getByText('待签收').waitFor({ state: 'visible' });
    kase = await caseAs('approver1', id);
    expect(openTasks(kase).map((t) => t.name)).toEqual(['决定']);
    expect(kase.tasks.find((t: Task) => t.kind === 'cosign')).toMatchObject({ state: 'done', outcome: 'approved', assignee: '黄磊', opinion: '无异议' });
  });

  it('撤回: approver1 approves a review and takes it back while the decision has not started', { timeout: 300_000 }, async () => {
    const { id } = cases.b;
    const a = await staffPage('approver1');
    await openCase(a, id);
    const mine = a.getByTestId('task-actions');
    await mine.getByTestId('task-claim').click();
    await mine.getByText('陈静 已签收').waitFor({ state: 'visible' });
    await mine.getByTestId('task-approve').click();
    await a.locator('#task-text').fill('同意');
    await confirmTaskDialog(a);
    await taskRow(a, '决定').getByText('待签收').waitFor({ state: 'visible' });
    const recall = a.getByTestId('recall-row');
    await tag(recall, '同意').waitFor({ state: 'visible' });
    expect(await a.getByTestId('task-approve').count()).toBe(0);
    await screenshot(a, 'collab-recall-offered');

    await recall.getByTestId('task-recall').click();
    const confirm = a.locator('.ant-modal-confirm');
    await confirm.locator('.ant-modal-confirm-title').getByText('撤回您的审批意见？').waitFor({ state: 'visible' });
    // the recall keeps its Idempotency-Key: a press that did arrive is not repeated
    await pressUntil(confirm.getByRole('button', { name: /^撤\s*回$/ }), mine.getByTestId('task-approve'));
    await confirm.waitFor({ state: 'detached' });
    // the review is open again with her, the decision it had opened is cancelled
    await recall.waitFor({ state: 'detached' });
    await taskRow(a, '决定').getByText('已取消').waitFor({ state: 'visible' });
    await taskRow(a, '审查').getByText('办理中').waitFor({ state: 'visible' });
    // the recalled opinion is no longer the task's (it stays on the timeline with the approval)
    expect(await taskRow(a, '审查').getByText('同意', { exact: true }).count()).toBe(0);
    await event(a, 'task_recalled').waitFor({ state: 'visible' });
    await event(a, 'task_approved').getByText('同意').waitFor({ state: 'visible' });
    await screenshot(a, 'collab-recalled');
    const kase = await caseAs('approver1', id);
    expect(openTasks(kase)).toEqual([expect.objectContaining({ name: '审查', state: 'claimed', assignee: '陈静', outcome: null, opinion: null })]);
    expect(kase.tasks.filter((t: Task) => t.name === '决定').map((t: Task) => t.state)).toEqual(['cancelled']);
    expect(kase.status).toBe('in_progress');
  });

  it('改派: head1 reassigns the review that approver1 holds to approver1b', { timeout: 300_000 }, async () => {
    const { id, number } = cases.b;
    const head = await staffPage('head1');
    await openCase(head, id);
    const others = head.getByTestId('other-tasks');
    await others.getByText('陈静 已签收').waitFor({ state: 'visible' });
    await others.getByTestId('task-reassign').click();
    await head.getByTestId('task-dialog').getByText('改派 · 审查').waitFor({ state: 'visible' });
    await choose(head, 'reassign-to', '杨帆');
    await head.locator('#task-text').fill('陈静外出核查，改由杨帆办理');
    await confirmTaskDialog(head);
    await others.getByText('杨帆 已签收').waitFor({ state: 'visible' });
    await taskRow(head, '审查').getByText('杨帆').waitFor({ state: 'visible' });
    await event(head, 'task_reassigned').getByText('陈静外出核查，改由杨帆办理').waitFor({ state: 'visible' });
    expect((await caseAs('head1', id)).tasks.find((t: Task) => t.name === '审查' && t.state === 'claimed')).toMatchObject({ assignee: '杨帆' });

    // approver1 can no longer work it; it is in approver1b's inbox as hers
    const a = await staffPage('approver1');
    await openCase(a, id);
    await a.getByTestId('other-tasks').getByText('杨帆 已签收').waitFor({ state: 'visible' });
    expect(await a.getByTestId('task-approve').count()).toBe(0);
    const b = await staffPage('approver1b');
    await b.goto('/workbench/tasks');
    await b.getByTestId('inbox-table').locator('tr', { hasText: number }).getByText('我已签收').waitFor({ state: 'visible' });
    const kase = await caseAs('approver1b', id);
    expect(openTasks(kase)).toEqual([expect.objectContaining({ name: '审查', assignee: '杨帆', canAct: true })]);
  });

  it('催办: supervisor1 urges the review, once an hour, and approver1b finds the reminder in the app', { timeout: 300_000 }, async () => {
    const { id, number } = cases.b;
    const s = await staffPage('supervisor1');
    await openCase(s, id);
    const others = s.getByTestId('other-tasks');
    await others.getByText('杨帆 已签收').waitFor({ state: 'visible' });
    await others.getByTestId('task-urge').click();
    await s.locator('#task-text').fill('临近承诺时限，请于今日办结');
    await confirmTaskDialog(s);
    await others.getByText('催办 1 次').waitFor({ state: 'visible' });
    await event(s, 'task_urged').getByText('临近承诺时限，请于今日办结').waitFor({ state: 'visible' });
    // a second reminder within the hour is refused, and the dialog says so
    await others.getByTestId('task-urge').click();
    await confirmTaskDialogFails(s);
    await s.getByTestId('task-dialog-error').getByText('一小时内已催办过该任务').waitFor({ state: 'visible' });
    await screenshot(s, 'collab-urge-again');
    await s
      .getByTestId('task-dialog')
      .getByRole('button', { name: /取\s*消/ })
      .click();
    await s.getByTestId('task-dialog').waitFor({ state: 'detached' });
    expect(openTasks(await caseAs('supervisor1', id))[0]!.urgedCount).toBe(1);

    // the reminder reaches the holder in the app (the outbox is drained as the background worker would)
    await run.server.drainOutbox();
    const b = await staffPage('approver1b');
    await b.goto('/workbench/tasks');
    await b.getByTestId('inbox-table').locator('tr', { hasText: number }).getByText('催办 1 次').waitFor({ state: 'visible' });
    await b
      .locator('.ant-badge')
      .filter({ has: b.getByTestId('notification-bell') })
      .locator('.ant-badge-count')
      .waitFor({ state: 'visible' });
    await b.getByTestId('notification-bell').click();
    await b.waitForURL('**/messages');
    const message = b.getByTestId('message-list').locator('.message-row', { hasText: number }).filter({ hasText: '催办' });
    await message.getByText('临近承诺时限，请于今日办结').waitFor({ state: 'visible' });
    expect(await message.locator('.message-kind').innerText()).toBe('办件');
    await screenshot(b, 'collab-urge-message');
    await message.getByRole('button', { name: /^查\s*看$/ }).click();
    await b.waitForURL(`**/workbench/cases/${id}`);
    await b.getByTestId('task-actions').getByText('催办 1 次').waitFor({ state: 'visible' });
    const told = await run.server.sql(
      "SELECT m.id, m.body->>'zh-CN' AS body FROM message m JOIN account a ON a.id = m.account_id WHERE a.username = 'approver1b' AND m.link = $1 AND m.title->>'zh-CN' = '催办'",
      [`/workbench/cases/${id}`],
    );
    expect(told.rows).toHaveLength(1);
    expect(told.rows[0].body).toContain('临近承诺时限，请于今日办结');
    // opening it from the message center marked it read
    await expect
      .poll(async () => (await run.server.sql('SELECT read_at FROM message WHERE id = $1', [told.rows[0].id])).rows[0].read_at, { timeout: 30_000 })
      .not.toBeNull();
  });

  it('抄送: clerk1 copies the case to approver2 of 公安局, who can then read it but not work it', { timeout: 300_000 }, async () => {
    const { id } = cases.b;
    const p = await staffPage('approver2');
    await p.goto(`/workbench/cases/${id}`);
    await p.locator('.ant-result-title').getByText('未找到该办件').waitFor({ state: 'visible' });
    expect((await (await signIn(run.server, 'approver2')).get(`/api/v1/cases/${id}`)).status).toBe(404);

    const c = await staffPage('clerk1');
    await openCase(c, id);
    await c.getByTestId('case-cc').click();
    await c.getByTestId('cc-ok').waitFor({ state: 'visible' });
    await choose(c, 'cc-recipients', '黄磊', true, '黄磊');
    await c.getByTestId('cc-dialog').locator('textarea').fill('涉及治安管理，请知悉');
    await screenshot(c, 'collab-cc-dialog');
    await pressUntil(c.getByTestId('cc-ok'), event(c, 'case_copied').getByText('黄磊'));
    await c.getByTestId('cc-dialog').waitFor({ state: 'detached' });

    await run.server.drainOutbox();
    await p.reload();
    await p.getByTestId('case-header').waitFor({ state: 'visible' });
    await p.getByTestId('case-tasks').getByText('审查').first().waitFor({ state: 'visible' });
    // read-only: nothing of the department's work is offered
    for (const testId of ['task-approve', 'task-claim', 'task-more', 'task-reassign', 'intake-actions']) expect(await p.getByTestId(testId).count()).toBe(0);
    await screenshot(p, 'collab-cc-read-only');
    const kase = await caseAs('approver2', id);
    expect(kase.tasks.every((t: { canAct: boolean; canReassign: boolean }) => !t.canAct && !t.canReassign)).toBe(true);
    const approver2 = await signIn(run.server, 'approver2');
    expect((await approver2.post(`/api/v1/cases/${id}/actions`, { action: 'approve', taskId: openTasks(kase)[0]!.id })).status).toBeGreaterThanOrEqual(400);
    const told = await run.server.sql("SELECT count(*)::int AS n FROM message m WHERE m.account_id = $1 AND m.link = $2 AND m.title->>'zh-CN' = '抄送'", [
      await accountOf('approver2'),
      `/workbench/cases/${id}`,
    ]);
    expect(told.rows[0].n).toBe(1);
  });

  it('延期申请: approver1b asks for 5 more working days and head1 approves on the case page; the legal deadline moves', { timeout: 300_000 }, async () => {
    const { id } = cases.b;
    const before = (await caseAs('approver1b', id)).clock.legal.dueAt as string;
    const b = await staffPage('approver1b');
    await openCase(b, id);
    const legalRow = (page: Page) =>
      page.getByTestId('case-header').getByTestId('case-deadlines').locator('.ant-descriptions-item').filter({ hasText: '法定办结时间' });
    const shownBefore = await legalRow(b).innerText();
    await moreAction(b, '延期申请');
    await b.locator('#extension-days').fill('5');
    await b.locator('#task-text').fill('需要现场核查经营场所');
    await confirmTaskDialog(b);
    const card = b.getByTestId('extension-card');
    await card.getByText('待审批').waitFor({ state: 'visible' });
    await card.getByText('延长 5 个工作日').waitFor({ state: 'visible' });
    expect(await b.getByTestId('extension-approve').count()).toBe(0);
    expect(await legalRow(b).innerText()).toBe(shownBefore);

    const head = await staffPage('head1');
    await openCase(head, id);
    const requests = head.getByTestId('extension-card');
    await requests.getByText('需要现场核查经营场所').waitFor({ state: 'visible' });
    const shownToHead = await legalRow(head).innerText();
    await requests.getByTestId('extension-approve').click();
    const dialog = head.getByTestId('extension-decide-dialog');
    await dialog.getByText('批准后法定办结时限延长 5 个工作日。').waitFor({ state: 'visible' });
    await head.locator('#extension-note').fill('同意延期');
    await pressUntil(head.getByTestId('extension-decide-ok'), requests.getByText('已批准'));
    await dialog.waitFor({ state: 'detached' });
    await legalRow(head).getByText('已延长 5 个工作日').waitFor({ state: 'visible' });
    expect(await legalRow(head).innerText()).not.toBe(shownToHead);
    await event(head, 'extended').waitFor({ state: 'visible' });
    await screenshot(head, 'collab-extension-approved');

    await b.reload();
    await b.getByTestId('extension-card').getByText('已批准').waitFor({ state: 'visible' });
    await legalRow(b).getByText('已延长 5 个工作日').waitFor({ state: 'visible' });
    const kase = await caseAs('approver1b', id);
    expect(kase.extensionRequests).toEqual([expect.objectContaining({ state: 'approved', days: 5, decisionNote: '同意延期' })]);
    expect(Date.parse(kase.clock.legal.dueAt)).toBeGreaterThan(Date.parse(before));
    expect(kase.clock.extensions).toHaveLength(1);
  });

  it('labels the collaboration dialogs in English', { timeout: 300_000 }, async () => {
    const { id } = cases.b;
    const b = await staffPage('approver1b', 'en');
    await openCase(b, id);
    // the account's language wins over the browser's: switch the way a person would
    if ((await b.getByTestId('language-switch').innerText()).includes('English')) await b.getByTestId('language-switch').click();
    await b.getByTestId('task-more').getByText('More').waitFor({ state: 'visible' });
    await b.getByTestId('task-actions').getByTestId('task-more').click();
    const menu = b.locator('.ant-dropdown:visible');
    for (const label of ['Delegate', 'Add co-signer', 'Transfer']) await menu.getByText(label, { exact: true }).waitFor({ state: 'visible' });
    await menu.getByText('Delegate', { exact: true }).click();
    const dialog = b.getByTestId('task-dialog');
    await dialog.getByText('Delegate · 审查').waitFor({ state: 'visible' });
    await dialog.getByText('A colleague of the department helps and the task comes back to you with the answer.').waitFor({ state: 'visible' });
    await dialog.getByText('To', { exact: true }).waitFor({ state: 'visible' });
    await dialog.getByText('Note', { exact: true }).waitFor({ state: 'visible' });
    expect((await b.getByTestId('task-dialog-ok').innerText()).trim()).toBe('Delegate');
    expect(await b.getByTestId('task-dialog-ok').isDisabled()).toBe(true);
    await screenshot(b, 'collab-delegate-dialog-en');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    await moreAction(b, 'Add co-signer');
    for (const label of ['Department', 'Post', 'Person (optional)']) await dialog.getByText(label, { exact: true }).waitFor({ state: 'visible' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    await b.getByTestId('case-cc').click();
    const cc = b.getByTestId('cc-dialog');
    await cc.getByText('Send a copy').waitFor({ state: 'visible' });
    await cc.getByText('Recipients', { exact: true }).waitFor({ state: 'visible' });
    await cc.getByText('The colleagues you choose may read this case.').waitFor({ state: 'visible' });
    await cc.getByRole('button', { name: 'Cancel' }).click();
    await cc.waitFor({ state: 'detached' });
    await b.getByTestId('extension-card').getByText('Approved').waitFor({ state: 'visible' });
    expect(errors).toEqual([]);
  });
});

describe('waiting for the applicant', () => {
  it('tells the reviewer her own review waits for the supplements she asked for, with nothing to urge', { timeout: 180_000 }, async () => {
    const waiting = await fileAndAccept('云州待补商贸有限公司');
    const approver = await signIn(run.server, 'approver1');
    const review = openTasks(await caseAs('approver1', waiting.id))[0]!;
    expect((await approver.post(`/api/v1/cases/${waiting.id}/actions`, { action: 'claim', taskId: review.id })).status).toBe(200);
    const asked = await approver.post(`/api/v1/cases/${waiting.id}/actions`, {
      action: 'request_supplement',
      taskId: review.id,
      items: [{ key: 'application_form', note: '申请书缺少法定代表人签字' }],
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    const page = await staffPage('approver1');
    await openCase(page, waiting.id);
    const why = page.getByTestId('task-actions').getByTestId('task-why-not');
    await why.getByText('等待申请人补正', { exact: false }).waitFor({ state: 'visible' });
    expect(await page.getByTestId('task-actions').getByText('该环节不在您的岗位', { exact: false }).count()).toBe(0);
    expect(await page.getByTestId('task-actions').getByTestId('task-urge').count()).toBe(0);
    await screenshot(page, 'collab-waiting-supplement');
    expect(errors).toEqual([]);
  });
});

describe('批量签收', () => {
  it('lets approver1 claim three reviews at once, and names the one approver1b took meanwhile', { timeout: 180_000 }, async () => {
    const made = [await fileAndAccept('云州批量一号有限公司'), await fileAndAccept('云州批量二号有限公司'), await fileAndAccept('云州批量三号有限公司')];
    const page = await staffPage('approver1');
    await page.goto('/workbench/tasks');
    const table = page.getByTestId('inbox-table');
    for (const c of made) {
      const row = table.locator('tr', { hasText: c.number });
      await row.waitFor({ state: 'visible' });
      await row.locator('.ant-checkbox-input').check();
    }
    await page.getByTestId('batch-bar').getByText('已选择 3 件待签收的待办').waitFor({ state: 'visible' });
    await screenshot(page, 'task-batch-chosen');
    // 杨帆 takes the third before 陈静 presses
    const third = openTasks(await caseAs('clerk1', made[2]!.id))[0]!;
    const b = await signIn(run.server, 'approver1b');
    expect((await b.post(`/api/v1/cases/${made[2]!.id}/actions`, { action: 'claim', taskId: third.id })).status).toBe(200);
    await page.getByTestId('batch-claim').click();
    await page.getByText('已签收 2 件').waitFor({ state: 'visible' });
    const failures = page.getByTestId('batch-failures');
    await failures.getByText(made[2]!.number).waitFor({ state: 'visible' });
    expect(await failures.locator('li').count()).toBe(1);
    await page.getByTestId('batch-bar').waitFor({ state: 'detached' });
    // claimed by 陈静, the third by 杨帆; the rows say so
    for (const c of made.slice(0, 2)) expect(openTasks(await caseAs('clerk1', c.id))[0]).toMatchObject({ state: 'claimed', assignee: '陈静' });
    expect(openTasks(await caseAs('clerk1', made[2]!.id))[0]).toMatchObject({ state: 'claimed', assignee: '杨帆' });
    await table.locator('tr', { hasText: made[0]!.number }).getByText('我已签收').waitFor({ state: 'visible' });
    expect(errors).toEqual([]);
  });
});

/**
 * Confirm the open task dialog, expecting the server to refuse: the dialog stays with the reason. A click
 * swallowed while the dialog re-renders on a busy machine is repeated (a refused action changes nothing).
 */
async function confirmTaskDialogFails(page: Page) {
  const error = page.getByTestId('task-dialog-error');
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.getByTestId('task-dialog-ok').click();
    const shown = await error
      .waitFor({ state: 'visible', timeout: 15_000 })
      .then(() => true)
      .catch(() => false);
    if (shown) break;
  }
  await error.waitFor({ state: 'visible' });
  expect(await page.getByTestId('task-dialog-ok').isVisible()).toBe(true);
}
