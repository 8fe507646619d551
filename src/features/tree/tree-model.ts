import type { NodeSummary } from '@/api/node-summary';
import type { UnreadableRow } from '@/lib/list-rows';

// The navigator's model, without React: which rows are visible for the loaded levels, the expanded set,
// the filter text and the archived toggle. Rows carry what the WAI-ARIA tree pattern needs (level, set
// size, position) because the rendered tree is flat and virtualised.

/** Above this many children a level is filtered by the server (`filter[name_cont]`/`code_cont`). */
export const LARGE_LEVEL = 200;

/** `streaming`: the first children are in and shown, more are arriving (a long asset level). */
export type LevelStatus = 'loading' | 'streaming' | 'error' | 'ready';

/** Whether a level's children can be shown (all of them, or those that have arrived so far). */
export function hasNodes(level: Level | undefined): level is Level {
  return level?.status === 'ready' || level?.status === 'streaming';
}

/** The children of one node (or the projects at the root), as far as they are loaded. */
export interface Level {
  status: LevelStatus;
  /** Why the level failed to load, when its status is 'error'. */
  error?: unknown;
  /** Every child the server listed (so far, while streaming); empty while loading or failed. */
  nodes: readonly NodeSummary[];
  /** Children the server listed that the console could not read (marked below the tree). */
  unreadable?: readonly UnreadableRow[] | undefined;
  /**
   * For a large level while the filter is active: the children the server found for the filter text,
   * once it answered. Until then the level is narrowed on the client.
   */
  serverMatches?: readonly NodeSummary[] | undefined;
}

export interface TreeModelInput {
  root: Level;
  /** Levels by parent path; present for nodes that were expanded at some point. */
  levels: ReadonlyMap<string, Level>;
  expanded: ReadonlySet<string>;
  filter: string;
  showArchived: boolean;
  selectedPath: string | null;
  /**
   * Nodes the server says lead to a match of the filter (their projects and environments): shown while
   * their own level is still loading, so a match being opened to does not hide its way there.
   */
  leadsToMatch?: ReadonlySet<string> | undefined;
}

export interface Count {
  shown: number;
  total: number;
}

export interface TreeRow {
  node: NodeSummary;
  /** aria-level, from 1. */
  level: number;
  /** aria-setsize and aria-posinset among the visible siblings. */
  setSize: number;
  posInSet: number;
  isExpandable: boolean;
  isExpanded: boolean;
  /** The state of the children of an expanded row; null when collapsed or a leaf. */
  childStatus: LevelStatus | null;
  /** How many children an expanded, loaded row shows of how many it has (archived ones count when shown). */
  childCount: Count | null;
  /** Index of the parent row, null at the top. */
  parentIndex: number | null;
  isSelected: boolean;
  /** Whether the row itself matches the filter (rather than being shown for a matching descendant). */
  isMatch: boolean;
  /** Shown only as the way to a match below it while filtering; drawn subdued. */
  isContext: boolean;
}

export interface TreeModel {
  rows: TreeRow[];
  rootCount: Count;
}

export function isExpandable(node: NodeSummary): boolean {
  return node.meta.can_have_children && node.meta.child_node_types.length > 0;
}

/** The filter as matched: trimmed and lower-cased; '' means no filter. */
export function normaliseFilter(filter: string): string {
  return filter.trim().toLocaleLowerCase();
}

export function matchesFilter(node: NodeSummary, filter: string): boolean {
  return (
    filter === '' ||
    node.name.toLocaleLowerCase().includes(filter) ||
    node.code.toLocaleLowerCase().includes(filter)
  );
}

/** Whether a level is big enough for the server to filter it. */
export function isLargeLevel(level: Level | undefined): boolean {
  return level !== undefined && level.nodes.length > LARGE_LEVEL;
}

function isOnSelectedBranch(path: string, selectedPath: string | null): boolean {
  return selectedPath !== null && (selectedPath === path || selectedPath.startsWith(`${path}/`));
}

const serverMatchPaths = new WeakMap<Level, ReadonlySet<string>>();

/** The paths of a level's server matches, as a set computed once per level object. */
function serverMatchSet(level: Level): ReadonlySet<string> | undefined {
  const matches = level.serverMatches;
  if (matches === undefined) return undefined;
  let paths = serverMatchPaths.get(level);
  if (paths === undefined) {
    paths = new Set(matches.map((node) => node.path));
    serverMatchPaths.set(level, paths);
  }
  return paths;
}

class Flattener {
  private readonly input: TreeModelInput;
  private readonly filter: string;
  private readonly descendantMatch = new Map<string, boolean>();
  readonly rows: TreeRow[] = [];

  constructor(input: TreeModelInput) {
    this.input = input;
    this.filter = normaliseFilter(input.filter);
  }

  /** Archived nodes stay visible when asked for, or when the selection is on them or below them. */
  private isShownArchived(node: NodeSummary): boolean {
    return (
      !node.archived || this.input.showArchived || isOnSelectedBranch(node.path, this.input.selectedPath)
    );
  }

  private hasMatchingDescendant(node: NodeSummary): boolean {
    const cached = this.descendantMatch.get(node.path);
    if (cached !== undefined) return cached;
    // Guard against a cycle in bad data: assume no match while this node is being looked at.
    this.descendantMatch.set(node.path, false);
    const level = this.input.levels.get(node.path);
    const found = hasNodes(level)
      ? this.candidates(level).some((child) => this.isVisibleUnderFilter(level, child))
      : this.input.leadsToMatch?.has(node.path) === true;
    this.descendantMatch.set(node.path, found);
    return found;
  }

  private matchesIn(level: Level, node: NodeSummary): boolean {
    if (this.filter === '') return true;
    const matched = serverMatchSet(level);
    return matched === undefined ? matchesFilter(node, this.filter) : matched.has(node.path);
  }

  private isVisibleUnderFilter(level: Level, node: NodeSummary): boolean {
    return this.isShownArchived(node) && (this.matchesIn(level, node) || this.hasMatchingDescendant(node));
  }

  /** The level's nodes to consider: the server's matches come first when it has answered for a filter. */
  private candidates(level: Level): readonly NodeSummary[] {
    const matched = serverMatchSet(level);
    if (this.filter === '' || matched === undefined || level.serverMatches === undefined) return level.nodes;
    return [...level.serverMatches, ...level.nodes.filter((node) => !matched.has(node.path))];
  }

  visibleChildren(level: Level): NodeSummary[] {
    if (this.filter === '') return level.nodes.filter((node) => this.isShownArchived(node));
    const matched = serverMatchSet(level);
    if (matched !== undefined) {
      // Keep the level's order for nodes shown because of their descendants, after the server's matches.
      return this.candidates(level).filter(
        (node) => this.isShownArchived(node) && (matched.has(node.path) || this.hasMatchingDescendant(node)),
      );
    }
    return level.nodes.filter((node) => this.isVisibleUnderFilter(level, node));
  }

  count(level: Level, shown: number): Count {
    return { shown, total: level.nodes.filter((node) => this.isShownArchived(node)).length };
  }

  add(level: Level, depth: number, parentIndex: number | null): Count {
    const visible = this.visibleChildren(level);
    visible.forEach((node, position) => {
      const expandable = isExpandable(node);
      const expanded = expandable && this.input.expanded.has(node.path);
      const childLevel = expanded ? this.input.levels.get(node.path) : undefined;
      const index = this.rows.length;
      const row: TreeRow = {
        node,
        level: depth,
        setSize: visible.length,
        posInSet: position + 1,
        isExpandable: expandable,
        isExpanded: expanded,
        childStatus: expanded ? (childLevel?.status ?? 'loading') : null,
        childCount: null,
        parentIndex,
        isSelected: node.path === this.input.selectedPath,
        isMatch: this.filter !== '' && this.matchesIn(level, node),
        isContext: false,
      };
      row.isContext = this.filter !== '' && !row.isMatch;
      this.rows.push(row);
      if (hasNodes(childLevel)) row.childCount = this.add(childLevel, depth + 1, index);
    });
    return this.count(level, visible.length);
  }
}

/** The visible rows, top to bottom, and the number of projects shown. */
export function flattenTree(input: TreeModelInput): TreeModel {
  const flattener = new Flattener(input);
  const rootCount = hasNodes(input.root) ? flattener.add(input.root, 1, null) : { shown: 0, total: 0 };
  return { rows: flattener.rows, rootCount };
}

/**
 * Nodes to expand so the filter's matches in loaded levels show: every loaded node with a matching
 * descendant. Called when the filter text changes, so the user can still collapse them afterwards.
 */
export function pathsToReveal(input: TreeModelInput): string[] {
  if (normaliseFilter(input.filter) === '') return [];
  const reveal: string[] = [];
  const flattener = new Flattener({ ...input, expanded: new Set() });
  const visit = (level: Level) => {
    for (const node of flattener.visibleChildren(level)) {
      const child = input.levels.get(node.path);
      if (!hasNodes(child)) continue;
      if (flattener.visibleChildren(child).length > 0) reveal.push(node.path);
      visit(child);
    }
  };
  if (hasNodes(input.root)) visit(input.root);
  return reveal;
}
