import type { WorkflowVersion } from '@/api/workflows';

/** A version's state in words: `draft`, `published`, `archived`. */
export function versionState(version: Pick<WorkflowVersion, 'draft' | 'archived'>): string {
  if (version.archived) return 'archived';
  return version.draft ? 'draft' : 'published';
}

/** `v3 (draft)`: a version as a choice in a list. */
export function versionLabel(version: Pick<WorkflowVersion, 'version' | 'draft' | 'archived'>): string {
  return `v${String(version.version)} (${versionState(version)})`;
}
