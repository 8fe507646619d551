import { z } from 'zod';

// The compare page's address: `…/workflows/<w>/compare?from=1&to=2`, a link that can be shared. A missing
// or unreadable number falls back: `to` to the latest version, `from` to the version before `to`.

export const compareSearchSchema = z.object({
  from: z.number().int().min(1).optional().catch(undefined),
  to: z.number().int().min(1).optional().catch(undefined),
});
export type CompareSearch = z.infer<typeof compareSearchSchema>;

/**
 * The two versions to compare: the address's, else the latest and the one before it. `versions` are the
 * workflow's version numbers (any order); numbers the address names are kept even if not listed (the
 * page then says that version is not found).
 */
export function comparedVersions(
  versions: readonly number[],
  search: CompareSearch,
): { from: number; to: number } | null {
  const newestFirst = [...versions].sort((a, b) => b - a);
  const to = search.to ?? newestFirst[0];
  if (to === undefined) return null;
  const from =
    search.from ?? newestFirst.find((version) => version < to) ?? newestFirst.find((v) => v !== to);
  return from === undefined ? null : { from, to };
}

/** The version before `version` among `versions` (for "Compare with previous"); undefined for the first. */
export function previousVersion(versions: readonly number[], version: number): number | undefined {
  return versions.filter((candidate) => candidate < version).sort((a, b) => b - a)[0];
}
