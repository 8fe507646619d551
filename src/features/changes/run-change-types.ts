import type { JsonObject } from '@contract/json-api';

/** What a new change starts from: the change page's "Run again" passes the old change's values. */
export interface RunChangeInitial {
  /** The target's OpsChain path (`/projects/bank/environments/dev`). */
  target?: string | undefined;
  action?: string | undefined;
  git_remote?: string | null | undefined;
  git_rev?: string | null | undefined;
  template_version?: string | null | undefined;
  property_overrides?: JsonObject | undefined;
  metadata?: JsonObject | undefined;
}

/** The form's values, named as the API names them (so 422 pointers land on the fields). */
export interface RunChangeValues {
  parent_path: string;
  action: string;
  git_remote_name: string;
  git_rev: string;
  /** '' for the asset's current version. */
  template_version: string;
  metadata: string;
  property_overrides: string;
}

export const RUN_CHANGE_FIELDS = [
  'parent_path',
  'action',
  'git_remote_name',
  'git_rev',
  'template_version',
  'metadata',
  'property_overrides',
] as const satisfies readonly (keyof RunChangeValues)[];

/** Running a change on a node, as the server may refuse it (403): the node's Run change button then says why. */
export const RUN_CHANGE_ACTION = 'run-change';
