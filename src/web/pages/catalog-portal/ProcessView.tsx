import { Steps, Tag } from 'antd';
import { useT, type MessageKey, type TFunction } from '../../i18n/index.tsx';
import type { ItemContent } from '../../api/catalog.ts';
import { formatLimit } from './labels.ts';

type Node = ItemContent['process']['nodes'][number];
type Stage = Extract<Node, { kind: 'stage' }>;

/** Who acts at a stage: the organization (by name where the item names it: the one implementing it, or a joint one) and the role. */
function assignee(t: TFunction, stage: Stage, orgNames: Map<number, string>, implementingName: string | undefined): string {
  const who = t(`guide.assignee.${stage.assignee.role}` as MessageKey);
  const named = stage.assignee.organizationId
    ? orgNames.get(stage.assignee.organizationId)
    : stage.assignee.org === 'implementing'
      ? implementingName
      : undefined;
  return `${named ?? t(`guide.assignee.${stage.assignee.org}` as MessageKey)} · ${who}`;
}

function Budget({ limit }: { limit: Stage['budget'] }) {
  const t = useT();
  if (!limit) return null;
  return <Tag className="proc-budget">{t('guide.budget', { limit: formatLimit(t, limit) })}</Tag>;
}

/**
 * 办理流程 as steps: stages with who acts and their time budgets; parallel approval (并联, countersign 会签
 * or any-sign 或签) as nested branch lists; a report to a higher authority (上报) with its budget.
 */
export function ProcessView({
  process,
  orgNames,
  implementingName,
}: {
  process: ItemContent['process'];
  orgNames: Map<number, string>;
  /** The organization implementing the item, named where a stage is its own. */
  implementingName?: string;
}) {
  const t = useT();
  const items = process.nodes.map((node) => {
    if (node.kind === 'stage') {
      return {
        key: node.id,
        title: node.name,
        content: (
          <div className="proc-desc">
            <span>{assignee(t, node, orgNames, implementingName)}</span>
            <Budget limit={node.budget} />
          </div>
        ),
      };
    }
    if (node.kind === 'parallel') {
      return {
        key: node.id,
        title: (
          <span>
            {node.name} <Tag color="purple">{t(`guide.parallel.tag.${node.mode}` as MessageKey)}</Tag>
          </span>
        ),
        content: (
          <div className="proc-desc" data-testid="process-parallel">
            <div>{t(`guide.parallel.${node.mode}` as MessageKey)}</div>
            <ol className="proc-branches">
              {node.branches.map((branch, i) => (
                <li key={i}>
                  <span className="proc-branch-label">{t('guide.branch', { n: i + 1 })}</span>
                  <ul>
                    {branch.map((stage) => (
                      <li key={stage.id}>
                        <div className="proc-branch-stage">{stage.name}</div>
                        <div className="cell-sub">
                          {assignee(t, stage, orgNames, implementingName)}
                          <Budget limit={stage.budget} />
                        </div>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          </div>
        ),
      };
    }
    return {
      key: node.id,
      title: (
        <span>
          {node.name} <Tag color="orange">{t('guide.reportUp')}</Tag>
        </span>
      ),
      content: (
        <div className="proc-desc">
          {node.organizationId ? <span>{orgNames.get(node.organizationId) ?? t('guide.assignee.higher')}</span> : <span>{t('guide.assignee.higher')}</span>}
          <Budget limit={node.budget} />
        </div>
      ),
    };
  });
  // every stage is a part of the process, none is "current": all shown alike, numbered
  return (
    <Steps
      orientation="vertical"
      size="small"
      current={-1}
      items={items.map((i) => ({ ...i, status: 'process' as const }))}
      className="proc-steps"
      data-testid="process-steps"
    />
  );
}
