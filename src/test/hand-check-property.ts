import fc from 'fast-check';
import { expect } from 'vitest';
import type { z } from 'zod';

export interface HandCheckProperty<S extends z.ZodType> {
  /** Inputs: mostly what the server sends, with near misses of it. */
  arbitrary: fc.Arbitrary<unknown>;
  /** The hand check: what it read, or null when it leaves the input to the schema. */
  check: (input: unknown) => unknown;
  /** The contract's schema the hand check stands in for. */
  schema: S;
  /** What the hand check should have read, from the schema's answer. @default the answer itself */
  read?: (parsed: z.output<S>) => unknown;
  numRuns: number;
}

/**
 * The property every hand check (`plain-*.ts`) must keep: it never takes an input the schema refuses, and
 * what it takes it reads exactly as the schema does. Answers how many inputs the hand check took, so a
 * test can show the generator reaches the accepting side (the property is not vacuous).
 */
export function expectHandCheckAgreesWithSchema<S extends z.ZodType>({
  arbitrary,
  check,
  schema,
  read = (parsed) => parsed,
  numRuns,
}: HandCheckProperty<S>): number {
  let taken = 0;
  fc.assert(
    fc.property(arbitrary, (input) => {
      const plain = check(input);
      if (plain === null) return;
      taken += 1;
      const checked = schema.safeParse(input);
      expect(checked.success).toBe(true);
      if (checked.success) expect(plain).toStrictEqual(read(checked.data));
    }),
    { numRuns },
  );
  return taken;
}
