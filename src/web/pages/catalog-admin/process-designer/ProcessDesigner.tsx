import { useState } from 'react';
import { Alert, Button, Dropdown, Space, Tag, Tooltip } from 'antd';
import { ApartmentOutlined, CloseOutlined, FlagOutlined, PlusOutlined, RiseOutlined, SolutionOutlined, UserOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n/index.tsx';
import type { ItemContent, ProcessNode, StageNode } from '../../../api/catalog-admin.ts';
import { formatLimit, labelOf, orgRuleLabels, parallelModeLabels, roleLabels, stageLabels } from '../labels.ts';
import { NodeDrawer } from './NodeDrawer.tsx';
import {
  addBranch,
  allIds,
  budgetSums,
  insertInBranch,
  insertTop,
  newParallel,
  newReportUp,
  newStage,
  nodeAt,
  processHints,
  removeAt,
  removeBranch,
  replaceAt,
  type NodePath,
} from './process-model.ts';
import './process-designer.css';

type Kind = ProcessNode['kind'];

/** The "+" on a connector: a stage anywhere, and at the top level also a parallel or report-up node. */
function AddButton({ onAdd, stagesOnly, testId, readOnly }: { onAdd: (kind: Kind) => void; stagesOnly?: boolean; testId: string; readOnly: boolean }) {
  const t = useT();
  if (readOnly) return <div className="ca-connector" />;
  const button = (
    <Button shape="circle" size="small" type="primary" icon={<PlusOutlined />} className="ca-add" data-testid={testId} aria-label={t('ca.process.add')} />
  );
  return (
    <div className="ca-connector">
      {stagesOnly ? (
        <Tooltip title={t('ca.process.addStage')}>
          <span onClick={() => onAdd('stage')}>{button}</span>
        </Tooltip>
      ) : (
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'stage', icon: <UserOutlined />, label: t('ca.process.addStage') },
              { key: 'parallel', icon: <ApartmentOutlined />, label: t('ca.process.addParallel') },
              { key: 'report_up', icon: <RiseOutlined />, label: t('ca.process.addReportUp') },
            ],
            onClick: ({ key }) => onAdd(key as Kind),
          }}
        >
          {button}
        </Dropdown>
      )}
    </div>
  );
}

/** One stage or report-up node: its kind, name and who acts, with a delete corner. */
function NodeCard({
  node,
  onOpen,
  onDelete,
  readOnly,
}: {
  node: StageNode | Extract<ProcessNode, { kind: 'report_up' }>;
  onOpen: () => void;
  onDelete: () => void;
  readOnly: boolean;
}) {
  const t = useT();
  const isStage = node.kind === 'stage';
  const meta = isStage ? [labelOf(t, roleLabels, node.assignee.role), labelOf(t, orgRuleLabels, node.assignee.org)] : [t('ca.process.reportUpMeta')];
  return (
    <div
      className={`ca-node ca-node-${node.kind}${isStage ? ` ca-stage-${node.stage}` : ''}${readOnly ? ' readonly' : ''}`}
      onClick={readOnly ? undefined : onOpen}
      data-testid={`flow-node-${node.id}`}
    >
      <div className="ca-node-head">
        {isStage ? <SolutionOutlined /> : <RiseOutlined />}
        <span className="ca-node-kind">{isStage ? labelOf(t, stageLabels, node.stage) : t('ca.process.reportUpNode')}</span>
        {!readOnly && (
          <CloseOutlined
            className="ca-node-delete"
            onClick={(e) => {
              e.stopPropagation();
              onDelete();
            }}
            aria-label={t('action.remove')}
          />
        )}
      </div>
      <div className="ca-node-body">
        <div className="ca-node-name">{node.name}</div>
        <div className="ca-node-meta">
          {meta.join(' · ')}
          {node.budget && <Tag className="ca-node-budget">{formatLimit(t, node.budget)}</Tag>}
        </div>
      </div>
    </div>
  );
}

/**
 * 流程设计: the process as a column of node cards joined by lines, with "+" between them to insert a
 * stage, a parallel node (its branches side by side) or a report-up node. Clicking a card edits it.
 */
export function ProcessDesigner({
  content,
  readOnly,
  onChange,
}: {
  content: ItemContent;
  readOnly: boolean;
  onChange: (process: ItemContent['process']) => void;
}) {
  const t = useT();
  const nodes = content.process.nodes;
  const [open, setOpen] = useState<NodePath | null>(null);
  const write = (next: ProcessNode[]) => onChange({ nodes: next });
  const make = (kind: Kind): ProcessNode => {
    const taken = allIds(nodes);
    return kind === 'parallel' ? newParallel(taken) : kind === 'report_up' ? newReportUp(taken) : newStage(taken);
  };
  const addTop = (at: number, kind: Kind) => {
    write(insertTop(nodes, at, make(kind)));
    if (kind !== 'parallel') setOpen({ top: at });
  };
  const addInBranch = (top: number, branch: number, at: number) => {
    write(insertInBranch(nodes, top, branch, at, newStage(allIds(nodes))));
    setOpen({ top, branch, index: at });
  };
  const remove = (path: NodePath) => {
    write(removeAt(nodes, path));
    setOpen(null);
  };
  const hints = processHints(nodes, content);
  const sums = budgetSums(nodes);
  const openNode = open ? nodeAt(nodes, open) : undefined;

  return (
    <div data-testid="process-designer">
      <Space wrap className="block-gap">
        <Tag color={hints.overBudget ? 'red' : 'blue'} data-testid="process-budget">
          {sums.length
            ? t('ca.process.budgetTotal', { total: sums.map((l) => formatLimit(t, l)).join(' + '), legal: formatLimit(t, content.legalLimit) })
            : t('ca.process.budgetNone', { legal: formatLimit(t, content.legalLimit) })}
        </Tag>
        {!readOnly && <span className="muted">{t('ca.process.canvasHint')}</span>}
      </Space>
      {(hints.noReceiveFirst || hints.noDecision || hints.noConclude || hints.clerkMisplaced || hints.overBudget) && (
        <Alert
          type="warning"
          showIcon
          className="block-gap"
          title={t('ca.process.hintsTitle')}
          description={
            <ul className="ca-hint-list">
              {hints.noReceiveFirst && <li>{t('ca.process.hintReceive')}</li>}
              {hints.noDecision && <li>{t('ca.process.hintDecide')}</li>}
              {hints.noConclude && <li>{t('ca.process.hintConclude')}</li>}
              {hints.clerkMisplaced && <li>{t('ca.process.hintClerk')}</li>}
              {hints.overBudget && <li>{t('ca.process.hintBudget')}</li>}
            </ul>
          }
        />
      )}
      <div className="ca-flow-canvas">
        <div className="ca-flow">
          <div className="ca-terminal">
            <FlagOutlined /> {t('ca.process.start')}
          </div>
          <AddButton onAdd={(k) => addTop(0, k)} testId="flow-add-0" readOnly={readOnly} />
          {nodes.map((n, i) => (
            <div key={n.id + i} className="ca-flow-step">
              {n.kind === 'parallel' ? (
                <div className="ca-parallel" data-testid={`flow-node-${n.id}`}>
                  <div className={`ca-parallel-head${readOnly ? ' readonly' : ''}`} onClick={readOnly ? undefined : () => setOpen({ top: i })}>
                    <ApartmentOutlined />
                    <span className="ca-parallel-name">{n.name}</span>
                    <Tag color="purple">{labelOf(t, parallelModeLabels, n.mode)}</Tag>
                    {!readOnly && (
                      <Space size={4} onClick={(e) => e.stopPropagation()}>
                        <Button size="small" icon={<PlusOutlined />} onClick={() => write(addBranch(nodes, i))} data-testid={`parallel-add-branch-${i}`}>
                          {t('ca.process.addBranch')}
                        </Button>
                        <Button size="small" type="text" danger icon={<CloseOutlined />} onClick={() => remove({ top: i })} aria-label={t('action.remove')} />
                      </Space>
                    )}
                  </div>
                  <div className="ca-branches">
                    {n.branches.map((b, j) => (
                      <div key={j} className="ca-branch" data-testid={`branch-${i}-${j}`}>
                        <div className="ca-branch-title">
                          {t('ca.process.branchN', { n: j + 1 })}
                          {!readOnly && (
                            <CloseOutlined
                              className="ca-branch-delete"
                              onClick={() => write(removeBranch(nodes, i, j))}
                              aria-label={t('ca.process.removeBranch')}
                            />
                          )}
                        </div>
                        <AddButton stagesOnly onAdd={() => addInBranch(i, j, 0)} testId={`branch-add-${i}-${j}-0`} readOnly={readOnly} />
                        {b.map((s, k) => (
                          <div key={s.id + k} className="ca-flow-step">
                            <NodeCard
                              node={s}
                              readOnly={readOnly}
                              onOpen={() => setOpen({ top: i, branch: j, index: k })}
                              onDelete={() => remove({ top: i, branch: j, index: k })}
                            />
                            <AddButton stagesOnly onAdd={() => addInBranch(i, j, k + 1)} testId={`branch-add-${i}-${j}-${k + 1}`} readOnly={readOnly} />
                          </div>
                        ))}
                        {b.length === 0 && <div className="ca-branch-empty">{t('ca.process.emptyBranch')}</div>}
                      </div>
                    ))}
                    {n.branches.length < 2 && <div className="ca-branch ca-branch-missing">{t('ca.process.needTwoBranches')}</div>}
                  </div>
                </div>
              ) : (
                <NodeCard node={n} readOnly={readOnly} onOpen={() => setOpen({ top: i })} onDelete={() => remove({ top: i })} />
              )}
              <AddButton onAdd={(k) => addTop(i + 1, k)} testId={`flow-add-${i + 1}`} readOnly={readOnly} />
            </div>
          ))}
          <div className="ca-terminal end">{t('ca.process.end')}</div>
        </div>
      </div>
      {open && openNode && (
        <NodeDrawer
          node={openNode}
          inBranch={open.branch !== undefined}
          caseKind={content.caseKind}
          onChange={(node) => write(replaceAt(nodes, open, node))}
          onDelete={() => remove(open)}
          onClose={() => setOpen(null)}
        />
      )}
    </div>
  );
}
