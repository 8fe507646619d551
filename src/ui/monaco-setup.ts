import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/yaml/register';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';
import { configureMonacoYaml, type MonacoYaml, type SchemasSettings } from 'monaco-yaml';
import YamlWorker from './yaml.worker?worker';

// Monaco, bundled (no CDN): imported only by code-editor-monaco.tsx, which code-editor.tsx loads lazily,
// so none of this reaches the first load. Importing the module sets Monaco up, once: the workers (without
// the editor worker the built app cannot start one and the diff editor never computes a diff), and
// @monaco-editor/react told to use this copy instead of fetching one from a CDN.
self.MonacoEnvironment = {
  getWorker: (_workerId, label) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
};
loader.config({ monaco });

// Monaco's own themes with darker (light scheme) or lighter (dark scheme) JSON and YAML token colours: on the diff
// editor's green and red line backgrounds the stock colours measured below 4.5:1 (axe, WCAG AA).
monaco.editor.defineTheme('console-light', {
  base: 'vs',
  inherit: true,
  rules: [
    { token: 'string.key.json', foreground: '8B0000' },
    { token: 'string.value.json', foreground: '003B7A' },
    { token: 'number', foreground: '0B5128' },
    { token: 'number.json', foreground: '0B5128' },
    { token: 'keyword', foreground: '1B1BA8' },
    { token: 'keyword.json', foreground: '1B1BA8' },
    { token: 'type', foreground: '8B0000' },
    { token: 'type.yaml', foreground: '8B0000' },
    { token: 'string', foreground: '003B7A' },
    { token: 'string.yaml', foreground: '003B7A' },
    { token: 'comment', foreground: '2F4F2F' },
    { token: 'comment.yaml', foreground: '2F4F2F' },
    { token: 'operators.yaml', foreground: '000000' },
    { token: 'number.yaml', foreground: '0B5128' },
    { token: 'keyword.yaml', foreground: '1B1BA8' },
  ],
  colors: {},
});
monaco.editor.defineTheme('console-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [
    { token: 'string.key.json', foreground: 'B4E1FF' },
    { token: 'string.value.json', foreground: 'F2C6AE' },
    { token: 'number', foreground: 'CDE6C0' },
    { token: 'number.json', foreground: 'CDE6C0' },
    { token: 'keyword', foreground: 'A9D1FF' },
    { token: 'keyword.json', foreground: 'A9D1FF' },
    { token: 'type', foreground: 'B4E1FF' },
    { token: 'type.yaml', foreground: 'B4E1FF' },
    { token: 'string', foreground: 'F2C6AE' },
    { token: 'string.yaml', foreground: 'F2C6AE' },
    { token: 'comment', foreground: 'C8DCC8' },
    { token: 'comment.yaml', foreground: 'C8DCC8' },
    { token: 'operators.yaml', foreground: 'FFFFFF' },
    { token: 'number.yaml', foreground: 'CDE6C0' },
    { token: 'keyword.yaml', foreground: 'A9D1FF' },
  ],
  colors: {},
});

// A schema's address, one per editor. Hover help names its source by the address's last segment, so that
// segment is the schema's title ("opschain-workflow.schema.json"), not the editor's internal model name.
function schemaUri(modelPath: string, schema: Readonly<Record<string, unknown>>): string {
  const title = typeof schema.title === 'string' ? schema.title : 'schema';
  const slug =
    title
      .toLowerCase()
      .replaceAll(/[^a-z0-9]+/g, '-')
      .replaceAll(/^-|-$/g, '') || 'schema';
  return `${modelPath.replace('inmemory://console/', 'inmemory://console/schemas/')}/${slug}.schema.json`;
}

// Schemas by model path: Monaco's JSON options are global, so each editor with a schema registers it for its
// own model only (`fileMatch` on the model's path) and takes it away when it closes.
const schemaByModel = new Map<string, Readonly<Record<string, unknown>>>();

function applySchemas(): void {
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    enableSchemaRequest: false,
    schemas: [...schemaByModel].map(([modelPath, schema]) => ({
      uri: schemaUri(modelPath, schema),
      fileMatch: [modelPath],
      schema,
    })),
  });
}

/** Checks the model at `modelPath` against `schema` until the returned function is called. */
export function registerJsonSchema(modelPath: string, schema: Readonly<Record<string, unknown>>): () => void {
  schemaByModel.set(modelPath, schema);
  applySchemas();
  return () => {
    schemaByModel.delete(modelPath);
    applySchemas();
  };
}

// YAML schemas work the same way, through monaco-yaml. monaco-yaml 5 starts its worker with Monaco's old
// `createWebWorker({ moduleId, createData })`, which Monaco 0.57 no longer has (no diagnostics, "Missing
// requestHandler"): it gets a Monaco whose createWebWorker starts our YAML worker and hands it the options
// the way the worker's entry point expects them (a first message that starts it, then the options).
const monacoForYaml = {
  ...monaco,
  editor: {
    ...monaco.editor,
    createWebWorker: <T extends object>(options: monaco.editor.IInternalWebWorkerOptions) => {
      // Typed with 0.57's options, called with the old ones: `createData` is there at run time.
      const createData = 'createData' in options ? options.createData : undefined;
      const worker = new YamlWorker();
      worker.postMessage('ignore');
      worker.postMessage(createData);
      return monaco.editor.createWebWorker<T>({ worker });
    },
  },
};
const yamlSchemaByModel = new Map<string, Readonly<Record<string, unknown>>>();
let monacoYaml: MonacoYaml | undefined;

function yamlSchemas(): SchemasSettings[] {
  return [...yamlSchemaByModel].map(([modelPath, schema]) => ({
    uri: schemaUri(modelPath, schema),
    fileMatch: [modelPath],
    schema,
  }));
}

/** Checks, completes and explains the YAML model at `modelPath` by `schema` until the returned function is called. */
export function registerYamlSchema(modelPath: string, schema: Readonly<Record<string, unknown>>): () => void {
  yamlSchemaByModel.set(modelPath, schema);
  // Configured on first use only: monaco-yaml's worker (~300 KB gzip) starts for an editor that needs it.
  if (monacoYaml === undefined)
    monacoYaml = configureMonacoYaml(monacoForYaml, {
      enableSchemaRequest: false,
      hover: true,
      completion: true,
      validate: true,
      format: { enable: false },
      schemas: yamlSchemas(),
    });
  else void monacoYaml.update({ schemas: yamlSchemas() });
  return () => {
    yamlSchemaByModel.delete(modelPath);
    void monacoYaml?.update({ schemas: yamlSchemas() });
  };
}
