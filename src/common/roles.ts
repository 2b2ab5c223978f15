/** Roles (see docs/glossary.md) and what each may do. Shared by the server's checks and the web navigation. */
export const roles = ['applicant', 'clerk', 'approver', 'head', 'supervisor', 'catalog_admin', 'operator', 'unit', 'center_admin', 'sys_admin'] as const;
export type Role = (typeof roles)[number];

export const roleNames: Record<Role, { 'zh-CN': string; en: string }> = {
  applicant: { 'zh-CN': '申请人', en: 'Applicant' },
  clerk: { 'zh-CN': '综合窗口受理人员', en: 'Window clerk' },
  approver: { 'zh-CN': '审批人员', en: 'Approver' },
  head: { 'zh-CN': '首席代表', en: 'Department head' },
  supervisor: { 'zh-CN': '电子监察人员', en: 'Supervisor' },
  catalog_admin: { 'zh-CN': '事项管理员', en: 'Catalog administrator' },
  operator: { 'zh-CN': '12345 话务员', en: 'Hotline operator' },
  unit: { 'zh-CN': '承办单位', en: 'Assigned unit' },
  center_admin: { 'zh-CN': '中心管理员', en: 'Center administrator' },
  sys_admin: { 'zh-CN': '系统管理员', en: 'System administrator' },
};

export const permissions = [
  'org.read', // regions, organizations, halls, windows, staff within scope
  'org.manage',
  'staff.manage',
  'applicant.register', // register an applicant at the window
  'applicant.read',
  'audit.read',
  'notify.devlog', // messages that would have gone out by SMS / e-mail
  'apikey.manage',
  'calendar.manage', // holidays, make-up days and office hours of a region's calendar
  'catalog.manage', // items, versions, delegation, bundles, import and export
  'catalog.review', // approve a version for publication (never one's own)
  'case.intake', // receive, accept, notify, refuse and deliver at the comprehensive window
  'case.handle', // work the tasks of one's organization: review, decide, request supplements
  'case.read', // read cases in scope
  'queue.call', // call, recall, skip, transfer and finish tickets at a window one staffs (A or B post)
  'queue.manage', // queue categories, hours, appointment capacity, notices, the live board and statistics of halls in scope
  'supervision.read', // the supervision console: lights, warnings, findings and 督办 orders of cases in scope
  'supervision.order', // issue 督办 orders to departments, close or escalate them
  'supervision.configure', // the warning thresholds (platform-wide: needs a scope over a whole city or everything)
  'metrics.read', // statistics dashboards, window rankings, work logs and staff performance in scope
  'metrics.manage', // performance-score weights, naming the red-flag window, any window's work log
] as const;
export type Permission = (typeof permissions)[number];

const grants: Record<Role, readonly Permission[]> = {
  applicant: [],
  clerk: ['org.read', 'applicant.register', 'applicant.read', 'case.intake', 'case.read', 'queue.call'],
  approver: ['org.read', 'applicant.read', 'case.handle', 'case.read', 'queue.call'],
  head: ['org.read', 'applicant.read', 'case.handle', 'case.read', 'queue.call', 'metrics.read'],
  supervisor: ['org.read', 'audit.read', 'applicant.read', 'case.read', 'supervision.read', 'supervision.order', 'metrics.read'],
  catalog_admin: ['org.read', 'catalog.manage', 'catalog.review'],
  operator: ['org.read'],
  unit: [],
  center_admin: [
    'org.read',
    'org.manage',
    'staff.manage',
    'applicant.register',
    'applicant.read',
    'audit.read',
    'notify.devlog',
    'calendar.manage',
    'catalog.review',
    'queue.manage',
    'supervision.configure',
    'metrics.read',
    'metrics.manage',
  ],
  sys_admin: [
    'org.read',
    'org.manage',
    'staff.manage',
    'applicant.register',
    'applicant.read',
    'audit.read',
    'notify.devlog',
    'apikey.manage',
    'calendar.manage',
    'catalog.manage',
    'catalog.review',
    'case.read',
    'queue.manage',
    'supervision.read',
    'supervision.configure',
    'metrics.read',
    'metrics.manage',
  ],
};

export function roleGrants(role: Role, permission: Permission): boolean {
  return grants[role].includes(permission);
}

export function isStaffRole(role: Role): boolean {
  return role !== 'applicant';
}
