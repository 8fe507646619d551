import { fileURLToPath } from 'node:url';
import { tanstackRouter } from '@tanstack/router-plugin/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev` (server/dev.ts) adds the /api proxy; this file holds what build and dev share.
export default defineConfig({
  plugins: [
    // Before react(): it generates src/routeTree.gen.ts and splits every route's component into its own
    // chunk, so the first load carries only sign-in and the shell.
    tanstackRouter({
      target: 'react',
      autoCodeSplitting: true,
      routesDirectory: './src/routes',
      generatedRouteTree: './src/routeTree.gen.ts',
      quoteStyle: 'single',
      semicolons: true,
    }),
    react(),
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
  build: { outDir: 'dist', manifest: true },
});
