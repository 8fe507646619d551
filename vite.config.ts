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
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      '@contract': fileURLToPath(new URL('./contract', import.meta.url)),
    },
  },
  worker: { format: 'es' },
  // The manifest lets the benchmark add up what the first load (sign-in, shell) needs.
  build: { outDir: 'dist', manifest: true },
});
