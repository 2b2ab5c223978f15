import { Button, Drawer, Input, InputNumber, Popconfirm, Radio, Select, Space, Switch, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useT } from '../../../i18n/index.tsx';
import { useOrganizationOptions } from '../../../api/org.ts';
import type { ItemContent, Limit, ProcessNode } from '../../../api/catalog-admin.ts';
import { clerkMayActAt } from '../../../../common/window-decisions.ts';
import { optionsOf, orgRuleLabels, parallelModeLabels, roleLabels, stageLabels, unitLabels } from '../labels.ts';

function Setting({ label, children, hint }: { label: string; children: ReactNode; hint?: string }) {
  return (
    <div className="ca-setting">
      <div className="ca-field-label">{label}</div>
      {children}
      {hint && <div className="ca-setting-hint">{hint}</div>}
    </div>
  );
}

/** A stage's time budget (optional): working days count against the legal limit. */
function BudgetInput({ budget, onChange }: { budget: Limit | undefined; onChange: (b: Limit | undefined) => void }) {
  const t = useT();
  return (
    <Setting label={t('ca.process.budget')} hint={t('ca.process.budgetHint')}>
      <Space>
        <Switch checked={!!budget} onChange={(on) => onChange(on ? { value: 1, unit: 'workday' } : undefined)} data-testid="node-budget-on" />
        {budget && (
          <Space.Compact>
            <InputNumber
              min={0}
              max={3650}
              precision={0}
              value={budget.value}
              onChange={(v) => onChange({ ...budget, value: v ?? 0 })}
              style={{ width: 100 }}
              data-testid="node-budget"
            />
            <Select value={budget.unit} options={optionsOf(t, unitLabels)} onChange={(unit) => onChange({ ...budget, unit })} style={{ width: 150 }} />
          </Space.Compact>
        )}
      </Space>
    </Setting>
  );
}

/** The settings of one node of the process: name, stage kind, who acts (role and organization rule), budget; or a parallel node's mode. */
export function NodeDrawer({
  node,
  inBranch,
  caseKind,
  onChange,
  onDelete,
  onClose,
}: {
  node: ProcessNode;
  inBranch: boolean;
  /** an immediate item's decision may be the window's (窗口授权办理) */
  caseKind: ItemContent['caseKind'];
  onChange: (node: ProcessNode) => void;
  onDelete: () => void;
  onClose: () => void;
}) {
  const t = useT();
  const organizations = useOrganizationOptions();
  const orgOptions = (organizations.data ?? []).map((o) => ({ value: o.id, label: o.name }));
  const title = node.kind === 'parallel' ? t('ca.process.parallelNode') : node.kind === 'report_up' ? t('ca.process.reportUpNode') : t('ca.process.stageNode');
  return (
    <Drawer
      open
      size={420}
      title={title}
      onClose={onClose}
      extra={
        <Popconfirm title={t('ca.process.deleteConfirm')} onConfirm={onDelete} okText={t('action.remove')} cancelText={t('action.cancel')}>
          <Button danger icon={<DeleteOutlined />} data-testid="node-delete">
            {t('action.remove')}
          </Button>
        </Popconfirm>
      }
      footer={
        <Button type="primary" block onClick={onClose} data-testid="node-done">
          {t('ca.process.done')}
        </Button>
      }
      data-testid="node-drawer"
    >
      <Setting label={t('ca.process.name')}>
        <Input value={node.name} maxLength={60} onChange={(e) => onChange({ ...node, name: e.target.value })} data-testid="node-name" />
      </Setting>
      <Setting label={t('ca.process.id')} hint={t('ca.process.idHint')}>
        <Typography.Text className="mono">{node.id}</Typography.Text>
      </Setting>
      {node.kind === 'stage' && (
        <>
          <Setting label={t('ca.process.stage')}>
            <Select
              value={node.stage}
              options={optionsOf(t, stageLabels)}
              // window clerks receive and deliver, and decide an immediate item (item-rules.ts): another stage goes to an approver
              onChange={(stage) =>
                onChange({
                  ...node,
                  stage,
                  assignee: clerkMayActAt(stage, caseKind) || node.assignee.role !== 'clerk' ? node.assignee : { ...node.assignee, role: 'approver' },
                })
              }
              style={{ width: '100%' }}
              data-testid="node-stage"
            />
          </Setting>
          <Setting
            label={t('ca.process.role')}
            hint={
              clerkMayActAt(node.stage, caseKind)
                ? node.stage === 'decide' || node.stage === 'conclude'
                  ? t('ca.process.windowDecisionHint')
                  : undefined
                : t('ca.process.clerkHint')
            }
          >
            <Radio.Group
              value={node.assignee.role}
              options={optionsOf(t, roleLabels).map((o) => ({ ...o, disabled: o.value === 'clerk' && !clerkMayActAt(node.stage, caseKind) }))}
              optionType="button"
              onChange={(e) => onChange({ ...node, assignee: { ...node.assignee, role: e.target.value as typeof node.assignee.role } })}
            />
          </Setting>
          <Setting label={t('ca.process.orgRule')} hint={t('ca.process.orgRuleHint')}>
            <Radio.Group
              value={node.assignee.org}
              options={optionsOf(t, orgRuleLabels)}
              optionType="button"
              onChange={(e) => onChange({ ...node, assignee: { ...node.assignee, org: e.target.value as typeof node.assignee.org } })}
            />
          </Setting>
          <Setting label={t('ca.process.organization')} hint={t('ca.process.organizationHint')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={node.assignee.organizationId}
              options={orgOptions}
              loading={organizations.isPending}
              placeholder={t('ca.process.organizationPlaceholder')}
              onChange={(organizationId?: number) => {
                const { organizationId: _o, ...assignee } = node.assignee;
                onChange({ ...node, assignee: organizationId ? { ...assignee, organizationId } : assignee });
              }}
              style={{ width: '100%' }}
            />
          </Setting>
          <BudgetInput
            budget={node.budget}
            onChange={(budget) => {
              const { budget: _b, ...rest } = node;
              onChange(budget ? { ...rest, budget } : rest);
            }}
          />
          {inBranch && <div className="ca-setting-hint">{t('ca.process.branchBudgetHint')}</div>}
        </>
      )}
      {node.kind === 'parallel' && (
        <Setting label={t('ca.process.mode')} hint={t('ca.process.modeHint')}>
          <Radio.Group
            value={node.mode}
            options={optionsOf(t, parallelModeLabels)}
            onChange={(e) => onChange({ ...node, mode: e.target.value as typeof node.mode })}
          />
        </Setting>
      )}
      {node.kind === 'report_up' && (
        <>
          <Setting label={t('ca.process.higherOrganization')} hint={t('ca.process.higherOrganizationHint')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={node.organizationId ?? undefined}
              options={orgOptions}
              loading={organizations.isPending}
              placeholder={t('ca.process.higherPlaceholder')}
              onChange={(organizationId?: number) => onChange({ ...node, organizationId: organizationId ?? null })}
              style={{ width: '100%' }}
            />
          </Setting>
          <BudgetInput
            budget={node.budget}
            onChange={(budget) => {
              const { budget: _b, ...rest } = node;
              onChange(budget ? { ...rest, budget } : rest);
            }}
          />
        </>
      )}
    </Drawer>
  );
}
