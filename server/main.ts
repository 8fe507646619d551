// Entry for `npm start` (console + API) and `npm run emulator` (`--emulator-only`: the API alone, no build).
import { resolve } from 'node:path';
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

const emulatorOnly = process.argv.includes('--emulator-only');

try {
  const { api, banner } = apiConfigFromEnv(process.env);
  const port = portFromEnv(envValue(process.env, 'PORT'), 8080);
  const host = envValue(process.env, 'HOST') ?? '127.0.0.1';
  const app = await buildServer({
    api,
    // CONSOLE_DIR: another build's output (a second checkout's e2e run, or `vite build --outDir`).
    ...(emulatorOnly
      ? {}
      : { consoleDir: resolve(projectRoot, envValue(process.env, 'CONSOLE_DIR') ?? 'dist') }),
  });
  closeOnSignals(() => app.close());
  await app.listen({ port, host });

  const url = serverUrl(app, host);
  console.log(emulatorOnly ? `OpsChain API emulator: ${url}/api` : `OpsChain Console: ${url}/`);
  for (const line of banner) console.log(line);
} catch (error) {
  printStartupError(error);
  process.exit(1);
}
