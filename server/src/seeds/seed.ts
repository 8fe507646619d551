import type { Emulator } from '../context.ts';
import { seedBench } from './bench.ts';
import { seedDemo } from './demo.ts';
import { seedBase } from './policies.ts';

export const SEED_NAMES = ['demo', 'none', 'bench'] as const;
export type SeedName = (typeof SEED_NAMES)[number];

export function isSeedName(value: string): value is SeedName {
  return (SEED_NAMES as readonly string[]).includes(value);
}

/** Fills a new database. `none`: only the opschain superuser and the default policies. */
export function seedDatabase(emu: Emulator, seed: SeedName): void {
  emu.tx(() => {
    // The demo dates its rows over the past months, the base ones included (seedDemo calls seedBase).
    if (seed === 'demo') seedDemo(emu);
    else seedBase(emu);
    if (seed === 'bench') seedBench(emu);
  });
}
