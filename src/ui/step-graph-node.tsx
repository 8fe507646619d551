import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo, type MouseEvent } from 'react';
import { statusGroup, statusLabel, type StepTreeNode } from '@/lib/step-tree';
import { ElapsedTime } from './step-clock';
import classes from './step-graph.module.css';
import { STATUS_GROUP_COLORS, StepStatusIcon } from './step-status-icon';

// A step in the graph: status icon, name, status in words with elapsed time, the action underneath.
// The graph is for pointer users (keyboard and screen-reader users have the outline), so the collapse
// button is not a tab stop: it mirrors the outline's expand and collapse.

// React Flow wants node data to be a record; the intersection keeps the named fields typed.
export type StepNodeData = Record<string, unknown> & {
  step: StepTreeNode;
  isSelected: boolean;
  /** Steps hidden below this collapsed one (0 when expanded or a leaf). */
  hiddenCount: number;
  /** The most telling status inside a collapsed subtree, when it says more than the step's own. */
  hiddenStatus: string | null;
  onToggle: (id: string) => void;
};

export type StepFlowNode = Node<StepNodeData, 'step'>;

function StepGraphNodeView({ data }: NodeProps<StepFlowNode>) {
  const { step, isSelected, hiddenCount, hiddenStatus, onToggle } = data;
  const hasChildren = step.children.length > 0;
  const isCollapsed = hiddenCount > 0;
  const handleToggle = (event: MouseEvent) => {
    event.stopPropagation();
    onToggle(step.id);
  };
  return (
    <div
      className={classes.node}
      data-selected={isSelected || undefined}
      style={{ borderLeftColor: STATUS_GROUP_COLORS[statusGroup(step.status)] }}
      data-step-id={step.id}
    >
      <Handle type="target" position={Position.Top} className={classes.handle} isConnectable={false} />
      <div className={classes.row}>
        <StepStatusIcon status={step.status} />
        <span className={classes.name} title={step.name}>
          {step.name}
        </span>
        {hasChildren && (
          <button
            type="button"
            tabIndex={-1}
            className={classes.toggle}
            onClick={handleToggle}
            aria-label={isCollapsed ? `Expand ${step.name}` : `Collapse ${step.name}`}
            aria-expanded={!isCollapsed}
          >
            {isCollapsed ? `+${String(hiddenCount)}` : '−'}
          </button>
        )}
      </div>
      <div className={classes.row}>
        <span className={classes.meta} style={{ color: STATUS_GROUP_COLORS[statusGroup(step.status)] }}>
          {statusLabel(step.status)}
          {step.started_at !== null && ' · '}
          <ElapsedTime startedAt={step.started_at} finishedAt={step.finished_at} />
          {hiddenStatus !== null && ` · inside: ${statusLabel(hiddenStatus)}`}
        </span>
      </div>
      {step.detail !== undefined && (
        <div className={classes.row}>
          <span className={classes.meta} data-dimmed title={step.detail}>
            {step.detail}
          </span>
        </div>
      )}
      <Handle type="source" position={Position.Bottom} className={classes.handle} isConnectable={false} />
    </div>
  );
}

function sameStep(a: StepTreeNode, b: StepTreeNode): boolean {
  return (
    a === b ||
    (a.id === b.id &&
      a.name === b.name &&
      a.status === b.status &&
      a.started_at === b.started_at &&
      a.finished_at === b.finished_at &&
      a.detail === b.detail &&
      a.children.length === b.children.length)
  );
}

/** Whether a node with data `b` shows the same as with `a` (what it draws, and what its button does). */
export function isSameStepData(a: StepNodeData, b: StepNodeData): boolean {
  return (
    sameStep(a.step, b.step) &&
    a.isSelected === b.isSelected &&
    a.hiddenCount === b.hiddenCount &&
    a.hiddenStatus === b.hiddenStatus &&
    a.onToggle === b.onToggle
  );
}

// Every poll brings a new tree; a node re-renders only when what it shows changed.
export const StepGraphNode = memo(StepGraphNodeView, (prev, next) => isSameStepData(prev.data, next.data));
