import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { tanstackRouter } from '@tanstack/router-plugin/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** Libraries that stay in chunks of their own, loaded only by the page that needs them (editor, graph, …). */
const OWN_CHUNK_LIBS = /monaco|@xyflow|[\\/]d3-|yaml|anser|vscode|dagre|jsondiffpatch|fast-json-patch|cron/;

/**
 * How the build is cut into files. Left to itself it made 249 chunks, 114 of them under 2 KB (a Mantine
 * component or a helper shared by some set of pages): the change page pulled 121 files, and each page load
 * spent ~60–80 ms in Vite's preload helper adding a modulepreload link per file, with as many requests for
 * the console server. Grouped: the first load in one chunk, the libraries pages share in one, the console's
 * own shared modules merged by the pages that use them.
 */
const CHUNK_GROUPS = [
  { name: 'initial', tags: ['$initial' as const], priority: 3 },
  {
    name: 'lazy-libs',
    test: (id: string) => id.includes('node_modules') && !OWN_CHUNK_LIBS.test(id),
    priority: 2,
  },
  {
    name: 'lazy-shared',
    test: /[\\/](src[\\/](ui|api|lib)|contract)[\\/]/,
    minShareCount: 2,
    priority: 1,
    entriesAware: true,
    entriesAwareMergeThreshold: 20_000,
  },
];

/** Files worth compressing; fonts in woff2 and images are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|map|ttf)$/;
/** Below this size compression does not pay (the console server's own on-the-fly threshold). */
const COMPRESS_MIN_BYTES = 1024;

/**
 * Writes a `.br` and a `.gz` beside every compressible file of the build, which the console server sends as
 * they are (`preCompressed`, server/serve.ts): compressing 130 chunks again on every first visit took the
 * server's one thread away from the API answers the page was waiting for.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'opschain-console:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async closeBundle() {
      const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
      const files = entries
        // Not Vite's own `.vite/` (the manifest): only what the server serves.
        .filter(
          (entry) => entry.isFile() && COMPRESSIBLE.test(entry.name) && !entry.parentPath.includes('.vite'),
        )
        .map((entry) => join(entry.parentPath, entry.name));
      await Promise.all(
        files.map(async (file) => {
          const content = await readFile(file);
          if (content.length < COMPRESS_MIN_BYTES) return;
          const [br, gz] = await Promise.all([
            promisify(brotliCompress)(content, { params: { [zlib.BROTLI_PARAM_QUALITY]: 6 } }),
            promisify(gzip)(content, { level: 9 }),
          ]);
          await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
        }),
      );
    },
  };
}

// `npm run dev` (server/dev.ts) adds the /api proxy; this file holds what build and dev share.
export default defineConfig({
  plugins: [
    // Before react(): it generates src/routeTree.gen.ts and splits every route's component into its own
    // chunk, so the first load carries only sign-in and the shell.
    tanstackRouter({
      target: 'react',
      autoCodeSplitting: true,
      // Sign-in and the signed-in shell are part of every first load: not split off, so what they import is
      // `$initial` below and stays in the first chunk instead of being fetched behind it.
      codeSplittingOptions: {
        splitBehavior: ({ routeId }) => (routeId === '/sign-in' || routeId === '/_authed' ? [] : undefined),
      },
      routesDirectory: './src/routes',
      generatedRouteTree: './src/routeTree.gen.ts',
      quoteStyle: 'single',
      semicolons: true,
    }),
    react(),
    precompress(),
  ],
  resolve: {
    alias: [
      { find: '@', replacement: fileURLToPath(new URL('./src', import.meta.url)) },
      { find: '@contract', replacement: fileURLToPath(new URL('./contract', import.meta.url)) },
      // monaco-yaml 5 imports Monaco's old deep paths (`monaco-editor/esm/vs/editor/editor.worker`), which
      // Monaco 0.57's exports no longer list: point them at the files themselves.
      {
        find: /^monaco-editor\/esm\/vs\/(.*?)(?:\.js)?$/,
        replacement: `${fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url))}$1.js`,
      },
    ],
  },
  // Pre-bundled for the dev server, or its first visit to the editor reloads the page.
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js'] },
  worker: { format: 'es' },
  // The manifest lets the benchmark add up what the first load (sign-in, shell) needs.
  build: {
    outDir: 'dist',
    manifest: true,
    rolldownOptions: { output: { codeSplitting: { groups: CHUNK_GROUPS } } },
  },
});
