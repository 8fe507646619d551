// The step graph's chunk (React Flow, about 75 KB gzip), loaded once. `LazyStepGraph` renders from it; a
// route whose page shows a graph calls `preloadStepGraph` in its loader, so the chunk downloads and runs while
// the data is on its way instead of after the page has rendered without it.
let loading: Promise<typeof import('./step-graph')> | null = null;

export function loadStepGraph(): Promise<typeof import('./step-graph')> {
  loading ??= import('./step-graph').catch((error: unknown) => {
    // A failed download (offline, a new deployment) is tried again on the next use.
    loading = null;
    throw error;
  });
  return loading;
}

/** Starts loading the step graph's chunk without waiting for it; a failure shows where the graph renders. */
export function preloadStepGraph(): void {
  loadStepGraph().catch(() => undefined);
}
