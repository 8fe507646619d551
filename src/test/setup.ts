import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Vitest runs without globals, so Testing Library cannot register its own cleanup. happy-dom implements
// matchMedia, which Mantine needs; jsdom would need a stand-in here.
afterEach(() => {
  cleanup();
});

// findBy*/waitFor wait up to 1 s by default; pages that load over the emulator can take longer on a loaded
// CI machine. Waiting longer costs nothing when they are quick.
configure({ asyncUtilTimeout: 5_000 });
