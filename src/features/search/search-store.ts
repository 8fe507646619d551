import { createSpotlight } from '@mantine/spotlight';

// The search dialog's open state, apart from the dialog itself: the shell opens search (and loads its
// module on first use) with `searchSpotlight.open()`; the dialog reads `searchStore`.
export const [searchStore, searchSpotlight] = createSpotlight();
