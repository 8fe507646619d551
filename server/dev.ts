// Entry for `npm run dev`: the API (emulator, or OPSCHAIN_URL proxied) on a free local port, and Vite with
// HMR in front of it, proxying /api there.
import { createServer } from 'vite';
import {
  apiConfigFromEnv,
  closeOnSignals,
  envValue,
  portFromEnv,
  printStartupError,
  projectRoot,
  serverUrl,
} from './env.ts';
import { buildServer } from './serve.ts';

try {
  const { api, banner } = apiConfigFromEnv(process.env);
  const apiServer = await buildServer({ api });
  await apiServer.listen({ port: 0, host: '127.0.0.1' });

  const vite = await createServer({
    root: projectRoot,
    server: {
      host: envValue(process.env, 'HOST') ?? '127.0.0.1',
      port: portFromEnv(envValue(process.env, 'PORT'), 5173),
      // A regular expression, so that /apiary (a console route, in theory) is not proxied. The console's
      // own server endpoints (/__console/…, see serve.ts) go to the same server.
      proxy: { '^/(api(/|\\?|$)|__console/)': { target: serverUrl(apiServer, '127.0.0.1') } },
    },
  });
  closeOnSignals(() => Promise.all([vite.close(), apiServer.close()]));
  await vite.listen();

  vite.printUrls();
  for (const line of banner) console.log(line);
} catch (error) {
  printStartupError(error);
  process.exit(1);
}
