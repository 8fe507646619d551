import { useComputedColorScheme } from '@mantine/core';
import {
  Background,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useStoreApi,
  Position,
  ViewportPortal,
  type Edge,
  type NodeHandle,
  type NodeMouseHandler,
  type ReactFlowInstance,
  type Viewport,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { rollUpStatus, statusGroup } from '@/lib/step-tree';
import {
  bundlePath,
  DEFAULT_LAYOUT_OPTIONS,
  layoutStepTree,
  type PositionedStep,
  type StepTreeBundle,
} from '@/lib/step-tree-layout';
import { indexStepTree, revealIn, searchSteps, visibleSteps } from '@/lib/step-tree-nav';
import { StepClockContext, useStepClock } from './step-clock';
import classes from './step-graph.module.css';
import { isSameStepData, StepGraphNode, type StepFlowNode } from './step-graph-node';
import { StepGraphToolbar } from './step-graph-toolbar';
import type { StepGraphProps } from './step-graph-types';
import { StepOutline } from './step-outline';
import { STATUS_GROUP_COLORS } from './step-status-icon';

// The step tree as a React Flow graph with an accessible outline beside it, sharing the selection (the
// caller's URL), the collapsed steps and one clock. Heavy (React Flow): import `LazyStepGraph` from
// `step-graph-lazy.tsx`, never this module, so React Flow stays out of the first load.

const NODE_TYPES = { step: StepGraphNode };
const { nodeWidth: NODE_WIDTH, nodeHeight: NODE_HEIGHT, rankGap: RANK_GAP } = DEFAULT_LAYOUT_OPTIONS;
const centreOf = (step: PositionedStep) => ({ x: step.x + NODE_WIDTH / 2, y: step.y + NODE_HEIGHT / 2 });

/** React Flow's handle box (6 px and a 1 px border), centred on the node's top and bottom edges. */
const HANDLE_SIZE = 8;
/**
 * Where each node's handles are, told up front: without them React Flow draws every node once to measure
 * its handles (with `onlyRenderVisibleElements` too), which took seconds for 2,000 steps. Drawn nodes are
 * measured anyway and replace these.
 */
const NODE_HANDLES: NodeHandle[] = [
  {
    type: 'target',
    position: Position.Top,
    x: (NODE_WIDTH - HANDLE_SIZE) / 2,
    y: -HANDLE_SIZE / 2,
    width: HANDLE_SIZE,
    height: HANDLE_SIZE,
  },
  {
    type: 'source',
    position: Position.Bottom,
    x: (NODE_WIDTH - HANDLE_SIZE) / 2,
    y: NODE_HEIGHT - HANDLE_SIZE / 2,
    width: HANDLE_SIZE,
    height: HANDLE_SIZE,
  },
];

/**
 * The step graph with its outline. Lazy-load it through `LazyStepGraph` (`step-graph-lazy.tsx`). Memoised: the
 * page around it renders again as its other answers arrive, which would otherwise redraw the graph each time.
 */
export const StepGraph = memo(function StepGraph({
  tree,
  selectedId,
  onSelect,
  now,
  label,
  onPainted,
  height = 480,
}: StepGraphProps) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [query, setQuery] = useState('');
  /** A step to bring into view once the layout that shows it is drawn (`seq` tells repeats apart). */
  const [reveal, setReveal] = useState<{ id: string; seq: number } | null>(null);
  const revealed = useRef(0);
  // React Flow's instance, once it is ready (`onInit`); a hook (`useReactFlow`) would render all of this again
  // when React Flow starts.
  const flow = useRef<ReactFlowInstance<StepFlowNode> | null>(null);

  const index = useMemo(() => indexStepTree(tree), [tree]);
  const layout = useMemo(() => layoutStepTree(tree, collapsed), [tree, collapsed]);
  const rows = useMemo(() => visibleSteps(tree, collapsed), [tree, collapsed]);
  const matches = useMemo(() => new Set(searchSteps(index, query).map((step) => step.id)), [index, query]);
  const isRunning = useMemo(
    () => index.order.some((step) => statusGroup(step.status) === 'running'),
    [index],
  );
  const clock = useStepClock(now, isRunning);

  const handleToggle = useCallback((id: string) => {
    setCollapsed((previous) => {
      const next = new Set(previous);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);

  /** Selects a step and brings it into view: expands what hides it, then pans the graph to it. */
  const handleReveal = useCallback(
    (id: string) => {
      setCollapsed((previous) => revealIn(index, previous, id));
      setReveal((previous) => ({ id, seq: (previous?.seq ?? 0) + 1 }));
      onSelect(id);
    },
    [index, onSelect],
  );

  // A node whose step, place and marks did not change is handed to React Flow again as the same object, which
  // it then skips: a poll or a selection in a 2,000-step tree would otherwise make it take in every node anew.
  // (Derived during render from the previous nodes, React's pattern for state that follows props.)
  const [built, setBuilt] = useState(() => ({
    layout,
    selectedId,
    nodes: layout.steps.map((step) => toFlowNode(step, step.id === selectedId, handleToggle)),
  }));
  let nodes = built.nodes;
  if (built.layout !== layout || built.selectedId !== selectedId) {
    nodes = reuseNodes(
      built.nodes,
      layout.steps.map((step) => toFlowNode(step, step.id === selectedId, handleToggle)),
    );
    setBuilt({ layout, selectedId, nodes });
  }
  // Edges of wide fans are drawn by their bundle (FanBundles), not one by one.
  const edges = useMemo(
    () =>
      layout.edges
        .filter((edge) => edge.bundle === undefined)
        .map((edge): Edge => ({
          id: edge.id,
          source: edge.source,
          target: edge.target,
          type: 'smoothstep',
          focusable: false,
          ...(edge.kind === 'next' ? {} : { style: { strokeDasharray: CHILD_DASH } }),
        })),
    [layout],
  );

  useEffect(() => {
    const instance = flow.current;
    if (reveal === null || revealed.current === reveal.seq || instance === null) return;
    const target = layout.steps.find((step) => step.id === reveal.id);
    if (target === undefined) return;
    revealed.current = reveal.seq;
    const centre = centreOf(target);
    void instance.setCenter(centre.x, centre.y, { zoom: Math.max(instance.getZoom(), 0.6), duration: 200 });
  }, [reveal, layout]);

  const handleReady = useCallback((instance: ReactFlowInstance<StepFlowNode>) => {
    flow.current = instance;
  }, []);
  const viewportFor = useCallback(
    (width: number) => initialViewport(layout.steps, selectedId, width),
    [layout, selectedId],
  );

  const handleNodeClick: NodeMouseHandler<StepFlowNode> = useCallback(
    (_event, node) => {
      onSelect(node.id);
    },
    [onSelect],
  );

  return (
    <StepClockContext.Provider value={clock}>
      <StepGraphToolbar
        index={index}
        selectedId={selectedId}
        query={query}
        onQueryChange={setQuery}
        matchCount={matches.size}
        onReveal={handleReveal}
        onExpandAll={() => {
          setCollapsed(new Set());
        }}
        onCollapseAll={() => {
          setCollapsed(
            new Set(
              index.order
                .filter((step) => step.children.length > 0 && step.id !== tree.id)
                .map((step) => step.id),
            ),
          );
        }}
      />
      <div className={classes.frame}>
        <div className={classes.layout}>
          <StepGraphFrame
            nodes={nodes}
            edges={edges}
            bundles={layout.bundles}
            initialViewport={viewportFor}
            onNodeClick={handleNodeClick}
            onPainted={onPainted}
            onReady={handleReady}
            label={label}
            height={height}
          />
          <StepOutline
            rows={rows}
            collapsed={collapsed}
            selectedId={selectedId}
            onSelect={onSelect}
            onToggle={handleToggle}
            label={label}
            matches={matches}
            height={height}
          />
        </div>
      </div>
    </StepClockContext.Provider>
  );
});

function toFlowNode(step: PositionedStep, isSelected: boolean, onToggle: (id: string) => void): StepFlowNode {
  return {
    id: step.id,
    type: 'step',
    position: { x: step.x, y: step.y },
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
    handles: NODE_HANDLES,
    draggable: false,
    connectable: false,
    data: {
      step: step.node,
      isSelected,
      hiddenCount: step.hiddenCount,
      hiddenStatus: hiddenStatusOf(step),
      onToggle,
    },
  };
}

/** `next`, with each node that equals its namesake in `previous` replaced by that earlier object. */
function reuseNodes(previous: readonly StepFlowNode[], next: StepFlowNode[]): StepFlowNode[] {
  const byId = new Map(previous.map((node) => [node.id, node]));
  return next.map((node) => {
    const before = byId.get(node.id);
    return before !== undefined && isSameFlowNode(before, node) ? before : node;
  });
}

/** Same place and same data as far as the node shows it (`isSameStepData`). */
function isSameFlowNode(a: StepFlowNode, b: StepFlowNode): boolean {
  return a.position.x === b.position.x && a.position.y === b.position.y && isSameStepData(a.data, b.data);
}

/** For a collapsed step: the most telling status inside, when it differs from the step's own. */
function hiddenStatusOf(step: PositionedStep): string | null {
  if (step.hiddenCount === 0) return null;
  const inside = rollUpStatus(step.node);
  return inside === step.node.status ? null : inside;
}

/** Zoom 1 on the selected step (or the root), near the top: fitView would draw all 2,000 nodes at once. */
function initialViewport(
  steps: readonly PositionedStep[],
  selectedId: string | undefined,
  width: number,
): Viewport {
  const target = steps.find((step) => step.id === selectedId) ?? steps[0];
  if (target === undefined) return { x: 0, y: 0, zoom: 1 };
  return { x: width / 2 - centreOf(target).x, y: 24 - target.y, zoom: 1 };
}

/**
 * The overview map draws every node, visible or not, and redraws as the view moves: above this many laid-out
 * steps it cost seconds on opening a 2,000-step change and long tasks while panning, so it is left out
 * (collapsing groups brings it back).
 */
export const MINIMAP_MAX_STEPS = 300;

/**
 * How far out a large graph zooms: at the usual 0.05 every one of 2,000 steps is in view and drawn, a
 * half-second stall on each wheel step. At 0.3 a view holds about a hundred nodes; the outline, search and
 * "next failed" reach the rest.
 */
const LARGE_GRAPH_MIN_ZOOM = 0.3;

/** How a parent's edges to its children are dashed (a sequential step's edge to the next is solid). */
const CHILD_DASH = '4 3';

/**
 * Wide fans, each one path in the graph's own coordinates (React Flow's viewport portal), behind the nodes
 * as React Flow's edges are. Rendered once per layout: panning and zooming move it with the viewport.
 */
const FanBundles = memo(function FanBundles({ bundles }: { bundles: readonly StepTreeBundle[] }) {
  if (bundles.length === 0) return null;
  return (
    <ViewportPortal>
      <svg className={classes.bundles} aria-hidden>
        {bundles.map((bundle) => (
          <path
            key={bundle.id}
            className="react-flow__edge-path"
            d={bundlePath(bundle, RANK_GAP, HANDLE_SIZE / 2)}
            fill="none"
            strokeDasharray={bundle.kind === 'next' ? undefined : CHILD_DASH}
          />
        ))}
      </svg>
    </ViewportPortal>
  );
});

interface StepGraphCanvasProps {
  nodes: StepFlowNode[];
  edges: Edge[];
  /** Wide fans, drawn as one path each (their edges are not in `edges`). */
  bundles: readonly StepTreeBundle[];
  /** Where the view starts, for a canvas this wide; read once, when the canvas first renders. */
  initialViewport: (width: number) => Viewport;
  onNodeClick: NodeMouseHandler<StepFlowNode>;
  onPainted: (() => void) | undefined;
  /** React Flow is ready: its instance moves the view. */
  onReady: (instance: ReactFlowInstance<StepFlowNode>) => void;
  label: string;
}

/**
 * The graph's box. Its size is read before the first paint (a layout effect), so the canvas is drawn in the
 * page's first frame instead of after a resize observer reports it (~100 ms later with 2,000 steps); a box
 * with no size yet (a hidden tab) waits for one.
 */
const StepGraphFrame = memo(function StepGraphFrame({
  height,
  label,
  ...canvas
}: StepGraphCanvasProps & { height: number | string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null || size !== null) return undefined;
    // The box inside the border: what React Flow's pane fills.
    const measure = () => {
      if (element.clientWidth === 0 || element.clientHeight === 0) return false;
      setSize({ width: element.clientWidth, height: element.clientHeight });
      return true;
    };
    if (measure() || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => {
      if (measure()) observer.disconnect();
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, [size]);
  return (
    <div ref={ref} className={classes.canvas} style={{ height }} role="group" aria-label={`${label} (graph)`}>
      {size !== null && <StepGraphCanvas {...canvas} label={label} size={size} />}
    </div>
  );
});

function StepGraphCanvas({
  nodes,
  edges,
  bundles,
  initialViewport,
  onNodeClick,
  onPainted,
  onReady,
  label,
  size,
}: StepGraphCanvasProps & { size: { width: number; height: number } }) {
  // Read when first drawn, not in an effect after it (a dark page would draw light first).
  const colorScheme = useComputedColorScheme('light', { getInitialValueInEffect: false });
  const [defaultViewport] = useState(() => initialViewport(size.width));
  // Once React Flow has drawn its first nodes: the next frame, then a task after it, is when they are painted.
  const painted = useRef(onPainted);
  useEffect(() => {
    painted.current = onPainted;
  }, [onPainted]);
  const handleInit = useCallback(
    (instance: ReactFlowInstance<StepFlowNode>) => {
      onReady(instance);
      requestAnimationFrame(() =>
        setTimeout(() => {
          painted.current?.();
        }, 0),
      );
    },
    [onReady],
  );
  const showsMiniMap = nodes.length <= MINIMAP_MAX_STEPS;
  return (
    // The store starts with the nodes, the size and the view the canvas opens on, so React Flow's first render
    // draws the visible nodes; otherwise it takes them in after mounting and draws them a render later.
    <ReactFlowProvider
      initialNodes={nodes}
      initialEdges={edges}
      initialWidth={size.width}
      initialHeight={size.height}
    >
      <StartAt viewport={defaultViewport} />
      <ReactFlow<StepFlowNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        defaultViewport={defaultViewport}
        onlyRenderVisibleElements
        minZoom={showsMiniMap ? 0.05 : LARGE_GRAPH_MIN_ZOOM}
        maxZoom={2}
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        onNodeClick={onNodeClick}
        onInit={handleInit}
        colorMode={colorScheme}
        proOptions={{ hideAttribution: true }}
      >
        <FanBundles bundles={bundles} />
        <Background gap={24} />
        <Controls showInteractive={false} fitViewOptions={{ padding: 0.1 }} />
        {showsMiniMap ? (
          <MiniMap<StepFlowNode>
            pannable
            zoomable
            ariaLabel={`${label} (overview map)`}
            nodeColor={(node) => STATUS_GROUP_COLORS[statusGroup(node.data.step.status)]}
          />
        ) : (
          <Panel position="bottom-right" className={classes.mapNote}>
            No overview map above {MINIMAP_MAX_STEPS} steps shown: collapse groups to bring it back.
          </Panel>
        )}
      </ReactFlow>
    </ReactFlowProvider>
  );
}

/**
 * Puts the new store's view where the canvas opens (`defaultViewport`, which React Flow applies only after
 * mounting), before React Flow's first render reads it. Rendered first inside a fresh provider: nothing is
 * subscribed to the store yet. Setting the same view twice (a repeated render) changes nothing.
 */
function StartAt({ viewport }: { viewport: Viewport }) {
  const store = useStoreApi<StepFlowNode>();
  useState(() => {
    store.setState({ transform: [viewport.x, viewport.y, viewport.zoom] });
  });
  return null;
}
