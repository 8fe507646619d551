import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/yaml/register';
import 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';

// Monaco, bundled (no CDN): imported only by code-editor-monaco.tsx, which code-editor.tsx loads lazily,
// so none of this reaches the first load. Importing the module sets Monaco up, once: the workers (without
// the editor worker the built app cannot start one and the diff editor never computes a diff), and
// @monaco-editor/react told to use this copy instead of fetching one from a CDN.
self.MonacoEnvironment = {
  getWorker: (_workerId, label) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
};
loader.config({ monaco });
