// The step graph's chunk (React Flow, about 75 KB gzip), loaded once. `LazyStepGraph` renders from it; a
// route whose page shows a graph calls `preloadStepGraph` in its loader, so the chunk downloads and runs while
// the data is on its way instead of after the page has rendered without it.
type StepGraphModule = typeof import('./step-graph');

let loading: Promise<StepGraphModule> | null = null;
let loaded: StepGraphModule | null = null;

export function loadStepGraph(): Promise<StepGraphModule> {
  loading ??= import('./step-graph').then(
    (module) => {
      loaded = module;
      return module;
    },
    (error: unknown) => {
      // A failed download (offline, a new deployment) is tried again on the next use.
      loading = null;
      throw error;
    },
  );
  return loading;
}

/**
 * The chunk, when it has already loaded (preloaded by the route): the graph then renders in the page's first
 * commit instead of suspending for a turn behind a placeholder.
 */
export function loadedStepGraph(): StepGraphModule | null {
  return loaded;
}

/** Starts loading the step graph's chunk without waiting for it; a failure shows where the graph renders. */
export function preloadStepGraph(): void {
  loadStepGraph().catch(() => undefined);
}
