/** The Chinese names of a case's statuses, kinds, channels and delivery methods, as documents and spreadsheets print them. */
export const caseStatusNames: Record<string, string> = {
  submitted: '待预审',
  notified: '待补齐',
  in_progress: '办理中',
  awaiting_supplement: '待补正',
  decided: '已决定',
  concluded: '已办结',
  delivered: '已送达',
  refused: '不予受理',
  withdrawn: '已撤回',
};
/** 七件制 */
export const caseKindNames: Record<string, string> = {
  immediate: '即办件',
  committed: '承诺件',
  joint: '联办件',
  reported_up: '上报件',
  urgent: '急办件',
  awaiting_supplement: '补办件',
  returned: '退回件',
};
export const channelNames: Record<string, string> = { window: '窗口', online: '网上', mobile: '移动端', terminal: '自助终端', post: '邮寄' };
export const deliveryMethodNames: Record<string, string> = { pickup: '窗口领取', post: '邮寄送达', locker: '智能柜自取', electronic: '电子送达' };
