import { benchLists, printLists } from './lists.ts';
import { benchLogs, printLogs } from './logs.ts';

// `npm run bench`: prints numbers; targets are reported, never asserted (performance lives here, not in tests).
// `npm run bench -- lists` or `-- logs` runs one of them.
const only = process.argv[2];
if (only === undefined || only === 'lists') printLists(await benchLists());
if (only === undefined || only === 'logs') printLogs(await benchLogs());
