import type { Form, ItemContent, Limit, Process } from './catalog.schemas.ts';

/** The form every item starts from: who applies and how to reach them. */
export function standardForm(): Form {
  return {
    schema: {
      type: 'object',
      properties: {
        applicantName: { type: 'string', title: '申请人姓名', maxLength: 50 },
        idNumber: { type: 'string', title: '身份证号码', format: 'id-card' },
        phone: { type: 'string', title: '联系电话', format: 'phone' },
        address: { type: 'string', title: '联系地址', maxLength: 200 },
      },
      required: ['applicantName', 'idNumber', 'phone'],
    },
    ui: {
      order: ['applicantName', 'idNumber', 'phone', 'address'],
      fields: {
        applicantName: { widget: 'text', label: { 'zh-CN': '申请人姓名', en: 'Applicant name' }, prefill: 'applicant.name' },
        idNumber: { widget: 'id_number', label: { 'zh-CN': '身份证号码', en: 'ID card number' }, prefill: 'applicant.idNumber' },
        phone: { widget: 'phone', label: { 'zh-CN': '联系电话', en: 'Phone' }, prefill: 'applicant.phone' },
        address: { widget: 'address', label: { 'zh-CN': '联系地址', en: 'Address' } },
      },
    },
  };
}

/**
 * The default process (受理 → 审查 → 决定 → 办结 → 送达): intake and delivery at the center's
 * comprehensive window, review and decision in the implementing department. An immediate item is
 * decided at intake.
 */
export function standardProcess(caseKind: ItemContent['caseKind'], committed: Limit): Process {
  if (caseKind === 'immediate') {
    return {
      nodes: [
        { kind: 'stage', id: 'receive', stage: 'receive', name: '受理', assignee: { role: 'clerk', org: 'center' } },
        { kind: 'stage', id: 'decide', stage: 'decide', name: '决定', assignee: { role: 'approver', org: 'implementing' } },
        { kind: 'stage', id: 'conclude', stage: 'conclude', name: '办结', assignee: { role: 'approver', org: 'implementing' } },
        { kind: 'stage', id: 'deliver', stage: 'deliver', name: '送达', assignee: { role: 'clerk', org: 'center' } },
      ],
    };
  }
  const days = committed.unit === 'workday' ? committed.value : 0;
  const review = Math.max(1, Math.floor(days * 0.4));
  const decide = Math.max(1, Math.floor(days * 0.2));
  return {
    nodes: [
      { kind: 'stage', id: 'receive', stage: 'receive', name: '受理', assignee: { role: 'clerk', org: 'center' }, budget: { value: 0, unit: 'workday' } },
      {
        kind: 'stage',
        id: 'review',
        stage: 'review',
        name: '审查',
        assignee: { role: 'approver', org: 'implementing' },
        budget: { value: review, unit: 'workday' },
      },
      {
        kind: 'stage',
        id: 'decide',
        stage: 'decide',
        name: '决定',
        assignee: { role: 'head', org: 'implementing' },
        budget: { value: decide, unit: 'workday' },
      },
      { kind: 'stage', id: 'conclude', stage: 'conclude', name: '办结', assignee: { role: 'approver', org: 'implementing' } },
      { kind: 'stage', id: 'deliver', stage: 'deliver', name: '送达', assignee: { role: 'clerk', org: 'center' } },
    ],
  };
}
