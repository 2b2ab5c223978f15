/** Case strings the app's frame needs (portal header, workbench menu, guide page): [zh-CN, en]. The case pages' own are in cases-pages.ts. */
export const cases = {
  'cases.myCases': ['我的办件', 'My cases'],
  'cases.myLicenses': ['我的证照', 'My licenses'],
  'cases.applyOnline': ['在线申请', 'Apply online'],
  'cases.intake': ['综合受理', 'Intake'],
  'cases.inbox': ['待办', 'Inbox'],
  'cases.search': ['办件查询', 'Cases'],
} as const satisfies Record<string, readonly [string, string]>;
