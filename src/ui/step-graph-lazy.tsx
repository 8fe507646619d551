import { Skeleton, Stack, VisuallyHidden } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { loadedStepGraph, loadStepGraph } from './step-graph-chunk';
import type { StepGraphProps } from './step-graph-types';

// React Flow (about 75 KB gzip) loads with the first step graph, in its own chunk, never with the first
// page (STYLE habit 10). Import this module, never step-graph.tsx.
const LazyGraph = lazy(() => loadStepGraph().then((module) => ({ default: module.StepGraph })));

/**
 * The steps of a change (or workflow run) as a graph with an accessible outline beside it: statuses,
 * live elapsed time, collapse and expand, search and "next failed / waiting" jumps. Loaded on first use.
 */
export function LazyStepGraph(props: StepGraphProps) {
  // Decided once: switching from the lazy path to the loaded one later would remount the graph.
  const [Loaded] = useState(() => loadedStepGraph()?.StepGraph);
  if (Loaded !== undefined) return <Loaded {...props} />;
  return (
    <Suspense
      fallback={
        <Stack role="status" aria-busy="true" gap={0}>
          <VisuallyHidden>Loading the step graph: {props.label}</VisuallyHidden>
          <Skeleton height={props.height ?? 480} radius="sm" />
        </Stack>
      }
    >
      <LazyGraph {...props} />
    </Suspense>
  );
}
