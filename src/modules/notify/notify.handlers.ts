import type { Deps } from '../../server/deps.ts';
import type { Tx } from '../../server/db/database.ts';
import { onEvent, type DomainEvent } from '../../server/events.ts';
import { recordingChannel, type Channel } from './channels.ts';
import { deliverInApp, type Localized } from './notify.service.ts';
import '../identity/identity.tables.ts';

async function staffPhone(tx: Tx, deps: Deps, accountId: number): Promise<string | null> {
  const s = await tx.selectFrom('staff').select('phone_enc').where('account_id', '=', accountId).executeTakeFirst();
  const a = s?.phone_enc ? s : await tx.selectFrom('applicant').select('phone_enc').where('account_id', '=', accountId).executeTakeFirst();
  return a?.phone_enc ? deps.cipher.decrypt(a.phone_enc) : null;
}

/** Tell an account, in the app and by SMS where a phone is known. */
async function tell(
  tx: Tx,
  deps: Deps,
  sms: Channel,
  event: DomainEvent,
  accountId: number,
  kind: string,
  title: Localized,
  body: Localized,
  link: string | null,
) {
  await deliverInApp(tx, { accountId, eventId: event.id, kind, title, body, link });
  const phone = await staffPhone(tx, deps, accountId);
  if (phone) await sms.send(tx, { eventId: event.id, accountId, recipient: phone, body: `【一窗通办】${body['zh-CN']}` });
}

/** The foundation's notifications: account security and window assignments. Later modules add their own. */
export function registerNotifyHandlers(deps: Deps): void {
  const sms = recordingChannel('sms', deps.cipher);
  onEvent('identity.account.locked', 'notify.account-locked', async (tx, e) => {
    const p = e.payload as { accountId: number; lockedUntil: string };
    const until = new Date(p.lockedUntil).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
    await tell(
      tx,
      deps,
      sms,
      e,
      p.accountId,
      'security',
      { 'zh-CN': '账号已临时锁定', en: 'Account locked' },
      {
        'zh-CN': `您的账号因连续登录失败已锁定至 ${until}。如非本人操作，请联系管理员。`,
        en: `Your account is locked until ${p.lockedUntil} after repeated failed sign-ins. If this was not you, contact an administrator.`,
      },
      '/profile',
    );
  });
  onEvent('identity.password.changed', 'notify.password-changed', async (tx, e) => {
    const p = e.payload as { accountId: number };
    await tell(
      tx,
      deps,
      sms,
      e,
      p.accountId,
      'security',
      { 'zh-CN': '密码已修改', en: 'Password changed' },
      {
        'zh-CN': '您的登录密码已修改，其他设备上的登录已退出。',
        en: 'Your password was changed and your other sessions were signed out.',
      },
      '/profile',
    );
  });
  onEvent('org.window.staff_assigned', 'notify.window-assigned', async (tx, e) => {
    const p = e.payload as { accountId: number; windowNumber: string; hallName: string; post: 'A' | 'B' };
    await tell(
      tx,
      deps,
      sms,
      e,
      p.accountId,
      'assignment',
      { 'zh-CN': '窗口岗位安排', en: 'Window assignment' },
      {
        'zh-CN': `您已被安排到${p.hallName} ${p.windowNumber} 号窗口 ${p.post} 岗。`,
        en: `You are now on the ${p.post} post of window ${p.windowNumber}, ${p.hallName}.`,
      },
      '/workbench',
    );
  });
}
