import { Skeleton, Stack, VisuallyHidden } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { CodeEditorProps, DiffEditorProps } from './code-editor-types';

// Monaco is about 1 MB gzip: it loads on first use, in its own chunk, never with the first page (STYLE
// habit 10). Import this module, never code-editor-monaco.tsx or monaco-setup.ts.
const loadMonaco = () => import('./code-editor-monaco');
/**
 * Starts fetching Monaco before an editor is shown (a page whose next step is likely an edit calls it when
 * idle), so that opening the editor does not wait for the download. Never part of the first load.
 */
export function preloadCodeEditor(): void {
  void loadMonaco();
}

const LazyCodeEditor = lazy(() => loadMonaco().then((module) => ({ default: module.MonacoCodeEditor })));
const LazyDiffEditor = lazy(() => loadMonaco().then((module) => ({ default: module.MonacoDiffEditor })));

function EditorLoading({ label, height }: { label: string; height: number | string }) {
  return (
    <Stack role="status" aria-busy="true" gap={0}>
      <VisuallyHidden>Loading the editor: {label}</VisuallyHidden>
      <Skeleton height={height} radius="sm" />
    </Stack>
  );
}

/** A code editor (Monaco) for JSON or YAML, loaded on first use; a placeholder shows meanwhile. */
export function CodeEditor(props: CodeEditorProps) {
  return (
    <Suspense fallback={<EditorLoading label={props.label} height={props.height} />}>
      <LazyCodeEditor {...props} />
    </Suspense>
  );
}

/** Two versions side by side with their differences marked (Monaco), loaded on first use. */
export function DiffEditor(props: DiffEditorProps) {
  return (
    <Suspense fallback={<EditorLoading label={props.label} height={props.height} />}>
      <LazyDiffEditor {...props} />
    </Suspense>
  );
}
