import { Stack } from '@mantine/core';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { z } from 'zod';
import type { NodeSummary } from '@/api/node-summary';
import { ancestorPaths, parseNodePath } from '@/lib/node-path';
import { usePreference } from '@/lib/use-preference';
import { serverFilterStatus } from './server-filter';
import { TreeFilterStatus } from './tree-filter-status';
import { TreeLevelErrors } from './tree-level-errors';
import { flattenTree, pathsToReveal, type TreeModelInput } from './tree-model';
import { countText, TreeToolbar } from './tree-toolbar';
import { TreeView, type TreeViewHandle } from './tree-view';
import { useServerFilter } from './use-server-filter';
import { useTreeLevels } from './use-tree-levels';

export interface NodeTreeProps {
  /** The node the page shows (from the URL); null elsewhere. */
  selectedPath: string | null;
  /** Go to a node's page; `inNewTab` for Ctrl/Cmd+click. */
  onOpen: (node: NodeSummary, inNewTab: boolean) => void;
}

function ancestorsOf(path: string | null): string[] {
  const ref = path === null ? null : parseNodePath(path);
  return ref === null ? [] : ancestorPaths(ref);
}

function withPaths(set: ReadonlySet<string>, paths: readonly string[]): ReadonlySet<string> {
  return paths.every((path) => set.has(path)) ? set : new Set([...set, ...paths]);
}

const NOTHING_REVEALED = { term: '', paths: new Set<string>() };

/** The navigator: projects → environments → assets, loaded as they are opened. */
export function NodeTree({ selectedPath, onOpen }: NodeTreeProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set(ancestorsOf(selectedPath)));
  const [filter, setFilter] = useState('');
  const [showArchived, setShowArchived] = usePreference('tree.show-archived', z.boolean(), false);
  const [focusedPath, setFocusedPath] = useState<string | null>(selectedPath);
  const treeRef = useRef<TreeViewHandle>(null);

  // The selection follows the URL: opening a node elsewhere (a link, search, a deep link) opens the
  // tree down to it. Adjusted while rendering, as React recommends for state derived from props.
  const [followedPath, setFollowedPath] = useState(selectedPath);
  if (followedPath !== selectedPath) {
    setFollowedPath(selectedPath);
    setExpanded((current) => withPaths(current, ancestorsOf(selectedPath)));
    if (selectedPath !== null) setFocusedPath(selectedPath);
  }

  // Levels not loaded yet are filtered by the server: the tree opens down to each match it finds, once per
  // filter text (the user may close them again), as its projects answer.
  const server = useServerFilter(filter);
  const [revealed, setRevealed] = useState<{ term: string; paths: ReadonlySet<string> }>(NOTHING_REVEALED);
  const toReveal = server.revealPaths.filter(
    (path) => !(revealed.term === server.term && revealed.paths.has(path)),
  );
  if (toReveal.length > 0) {
    const before = revealed.term === server.term ? [...revealed.paths] : [];
    setRevealed({ term: server.term, paths: new Set([...before, ...toReveal]) });
    setExpanded((current) => withPaths(current, toReveal));
  }
  const leadsToMatch = useMemo(() => new Set(server.revealPaths), [server.revealPaths]);

  const { root, levels, retry, load } = useTreeLevels(expanded, filter);
  const input: TreeModelInput = { root, levels, expanded, filter, showArchived, selectedPath, leadsToMatch };
  const model = useMemo(
    () => flattenTree({ root, levels, expanded, filter, showArchived, selectedPath, leadsToMatch }),
    [root, levels, expanded, filter, showArchived, selectedPath, leadsToMatch],
  );
  const effectiveFocus = model.rows.some((row) => row.node.path === focusedPath)
    ? focusedPath
    : (model.rows[0]?.node.path ?? null);

  // The latest model input, for the stable callbacks below (the toolbar and rows are memoised).
  const inputRef = useRef(input);
  useLayoutEffect(() => {
    inputRef.current = input;
  });
  const handleFilterChange = useCallback((text: string) => {
    setFilter(text);
    // Typing opens the loaded nodes above each match, once; the user may close them again.
    setExpanded((current) => withPaths(current, pathsToReveal({ ...inputRef.current, filter: text })));
  }, []);
  const enterTree = useCallback(() => treeRef.current?.focus(), []);
  const projectCount = root.status === 'ready' ? model.rootCount : null;

  return (
    // data-tree-filter: the filter the rendered rows reflect (the benchmark times keystroke to paint by it).
    <Stack gap="xs" style={{ flex: 1, minHeight: 0 }} data-tree-filter={filter}>
      <TreeToolbar
        filter={filter}
        onFilterChange={handleFilterChange}
        showArchived={showArchived}
        onShowArchivedChange={setShowArchived}
        countLabel={projectCount === null ? null : countText(projectCount)}
        onEnterTree={enterTree}
      />
      <TreeFilterStatus text={serverFilterStatus(server, model.rows.length === 0)} />
      <TreeLevelErrors root={root} levels={levels} rows={model.rows} onRetry={retry} />
      <TreeView
        ref={treeRef}
        rows={model.rows}
        revealPath={selectedPath}
        label="Projects, environments and assets"
        focusedPath={effectiveFocus}
        onFocusPath={setFocusedPath}
        onExpand={(paths) => {
          load(paths);
          setExpanded((current) => withPaths(current, paths));
        }}
        onCollapse={(path) => {
          setExpanded((current) => new Set([...current].filter((open) => open !== path)));
        }}
        onOpen={(row, inNewTab) => {
          onOpen(row.node, inNewTab);
        }}
      />
    </Stack>
  );
}
