import { Badge, Loader, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import {
  IconAlertTriangle,
  IconBox,
  IconChevronDown,
  IconChevronRight,
  IconFolder,
  IconServer2,
} from '@tabler/icons-react';
import { memo, type KeyboardEvent, type MouseEvent } from 'react';
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
  /** The row's index among the visible rows. */
  index: number;
  id: string;
  isFocusable: boolean;
  /** Offset from the top of the tree, in pixels (rows are positioned by the virtualiser). */
  top: number;
  onToggle: (row: TreeRow) => void;
  onActivate: (row: TreeRow, event: MouseEvent) => void;
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>, index: number) => void;
  onFocus: (row: TreeRow) => void;
}

/** Rows are rebuilt on every model change; a row whose shown state is the same need not re-render. */
function sameRow(a: TreeRow, b: TreeRow): boolean {
  return (
    a.node === b.node &&
    a.level === b.level &&
    a.setSize === b.setSize &&
    a.posInSet === b.posInSet &&
    a.isExpandable === b.isExpandable &&
    a.isExpanded === b.isExpanded &&
    a.childStatus === b.childStatus &&
    a.childCount?.shown === b.childCount?.shown &&
    a.childCount?.total === b.childCount?.total &&
    a.isSelected === b.isSelected &&
    a.isMatch === b.isMatch &&
    a.isContext === b.isContext
  );
}

function sameProps(a: TreeRowItemProps, b: TreeRowItemProps): boolean {
  return (
    sameRow(a.row, b.row) &&
    a.index === b.index &&
    a.id === b.id &&
    a.isFocusable === b.isFocusable &&
    a.top === b.top &&
    a.onToggle === b.onToggle &&
    a.onActivate === b.onActivate &&
    a.onKeyDown === b.onKeyDown &&
    a.onFocus === b.onFocus
  );
}

function countLabel(row: TreeRow): { text: string; isPartial: boolean } | null {
  const count = row.childCount;
  if (count === null) return null;
  const isPartial = count.shown !== count.total;
  const label = isPartial ? `${String(count.shown)}/${String(count.total)}` : String(count.total);
  // While a long level is still arriving, the count is of those so far.
  return { text: row.childStatus === 'streaming' ? `${label}…` : label, isPartial };
}

/** One treeitem: chevron, icon, name and (when expanded) how many children it shows. */
export const TreeRowItem = memo(function TreeRowItem({
  row,
  index,
  id,
  isFocusable,
  top,
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
      tabIndex={isFocusable ? 0 : -1}
      className={classes.row}
      data-selected={row.isSelected || undefined}
      data-archived={row.node.archived || undefined}
      data-context={row.isContext || undefined}
      style={{
        transform: `translateY(${String(top)}px)`,
        height: ROW_HEIGHT,
        paddingInlineStart: (row.level - 1) * INDENT + 4,
      }}
      onClick={(event) => {
        onActivate(row, event);
      }}
      onKeyDown={(event) => {
        onKeyDown(event, index);
      }}
      onFocus={() => {
        onFocus(row);
      }}
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
      {/* The name comes from the visible text (WCAG 2.5.3, label in name): "Bank archived 3 children".
          The spaces between the parts are for that name; the flex row does not render them. */}
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
        <>
          {' '}
          <Badge size="xs" variant="outline" color="gray">
            archived
          </Badge>
        </>
      ) : null}
      {row.childStatus === 'streaming' ? <Loader size={10} aria-hidden /> : null}
      {count === null ? null : (
        <>
          {' '}
          <Badge size="xs" variant="light" color="gray" className={classes.count}>
            {count.text}
            <VisuallyHidden>{count.isPartial ? ' children shown' : ' children'}</VisuallyHidden>
          </Badge>
        </>
      )}
    </div>
  );
}, sameProps);
