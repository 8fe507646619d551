import { benchLists, printLists } from './lists.ts';

// `npm run bench`: prints numbers; targets are reported, never asserted (performance lives here, not in tests).
const lists = await benchLists();
printLists(lists);
