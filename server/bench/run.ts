import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchLists, printLists } from './lists.ts';
import { benchLogs, printLogs } from './logs.ts';

// `npm run bench`: prints numbers; targets are reported, never asserted (performance lives here, not in tests).
// `npm run bench -- lists`, `-- logs`, `-- layout` or `-- access` runs one of them.
const only = process.argv[2];
if (only === undefined || only === 'lists') printLists(await benchLists());
if (only === undefined || only === 'logs') printLogs(await benchLogs());
if (only === undefined || only === 'layout') {
  // The step graph layout is console code (src/lib), which the emulator may not import: it runs as its own
  // script, with the console's path aliases.
  const root = fileURLToPath(new URL('../..', import.meta.url));
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench-step-layout.ts'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TSX_TSCONFIG_PATH: 'tsconfig.base.json' },
  });
}
if (only === undefined || only === 'access') {
  // The access explainer and impact preview are console code too (src/lib/access-model.ts).
  const root = fileURLToPath(new URL('../..', import.meta.url));
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench-access.ts'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TSX_TSCONFIG_PATH: 'tsconfig.base.json' },
  });
}
