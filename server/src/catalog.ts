/**
 * The built-in action catalog. There is no Git or runner here, so every git remote revision and template
 * version offers these actions (as `actions` of template versions and assets).
 */
export interface CatalogAction {
  name: string;
  description: string;
}

export const CATALOG_ACTIONS: readonly CatalogAction[] = [
  { name: 'hello', description: 'Says hello: one step, about 3 seconds' },
  { name: 'deploy', description: 'Build, test (unit and integration in parallel) and release' },
  { name: 'provision', description: 'Provision five hosts in parallel' },
  { name: 'approval_gate', description: 'Waits for approval from the approvers group, then runs' },
  { name: 'manual_wait', description: 'Waits for someone to continue it, then runs' },
  { name: 'failing', description: 'Three sequential steps; the second fails' },
  { name: 'slow', description: 'Runs for about two minutes' },
  {
    name: 'noisy',
    description: 'Writes many log lines quickly (property_overrides.log_lines, default 10,000)',
  },
  {
    name: 'big_tree',
    description:
      'About 2,000 short steps in nested sequential and parallel groups (property_overrides.step_count)',
  },
];
