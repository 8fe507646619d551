import { Badge, Loader, Text, UnstyledButton } from '@mantine/core';
import {
  IconAlertTriangle,
  IconBox,
  IconChevronDown,
  IconChevronRight,
  IconFolder,
  IconServer2,
} from '@tabler/icons-react';
import type { CSSProperties, KeyboardEvent, MouseEvent } from 'react';
import type { NodeKind } from '@/lib/node-path';
import type { TreeRow } from './tree-model';
import classes from './tree.module.css';

export const ROW_HEIGHT = 30;
const INDENT = 14;

const KIND_ICONS: Record<NodeKind, typeof IconFolder> = {
  project: IconFolder,
  environment: IconServer2,
  asset: IconBox,
};

export interface TreeRowItemProps {
  row: TreeRow;
  id: string;
  isFocusable: boolean;
  style: CSSProperties;
  onToggle: (row: TreeRow) => void;
  onActivate: (row: TreeRow, event: MouseEvent) => void;
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
  onFocus: () => void;
}

function countLabel(row: TreeRow): string | null {
  const count = row.childCount;
  if (count === null) return null;
  const label =
    count.shown === count.total ? String(count.total) : `${String(count.shown)}/${String(count.total)}`;
  // While a long level is still arriving, the count is of those so far.
  return row.childStatus === 'streaming' ? `${label}…` : label;
}

/** One treeitem: chevron, icon, name and (when expanded) how many children it shows. */
export function TreeRowItem({
  row,
  id,
  isFocusable,
  style,
  onToggle,
  onActivate,
  onKeyDown,
  onFocus,
}: TreeRowItemProps) {
  const Icon = KIND_ICONS[row.node.kind];
  const count = countLabel(row);
  const handleToggle = (event: MouseEvent) => {
    // The chevron only opens and closes; the rest of the row navigates.
    event.stopPropagation();
    onToggle(row);
  };
  return (
    <div
      id={id}
      data-path={row.node.path}
      role="treeitem"
      aria-level={row.level}
      aria-setsize={row.setSize}
      aria-posinset={row.posInSet}
      aria-expanded={row.isExpandable ? row.isExpanded : undefined}
      aria-selected={row.isSelected}
      aria-busy={row.childStatus === 'loading' || row.childStatus === 'streaming' ? true : undefined}
      aria-label={row.node.archived ? `${row.node.name} (archived)` : row.node.name}
      tabIndex={isFocusable ? 0 : -1}
      className={classes.row}
      data-selected={row.isSelected || undefined}
      data-archived={row.node.archived || undefined}
      data-context={row.isContext || undefined}
      style={{ ...style, height: ROW_HEIGHT, paddingInlineStart: (row.level - 1) * INDENT + 4 }}
      onClick={(event) => {
        onActivate(row, event);
      }}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
    >
      <span className={classes.toggle} aria-hidden>
        {row.childStatus === 'loading' ? (
          <Loader size={12} />
        ) : row.childStatus === 'error' ? (
          <IconAlertTriangle size={14} color="var(--mantine-color-red-7)" />
        ) : row.isExpandable ? (
          <UnstyledButton component="span" tabIndex={-1} className={classes.chevron} onClick={handleToggle}>
            {row.isExpanded ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
          </UnstyledButton>
        ) : null}
      </span>
      <Icon size={16} aria-hidden className={classes.icon} />
      <Text
        component="span"
        size="sm"
        truncate
        className={classes.name}
        title={`${row.node.name} (${row.node.code})`}
      >
        {row.node.name}
      </Text>
      {row.node.archived ? (
        <Badge size="xs" variant="outline" color="gray" aria-hidden>
          archived
        </Badge>
      ) : null}
      {row.childStatus === 'streaming' ? <Loader size={10} aria-hidden /> : null}
      {count === null ? null : (
        <Badge size="xs" variant="light" color="gray" aria-hidden className={classes.count}>
          {count}
        </Badge>
      )}
    </div>
  );
}
